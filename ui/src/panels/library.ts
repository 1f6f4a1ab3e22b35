/**
 * The library sidebar: every article (or the trash), filtered by status and section, or full-text
 * search results with highlighted snippets; a story still under embargo carries a badge saying until
 * when. The list is virtualized (fixed-height rows, only the visible ones plus overscan exist) and
 * fetched page by page, so 10,000 articles scroll smoothly.
 */
import { button, h } from '../dom';
import type { Ipc } from '../ipc';
import { Latest, debounce } from '../logic/debounce';
import { oncePerFrame } from '../logic/frames';
import { embargoBadge } from '../logic/embargo';
import { thumbUrl, type MediaUrl } from '../logic/media';
import { NEW_ARTICLE_SHORTCUT, type ShortcutLabel } from '../logic/shortcuts';
import { formatFull, formatRelative } from '../logic/relativeTime';
import { renderSnippet } from '../logic/snippet';
import { LIBRARY_PAGE_SIZE, PagedRows, visibleRange } from '../logic/virtualList';
import { STATUSES, type ArticleFilter, type ArticleSummary, type PhotoFile, type SearchHit, type Status } from '../types';
import { showMenu, type MenuItem } from './menu';
import type { Toasts } from './toast';

export const ROW_HEIGHT = 76;
const SEARCH_LIMIT = 50;
/**
 * The "no filter" choices read as the filters' names: short enough for the narrowest sidebar
 * (the selects' accessible names stay "Filter by status" / "Filter by section").
 */
const ALL_STATUSES = 'Status';
const ALL_SECTIONS = 'Section';

export interface LibraryActions {
  open(id: number): void;
  create(): void;
  duplicate(id: number): void;
  archive(id: number): void;
  trash(id: number): void;
  restore(id: number): void;
}

export interface LibraryDeps {
  ipc: Pick<Ipc, 'listArticles' | 'countArticles' | 'searchArticles' | 'listSections'>;
  toasts: Toasts;
  actions: LibraryActions;
  /** Photo URLs under the shell's `media` scheme. */
  mediaUrl: MediaUrl;
  /** How shortcuts are written on this platform ("Ctrl+N", "⌘N"). */
  keys: ShortcutLabel;
  photoFile: (photoId: number) => PhotoFile | null;
  now?: () => number;
}

export class LibraryPanel {
  readonly root: HTMLElement;
  readonly searchInput: HTMLInputElement;
  private readonly statusSelect: HTMLSelectElement;
  private readonly sectionSelect: HTMLSelectElement;
  private readonly trashToggle: HTMLButtonElement;
  private readonly summary: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly rows: HTMLElement;
  private readonly results: HTMLElement;
  private readonly rowsCache = new PagedRows<ArticleSummary>(LIBRARY_PAGE_SIZE);
  private readonly searchSeq = new Latest();
  private total = 0;
  /** Whether the list has been counted: before that an empty list is not yet known to be empty. */
  private counted = false;
  private hits: SearchHit[] | null = null;
  private activeIndex = 0;
  private currentId: number | null = null;
  private conflicts: ReadonlySet<number> = new Set();
  /** Draws the visible rows at the next frame, once however often it is asked. */
  private readonly queueRender = oncePerFrame(() => this.render());
  private countSeq = 0;
  private readonly deps: LibraryDeps;

