/**
 * The metadata panel: kicker, headline (with a length hint), dek, byline, section (with the
 * library's sections offered), tags as chips, slug, dateline and status (only the moves the
 * workflow allows); the headlines for search engines and social cards; the planned length and the
 * embargo; the spelling language. Each field is saved on change/blur through `update_article`; the core's error shows
 * under it. With no article open the fields give way to how to open or start one.
 */
import { button, field, h } from '../dom';
import { errorMessage, normalizeError, type Ipc } from '../ipc';
import { NEW_ARTICLE_SHORTCUT, type ShortcutLabel } from '../logic/shortcuts';
import { headlineHint, seoHeadlineHint } from '../logic/text';
import { parseTags } from '../logic/tags';
import { readPlannedWords } from '../logic/wordTarget';
import type { Article, ArticlePatch, ArticleView, Status } from '../types';
import { EmbargoField } from './embargoField';
import { LanguageField } from './languageField';
import { statusLabel } from './library';
import type { Toasts } from './toast';

export interface MetadataDeps {
  ipc: Pick<Ipc, 'updateArticle' | 'openArticle' | 'proofingLanguages'>;
  toasts: Toasts;
  /** How shortcuts are written on this platform, for the empty state ("Ctrl+N"). */
  keys: ShortcutLabel;
  /** A saved change: the app refreshes the preview header, the library row... */
  onUpdated(article: Article): void;
  /** The clock, in Unix seconds (tests set it). */
  now?: () => number;
}

type TextKey = 'kicker' | 'headline' | 'dek' | 'byline' | 'section' | 'slug' | 'dateline' | 'seo_headline' | 'social_headline';

/** Fields typed in a wrapping box but kept to one line: Enter commits them, line breaks become spaces. */
const ONE_LINE_BOXES: ReadonlySet<TextKey> = new Set(['headline', 'seo_headline', 'social_headline']);

