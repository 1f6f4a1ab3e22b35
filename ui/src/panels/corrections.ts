/**
 * "Corrections and updates" in the Details tab: the story's public record of what changed after it
 * was published, listed as the page prints it, and the box that adds to it. The core only ever
 * appends to that record, so nothing added can be changed or taken back: adding takes one more
 * step, inside the section, which shows the line as the page will print it with today's date and
 * says so, and only "Yes, add…" sends it. A story that has not been published has nothing to
 * correct (the story itself is changed instead), so the section says that and offers no box.
 */
import { append, button, field, h } from '../dom';
import { errorMessage, type Ipc } from '../ipc';
import { correctionLabel, oneParagraph, pageDate } from '../logic/deskLog';
import type { Article, Correction, CorrectionKind } from '../types';
import type { Toasts } from './toast';

export interface CorrectionsDeps {
  ipc: Pick<Ipc, 'addCorrection'>;
  toasts: Toasts;
  /** The core added `correction` to article `id`: the preview, history and library row follow. */
  onAdded(id: number, correction: Correction): void;
  /** The clock, in Unix seconds (tests set it): the date the confirmation shows. */
  now?: () => number;
}

/**
 * One entry with the export's markup (templates/page.html): `<strong>Correction, <time
 * datetime="…">3 December 2026</time>:</strong> The vote was 7-2.`, made in `doc` (the preview's
 * frame has a document of its own). `null` when no date can be printed: the export leaves it out.
 */
export function correctionEntry<K extends 'p' | 'li'>(doc: Document, tag: K, c: Correction): HTMLElementTagNameMap[K] | null {
  const date = pageDate(c.at);
  if (!date) return null;
  const time = doc.createElement('time');
  time.setAttribute('datetime', date.iso);
  time.textContent = date.display;
  const strong = doc.createElement('strong');
  strong.append(`${correctionLabel(c.kind)}, `, time, ':');
  const el = doc.createElement(tag);
  el.append(strong, ` ${c.text}`);
  return el;
}

export class CorrectionsSection {
  readonly root: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly unpublished: HTMLElement;
  private readonly form: HTMLElement;
  private readonly text: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly adds: HTMLElement;
  private readonly addButtons: HTMLButtonElement[];
  private readonly confirm: HTMLElement;
  private articleId: number | null = null;
  private entries: Correction[] = [];

  constructor(private readonly deps: CorrectionsDeps) {
    this.list = h('ol', { class: 'desk-entries', 'aria-labelledby': 'corrections-title', 'data-testid': 'corrections' });
    this.unpublished = h('p', { class: 'muted small', 'data-testid': 'corrections-unpublished' }, 'Corrections and updates are added once the story is published.');
    this.text = h('textarea', { rows: 3, spellcheck: 'true', 'data-testid': 'correction-text' });
    const f = field('correction-text', 'New correction or update', this.text, 'A correction puts right what the story got wrong; an update adds what has happened since.');
    this.error = f.error;
    this.addButtons = (['correction', 'update'] as const).map((kind) =>
      button(`Add ${kind}`, () => this.askToConfirm(kind), { disabled: true, 'data-testid': `add-${kind}` }),
    );
    this.adds = h('div', { class: 'desk-actions' }, ...this.addButtons);
    this.confirm = h('div', { class: 'desk-confirm', role: 'group', 'aria-labelledby': 'correction-confirm-question', 'data-testid': 'correction-confirm', hidden: true });
    this.form = h('div', { class: 'desk-form' }, f.wrap, this.adds, this.confirm);
    this.text.addEventListener('input', () => {
      // What the confirmation shows must be what is sent: changing the text takes it back.
      this.closeConfirm();
      this.updateButtons();
    });
    this.root = h(
      'section',
      { class: 'desk-log', 'aria-labelledby': 'corrections-title', 'data-testid': 'corrections-section', hidden: true },
      h('h3', { class: 'subhead', id: 'corrections-title' }, 'Corrections and updates'),
      this.list,
      this.unpublished,
      this.form,
    );
  }

  /** Shows the article's corrections; what is being typed stays while it is the same article. */
  load(article: Article, corrections: Correction[]): void {
    if (article.id !== this.articleId) {
      this.articleId = article.id;
      this.text.value = '';
      this.error.textContent = '';
      this.closeConfirm();
      this.updateButtons();
    }
    this.entries = corrections;
    const published = article.published_at !== null;
    this.unpublished.hidden = published;
    this.form.hidden = !published;
    this.renderList(published);
    this.root.hidden = false;
  }

  /** No article open: nothing to list or add to. */
  clear(): void {
    this.articleId = null;
    this.root.hidden = true;
  }

  private renderList(published: boolean): void {
    const items = this.entries.map((c) => correctionEntry(document, 'li', c)).filter((li) => li !== null);
    // Before publication the sentence below says it all; after it, an empty record says so.
    if (items.length === 0 && published) items.push(h('li', { class: 'muted small' }, 'No corrections or updates yet.'));
    this.list.replaceChildren(...items);
    this.list.hidden = items.length === 0;
  }

  private updateButtons(): void {
    const empty = this.text.value.trim() === '';
    for (const b of this.addButtons) b.disabled = empty;
  }

  /** The one step before sending: the line as the page will print it, dated today. */
  private askToConfirm(kind: CorrectionKind): void {
    const text = oneParagraph(this.text.value);
    if (!text) return;
    this.error.textContent = '';
    const now = Math.floor(this.deps.now?.() ?? Date.now() / 1000);
    const line = correctionEntry(document, 'p', { kind, text, at: now });
    const back = button('Keep editing', () => {
      this.closeConfirm();
      this.text.focus();
    });
    const yes = button(`Yes, add the ${kind}`, () => void this.send(kind, [yes, back]), { class: 'primary' });
    this.confirm.replaceChildren();
    append(this.confirm, [
      h('p', { id: 'correction-confirm-question' }, `This ${kind} will be printed at the end of the story with today’s date, and cannot be changed or removed afterwards:`),
      line && h('blockquote', { class: 'desk-confirm-line' }, line),
      h('div', { class: 'desk-actions' }, yes, back),
    ]);
    this.confirm.hidden = false;
    this.adds.hidden = true;
    back.focus();
  }

  private closeConfirm(): void {
    this.confirm.hidden = true;
    this.confirm.replaceChildren();
    this.adds.hidden = false;
  }

  private async send(kind: CorrectionKind, confirmButtons: HTMLButtonElement[]): Promise<void> {
    const id = this.articleId;
    if (id === null) return;
    // Sent once: the record cannot take a second copy back.
    for (const b of confirmButtons) b.disabled = true;
    this.text.readOnly = true;
    try {
      const added = await this.deps.ipc.addCorrection(id, kind === 'update', this.text.value);
      if (this.articleId === id) {
        this.entries = [...this.entries, added];
        this.renderList(true);
        this.text.value = '';
        this.updateButtons();
      }
      this.deps.onAdded(id, added);
    } catch (err) {
      // The typed text stays, with the core's sentence under it.
      if (this.articleId === id) this.error.textContent = errorMessage(err);
      else this.deps.toasts.error(err, `The ${kind} to the previous article was not added`);
    } finally {
      this.text.readOnly = false;
      if (this.articleId === id) {
        this.closeConfirm();
        this.text.focus();
      }
    }
  }
}
