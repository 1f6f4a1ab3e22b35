/**
 * The metadata panel: headline (with a length hint), dek, byline, section (with the library's
 * sections offered), tags as chips, slug, dateline and status (only the moves the workflow allows).
 * Each field is saved on change/blur through `update_article`; the core's error shows under it.
 */
import { button, field, h } from '../dom';
import { errorMessage, type Ipc } from '../ipc';
import { headlineHint } from '../logic/text';
import { addTags, parseTags } from '../logic/tags';
import type { Article, ArticlePatch, ArticleView, Status } from '../types';
import { statusLabel } from './library';
import type { Toasts } from './toast';

export interface MetadataDeps {
  ipc: Pick<Ipc, 'updateArticle' | 'openArticle'>;
  toasts: Toasts;
  /** A saved change: the app refreshes the preview header, the library row... */
  onUpdated(article: Article): void;
}

type TextKey = 'headline' | 'dek' | 'byline' | 'section' | 'slug' | 'dateline';

export class MetadataPanel {
  readonly root: HTMLElement;
  private readonly deps: MetadataDeps;
  private article: Article | null = null;
  private readonly inputs = {} as Record<TextKey, HTMLInputElement | HTMLTextAreaElement>;
  private readonly errors = {} as Record<TextKey | 'tags' | 'status', HTMLElement>;
  private readonly headlineHintEl: HTMLElement;
  private readonly status: HTMLSelectElement;
  private readonly sections: HTMLDataListElement;
  private readonly chips: HTMLElement;
  private readonly tagInput: HTMLInputElement;
  private tags: string[] = [];

