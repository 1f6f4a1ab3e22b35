/** Words for the history panel: why a revision exists, and what a comparison found. */
import type { DiffStats, Publication, RevisionCause, RevisionInfo } from '../types';
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
export function comparisonSummary(body: DiffStats, fields: { headline: boolean; dek: boolean; desk?: boolean }): string {
  const names = [fields.headline ? 'headline' : '', fields.dek ? 'dek' : '', fields.desk ? 'desk fields' : ''].filter(Boolean);
  const changed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
  if (body.identical) return changed ? `Same body; the ${changed} changed` : 'Same text as now';
  return changed ? `${diffSummary(body)} · the ${changed} changed too` : diffSummary(body);
}

/**
 * Which revision each publication sent: the newest revision made at or before it (a publish sends
 * the text as it stood then). Keyed by revision number, each list newest first; a publication
 * older than every revision still kept goes with the oldest. `revisions` is newest first, as listed.
 */
export function publicationsByRevision(revisions: RevisionInfo[], publications: Publication[]): Map<number, Publication[]> {
  const byRevision = new Map<number, Publication[]>();
  const oldest = revisions[revisions.length - 1];
  if (!oldest) return byRevision;
  const newestFirst = [...publications].sort((a, b) => b.published_at - a.published_at);
  for (const p of newestFirst) {
    const sent = revisions.find((r) => r.created_at <= p.published_at) ?? oldest;
    const list = byRevision.get(sent.number) ?? [];
    list.push(p);
    byRevision.set(sent.number, list);
  }
  return byRevision;
}
