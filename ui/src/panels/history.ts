/**
 * The History tab: the open article's revisions, newest first (when, why, how long), each with
 * the publications that sent it to a site ("Published to The Daily · draft · 10:12"), and the
 * retention rule. Selecting one (click, or the arrow keys: selection follows focus) shows it in
 * the workspace against the current text ({@link RevisionView}); restoring it is a new revision,
 * so the text it replaces stays in this list.
 */
import { h } from '../dom';
import type { Ipc } from '../ipc';
import { Latest } from '../logic/debounce';
import { formatFull, formatRelative } from '../logic/relativeTime';
import type { MediaUrl } from '../logic/media';
import { formatStamp, publicationLine } from '../logic/publishWords';
import { causeLabel, listKeyTarget, publicationsByRevision, revisionName, wordCount } from '../logic/revisions';
import { HISTORY_SHORTCUT, SAVE_SHORTCUT, type ShortcutLabel } from '../logic/shortcuts';
import type { ArticleView, Publication, RevisionInfo } from '../types';
import { RevisionView } from './revisionView';
import type { Toasts } from './toast';

export interface HistoryDeps {
  ipc: Pick<Ipc, 'listRevisions' | 'articlePublications' | 'compareRevision' | 'restoreRevision' | 'revisionRetention'>;
  toasts: Toasts;
  /** Saves the typing still pending, so the "current text" compared is what the editor shows. */
  flush(): Promise<boolean>;
  /** The article open in the editor. */
  current(): ArticleView | null;
  /** Puts the revision view in the workspace (instead of the editor), or takes it away. */
  showRevision(shown: boolean): void;
  /** The article after a restore: the editor reloads it. */
  onRestored(view: ArticleView): void;
  onOpenArticle(id: number): void;
  /** How shortcuts are written on this platform, for the hints ("Ctrl+Shift+Y", "⇧⌘Y"). */
  keys: ShortcutLabel;
  /** Photo URLs under the shell's `media` scheme (a revision rendered). */
  mediaUrl: MediaUrl;
  now?: () => number;
}

export class HistoryPanel {
  readonly root: HTMLElement;
  readonly list: HTMLElement;
  readonly revision: RevisionView;
  private readonly status: HTMLElement;
  private readonly retention: HTMLElement;
  private readonly deps: HistoryDeps;
  private readonly listing = new Latest();
  private readonly comparing = new Latest();
  private articleId: number | null = null;
  private revisions: RevisionInfo[] = [];
  private published = new Map<number, Publication[]>();
  private selected = -1;
  private active = false;

  constructor(deps: HistoryDeps) {
    this.deps = deps;
    this.list = h('ul', { class: 'revision-list', role: 'listbox', 'aria-label': 'Revisions, newest first', 'data-testid': 'revision-list' });
    this.status = h('p', { class: 'empty', role: 'status' });
    this.retention = h('p', { class: 'retention', 'data-testid': 'retention' });
    this.root = h(
      'section',
      { class: 'history', 'aria-label': 'Revision history', 'data-testid': 'history' },
      h('p', { class: 'history-hint' }, 'Select a version to compare it with the current text. ', h('kbd', {}, deps.keys(HISTORY_SHORTCUT)), ' opens this tab.'),
      this.list,
      this.status,
      h('h3', { class: 'subhead' }, 'What is kept'),
      this.retention,
    );
    this.revision = new RevisionView({
      onRestore: (n) => void this.restore(n),
      onClose: () => this.closeRevision(),
      onOpenArticle: (id) => deps.onOpenArticle(id),
      mediaUrl: deps.mediaUrl,
    });
    this.list.addEventListener('keydown', (e) => this.onKey(e));
  }

  private now(): number {
    return this.deps.now?.() ?? Math.floor(Date.now() / 1000);
  }

  /** Another article opened: its history replaces this one (fetched now if the tab is shown). */
  load(articleId: number | null): void {
    this.articleId = articleId;
    this.revisions = [];
    this.published.clear();
    this.selected = -1;
    this.list.replaceChildren();
    this.deps.showRevision(false);
    if (this.active) void this.refresh();
  }