export class MetadataPanel {
  readonly root: HTMLElement;
  private readonly deps: MetadataDeps;
  private article: Article | null = null;
  private readonly form: HTMLFormElement;
  private readonly empty: HTMLElement;
  private readonly inputs = {} as Record<TextKey, HTMLInputElement | HTMLTextAreaElement>;
  private readonly errors = {} as Record<TextKey | 'tags' | 'status' | 'words_planned', HTMLElement>;
  private readonly headlineHintEl: HTMLElement;
  private readonly seoHintEl: HTMLElement;
  private readonly status: HTMLSelectElement;
  private readonly sections: HTMLDataListElement;
  private readonly chips: HTMLElement;
  private readonly tagInput: HTMLInputElement;
  private readonly wordsPlanned: HTMLInputElement;
  private readonly embargo: EmbargoField;
  private readonly language: LanguageField;
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
      control.addEventListener('input', () => control.removeAttribute('aria-invalid'));
      control.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key !== 'Enter') return;
        if (ONE_LINE_BOXES.has(key)) {
          e.preventDefault();
          control.blur();
        } else if (control instanceof HTMLInputElement) {
          control.blur();
        }
      });
      return f;
    };
    const kicker = make('kicker', 'Kicker', h('input', { type: 'text', placeholder: 'Analysis', spellcheck: 'true' }), 'The label above the headline');
    const headline = make('headline', 'Headline', h('textarea', { rows: 3, class: 'headline-input', spellcheck: 'true' }));
    this.headlineHintEl = headline.hint;
    headline.hint.setAttribute('aria-live', 'polite');
    // The SEO and social headlines fall back on the headline: their placeholders and the SEO counter follow it.
    this.inputs.headline.addEventListener('input', () => this.updateHints());
    const dek = make('dek', 'Dek', h('textarea', { rows: 3, spellcheck: 'true' }), 'The standfirst under the headline');
    const byline = make('byline', 'Byline', h('input', { type: 'text', placeholder: 'Ana Ruiz and Tom Lee' }));
    const section = make('section', 'Section', h('input', { type: 'text', list: 'section-options', autocomplete: 'off' }));
    const dateline = make('dateline', 'Dateline', h('input', { type: 'text', placeholder: 'STOCKHOLM' }));
    const slug = make('slug', 'Slug', h('input', { type: 'text', spellcheck: 'false', autocapitalize: 'off' }), 'The file and URL name');
    const seo = make('seo_headline', 'SEO headline', h('textarea', { rows: 2, spellcheck: 'true' }));
    this.seoHintEl = seo.hint;
    seo.hint.setAttribute('aria-live', 'polite');
    this.inputs.seo_headline.addEventListener('input', () => this.updateHints());
    const social = make('social_headline', 'Social headline', h('textarea', { rows: 2, spellcheck: 'true' }), 'For social cards (Open Graph, Twitter); when empty they use the headline');

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

    this.wordsPlanned = h('input', { type: 'number', min: 1, step: 1, inputmode: 'numeric', placeholder: 'None', 'data-testid': 'meta-words_planned' });
    const words = field('meta-words_planned', 'Words planned', this.wordsPlanned, 'The status bar shows the count against it');
    this.errors.words_planned = words.error;
    this.wordsPlanned.addEventListener('change', () => void this.saveWordsPlanned());
    this.wordsPlanned.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.wordsPlanned.blur();
    });
    this.embargo = new EmbargoField({ save: (embargo, error) => this.patchOpen({ embargo }, error), now: () => this.now() });
    this.language = new LanguageField({
      languages: () => deps.ipc.proofingLanguages(),
      save: (language, error) => this.patchOpen({ language }, error),
    });

    this.form = h(
      'form',
      { class: 'metadata', 'aria-label': 'Article details', 'data-testid': 'metadata', novalidate: true, hidden: true },
      kicker.wrap,
      headline.wrap,
      dek.wrap,
      h('div', { class: 'field-row' }, byline.wrap, dateline.wrap),
      h('div', { class: 'field-row' }, section.wrap, statusField.wrap),
      tagField.wrap,
      slug.wrap,
      h('fieldset', { class: 'field-group' }, h('legend', {}, 'Search and social'), seo.wrap, social.wrap),
      h('fieldset', { class: 'field-group' }, h('legend', {}, 'Length and embargo'), words.wrap, this.embargo.wrap),
      this.language.wrap,
      this.sections,
    );
    this.form.addEventListener('submit', (e) => e.preventDefault());
    this.empty = h(
      'p',
      { class: 'empty-state', 'data-testid': 'metadata-empty', hidden: true },
      'No article open. Choose one from the list or press ',
      h('kbd', {}, deps.keys(NEW_ARTICLE_SHORTCUT)),
      ' to start one.',
    );
    this.root = h('div', { class: 'metadata-panel' }, this.empty, this.form);
  }

  setSections(sections: string[]): void {
    this.sections.replaceChildren(...sections.map((s) => h('option', { value: s })));
  }

  load(view: ArticleView): void {
    const a = view.article;
    this.article = a;
    for (const key of Object.keys(this.inputs) as TextKey[]) {
      this.inputs[key].value = a[key];
      this.inputs[key].removeAttribute('aria-invalid');
      this.errors[key].textContent = '';
    }
    this.errors.tags.textContent = '';
    this.errors.status.textContent = '';
    this.errors.words_planned.textContent = '';
    this.tags = [...a.tags];
    this.renderChips();
    this.setStatuses(a.status, view.allowed_statuses);
    this.wordsPlanned.value = plannedText(a.words_planned);
    this.embargo.load(a.embargo);
    void this.language.load(a.language);
    this.updateHints();
    this.form.hidden = false;
    this.empty.hidden = true;
  }

  /** No article is open: say how to open or start one instead of showing fields that save nowhere. */
  showEmpty(): void {
    this.article = null;
    this.embargo.load(null);
    this.form.hidden = true;
    this.empty.hidden = false;
  }

  focusHeadline(): void {
    this.inputs.headline.focus();
    (this.inputs.headline as HTMLTextAreaElement).select();
  }

  private now(): number {
    return (this.deps.now ?? (() => Date.now() / 1000))();
  }

  /** The headline's hint, and what falls back on the headline: the SEO counter and both placeholders. */
  private updateHints(): void {
    const headline = this.inputs.headline.value;
    const hint = headlineHint(headline);
    this.headlineHintEl.textContent = hint.message;
    this.headlineHintEl.dataset.level = hint.level;
    const seo = seoHeadlineHint(this.inputs.seo_headline.value, headline);
    this.seoHintEl.textContent = seo.message;
    this.seoHintEl.dataset.level = seo.level;
    const fallback = oneLine(headline);
    this.inputs.seo_headline.placeholder = fallback;
    this.inputs.social_headline.placeholder = fallback;
  }

  private setStatuses(current: Status, allowed: Status[]): void {
    const options = allowed.includes(current) ? allowed : [current, ...allowed];
    this.status.replaceChildren(...options.map((s) => h('option', { value: s }, statusLabel(s))));
    this.status.value = current;
  }

  /** Saves `patch`; a refusal shows under its field, and `onRefused` hears its kind while the article is still open. */
  private async patch(patch: ArticlePatch, errorEl: HTMLElement, onRefused?: (kind: string) => void): Promise<Article | null> {
    const article = this.article;
    if (!article) return null;
    errorEl.textContent = '';
    try {
      const updated = await this.deps.ipc.updateArticle(article.id, patch);
      if (this.article?.id === updated.id) this.article = updated;
      this.deps.onUpdated(updated);
      return updated;
    } catch (err) {
      if (this.article?.id === article.id) {
        errorEl.textContent = errorMessage(err);
        onRefused?.(normalizeError(err).kind);
      } else this.deps.toasts.error(err, 'A change to the previous article was not saved');
      return null;
    }
  }

  /** `patch`, resolving the saved article only while it is still the one shown. */
  private async patchOpen(patch: ArticlePatch, errorEl: HTMLElement, onRefused?: (kind: string) => void): Promise<Article | null> {
    const updated = await this.patch(patch, errorEl, onRefused);
    return updated && this.article?.id === updated.id ? updated : null;
  }

  private async save(key: TextKey): Promise<void> {
    if (!this.article) return;
    const value = ONE_LINE_BOXES.has(key) ? oneLine(this.inputs[key].value) : this.inputs[key].value.trim();
    if (value === this.article[key]) {
      this.errors[key].textContent = '';
      return;
    }
    const input = this.inputs[key];
    // A slug another story has stays as typed, marked, for the editor to change.
    const updated = await this.patchOpen({ [key]: value }, this.errors[key], (kind) => {
      if (kind === 'duplicate_slug') input.setAttribute('aria-invalid', 'true');
    });
    // Show what the core kept (a slug is normalized, for instance).
    if (updated && document.activeElement !== this.inputs[key]) {
      this.inputs[key].value = updated[key];
      this.updateHints();
    }
  }

  private async saveWordsPlanned(): Promise<void> {
    if (!this.article) return;
    const read = readPlannedWords(this.wordsPlanned.value, this.wordsPlanned.validity.badInput);
    if ('error' in read) {
      this.errors.words_planned.textContent = read.error;
      return;
    }
    if (read.ok === this.article.words_planned) {
      this.errors.words_planned.textContent = '';
      return;
    }
    const updated = await this.patchOpen({ words_planned: read.ok }, this.errors.words_planned);
    if (updated && document.activeElement !== this.wordsPlanned) this.wordsPlanned.value = plannedText(updated.words_planned);
  }

  private async saveStatus(): Promise<void> {
    const article = this.article;
    if (!article) return;
    const next = this.status.value as Status;
    let refusedMove = false;
    const updated = await this.patch({ status: next }, this.errors.status, (kind) => {
      refusedMove = kind === 'invalid_transition';
    });
    if (!updated) this.status.value = article.status;
    // After a move, and after a move the workflow refused (the status may have changed elsewhere
    // meanwhile), the menu offers what the core allows now.
    if (updated || refusedMove) await this.reloadStatuses(article.id);
  }

  private async reloadStatuses(id: number): Promise<void> {
    try {
      const view = await this.deps.ipc.openArticle(id);
      if (this.article?.id === id) this.setStatuses(view.article.status, view.allowed_statuses);
    } catch (err) {
      this.deps.toasts.error(err, 'The next workflow steps could not be loaded');
    }
  }

  /**
   * Typed tags go to the core as they are: it trims them and leaves out repeats (store's
   * `normalize_tags`), and the chips show what it kept, so they are drawn on its answer.
   */
  private commitTagInput(): void {
    const added = parseTags(this.tagInput.value);
    this.tagInput.value = '';
    if (added.length > 0) void this.saveTags([...this.tags, ...added], false);
  }

  /** `optimistic`: draw the chips before the core answers (a removal, which cannot differ). */
  private async saveTags(tags: string[], optimistic = true): Promise<void> {
    const previous = this.tags;
    if (optimistic) {
      this.tags = tags;
      this.renderChips();
    }
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

/** A box's text as one line: pasted line breaks become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** The Words planned field's text for a plan (empty for none). */
function plannedText(words: number | null): string {
  return words === null ? '' : String(words);
}
