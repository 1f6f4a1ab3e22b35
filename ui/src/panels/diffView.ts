/**
 * Two texts side by side, as the core compared them (`SideBySide`): the history panel shows a
 * revision against the current text, the conflict dialog the file's text against the app's.
 *
 * A table: line numbers and text for each side, one row per line pair. Words that differ in an
 * edited line are `<del>` on the left and `<ins>` on the right; whole added or removed lines are
 * tinted and say so to screen readers. Folded runs of unchanged lines are one quiet row.
 */
import { h } from '../dom';
import type { DiffLine, DiffRow, SideBySide } from '../types';

export interface DiffLabels {
  /** What the left side is, e.g. "Revision 3 (yesterday)". */
  left: string;
  /** What the right side is, e.g. "Current text". */
  right: string;
}

const SPOKEN: Record<DiffRow['kind'], [string, string]> = {
  same: ['', ''],
  changed: ['changed: ', 'changed: '],
  added: ['', 'added: '],
  removed: ['removed: ', ''],
  folded: ['', ''],
};

export class DiffView {
  readonly root: HTMLElement;
  private readonly table: HTMLTableElement;

  constructor(caption = 'Differences') {
    this.table = h('table', { class: 'diff-table', 'data-testid': 'diff-table' });
    this.root = h('div', { class: 'diff-view', role: 'region', 'aria-label': caption, tabindex: '0' }, this.table);
  }

  /** Shows `diff` with a heading for each side. */
  show(diff: SideBySide, labels: DiffLabels): void {
    const head = h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', colspan: '2', class: 'diff-side diff-side-left' }, labels.left),
        h('th', { scope: 'col', colspan: '2', class: 'diff-side diff-side-right' }, labels.right),
      ),
    );
    const body = h('tbody', {});
    if (diff.rows.length === 0) {
      body.append(h('tr', { class: 'diff-empty' }, h('td', { colspan: '4' }, 'Both sides are empty.')));
    }
    for (const row of diff.rows) body.append(renderRow(row));
    const cols = h('colgroup', {}, h('col', { class: 'diff-col-number' }), h('col', {}), h('col', { class: 'diff-col-number' }), h('col', {}));
    this.table.replaceChildren(cols, head, body);
  }
}

function renderRow(row: DiffRow): HTMLTableRowElement {
  if (row.kind === 'folded') {
    const what = `${row.hidden} unchanged ${row.hidden === 1 ? 'line' : 'lines'}`;
    return h('tr', { class: 'diff-row diff-folded', 'data-kind': 'folded' }, h('td', { colspan: '4' }, `⋯ ${what}`));
  }
  const [leftSaid, rightSaid] = SPOKEN[row.kind];
  return h(
    'tr',
    { class: `diff-row diff-${row.kind}`, 'data-kind': row.kind },
    ...cells(row.left, 'left', leftSaid, row.kind === 'changed' ? 'del' : null),
    ...cells(row.right, 'right', rightSaid, row.kind === 'changed' ? 'ins' : null),
  );
}

/** The number and text cells of one side; an absent line leaves both blank. */
function cells(line: DiffLine | null, side: 'left' | 'right', spoken: string, mark: 'del' | 'ins' | null): HTMLTableCellElement[] {
  if (!line) {
    return [h('td', { class: 'diff-number', 'aria-hidden': 'true' }), h('td', { class: `diff-text diff-${side} diff-absent` })];
  }
  const text = h('td', { class: `diff-text diff-${side}` });
  if (spoken) text.append(h('span', { class: 'sr-only' }, spoken));
  for (const span of line.spans) {
    text.append(span.changed && mark ? h(mark, {}, span.text) : document.createTextNode(span.text));
  }
  // An empty line still takes a line's height.
  if (line.spans.every((s) => s.text === '')) text.append('\u200b');
  return [h('td', { class: 'diff-number' }, String(line.number)), text];
}
