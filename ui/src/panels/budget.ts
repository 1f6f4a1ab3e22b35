/**
 * The story budget (loaded on demand; Ctrl/Cmd+Shift+B or the "⋯" menu): the desk's list of a day's
 * stories over the whole window, with the length against the plan, the time, the byline, whether the
 * photos are ready and the last desk note. The core filters, sorts and pages it (`budget_page`); the
 * table is a grid of fixed-height rows drawn a screenful at a time, so a day of thousands of stories,
 * or every day of the library, scrolls as smoothly as the library list. Arrow keys move between rows,
 * Enter or a double-click opens a story in the editor, Escape or "Back to the editor" leaves.
 */
import { button, h } from '../dom';
import type { Ipc } from '../ipc';
import { BUDGET_COLUMNS, DEFAULT_ORDER, ariaSort, dateValue, dayOf, dayRule, emptySentence, longDay, nextOrder, noteCell, plannedCell, shiftDate, storyCount, timeCell, wordsCell, type BudgetOrder } from '../logic/budget';
import { oncePerFrame } from '../logic/frames';
import { PagedRows, visibleRange } from '../logic/virtualList';
import { STATUSES, type BudgetQuery, type BudgetRow, type BudgetSort, type Status } from '../types';
import { statusLabel } from './library';
import type { Toasts } from './toast';

/** Each story's row, in px (styles/app.css `.budget-row`). */
export const BUDGET_ROW_HEIGHT = 40;
/** The header row's height, in px (`.budget-header`): it stays at the top as the rows scroll under it. */
const HEADER_HEIGHT = 36;
const PAGE_SIZE = 100;

export interface BudgetDeps {
  ipc: Pick<Ipc, 'budgetPage' | 'exportBudgetCsv' | 'listSections'>;
  toasts: Toasts;
  /** Opens story `id` in the editor; resolves once it is there, and the budget gives the window back. */
  onOpen(id: number): Promise<void>;
  /** The clock, in Unix seconds (tests set it). */
  now?: () => number;
}

export class BudgetView {
  readonly root: HTMLElement;
  private readonly dateInput: HTMLInputElement;
  private readonly dayName: HTMLElement;
  private readonly sectionSelect: HTMLSelectElement;
  private readonly statusSelect: HTMLSelectElement;
  private readonly summary: HTMLElement;
  private readonly exportButton: HTMLButtonElement;
  private readonly grid: HTMLElement;
  private readonly headers: HTMLElement[];
  private readonly spacer: HTMLElement;
  private readonly rows: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly emptyRow: HTMLElement;
  private readonly cache = new PagedRows<BudgetRow>(PAGE_SIZE);
  private order: BudgetOrder = DEFAULT_ORDER;
  private total = 0;
  private active = 0;
  private loadSeq = 0;
  /** Draws the visible rows at the next frame, once however often it is asked. */
  private readonly queueRender = oncePerFrame(() => this.render());
  /** What had the focus before the budget was shown, to have it again when it is hidden. */
  private before: Element | null = null;

