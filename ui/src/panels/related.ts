/**
 * Related posts: a search-as-you-type picker over the library, external links (URL + title), the
 * editor's order (↑/↓ buttons, Alt+Arrow keys), removal, and the backlinks ("Linked from").
 */
import { button, field, h } from '../dom';
import { errorMessage, type Ipc } from '../ipc';
import { Latest, debounce } from '../logic/debounce';
import { keyboardTarget, moveItem } from '../logic/reorder';
import { isInternalLink, type ArticleSummary, type RelatedLink, type SearchHit } from '../types';
import type { Toasts } from './toast';

export interface RelatedDeps {
  ipc: Pick<Ipc, 'searchArticles' | 'addRelated' | 'removeRelated' | 'moveRelated'>;
  toasts: Toasts;
  onChanged(articleId: number, related: RelatedLink[]): void;
  onOpen(id: number): void;
}

export class RelatedPanel {
  readonly root: HTMLElement;
  readonly searchInput: HTMLInputElement;
  private readonly results: HTMLElement;
  private readonly list: HTMLElement;
  private readonly backlinks: HTMLElement;
  private readonly urlInput: HTMLInputElement;
  private readonly titleInput: HTMLInputElement;
  private readonly externalError: HTMLElement;
  private readonly deps: RelatedDeps;
  private readonly seq = new Latest();
  private articleId: number | null = null;
  private links: RelatedLink[] = [];
  private hits: SearchHit[] = [];
  private active = 0;