  /** The tab was shown or hidden; resolves once a shown tab has its list. Hiding it puts the
   * editor back. */
  async setActive(active: boolean): Promise<void> {
    if (active === this.active) return;
    this.active = active;
    if (active) await this.refresh();
    else this.deps.showRevision(false);
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Reloads the list (after a save, a restore or a publish), keeping the selected revision selected. */
  async refresh(): Promise<void> {
    if (!this.retention.textContent) void this.loadRetention();
    const id = this.articleId;
    if (id === null) {
      this.status.textContent = 'Open an article to see its history.';
      return;
    }
    await this.deps.flush();
    try {
      const { ipc } = this.deps;
      const result = await this.listing.run(() => Promise.all([ipc.listRevisions(id), ipc.articlePublications(id)]));
      if (result.stale || id !== this.articleId) return;
      const keep = this.revisions[this.selected]?.number;
      const [revisions, publications] = result.value;
      this.revisions = revisions;
      this.published = publicationsByRevision(revisions, publications);
      this.selected = this.revisions.findIndex((r) => r.number === keep);
      this.render();
    } catch (err) {
      this.deps.toasts.error(err, 'The history could not be loaded');
    }
  }

  private async loadRetention(): Promise<void> {
    try {
      this.retention.textContent = await this.deps.ipc.revisionRetention();
    } catch {
      this.retention.textContent = 'Older revisions are thinned out over time.';
    }
  }

  private render(): void {
    const now = this.now();
    this.status.textContent = this.revisions.length ? '' : `No revisions yet: saving (${this.deps.keys(SAVE_SHORTCUT)}) records one.`;
    const focusable = Math.max(0, this.selected);
    this.list.replaceChildren(
      ...this.revisions.map((r, i) => {
        const published = this.published.get(r.number) ?? [];
        const lines = published.map((p) => `${publicationLine(p)} · ${formatStamp(p.published_at)}`);
        return h(
          'li',
          {
            class: 'revision-item',
            role: 'option',
            id: `revision-${r.number}`,
            'aria-selected': String(i === this.selected),
            'aria-label': [revisionName(r, now), ...lines].join('. '),
            tabindex: i === focusable ? '0' : '-1',
            'data-testid': 'revision',
            'data-number': r.number,
            'data-cause': r.cause,
            title: formatFull(r.created_at),
          },
          h('span', { class: `revision-cause cause-${r.cause}` }, causeLabel(r.cause)),
          h('span', { class: 'revision-time' }, formatRelative(r.created_at, now)),
          h('span', { class: 'revision-meta' }, `#${r.number} · ${wordCount(r.word_count)}`),
          ...published.map((p, j) => h('span', { class: 'revision-published', 'data-testid': 'revision-publication', title: p.url }, lines[j])),
        );
      }),
    );
    this.list.querySelectorAll<HTMLElement>('[role="option"]').forEach((item, i) => {
      item.addEventListener('click', () => void this.select(i, true));
    });
  }

  /** The list's first focusable entry takes the focus (the tab opened from the keyboard). */
  focus(): void {
    const item = this.list.querySelector<HTMLElement>('[tabindex="0"]');
    (item ?? this.list).focus();
  }

  /** Selects entry `index` and shows it against the current text. */
  async select(index: number, focus = false): Promise<void> {
    const r = this.revisions[index];
    const id = this.articleId;
    if (!r || id === null) return;
    this.selected = index;
    this.list.querySelectorAll<HTMLElement>('[role="option"]').forEach((item, i) => {
      item.setAttribute('aria-selected', String(i === index));
      item.tabIndex = i === index ? 0 : -1;
      if (i === index && focus) item.focus();
    });
    await this.deps.flush();
    try {
      const result = await this.comparing.run(() => this.deps.ipc.compareRevision(id, r.number));
      const current = this.deps.current();
      if (result.stale || id !== this.articleId || !current) return;
      this.revision.show(result.value, current, this.now());
      this.deps.showRevision(true);
    } catch (err) {
      this.deps.toasts.error(err, `Revision ${r.number} could not be shown`);
    }
  }

  private onKey(e: KeyboardEvent): void {
    const items = [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
    const from = items.indexOf(document.activeElement as HTMLElement);
    if ((e.key === 'Enter' || e.key === ' ') && from >= 0) {
      e.preventDefault();
      void this.select(from, true);
      return;
    }
    const to = listKeyTarget(e.key, from < 0 ? this.selected : from, items.length);
    if (to === null) return;
    e.preventDefault();
    void this.select(to, true);
  }

  private closeRevision(): void {
    this.deps.showRevision(false);
    this.focus();
  }

  private async restore(number: number): Promise<void> {
    const id = this.articleId;
    if (id === null) return;
    if (!(await this.deps.flush())) return;
    try {
      const view = await this.deps.ipc.restoreRevision(id, number);
      this.deps.showRevision(false);
      this.deps.onRestored(view);
      this.deps.toasts.info(`Revision ${number} restored. The text it replaced is kept in the history.`);
    } catch (err) {
      this.deps.toasts.error(err, `Revision ${number} could not be restored`);
    }
  }
}
