/** Words for the history panel: why a revision exists, and what a comparison found. */
import type { DiffStats, RevisionCause, RevisionInfo } from '../types';
import { formatRelative } from './relativeTime';

const CAUSES: Record<RevisionCause, string> = {
  typing: 'While typing',
  manual: 'Saved',
  external: 'Edited in another program',
  import: 'Imported',
  restore: 'Restored',
  conflict: 'Kept in a conflict',
};

/** The cause in words an editor reads at a glance ("Saved", "Edited in another program"). */
export function causeLabel(cause: RevisionCause): string {
  return CAUSES[cause] ?? 'Saved';
}

/** "1 word", "1,204 words". */
export function wordCount(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'word' : 'words'}`;
}

/** The list entry's accessible name: "Revision 4, Saved, 5 min ago, 120 words". */
export function revisionName(r: RevisionInfo, now: number): string {
  return `Revision ${r.number}, ${causeLabel(r.cause)}, ${formatRelative(r.created_at, now)}, ${wordCount(r.word_count)}`;
}

/** "2 lines changed · 1 added · 3 removed", or that nothing differs. */
export function diffSummary(stats: DiffStats): string {
  if (stats.identical) return 'Same text as now';
  const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;
  const counts: [number, string][] = [[stats.changed, 'changed'], [stats.added, 'added'], [stats.removed, 'removed']];
  return counts
    .filter(([n]) => n > 0)
    .map(([n, what], i) => (i === 0 ? `${lines(n)} ${what}` : `${n} ${what}`))
    .join(' · ');
}

/** Index of the list item an arrow/Home/End key moves to from `index`, or null for other keys. */
export function listKeyTarget(key: string, index: number, length: number): number | null {
  if (length === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(length - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return null;
  }
}

/** The summary above a comparison: the body's changes, and whether the headline or dek differ. */
export function comparisonSummary(body: DiffStats, fields: { headline: boolean; dek: boolean }): string {
  const changed = [fields.headline ? 'headline' : '', fields.dek ? 'dek' : ''].filter(Boolean).join(' and ');
  if (body.identical) return changed ? `Same body; the ${changed} changed` : 'Same text as now';
  return changed ? `${diffSummary(body)} · the ${changed} changed too` : diffSummary(body);
}
