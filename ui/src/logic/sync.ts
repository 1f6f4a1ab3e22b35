/**
 * What the window does about each event of the workspace sync, decided without touching the DOM
 * or the shell (the panel that carries it out is panels/workspaceSync.ts), and the smallest edit
 * that turns the editor's text into a newer one, so an outside change can be applied in place.
 */
import type { DiffStats, FileProblem, SyncEvent } from '../types';

/** One thing to do in answer to a sync event. */
export type SyncAction =
  /** The open article changed elsewhere: fetch it and update the editor in place. */
  | { kind: 'refresh-open'; announce: boolean }
  /** Articles were added, removed or changed: the library list is refetched. */
  | { kind: 'reload-list' }
  /** The open article was moved to the trash (its file was deleted). */
  | { kind: 'open-trashed' }
  /** These articles are in conflict now. */
  | { kind: 'conflicts'; ids: number[] }
  /** Which articles are in conflict must be asked again (another process may have resolved some). */
  | { kind: 'recheck-conflicts' }
  /** New photos joined the library. */
  | { kind: 'reload-photos' }
  | { kind: 'notice'; text: string }
  | { kind: 'problem'; text: string }
  | { kind: 'polling'; text: string };

/** The actions for `event`, given the article open in the editor (`null` when none is). */
export function routeSyncEvent(event: SyncEvent, openId: number | null): SyncAction[] {
  const isOpen = (ids: number[]) => openId !== null && ids.includes(openId);
  switch (event.event) {
    case 'articles_changed':
      return [{ kind: 'reload-list' }, ...(isOpen(event.ids) ? [{ kind: 'refresh-open', announce: true } as const] : [])];
    case 'created':
      return [{ kind: 'reload-list' }, { kind: 'notice', text: createdNotice(event.ids.length) }];
    case 'trashed':
      return [{ kind: 'reload-list' }, ...(isOpen(event.ids) ? [{ kind: 'open-trashed' } as const] : [])];
    case 'library_changed_elsewhere':
      return [
        { kind: 'reload-list' },
        ...(openId !== null ? [{ kind: 'refresh-open', announce: false } as const] : []),
        { kind: 'recheck-conflicts' },
      ];
    case 'conflicts':
      return [{ kind: 'conflicts', ids: event.ids }];
    case 'problems':
      return event.problems.map((p) => ({ kind: 'problem', text: problemText(p) }));
    case 'photos_added':
      return [{ kind: 'reload-photos' }];
    case 'watching_by_polling':
      return [{ kind: 'polling', text: pollingText(event.reason) }];
    case 'error':
      return [{ kind: 'problem', text: `The workspace folder could not be synced: ${event.message}` }];
    case 'ready':
    case 'files_written':
    case 'files_removed':
      return [];
  }
}

/** The last part of a path, whichever separator it uses. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

export function problemText(p: FileProblem): string {
  return `${fileName(p.path)}: ${p.message}`;
}

export function pollingText(reason: string): string {
  const why = reason.trim().replace(/\.$/, '');
  return `The workspace folder is checked every second instead of watched (${why}). Changes made in other programs still arrive, a moment later.`;
}

export function createdNotice(n: number): string {
  return n === 1 ? 'A new article arrived from a file in the workspace folder.' : `${n} new articles arrived from files in the workspace folder.`;
}

/** The notice shown when the open article took an outside change; files are named `<slug>.md`. */
export function updatedNotice(slug: string): string {
  return `Updated from ${slug}.md`;
}

/** The banner over an article in conflict. */
export function conflictText(path: string): string {
  return `This story was changed in the app and in its file ${path}. Neither was overwritten.`;
}

/**
 * The line above a conflict's comparison, left (the app) against right (the file):
 * "2 lines differ · 1 only in the file · 1 only in the app · the headline differs too".
 */
export function conflictSummary(body: DiffStats, fields: { headline: boolean; dek: boolean }): string {
  const named = [fields.headline ? 'headline' : '', fields.dek ? 'dek' : ''].filter(Boolean).join(' and ');
  const verb = fields.headline && fields.dek ? 'differ' : 'differs';
  if (body.identical) return named ? `Same text; the ${named} ${verb}` : 'Same text on both sides';
  const parts: string[] = [];
  if (body.changed > 0) parts.push(`${body.changed} ${body.changed === 1 ? 'line differs' : 'lines differ'}`);
  if (body.added > 0) parts.push(`${body.added} ${body.added === 1 ? 'line' : 'lines'} only in the file`);
  if (body.removed > 0) parts.push(`${body.removed} ${body.removed === 1 ? 'line' : 'lines'} only in the app`);
  if (named) parts.push(`the ${named} ${verb} too`);
  return parts.join(' · ');
}

/** One edit: replace `from..to` of the old text by `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/**
 * The single replacement that turns `before` into `after`, keeping their common start and end
 * (so a cursor outside the changed stretch stays where it is); `null` when they are equal. Never
 * cuts a surrogate pair in half.
 */
export function minimalChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  const room = max - start;
  while (end < room && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/** Above this many line pairs the middle of two texts is replaced as one stretch (a cheap bound on memory and time). */
const LINE_PAIRS_LIMIT = 1_000_000;

/**
 * The edits that turn `before` into `after`, in `before`'s offsets, sorted and apart: lines are
 * matched (longest common subsequence) so that separate changes stay separate edits, and each
 * edit is trimmed to the characters that differ. A cursor on a line neither side touched keeps its
 * place, whatever changed above and below it. Empty when the texts are equal.
 */
export function textChanges(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aStarts = offsets(a);
  const bStarts = offsets(b);
  const changes: TextChange[] = [];
  const hunk = (i0: number, i1: number, j0: number, j1: number) => {
    const from = aStarts[i0]!;
    const oldText = before.slice(from, aStarts[i1]);
    const newText = after.slice(bStarts[j0], bStarts[j1]);
    const c = minimalChange(oldText, newText);
    if (c) changes.push({ from: from + c.from, to: from + c.to, insert: c.insert });
  };
  const aEnd = a.length - tail;
  const bEnd = b.length - tail;
  const n = aEnd - head;
  const m = bEnd - head;
  if (n * m > LINE_PAIRS_LIMIT) {
    hunk(head, aEnd, head, bEnd);
    return changes;
  }
  // lcs[i][j] (flattened): the longest common run of lines of a[head+i..] and b[head+j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[head + i] === b[head + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  let i0 = 0;
  let j0 = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      if (i0 < i || j0 < j) hunk(head + i0, head + i, head + j0, head + j);
      i++;
      j++;
      i0 = i;
      j0 = j;
    } else if (j >= m || (i < n && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      i++;
    } else {
      j++;
    }
  }
  if (i0 < n || j0 < m) hunk(head + i0, aEnd, head + j0, bEnd);
  return changes;
}

/** The lines of `text`, each with its line break. */
function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** Where each line starts, and the end of the text last. */
function offsets(lines: string[]): number[] {
  const starts = [0];
  for (const line of lines) starts.push(starts[starts.length - 1]! + line.length);
  return starts;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