  constructor(deps: LibraryDeps) {
    this.deps = deps;
    this.searchInput = h('input', {
      type: 'search',
      placeholder: 'Search articles',
      'aria-label': 'Search articles',
      autocomplete: 'off',
      spellcheck: 'false',
      'data-testid': 'library-search',
    });
    this.statusSelect = h(
      'select',
      { 'aria-label': 'Filter by status' },
      h('option', { value: '' }, ALL_STATUSES),
      ...STATUSES.map((s) => h('option', { value: s }, statusLabel(s))),
    );
    this.sectionSelect = h('select', { 'aria-label': 'Filter by section' }, h('option', { value: '' }, ALL_SECTIONS));
    this.trashToggle = button('Trash', () => this.toggleTrash(), { class: 'chip-toggle', 'aria-pressed': 'false', title: 'Show the trash' });
    this.summary = h('div', { class: 'library-summary', 'aria-live': 'polite' });
    this.rows = h('div', { class: 'vlist-rows' });
    this.spacer = h('div', { class: 'vlist-spacer' }, this.rows);
    this.scroller = h(
      'div',
      { class: 'vlist', role: 'listbox', tabindex: '0', 'aria-label': 'Articles', 'data-testid': 'library-list' },
      this.spacer,
    );
    this.results = h('div', { class: 'search-results', role: 'listbox', tabindex: '0', 'aria-label': 'Search results', hidden: true, 'data-testid': 'search-results' });

    const newButton = button('New article', () => deps.actions.create(), { class: 'primary', 'data-testid': 'new-article', title: `New article (${deps.keys(NEW_ARTICLE_SHORTCUT)})` });
    this.root = h(
      'nav',
      { class: 'library', 'aria-label': 'Library', 'data-testid': 'library' },
      h('div', { class: 'library-head' }, h('h1', { class: 'brand' }, 'Newsroom'), newButton),
      h('div', { class: 'library-search' }, this.searchInput),
      h('div', { class: 'library-filters' }, this.statusSelect, this.sectionSelect, this.trashToggle),
      this.summary,
      this.scroller,
      this.results,
    );

    const runSearch = debounce(() => void this.search(), 150);
    this.searchInput.addEventListener('input', () => {
      if (this.searchInput.value.trim() === '') {
        runSearch.cancel();
        this.showList();
      } else runSearch();
    });
    this.searchInput.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.searchInput.value) {
        e.preventDefault();
        this.searchInput.value = '';
        this.showList();
      } else if (e.key === 'ArrowDown') {
        e.preventDefault();
        (this.hits ? this.results : this.scroller).focus();
      } else if (e.key === 'Enter' && this.hits?.[0]) {
        deps.actions.open(this.hits[0].article.id);
      }
    });
    this.statusSelect.addEventListener('change', () => void this.reload());
    this.sectionSelect.addEventListener('change', () => void this.reload());
    this.scroller.addEventListener('scroll', () => this.queueRender(), { passive: true });
    this.scroller.addEventListener('keydown', (e) => this.onListKey(e));
    this.results.addEventListener('keydown', (e) => this.onResultsKey(e));
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this.queueRender()).observe(this.scroller);
  }

  get filter(): ArticleFilter {
    const f: ArticleFilter = { trashed: this.trashToggle.getAttribute('aria-pressed') === 'true' };
    if (this.statusSelect.value) f.status = this.statusSelect.value as Status;
    if (this.sectionSelect.value) f.section = this.sectionSelect.value;
    return f;
  }

  get inTrash(): boolean {
    return this.filter.trashed === true;
  }

  /** Marks the open article in the list. */
  setCurrent(id: number | null): void {
    this.currentId = id;
    this.queueRender();
  }

  /** Marks the articles whose file and app version are in conflict. */
  setConflicts(ids: ReadonlySet<number>): void {
    this.conflicts = ids;
    this.queueRender();
  }

  focusSearch(): void {
    this.searchInput.focus();
    this.searchInput.select();
  }

  /**
   * The list as the first screen brought it (the working articles: `total`, and the first page's
   * `rows`), drawn at once. Only for the list's opening filter, which is the one shown at start.
   */
  prime(total: number, rows: ArticleSummary[]): void {
    this.countSeq++;
    this.rowsCache.reset();
    this.rowsCache.store(0, rows, this.rowsCache.begin(0));
    this.total = total;
    this.counted = true;
    this.updateSummary();
    this.render();
  }

  /** The list again from the start (a filter changed, an article was added): rows load afresh. */
  reload(): Promise<void> {
    return this.load(() => this.rowsCache.reset());
  }

  /** The list again after a change made elsewhere: the rows on show stay until their fresh copies come. */
  refresh(): Promise<void> {
    return this.load(() => this.rowsCache.refresh());
  }

  private async load(startOver: () => void): Promise<void> {
    const seq = ++this.countSeq;
    const filter = this.filter;
    try {
      const total = await this.deps.ipc.countArticles(filter);
      if (seq !== this.countSeq) return;
      this.total = total;
      this.counted = true;
      startOver();
      this.activeIndex = Math.min(this.activeIndex, Math.max(0, total - 1));
      this.updateSummary();
      this.render();
    } catch (err) {
      this.deps.toasts.error(err, 'The article list could not be loaded');
    }
    if (this.hits) void this.search();
  }

  async loadSections(): Promise<string[]> {
    try {
      const sections = await this.deps.ipc.listSections();
      const chosen = this.sectionSelect.value;
      this.sectionSelect.replaceChildren(
        h('option', { value: '' }, ALL_SECTIONS),
        ...sections.map((s) => h('option', { value: s }, s)),
      );
      this.sectionSelect.value = sections.includes(chosen) ? chosen : '';
      return sections;
    } catch (err) {
      this.deps.toasts.error(err, 'The sections could not be loaded');
      return [];
    }
  }

  /** Updates one loaded row in place (headline, status... changed in the editor). */
  patchRow(summary: Partial<ArticleSummary> & { id: number }): void {
    const replace = (row: ArticleSummary) => ({ ...row, ...summary });
    const changed = this.rowsCache.update((r) => r.id === summary.id, replace);
    if (this.hits) this.hits = this.hits.map((hit) => (hit.article.id === summary.id ? { ...hit, article: replace(hit.article) } : hit));
    if (changed) this.queueRender();
  }

  private toggleTrash(): void {
    const on = !this.inTrash;
    this.trashToggle.setAttribute('aria-pressed', String(on));
    this.trashToggle.title = on ? 'Back to the articles' : 'Show the trash';
    this.root.classList.toggle('in-trash', on);
    this.scroller.scrollTop = 0;
    this.activeIndex = 0;
    void this.reload();
  }

  private updateSummary(): void {
    const n = this.total.toLocaleString('en-US');
    const what = this.inTrash ? `${n} in the trash` : `${n} ${this.total === 1 ? 'article' : 'articles'}`;
    this.summary.textContent = this.hits ? `${this.hits.length} ${this.hits.length === 1 ? 'match' : 'matches'}` : what;
  }

  /**
   * The photos' files arrived: rows whose featured photo had no thumbnail yet are drawn again. A
   * list without such a row is left alone, as drawing replaces the rows (under the pointer, too).
   */
  showThumbnails(): void {
    if (this.rows.querySelector('[data-awaiting-thumb]')) this.render();
  }

  /** Draws the visible rows and asks for the pages they need. */
  render(): void {
    const viewport = this.scroller.clientHeight || 600;
    const range = visibleRange(this.scroller.scrollTop, viewport, ROW_HEIGHT, this.total);
    this.spacer.style.height = `${range.totalHeight}px`;
    this.rows.style.transform = `translateY(${range.offset}px)`;
    // Thumbnails already on screen move into the new rows: drawn again (after every save, or a
    // change elsewhere), a new image would blank until it decodes.
    const drawn = new Map([...this.rows.querySelectorAll<HTMLImageElement>('img.row-thumb')].map((img) => [img.getAttribute('src'), img]));
    const nodes: HTMLElement[] = [];
    for (let i = range.start; i < range.end; i++) {
      const row = this.rowsCache.row(i);
      nodes.push(row ? this.rowElement(row, i, drawn) : placeholderRow(i, this.total));
    }
    this.rows.replaceChildren(...nodes);
    const active = this.rows.querySelector<HTMLElement>(`[data-index="${this.activeIndex}"]`);
    if (active) this.scroller.setAttribute('aria-activedescendant', active.id);
    else this.scroller.removeAttribute('aria-activedescendant');
    if (this.total === 0 && this.counted) {
      this.rows.replaceChildren(h('p', { class: 'empty' }, this.inTrash ? 'The trash is empty.' : 'No articles match these filters.'));
    }
    for (const page of this.rowsCache.missing(range.start, range.end)) void this.loadPage(page);
  }

  private async loadPage(page: number): Promise<void> {
    const token = this.rowsCache.begin(page);
    try {
      const rows = await this.deps.ipc.listArticles({ ...this.filter, limit: LIBRARY_PAGE_SIZE, offset: page * LIBRARY_PAGE_SIZE });
      if (this.rowsCache.store(page, rows, token)) this.queueRender();
    } catch (err) {
      this.rowsCache.fail(page, token);
      this.deps.toasts.error(err, 'Part of the article list could not be loaded');
    }
  }

  private now(): number {
    return (this.deps.now ?? (() => Date.now() / 1000))();
  }

  private rowElement(a: ArticleSummary, index: number, drawn: Map<string | null, HTMLImageElement>): HTMLElement {
    const now = this.now();
    const embargo = embargoBadgeLine(a, now);
    const file = a.featured_photo !== null ? this.deps.photoFile(a.featured_photo) : null;
    const src = thumbUrl(this.deps.mediaUrl, file);
    const reused = src ? drawn.get(src) : undefined;
    if (reused) drawn.delete(src);
    const thumb = reused ?? (src
      ? h('img', { class: 'row-thumb', src, alt: '', loading: 'lazy', decoding: 'async' })
      : h('div', { class: 'row-thumb row-thumb-empty', 'aria-hidden': 'true', 'data-awaiting-thumb': a.featured_photo !== null ? '' : null }));
    const row = h(
      'div',
      {
        class: 'row',
        role: 'option',
        id: `lib-row-${index}`,
        'data-index': index,
        'data-id': a.id,
        'aria-selected': String(a.id === this.currentId),
        'aria-setsize': this.total,
        'aria-posinset': index + 1,
      },
      thumb,
      h(
        'div',
        { class: 'row-text' },
        h('div', { class: 'row-headline' }, a.headline || 'Untitled'),
        h(
          'div',
          { class: 'row-meta' },
          h('span', { class: `status-pill status-${a.status}` }, statusLabel(a.status)),
          this.conflicts.has(a.id)
            ? h('span', { class: 'row-conflict', title: 'Changed in the app and in its file: open it to choose', 'data-testid': 'row-conflict' }, 'Conflict')
            : null,
          a.section ? h('span', { class: 'row-section' }, a.section) : null,
          h('time', { class: 'row-time', datetime: new Date(a.updated_at * 1000).toISOString(), title: formatFull(a.updated_at) }, formatRelative(a.updated_at, now)),
        ),
        embargo,
      ),
    );
    // The badge's line is paid for by the headline's second line: rows keep their fixed height.
    if (embargo) row.classList.add('is-embargoed');
    if (index === this.activeIndex) row.classList.add('active');
    const more = button('⋯', (e) => {
      e.stopPropagation();
      showMenu(more, this.menuFor(a));
    }, { class: 'row-more icon-button', 'aria-label': `Actions for ${a.headline || 'Untitled'}`, tabindex: '-1', 'aria-haspopup': 'menu' });
    row.append(more);
    row.addEventListener('click', () => {
      this.activeIndex = index;
      if (this.inTrash) showMenu(more, this.menuFor(a));
      else this.deps.actions.open(a.id);
    });
    row.addEventListener('contextmenu', (e) => {
      e.preventDefault();
      showMenu(more, this.menuFor(a));
    });
    return row;
  }

  private menuFor(a: ArticleSummary): MenuItem[] {
    const act = this.deps.actions;
    if (this.inTrash) return [{ label: 'Restore', run: () => act.restore(a.id) }];
    const items: MenuItem[] = [
      { label: 'Open', run: () => act.open(a.id) },
      { label: 'Duplicate', run: () => act.duplicate(a.id) },
    ];
    if (a.status !== 'archived') items.push({ label: 'Archive', run: () => act.archive(a.id) });
    items.push({ label: 'Move to trash', run: () => act.trash(a.id), danger: true });
    return items;
  }

  private onListKey(e: KeyboardEvent): void {
    const last = this.total - 1;
    let next = this.activeIndex;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown': next = Math.min(last, next + 1); break;
      case 'ArrowUp': next = Math.max(0, next - 1); break;
      case 'PageDown': next = Math.min(last, next + page); break;
      case 'PageUp': next = Math.max(0, next - page); break;
      case 'Home': next = 0; break;
      case 'End': next = last; break;
      case 'Enter': {
        const row = this.rowsCache.row(this.activeIndex);
        if (row && !this.inTrash) this.deps.actions.open(row.id);
        else if (row) this.deps.actions.restore(row.id);
        e.preventDefault();
        return;
      }
      case 'ContextMenu':
      case 'F10': {
        if (e.key === 'F10' && !e.shiftKey) return;
        const el = this.rows.querySelector<HTMLElement>(`[data-index="${this.activeIndex}"] .row-more`);
        const row = this.rowsCache.row(this.activeIndex);
        if (el && row) showMenu(el, this.menuFor(row));
        e.preventDefault();
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    this.activeIndex = Math.max(0, next);
    const top = this.activeIndex * ROW_HEIGHT;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > this.scroller.scrollTop + this.scroller.clientHeight) {
      this.scroller.scrollTop = top + ROW_HEIGHT - this.scroller.clientHeight;
    }
    this.render();
  }

  private async search(): Promise<void> {
    const query = this.searchInput.value.trim();
    if (!query) return this.showList();
    try {
      const result = await this.searchSeq.run(() => this.deps.ipc.searchArticles(query, SEARCH_LIMIT));
      if (result.stale || this.searchInput.value.trim() !== query) return;
      const f = this.filter;
      this.hits = result.value.filter(
        (hit) => (!f.status || hit.article.status === f.status) && (!f.section || hit.article.section === f.section),
      );
      this.renderResults(query);
    } catch (err) {
      this.deps.toasts.error(err, 'Search failed');
    }
  }

  private renderResults(query: string): void {
    const hits = this.hits ?? [];
    this.scroller.hidden = true;
    this.results.hidden = false;
    this.updateSummary();
    if (hits.length === 0) {
      this.results.replaceChildren(h('p', { class: 'empty' }, `Nothing matches “${query}”.`));
      return;
    }
    const now = this.now();
    this.results.replaceChildren(
      ...hits.map((hit, i) => {
        const snippet = h('div', { class: 'hit-snippet' });
        renderSnippet(snippet, hit.snippet);
        const el = h(
          'div',
          { class: 'hit', role: 'option', id: `hit-${i}`, 'data-id': hit.article.id, 'aria-selected': String(hit.article.id === this.currentId) },
          h('div', { class: 'row-headline' }, hit.article.headline || 'Untitled'),
          h('div', { class: 'row-meta' }, h('span', { class: `status-pill status-${hit.article.status}` }, statusLabel(hit.article.status)), hit.article.section ? h('span', { class: 'row-section' }, hit.article.section) : null),
          embargoBadgeLine(hit.article, now),
          snippet,
        );
        el.addEventListener('click', () => this.deps.actions.open(hit.article.id));
        return el;
      }),
    );
    this.results.setAttribute('aria-activedescendant', 'hit-0');
  }

  private onResultsKey(e: KeyboardEvent): void {
    const hits = this.hits ?? [];
    const current = Number(this.results.getAttribute('aria-activedescendant')?.slice(4) ?? 0);
    let next = current;
    if (e.key === 'ArrowDown') next = Math.min(hits.length - 1, current + 1);
    else if (e.key === 'ArrowUp') {
      if (current === 0) {
        e.preventDefault();
        this.searchInput.focus();
        return;
      }
      next = current - 1;
    } else if (e.key === 'Enter') {
      const hit = hits[current];
      if (hit) this.deps.actions.open(hit.article.id);
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    this.results.querySelectorAll('.hit.active').forEach((el) => el.classList.remove('active'));
    const el = this.results.querySelector<HTMLElement>(`#hit-${next}`);
    el?.classList.add('active');
    el?.scrollIntoView({ block: 'nearest' });
    this.results.setAttribute('aria-activedescendant', `hit-${next}`);
  }

  private showList(): void {
    this.hits = null;
    this.results.hidden = true;
    this.results.replaceChildren();
    this.scroller.hidden = false;
    this.updateSummary();
    this.queueRender();
  }
}

export function statusLabel(s: Status): string {
  return s === 'editing' ? 'In edit' : s[0]!.toUpperCase() + s.slice(1);
}

/** "Embargo 3 Dec 18:00" on a line of its own while the row's embargo holds (the full time in its tooltip). */
function embargoBadgeLine(a: ArticleSummary, now: number): HTMLElement | null {
  const badge = embargoBadge(a.embargo, now);
  if (!badge) return null;
  return h('div', { class: 'row-embargo-line' }, h('span', { class: 'row-embargo', title: badge.title, 'data-testid': 'row-embargo' }, badge.text));
}

function placeholderRow(index: number, total: number): HTMLElement {
  return h(
    'div',
    { class: 'row row-loading', role: 'option', id: `lib-row-${index}`, 'data-index': index, 'aria-setsize': total, 'aria-posinset': index + 1, 'aria-busy': 'true' },
    h('div', { class: 'row-thumb row-thumb-empty', 'aria-hidden': 'true' }),
    h('div', { class: 'row-text' }, h('div', { class: 'skeleton' }), h('div', { class: 'skeleton short' })),
  );
}

