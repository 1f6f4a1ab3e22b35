/**
 * One revision, shown in the workspace while the History tab has it selected: what differs from
 * the current text (side by side), or the revision rendered as it would be published, and the
 * button that restores it.
 */
import { button, h } from '../dom';
import { formatFull, formatRelative } from '../logic/relativeTime';
import { causeLabel, comparisonSummary, wordCount } from '../logic/revisions';
import type { MediaUrl } from '../logic/media';
import type { ArticleView, RevisionComparison, SideBySide } from '../types';
import { DiffView } from './diffView';
import { PreviewPanel } from './preview';

export interface RevisionViewHooks {
  onRestore(number: number): void;
  onClose(): void;
  onOpenArticle(id: number): void;
  /** Photo URLs under the shell's `media` scheme. */
  mediaUrl: MediaUrl;
}

export type RevisionMode = 'changes' | 'rendered';

export class RevisionView {
  readonly root: HTMLElement;
  readonly restoreButton: HTMLButtonElement;
  private readonly title: HTMLElement;
  private readonly when: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly fields: HTMLElement;
  private readonly body = new DiffView('Changes in the text');
  private readonly changes: HTMLElement;
  private readonly rendered: HTMLElement;
  /**
   * The revision drawn as published: a preview frame of its own, made the first time "Rendered"
   * is chosen. A frame loads and lays out a whole document, which the window's start-up and most
   * visits to the history never need.
   */
  private preview: PreviewPanel | null = null;
  /** The open article when the revision was shown: its photos and links frame the rendering. */
  private current: ArticleView | null = null;
  private readonly modeButtons: HTMLButtonElement[];
  private shown: RevisionComparison | null = null;
  private mode: RevisionMode = 'changes';

  constructor(private readonly hooks: RevisionViewHooks) {
    this.title = h('h2', { id: 'revision-title' });
    this.when = h('p', { class: 'revision-when' });
    this.summary = h('p', { class: 'diff-summary', 'data-testid': 'diff-summary', 'aria-live': 'polite' });
    this.fields = h('div', { class: 'revision-fields' });
    this.changes = h('div', { class: 'revision-changes', 'data-testid': 'revision-changes' }, this.fields, this.body.root);
    this.rendered = h('div', { class: 'revision-rendered', hidden: true });
    this.modeButtons = (['changes', 'rendered'] as const).map((m) =>
      button(m === 'changes' ? 'Changes' : 'Rendered', () => this.setMode(m), { class: 'seg', 'data-revision-mode': m, 'aria-pressed': String(m === this.mode) }),
    );
    this.restoreButton = button('Restore this version', () => {
      if (this.shown) this.hooks.onRestore(this.shown.revision.number);
    }, { class: 'primary', 'data-testid': 'restore-revision' });
    const close = button('Back to the editor', () => this.hooks.onClose(), { 'data-testid': 'close-revision', title: 'Back to the editor (Escape)' });
    this.root = h(
      'section',
      { class: 'revision-view', 'aria-labelledby': 'revision-title', 'data-testid': 'revision-view' },
      h(
        'header',
        { class: 'revision-head' },
        h('div', { class: 'revision-heading' }, this.title, this.when),
        h(
          'div',
          { class: 'revision-actions' },
          h('div', { class: 'segmented', role: 'group', 'aria-label': 'Show' }, ...this.modeButtons),
          this.restoreButton,
          close,
        ),
      ),
      this.summary,
      this.changes,
      this.rendered,
    );
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.hooks.onClose();
      }
    });
  }

  get number(): number | null {
    return this.shown?.revision.number ?? null;
  }

  /** Shows `c`; `current` is the open article (its photos and links frame the rendering). */
  show(c: RevisionComparison, current: ArticleView, now: number): void {
    this.shown = c;
    const r = c.revision;
    this.title.textContent = `Revision ${r.number} · ${causeLabel(r.cause)}`;
    this.when.textContent = `${formatRelative(r.created_at, now)} (${formatFull(r.created_at)}) · ${wordCount(r.word_count)}`;
    const same = c.body_diff.stats.identical && !c.headline_diff && !c.dek_diff;
    this.summary.textContent = comparisonSummary(c.body_diff.stats, { headline: !!c.headline_diff, dek: !!c.dek_diff, desk: !!c.desk_diff });
    this.restoreButton.disabled = same;
    this.restoreButton.title = same ? 'This version is the current text' : 'The current text is kept in the history';
    const labels = { left: `Revision ${r.number} (${formatRelative(r.created_at, now)})`, right: 'Current text' };
    this.fields.replaceChildren(
      ...fieldDiff('Headline', c.headline_diff, labels),
      ...fieldDiff('Dek', c.dek_diff, labels),
      ...fieldDiff('Desk fields', c.desk_diff, labels, 'Kicker, headlines, embargo, length, language, corrections and notes; restoring brings back the text only'),
    );
    this.body.show(c.body_diff, labels);
    this.current = current;
    if (this.preview) this.drawRendered(this.preview);
  }

  private makePreview(): PreviewPanel {
    const { hooks } = this;
    const preview = new PreviewPanel({ onOpenArticle: (id) => hooks.onOpenArticle(id), onScroll: () => undefined, mediaUrl: hooks.mediaUrl });
    preview.frame.title = 'Revision rendered';
    preview.frame.dataset.testid = 'revision-frame';
    preview.root.setAttribute('aria-label', 'Revision rendered');
    this.rendered.append(preview.root);
    return preview;
  }

  private drawRendered(preview: PreviewPanel): void {
    const c = this.shown;
    const current = this.current;
    if (!c || !current) return;
    const r = c.revision;
    preview.setArticle(
      { article: { ...current.article, headline: r.headline, dek: r.dek, body: r.body }, photos: current.photos, related: current.related, corrections: current.corrections },
      // Drawn whole, in one stage: no typing patches this preview.
      [c.preview_html],
    );
  }

  setMode(mode: RevisionMode): void {
    this.mode = mode;
    for (const b of this.modeButtons) b.setAttribute('aria-pressed', String(b.dataset.revisionMode === mode));
    this.changes.hidden = mode !== 'changes';
    this.rendered.hidden = mode !== 'rendered';
    if (mode !== 'rendered') return;
    if (!this.preview) {
      this.preview = this.makePreview();
      this.drawRendered(this.preview);
    }
    const preview = this.preview;
    requestAnimationFrame(() => preview.fit());
  }
}

function fieldDiff(name: string, diff: SideBySide | null, labels: { left: string; right: string }, note = ''): HTMLElement[] {
  if (!diff) return [];
  const view = new DiffView(`Changes in the ${name.toLowerCase()}`);
  view.show(diff, labels);
  const heading = h('h3', { class: 'subhead' }, name);
  return note ? [heading, h('p', { class: 'field-hint' }, note), view.root] : [heading, view.root];
}