  constructor(private readonly deps: BudgetDeps) {
    this.dateInput = h('input', { type: 'date', id: 'budget-day', title: dayRule(), 'aria-describedby': 'budget-day-rule', 'data-testid': 'budget-day' });
    this.dateInput.value = dateValue(this.now());
    this.dayName = h('p', { class: 'budget-day-name', 'aria-live': 'polite', 'data-testid': 'budget-day-name' });
    this.sectionSelect = h('select', { id: 'budget-section', 'data-testid': 'budget-section' }, h('option', { value: '' }, 'All sections'));
    this.statusSelect = h(
      'select',
      { id: 'budget-status', 'data-testid': 'budget-status' },
      h('option', { value: '' }, 'All statuses'),
      ...STATUSES.map((s) => h('option', { value: s }, statusLabel(s))),
    );
    this.summary = h('span', { class: 'budget-summary', role: 'status', 'data-testid': 'budget-summary' });
    this.exportButton = button('Export CSV…', () => void this.exportCsv(), { 'data-testid': 'budget-export', title: 'Every story matching these filters, in this order, as a CSV file' });

    this.headers = BUDGET_COLUMNS.map(({ sort, label, title }, i) => {
      const sortButton = button(label, () => this.sortBy(sort), { class: 'budget-sort', title: title ? `${title}. Click to sort.` : 'Click to sort; again to reverse' });
      return h('div', { class: `budget-cell budget-col-${sort}`, role: 'columnheader', 'aria-colindex': i + 1, 'aria-sort': 'none', 'data-sort': sort }, sortButton);
    });
    this.rows = h('div', { class: 'vlist-rows budget-rows' });
    this.spacer = h('div', { class: 'vlist-spacer' }, this.rows);
    this.empty = h('div', { class: 'budget-cell empty budget-empty', role: 'gridcell', 'aria-colspan': BUDGET_COLUMNS.length, 'data-testid': 'budget-empty' });
    this.emptyRow = h('div', { class: 'budget-empty-row', role: 'row', hidden: true }, this.empty);
    this.grid = h(
      'div',
      { class: 'budget-grid', role: 'grid', tabindex: '-1', 'aria-labelledby': 'budget-title', 'aria-colcount': BUDGET_COLUMNS.length, 'aria-rowcount': 1, 'data-testid': 'budget-grid' },
      h('div', { class: 'budget-row budget-header', role: 'row', 'aria-rowindex': 1 }, ...this.headers),
      this.spacer,
      this.emptyRow,
    );

    const back = button('Back to the editor', () => this.hide(), { 'data-testid': 'budget-back', title: 'Back to the editor (Escape)' });
    this.root = h(
      'section',
      { class: 'budget-view', 'aria-labelledby': 'budget-title', hidden: true, 'data-testid': 'budget' },
      h(
        'div',
        { class: 'budget-head' },
        h('div', { class: 'budget-heading' }, h('h2', { id: 'budget-title' }, 'Story budget'), this.dayName),
        back,
      ),
      h(
        'div',
        { class: 'budget-filters', role: 'group', 'aria-label': 'Filters' },
        h('label', { for: 'budget-day' }, 'Day'),
        h(
          'div',
          { class: 'budget-day-picker' },
          button('‹', () => this.moveDay(-1), { class: 'icon-button', 'aria-label': 'Previous day', title: 'Previous day' }),
          this.dateInput,
          button('›', () => this.moveDay(1), { class: 'icon-button', 'aria-label': 'Next day', title: 'Next day' }),
          button('Today', () => this.setDate(dateValue(this.now())), { 'data-testid': 'budget-today' }),
        ),
        h('span', { class: 'sr-only', id: 'budget-day-rule' }, `${dayRule()} Empty the field for every day.`),
        h('label', { for: 'budget-section' }, 'Section'),
        this.sectionSelect,
        h('label', { for: 'budget-status' }, 'Status'),
        this.statusSelect,
        this.summary,
        this.exportButton,
      ),
      this.grid,
    );

    this.dateInput.addEventListener('change', () => void this.reload());
    this.sectionSelect.addEventListener('change', () => void this.reload());
    this.statusSelect.addEventListener('change', () => void this.reload());
    this.grid.addEventListener('scroll', () => this.queueRender(), { passive: true });
    this.grid.addEventListener('keydown', (e) => this.onKey(e));
    this.root.addEventListener('keydown', (e) => {
      // Escape leaves the budget, unless a control took it first (an open date picker, say).
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        this.hide();
      }
    });
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this.queueRender()).observe(this.grid);
  }

  /** The filters and order as the core takes them, without the paging. */
  get query(): BudgetQuery {
    const q: BudgetQuery = { sort: this.order.sort, descending: this.order.descending };
    const day = dayOf(this.dateInput.value);
    if (day) q.day = day;
    if (this.sectionSelect.value) q.section = this.sectionSelect.value;
    if (this.statusSelect.value) q.status = this.statusSelect.value as Status;
    return q;
  }

  get shown(): boolean {
    return this.root.isConnected && !this.root.hidden;
  }

  /** Shown over the window, or (when it is) hidden. */
  toggle(): Promise<void> {
    if (this.shown) {
      this.hide();
      return Promise.resolve();
    }
    return this.show();
  }

  /**
   * Over the whole window (the app's layout steps aside, kept as it was), loaded afresh: the stories
   * may have changed since it was last shown; the filters, order and focused row stay.
   */
  async show(): Promise<void> {
    if (!this.root.isConnected) document.body.append(this.root);
    this.before = document.activeElement;
    this.root.hidden = false;
    document.body.classList.add('budget-open');
    await Promise.all([this.loadSections(), this.reload(false)]);
    this.focus();
  }

  /**
   * The window back to the editor (which, like the preview, measures itself again as it reappears),
   * and the focus back where it was before the budget.
   */
  hide(): void {
    if (!this.shown) return;
    this.root.hidden = true;
    document.body.classList.remove('budget-open');
    if (this.before instanceof HTMLElement && this.before.isConnected) this.before.focus();
  }

  /** The focused story's row, or the grid when none is drawn. */
  focus(): void {
    const row = this.rowElement(this.active);
    (row ?? this.grid).focus({ preventScroll: true });
  }

  /** The list again from its first page; `toTop`: a filter or the order changed, so start at the top. */
  async reload(toTop = true): Promise<void> {
    const seq = ++this.loadSeq;
    const query = this.query;
    this.updateHeaders();
    try {
      const page = await this.deps.ipc.budgetPage({ ...query, offset: 0, limit: PAGE_SIZE });
      if (seq !== this.loadSeq) return;
      this.cache.reset();
      this.cache.store(0, page.rows, this.cache.begin(0));
      this.total = page.total;
      if (toTop) {
        this.active = 0;
        this.grid.scrollTop = 0;
      }
      this.active = Math.min(this.active, Math.max(0, this.total - 1));
      this.dayName.textContent = dayOf(this.dateInput.value) ? longDay(this.dateInput.value) : 'Every day';
      this.summary.textContent = storyCount(this.total);
      this.exportButton.disabled = this.total === 0;
      this.empty.textContent = emptySentence(this.dateInput.value, this.sectionSelect.value, this.statusSelect.value as Status | '', statusLabel);
      this.emptyRow.hidden = this.total > 0;
      this.grid.setAttribute('aria-rowcount', String(this.total + 1));
      this.render();
    } catch (err) {
      if (seq === this.loadSeq) this.deps.toasts.error(err, 'The budget could not be loaded');
    }
  }

  private async loadSections(): Promise<void> {
    try {
      const sections = await this.deps.ipc.listSections();
      const chosen = this.sectionSelect.value;
      this.sectionSelect.replaceChildren(h('option', { value: '' }, 'All sections'), ...sections.map((s) => h('option', { value: s }, s)));
      this.sectionSelect.value = sections.includes(chosen) ? chosen : '';
    } catch (err) {
      this.deps.toasts.error(err, 'The sections could not be loaded');
    }
  }

  private setDate(value: string): void {
    this.dateInput.value = value;
    void this.reload();
  }

  private moveDay(days: number): void {
    this.setDate(shiftDate(this.dateInput.value, days) ?? dateValue(this.now()));
  }

  private sortBy(column: BudgetSort): void {
    this.order = nextOrder(this.order, column);
    void this.reload();
  }

  private updateHeaders(): void {
    for (const header of this.headers) header.setAttribute('aria-sort', ariaSort(this.order, header.dataset.sort as BudgetSort));
  }

  /** Draws the rows in view (the focus stays on the story it was on) and asks for the pages they need. */
  render(): void {
    const viewport = Math.max(0, (this.grid.clientHeight || 600) - HEADER_HEIGHT);
    // The header stays over the first HEADER_HEIGHT px of the view: rows show in the rest.
    const range = visibleRange(this.grid.scrollTop, viewport, BUDGET_ROW_HEIGHT, this.total);
    const hadFocus = this.rows.contains(document.activeElement);
    this.spacer.style.height = `${range.totalHeight}px`;
    this.rows.style.transform = `translateY(${range.offset}px)`;
    const nodes: HTMLElement[] = [];
    const now = this.now();
    for (let i = range.start; i < range.end; i++) {
      const row = this.cache.row(i);
      nodes.push(row ? this.drawRow(row, i, now) : placeholder(i));
    }
    this.rows.replaceChildren(...nodes);
    if (hadFocus) this.rowElement(this.active)?.focus({ preventScroll: true });
    for (const page of this.cache.missing(range.start, range.end)) void this.loadPage(page);
  }

  private async loadPage(page: number): Promise<void> {
    const token = this.cache.begin(page);
    try {
      const answer = await this.deps.ipc.budgetPage({ ...this.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (this.cache.store(page, answer.rows, token)) this.queueRender();
    } catch (err) {
      this.cache.fail(page, token);
      this.deps.toasts.error(err, 'Part of the budget could not be loaded');
    }
  }

  private rowElement(index: number): HTMLElement | null {
    return this.rows.querySelector<HTMLElement>(`[data-index="${index}"]`);
  }

  private drawRow(row: BudgetRow, index: number, now: number): HTMLElement {
    const time = timeCell(row, dayOf(this.dateInput.value), now);
    const words = wordsCell(row);
    const note = noteCell(row, now);
    const cells = [
      cell('slug', row.slug, row.slug),
      cell('headline', row.headline || 'Untitled', row.headline),
      cell('section', row.section, row.section),
      h('div', { class: 'budget-cell budget-col-status', role: 'gridcell' }, h('span', { class: `status-pill status-${row.status}` }, statusLabel(row.status))),
      cell('planned', plannedCell(row), row.words_planned === null ? 'No length planned' : ''),
      cell('words', words.text, words.title),
      cell('time', time.text, time.title),
      cell('byline', row.byline, row.byline),
      cell('photos', row.photos_ready ? 'Yes' : 'No', row.photos_ready ? 'The featured photo has its image, caption, credit and alt text' : 'No featured photo, or it lacks its image, caption, credit or alt text'),
      cell('note', note.text, note.title),
    ];
    if (words.state) cells[5]!.dataset.state = words.state;
    cells[6]!.dataset.kind = row.time_kind;
    cells[8]!.dataset.ready = String(row.photos_ready);
    cells.forEach((c, i) => c.setAttribute('aria-colindex', String(i + 1)));
    const el = h(
      'div',
      { class: 'budget-row', role: 'row', tabindex: index === this.active ? '0' : '-1', 'aria-rowindex': index + 2, 'data-index': index, 'data-id': row.id },
      ...cells,
    );
    el.addEventListener('click', () => this.activate(index));
    el.addEventListener('dblclick', () => this.openStory(row.id));
    return el;
  }

  /**
   * Makes row `index` the focused one (the one Tab comes back to), scrolled into view. The rows on
   * show stay as they are: a double-click's second click lands on the row its first one focused.
   */
  private activate(index: number): void {
    this.rowElement(this.active)?.setAttribute('tabindex', '-1');
    this.active = Math.max(0, Math.min(index, this.total - 1));
    const top = this.active * BUDGET_ROW_HEIGHT;
    const viewport = this.grid.clientHeight - HEADER_HEIGHT;
    if (top < this.grid.scrollTop) this.grid.scrollTop = top;
    else if (top + BUDGET_ROW_HEIGHT > this.grid.scrollTop + viewport) this.grid.scrollTop = top + BUDGET_ROW_HEIGHT - viewport;
    if (!this.rowElement(this.active)) this.render();
    const row = this.rowElement(this.active);
    row?.setAttribute('tabindex', '0');
    row?.focus({ preventScroll: true });
  }

  private onKey(e: KeyboardEvent): void {
    // Keys typed on a header's sort button stay that button's.
    if (!(e.target instanceof HTMLElement) || !(e.target === this.grid || e.target.closest('.budget-rows'))) return;
    const page = Math.max(1, Math.floor((this.grid.clientHeight - HEADER_HEIGHT) / BUDGET_ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: this.active + 1, ArrowUp: this.active - 1, PageDown: this.active + page, PageUp: this.active - page, Home: 0, End: this.total - 1 };
    if (e.key in moves) {
      e.preventDefault();
      this.activate(moves[e.key]!);
    } else if (e.key === 'Enter') {
      const row = this.cache.row(this.active);
      if (row) {
        e.preventDefault();
        this.openStory(row.id);
      }
    }
  }

  /** The story in the editor, the window back to it, and the focus where it was before the budget (the editor, typically). */
  private openStory(id: number): void {
    void this.deps.onOpen(id).then(() => this.hide());
  }

  private async exportCsv(): Promise<void> {
    this.exportButton.disabled = true;
    try {
      const written = await this.deps.ipc.exportBudgetCsv(this.query);
      if (written) this.deps.toasts.info(`Exported ${storyCount(written.rows)} to ${written.path}`);
    } catch (err) {
      this.deps.toasts.error(err, 'The budget could not be exported');
    } finally {
      this.exportButton.disabled = this.total === 0;
    }
  }

  private now(): number {
    return (this.deps.now ?? (() => Date.now() / 1000))();
  }
}

/** A text cell, cut with an ellipsis by the stylesheet; `title` carries the whole of it. */
function cell(column: string, text: string, title: string): HTMLElement {
  return h('div', { class: `budget-cell budget-col-${column}`, role: 'gridcell', title: title || null }, text);
}

function placeholder(index: number): HTMLElement {
  return h('div', { class: 'budget-row budget-loading', role: 'row', 'aria-rowindex': index + 2, 'aria-busy': 'true', 'data-index': index }, h('div', { class: 'skeleton' }));
}
