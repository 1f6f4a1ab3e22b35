/**
 * A post edited on the site since it was last published from here, shown in the editor's place
 * like a workspace conflict (and with its look: neither side is "old"): the site's title and body
 * beside the article's headline and Markdown, and the two ways out — overwrite the web version,
 * or cancel and leave the site's post as it is.
 */
import { button, h } from '../dom';
import { webSideLabel } from '../logic/publishWords';
import type { WebEditComparison } from '../types';
import { fieldDiff } from './conflictView';
import { DiffView, type DiffLabels } from './diffView';

export interface WebEditHooks {
  /** Opens the post on the site in the browser. */
  openPost(articleId: number, site: string): void;
}

export class WebEditView {
  readonly root: HTMLElement;
  private readonly title: HTMLElement;
  private readonly explanation: HTMLElement;
  private readonly fields: HTMLElement;
  private readonly body = new DiffView('Differences in the text');
  private readonly overwrite: HTMLButtonElement;
  private readonly keep: HTMLButtonElement;
  private readonly open: HTMLButtonElement;
  private shown: WebEditComparison | null = null;
  private decide: ((overwrite: boolean) => void) | null = null;

  constructor(hooks: WebEditHooks) {
    this.title = h('h2', { id: 'web-edit-title' });
    this.explanation = h('p', { class: 'conflict-explanation' });
    this.fields = h('div', { class: 'revision-fields' });
    this.overwrite = button('Overwrite the web version', () => this.choose(true), { class: 'primary', 'data-testid': 'overwrite-web' });
    this.keep = button('Cancel', () => this.choose(false), { 'data-testid': 'keep-web' });
    this.open = button('Open the post on the site', () => {
      if (this.shown) hooks.openPost(this.shown.article_id, this.shown.edit.site);
    }, { class: 'link-button' });
    this.root = h(
      'section',
      { class: 'revision-view conflict-view web-edit-view', 'aria-labelledby': 'web-edit-title', 'data-testid': 'web-edit-view' },
      h('header', { class: 'revision-head' }, h('div', { class: 'revision-heading' }, this.title, this.explanation)),
      h('div', { class: 'conflict-actions', role: 'group', 'aria-label': 'Publish over the web edit?' }, this.overwrite, this.keep, this.open),
      h('div', { class: 'revision-changes', 'data-testid': 'web-edit-changes' }, this.fields, this.body.root),
    );
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.choose(false);
      }
    });
  }

  /** Shows the comparison; resolves whether the editor chose to overwrite the web version. */
  show(c: WebEditComparison): Promise<boolean> {
    this.decide?.(false);
    this.shown = c;
    const site = c.edit.site;
    this.title.textContent = `Edited on ${site}: ${c.edit.web_title || c.headline || 'Untitled'}`;
    this.explanation.textContent = `Someone changed this post on ${site} after it was last published from Newsroom. Overwriting replaces their changes with the article as it is here; Cancel leaves the post on the site as it is.`;
    const labels: DiffLabels = { left: webSideLabel(site, c.edit.web_modified), right: 'In Newsroom' };
    this.fields.replaceChildren(...fieldDiff('Headline', c.headline_diff, labels), h('h3', { class: 'subhead' }, 'Text'));
    this.body.show(c.body_diff, labels);
    return new Promise((resolve) => {
      this.decide = resolve;
    });
  }

  focus(): void {
    this.overwrite.focus();
  }

  /** Leaves an undecided comparison the way Cancel does. */
  dismiss(): void {
    this.choose(false);
  }

  private choose(overwrite: boolean): void {
    const decide = this.decide;
    this.decide = null;
    this.shown = null;
    decide?.(overwrite);
  }
}
