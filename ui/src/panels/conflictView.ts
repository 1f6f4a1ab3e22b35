/**
 * A conflict shown in the workspace (in the editor's place, like a revision from the history):
 * the app's version beside the file's, and the three ways out — keep the app's version, take the
 * file's, or merge by hand in a text area that starts from the app's body. Whichever is chosen,
 * the other version stays in the article's history.
 */
import { button, h } from '../dom';
import { conflictSummary } from '../logic/sync';
import type { ConflictComparison, Resolution, SideBySide } from '../types';
import { DiffView, type DiffLabels } from './diffView';

export interface ConflictViewHooks {
  /** Ends the conflict this way; resolves whether it worked (the caller reports failures). */
  resolve(resolution: Resolution): Promise<boolean>;
  /** Back to the editor, the conflict left as it is. */
  onClose(): void;
}

export class ConflictView {
  readonly root: HTMLElement;
  readonly mergeText: HTMLTextAreaElement;
  private readonly title: HTMLElement;
  private readonly explanation: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly fields: HTMLElement;
  private readonly body = new DiffView('Differences in the text');
  private readonly compare: HTMLElement;
  private readonly merge: HTMLElement;
  private readonly actions: HTMLButtonElement[];
  private shown: ConflictComparison | null = null;

  constructor(private readonly hooks: ConflictViewHooks) {
    this.title = h('h2', { id: 'conflict-title' });
    this.explanation = h('p', { class: 'conflict-explanation' });
    this.summary = h('p', { class: 'diff-summary', 'aria-live': 'polite', 'data-testid': 'conflict-summary' });
    this.fields = h('div', { class: 'revision-fields' });
    this.compare = h('div', { class: 'revision-changes', 'data-testid': 'conflict-changes' }, this.fields, this.body.root);
    this.mergeText = h('textarea', {
      class: 'merge-text',
      'aria-label': 'Merged text',
      spellcheck: 'true',
      'data-testid': 'merge-text',
    });
    const saveMerged = button('Save merged text', () => void this.choose({ take: 'merged', body: this.mergeText.value }), {
      class: 'primary',
      'data-testid': 'save-merged',
    });
    this.merge = h(
      'div',
      { class: 'conflict-merge', hidden: true, 'data-testid': 'conflict-merge' },
      h('p', { class: 'conflict-explanation' }, 'Edit the text below until it says what the story should say. It starts as the app’s version; the file’s version is kept in the history.'),
      this.mergeText,
      h('div', { class: 'conflict-merge-buttons' }, saveMerged, button('Back to the comparison', () => this.setMerging(false))),
    );
    this.actions = [
      button('Keep the app’s version', () => void this.choose({ take: 'app' }), { class: 'primary', 'data-testid': 'keep-app' }),
      button('Take the file’s version', () => void this.choose({ take: 'file' }), { 'data-testid': 'take-file' }),
      button('Merge by hand', () => this.setMerging(true), { 'data-testid': 'merge-by-hand' }),
    ];
    const close = button('Back to the editor', () => this.hooks.onClose(), { 'data-testid': 'close-conflict', title: 'Decide later (Escape)' });
    this.root = h(
      'section',
      { class: 'revision-view conflict-view', 'aria-labelledby': 'conflict-title', 'data-testid': 'conflict-view' },
      h('header', { class: 'revision-head' }, h('div', { class: 'revision-heading' }, this.title, this.explanation), close),
      h('div', { class: 'conflict-actions', role: 'group', 'aria-label': 'Resolve the conflict' }, ...this.actions),
      this.summary,
      this.compare,
      this.merge,
    );
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.hooks.onClose();
      }
    });
  }

  /** The article whose conflict is shown, if any. */
  get articleId(): number | null {
    return this.shown?.conflict.article_id ?? null;
  }

  show(c: ConflictComparison): void {
    this.shown = c;
    const path = c.conflict.path;
    this.title.textContent = `Changed in two places: ${c.app.headline || 'Untitled'}`;
    this.explanation.textContent = `The app and the file ${path} were both changed since they last agreed. Choose which version the story keeps; the other stays in its history.`;
    this.summary.textContent = conflictSummary(c.body_diff.stats, { headline: !!c.headline_diff, dek: !!c.dek_diff });
    const labels: DiffLabels = { left: 'In the app', right: `In the file ${path}` };
    this.fields.replaceChildren(...fieldDiff('Headline', c.headline_diff, labels), ...fieldDiff('Dek', c.dek_diff, labels));
    this.body.show(c.body_diff, labels);
    this.mergeText.value = c.app.body;
    this.setMerging(false);
    this.setBusy(false);
  }

  /** The text area (with the app's body) instead of the comparison, or the comparison back. */
  setMerging(on: boolean): void {
    this.merge.hidden = !on;
    this.compare.hidden = on;
    this.summary.hidden = on;
    for (const b of this.actions) b.hidden = on;
    if (on) this.mergeText.focus();
  }

  /** Puts the first action under the keyboard focus. */
  focus(): void {
    this.actions[0]?.focus();
  }

  private async choose(resolution: Resolution): Promise<void> {
    if (!this.shown) return;
    this.setBusy(true);
    try {
      await this.hooks.resolve(resolution);
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    this.root.setAttribute('aria-busy', String(busy));
    this.root.querySelectorAll('button').forEach((b) => {
      b.disabled = busy;
    });
  }
}

/** A field's comparison under its name, or nothing when the field is the same on both sides. */
export function fieldDiff(name: string, diff: SideBySide | null, labels: DiffLabels): HTMLElement[] {
  if (!diff) return [];
  const view = new DiffView(`Differences in the ${name.toLowerCase()}`);
  view.show(diff, labels);
  return [h('h3', { class: 'subhead' }, name), view.root];
}