  constructor(deps: MetadataDeps) {
    this.deps = deps;
    this.sections = h('datalist', { id: 'section-options' });
    const make = (key: TextKey, label: string, control: HTMLInputElement | HTMLTextAreaElement, hint = '') => {
      control.setAttribute('data-testid', `meta-${key}`);
      this.inputs[key] = control;
      const f = field(`meta-${key}`, label, control, hint);
      this.errors[key] = f.error;
      control.addEventListener('change', () => void this.save(key));
      if (control instanceof HTMLInputElement) {
        control.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') control.blur();
        });
      }
      return f;
    };
    const headline = make('headline', 'Headline', h('textarea', { rows: 3, class: 'headline-input', spellcheck: 'true' }));
    this.headlineHintEl = headline.hint;
    headline.hint.setAttribute('aria-live', 'polite');
    this.inputs.headline.addEventListener('input', () => this.updateHint());
    this.inputs.headline.addEventListener('keydown', (e) => {
      // A headline is one line: Enter commits it.
      if ((e as KeyboardEvent).key === 'Enter') {
        e.preventDefault();
        (this.inputs.headline as HTMLTextAreaElement).blur();
      }
    });
    const dek = make('dek', 'Dek', h('textarea', { rows: 3, spellcheck: 'true' }), 'The standfirst under the headline');
    const byline = make('byline', 'Byline', h('input', { type: 'text', placeholder: 'Ana Ruiz and Tom Lee' }));
    const section = make('section', 'Section', h('input', { type: 'text', list: 'section-options', autocomplete: 'off' }));
    const dateline = make('dateline', 'Dateline', h('input', { type: 'text', placeholder: 'STOCKHOLM' }));
    const slug = make('slug', 'Slug', h('input', { type: 'text', spellcheck: 'false', autocapitalize: 'off' }), 'The file and URL name');

    this.status = h('select', { 'data-testid': 'meta-status' });
    const statusField = field('meta-status', 'Status', this.status);
    this.errors.status = statusField.error;
    this.status.addEventListener('change', () => void this.saveStatus());

    this.chips = h('ul', { class: 'chips', 'aria-label': 'Current tags' });
    this.tagInput = h('input', { type: 'text', placeholder: 'Add a tag and press Enter', 'data-testid': 'meta-tags', autocomplete: 'off' });
    const tagField = field('meta-tags', 'Tags', this.tagInput);
    this.errors.tags = tagField.error;
    tagField.wrap.insertBefore(this.chips, this.tagInput);
    this.tagInput.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' || e.key === ',') && this.tagInput.value.trim()) {
        e.preventDefault();
        this.commitTagInput();
      } else if (e.key === 'Backspace' && this.tagInput.value === '' && this.tags.length > 0) {
        void this.saveTags(this.tags.slice(0, -1));
      }
    });
    this.tagInput.addEventListener('blur', () => {
      if (this.tagInput.value.trim()) this.commitTagInput();
    });

    this.root = h(
      'form',
      { class: 'metadata', 'aria-label': 'Article details', 'data-testid': 'metadata', novalidate: true },
      headline.wrap,
      dek.wrap,
      h('div', { class: 'field-row' }, byline.wrap, dateline.wrap),
      h('div', { class: 'field-row' }, section.wrap, statusField.wrap),
      tagField.wrap,
      slug.wrap,
      this.sections,
    );
    this.root.addEventListener('submit', (e) => e.preventDefault());
  }

  setSections(sections: string[]): void {
    this.sections.replaceChildren(...sections.map((s) => h('option', { value: s })));
  }

  load(view: ArticleView): void {
    this.article = view.article;
    for (const key of Object.keys(this.inputs) as TextKey[]) {
      this.inputs[key].value = view.article[key];
      this.errors[key].textContent = '';
    }
    this.errors.tags.textContent = '';
    this.errors.status.textContent = '';
    this.tags = [...view.article.tags];
    this.renderChips();
    this.setStatuses(view.article.status, view.allowed_statuses);
    this.updateHint();
  }

  focusHeadline(): void {
    this.inputs.headline.focus();
    (this.inputs.headline as HTMLTextAreaElement).select();
  }

  private updateHint(): void {
    const hint = headlineHint(this.inputs.headline.value);
    this.headlineHintEl.textContent = hint.message;
    this.headlineHintEl.dataset.level = hint.level;
  }

  private setStatuses(current: Status, allowed: Status[]): void {
    const options = allowed.includes(current) ? allowed : [current, ...allowed];
    this.status.replaceChildren(...options.map((s) => h('option', { value: s }, statusLabel(s))));
    this.status.value = current;
  }

  private async patch(patch: ArticlePatch, errorEl: HTMLElement): Promise<Article | null> {
    const article = this.article;
    if (!article) return null;
    errorEl.textContent = '';
    try {
      const updated = await this.deps.ipc.updateArticle(article.id, patch);
      if (this.article?.id === updated.id) this.article = updated;
      this.deps.onUpdated(updated);
      return updated;
    } catch (err) {
      if (this.article?.id === article.id) errorEl.textContent = errorMessage(err);
      else this.deps.toasts.error(err, 'A change to the previous article was not saved');
      return null;
    }
  }

  private async save(key: TextKey): Promise<void> {
    if (!this.article) return;
    const value = key === 'headline' ? this.inputs[key].value.replace(/\s*\n\s*/g, ' ').trim() : this.inputs[key].value.trim();
    if (value === this.article[key]) {
      this.errors[key].textContent = '';
      return;
    }
    const updated = await this.patch({ [key]: value }, this.errors[key]);
    // Show what the core kept (a slug is normalized, for instance).
    if (updated && this.article?.id === updated.id && document.activeElement !== this.inputs[key]) {
      this.inputs[key].value = updated[key];
      if (key === 'headline') this.updateHint();
    }
  }

  private async saveStatus(): Promise<void> {
    const article = this.article;
    if (!article) return;
    const next = this.status.value as Status;
    const updated = await this.patch({ status: next }, this.errors.status);
    if (!updated) {
      this.status.value = article.status;
      return;
    }
    try {
      const view = await this.deps.ipc.openArticle(updated.id);
      if (this.article?.id === updated.id) this.setStatuses(view.article.status, view.allowed_statuses);
    } catch (err) {
      this.deps.toasts.error(err, 'The next workflow steps could not be loaded');
    }
  }

  private commitTagInput(): void {
    const added = parseTags(this.tagInput.value);
    this.tagInput.value = '';
    void this.saveTags(addTags(this.tags, added));
  }

  private async saveTags(tags: string[]): Promise<void> {
    const previous = this.tags;
    this.tags = tags;
    this.renderChips();
    const updated = await this.patch({ tags }, this.errors.tags);
    if (!updated) {
      this.tags = previous;
      this.renderChips();
    } else if (this.article?.id === updated.id) {
      this.tags = [...updated.tags];
      this.renderChips();
    }
  }

  private renderChips(): void {
    this.chips.replaceChildren(
      ...this.tags.map((tag, i) =>
        h(
          'li',
          { class: 'chip' },
          h('span', {}, tag),
          button('×', () => void this.saveTags(this.tags.filter((_, j) => j !== i)), { class: 'chip-remove', 'aria-label': `Remove tag ${tag}` }),
        ),
      ),
    );
  }
}