  constructor(deps: RelatedDeps) {
    this.deps = deps;
    this.results = h('ul', { class: 'picker-results', role: 'listbox', id: 'related-results', 'aria-label': 'Articles to relate', hidden: true });
    this.searchInput = h('input', {
      type: 'search',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': 'related-results',
      'aria-autocomplete': 'list',
      placeholder: 'Search the library…',
      autocomplete: 'off',
      'data-testid': 'related-search',
    });
    const searchField = field('related-search', 'Find an article to relate', this.searchInput);
    const addButton = button('Add related', () => this.addActive(), { class: 'primary', 'data-testid': 'add-related' });
    this.list = h('ol', { class: 'related-list', 'aria-label': 'Related posts', 'data-testid': 'related-list' });
    this.backlinks = h('ul', { class: 'backlinks', 'aria-label': 'Linked from' });
    this.urlInput = h('input', { type: 'url', placeholder: 'https://', spellcheck: 'false' });
    this.titleInput = h('input', { type: 'text', placeholder: 'Title shown to readers' });
    const urlField = field('related-url', 'External link URL', this.urlInput);
    this.externalError = urlField.error;
    const titleField = field('related-title', 'Link title', this.titleInput);
    const addExternal = button('Add link', () => void this.addExternal(), { 'aria-label': 'Add external link' });
    for (const input of [this.urlInput, this.titleInput]) {
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void this.addExternal();
        }
      });
    }

    this.root = h(
      'section',
      { class: 'related', 'aria-label': 'Related posts', 'data-testid': 'related' },
      h('div', { class: 'picker' }, searchField.wrap, this.results, addButton),
      this.list,
      h('details', { class: 'external' }, h('summary', {}, 'Add an external link'), urlField.wrap, titleField.wrap, addExternal),
      h('h3', { class: 'subhead' }, 'Linked from'),
      this.backlinks,
    );

    const search = debounce(() => void this.search(), 150);
    this.searchInput.addEventListener('input', () => search());
    this.searchInput.addEventListener('keydown', (e) => this.onSearchKey(e));
  }

  load(articleId: number, links: RelatedLink[], backlinks: ArticleSummary[]): void {
    this.articleId = articleId;
    this.links = links;
    this.renderList();
    this.backlinks.replaceChildren(
      ...(backlinks.length === 0
        ? [h('li', { class: 'empty' }, 'No article links here yet.')]
        : backlinks.map((b) => h('li', {}, button(b.headline || 'Untitled', () => this.deps.onOpen(b.id), { class: 'link-button' })))),
    );
    this.closeResults();
    this.searchInput.value = '';
  }

  focusSearch(): void {
    this.searchInput.focus();
  }

  private async search(): Promise<void> {
    const query = this.searchInput.value.trim();
    if (!query) return this.closeResults();
    try {
      const r = await this.seq.run(() => this.deps.ipc.searchArticles(query, 10));
      if (r.stale || this.searchInput.value.trim() !== query) return;
      const linked = new Set(this.links.filter(isInternalLink).map((l) => l.id));
      this.hits = r.value.filter((hit) => hit.article.id !== this.articleId && !linked.has(hit.article.id));
      this.active = 0;
      this.renderResults();
    } catch (err) {
      this.deps.toasts.error(err, 'Search failed');
    }
  }

  private renderResults(): void {
    this.results.hidden = false;
    this.searchInput.setAttribute('aria-expanded', 'true');
    if (this.hits.length === 0) {
      this.results.replaceChildren(h('li', { class: 'empty' }, 'No other article matches.'));
      this.searchInput.removeAttribute('aria-activedescendant');
      return;
    }
    this.results.replaceChildren(
      ...this.hits.map((hit, i) => {
        const li = h('li', { role: 'option', id: `related-hit-${i}`, 'aria-selected': String(i === this.active), class: i === this.active ? 'active' : null }, hit.article.headline || 'Untitled', h('span', { class: 'muted small' }, hit.article.section ? ` · ${hit.article.section}` : ''));
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => {
          this.active = i;
          this.addActive();
        });
        return li;
      }),
    );
    this.searchInput.setAttribute('aria-activedescendant', `related-hit-${this.active}`);
  }

  private closeResults(): void {
    this.hits = [];
    this.results.hidden = true;
    this.results.replaceChildren();
    this.searchInput.setAttribute('aria-expanded', 'false');
    this.searchInput.removeAttribute('aria-activedescendant');
  }

  private onSearchKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (this.hits.length === 0) return;
      e.preventDefault();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : this.hits.length - 1)) % this.hits.length;
      this.renderResults();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.addActive();
    } else if (e.key === 'Escape' && !this.results.hidden) {
      e.preventDefault();
      e.stopPropagation();
      this.closeResults();
    }
  }

  private addActive(): void {
    const hit = this.hits[this.active];
    if (!hit) {
      if (this.searchInput.value.trim()) void this.search();
      else this.searchInput.focus();
      return;
    }
    void this.add({ id: hit.article.id }, hit.article.headline);
  }

  private async addExternal(): Promise<void> {
    this.externalError.textContent = '';
    const url = this.urlInput.value.trim();
    const title = this.titleInput.value.trim();
    if (!url) {
      this.externalError.textContent = 'Type the address of the page to link to.';
      this.urlInput.focus();
      return;
    }
    if (await this.add({ url }, title || url, this.externalError)) {
      this.urlInput.value = '';
      this.titleInput.value = '';
    }
  }

  private async add(target: { id: number } | { url: string }, title: string, errorEl?: HTMLElement): Promise<boolean> {
    const id = this.articleId;
    if (id === null) return false;
    try {
      const link = await this.deps.ipc.addRelated(id, target, title);
      if (this.articleId !== id) return true;
      this.links = [...this.links, link];
      this.renderList();
      this.deps.onChanged(id, this.links);
      this.searchInput.value = '';
      this.closeResults();
      return true;
    } catch (err) {
      if (errorEl) errorEl.textContent = errorMessage(err);
      else this.deps.toasts.error(err, 'The related post could not be added');
      return false;
    }
  }

  /** Moves index `from` to `to`: shown at once, confirmed by the core, undone if it refuses. */
  async move(from: number, to: number): Promise<void> {
    const id = this.articleId;
    if (id === null || from === to) return;
    const before = this.links;
    this.links = moveItem(before, from, to);
    this.renderList(to);
    try {
      await this.deps.ipc.moveRelated(id, from + 1, to + 1);
      this.deps.onChanged(id, this.links);
    } catch (err) {
      if (this.articleId === id) {
        this.links = before;
        this.renderList(from);
      }
      this.deps.toasts.error(err, 'The related posts could not be reordered');
    }
  }

  private async remove(index: number): Promise<void> {
    const id = this.articleId;
    const link = this.links[index];
    if (id === null || !link) return;
    try {
      await this.deps.ipc.removeRelated(id, link.position);
      if (this.articleId !== id) return;
      this.links = this.links.filter((_, i) => i !== index).map((l, i) => ({ ...l, position: i + 1 }));
      this.renderList(Math.min(index, this.links.length - 1));
      this.deps.onChanged(id, this.links);
    } catch (err) {
      this.deps.toasts.error(err, 'The related post could not be removed');
    }
  }

  private renderList(focusIndex?: number): void {
    if (this.links.length === 0) {
      this.list.replaceChildren(h('li', { class: 'empty' }, 'No related posts yet.'));
      return;
    }
    const n = this.links.length;
    this.list.replaceChildren(
      ...this.links.map((link, i) => {
        const title = link.title || (isInternalLink(link) ? 'Untitled' : link.url);
        const label = isInternalLink(link)
          ? button(title, () => this.deps.onOpen(link.id), { class: 'link-button related-title', title: 'Open this article' })
          : h('span', { class: 'related-title' }, title, h('span', { class: 'muted small related-url' }, link.url));
        const li = h(
          'li',
          { tabindex: '0', class: 'related-item', 'data-index': i, 'aria-label': `${i + 1} of ${n}: ${title}. Alt+Arrow keys move it.` },
          h('span', { class: 'related-kind', 'aria-hidden': 'true' }, isInternalLink(link) ? '↗' : '🔗'),
          label,
          h(
            'span',
            { class: 'related-buttons' },
            button('↑', () => void this.move(i, i - 1), { class: 'icon-button', 'aria-label': `Move ${title} up`, disabled: i === 0 }),
            button('↓', () => void this.move(i, i + 1), { class: 'icon-button', 'aria-label': `Move ${title} down`, disabled: i === n - 1 }),
            button('×', () => void this.remove(i), { class: 'icon-button', 'aria-label': `Remove ${title}` }),
          ),
        );
        li.addEventListener('keydown', (e) => {
          if (e.target !== li) return;
          if (e.key === 'Delete' || e.key === 'Backspace') {
            e.preventDefault();
            void this.remove(i);
            return;
          }
          if (!e.altKey) return;
          const to = keyboardTarget(e.key, i, n);
          if (to !== null) {
            e.preventDefault();
            void this.move(i, to);
          }
        });
        return li;
      }),
    );
    if (focusIndex !== undefined && focusIndex >= 0) this.list.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`)?.focus();
  }
}
