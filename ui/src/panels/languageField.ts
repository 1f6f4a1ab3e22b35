/**
 * The Spelling language field of the Details tab: the library's default or one of the languages
 * with a Hunspell dictionary on this computer. The list is asked of the shell once, when the first
 * article opens; an article whose language has no dictionary here still shows it, marked so.
 */
import { field, h } from '../dom';
import type { Article, LanguageChoice, ProofingLanguages } from '../types';

export interface LanguageFieldDeps {
  /** The languages and the library's default (the shell's `proofing_languages`). */
  languages(): Promise<ProofingLanguages>;
  /** Saves the language ('' = the library's default); resolves the article or null when refused. */
  save(language: string, error: HTMLElement): Promise<Article | null>;
}

export class LanguageField {
  readonly wrap: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly error: HTMLElement;
  private choices: Promise<ProofingLanguages> | null = null;
  private current = '';

  constructor(private readonly deps: LanguageFieldDeps) {
    this.select = h('select', { 'data-testid': 'meta-language' });
    const f = field('meta-language', 'Spelling language', this.select, 'Spelling and grammar are checked in it');
    this.error = f.error;
    this.wrap = f.wrap;
    this.select.addEventListener('change', () => void this.saveChoice());
  }

  /** Shows `language` ('' = the library's default), filling the list the first time. */
  async load(language: string): Promise<void> {
    this.current = language;
    this.error.textContent = '';
    this.choices ??= this.deps.languages().catch((err: unknown) => {
      this.choices = null;
      throw err;
    });
    let choices: ProofingLanguages;
    try {
      choices = await this.choices;
    } catch {
      this.error.textContent = 'The languages could not be listed; the library’s default is used.';
      return;
    }
    if (language !== this.current) return;
    const options = [h('option', { value: '' }, `Library default: ${choices.default.name}`)];
    const known = choices.available.some((c) => c.code === language);
    const listed: LanguageChoice[] =
      language && !known ? [...choices.available, { code: language, name: `${language} (no dictionary here)` }] : choices.available;
    for (const choice of listed) options.push(h('option', { value: choice.code }, choice.name));
    this.select.replaceChildren(...options);
    this.select.value = language;
  }

  private async saveChoice(): Promise<void> {
    const wanted = this.select.value;
    if (wanted === this.current) return;
    const saved = await this.deps.save(wanted, this.error);
    if (saved) this.current = saved.language;
    else this.select.value = this.current;
  }
}
