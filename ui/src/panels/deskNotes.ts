/**
 * "Notes for the desk" in the Details tab: what the people working on a story tell one another
 * ("legal to check para 4"), oldest first, each with when it was written. They go with the story's
 * workspace file to the other desks but are never exported or published, and the section says so
 * where they are typed, so nobody holds back or, worse, writes for readers there. A note is
 * written like any note (Enter starts a new line); Mod+Enter adds it without reaching for the mouse.
 */
import { button, field, h } from '../dom';
import { errorMessage, type Ipc } from '../ipc';
import { shortStamp } from '../logic/calendar';
import { pageDate } from '../logic/deskLog';
import { ADD_NOTE_SHORTCUT, createKeymap, describeShortcut } from '../logic/shortcuts';
import type { DeskNote } from '../types';
import type { Toasts } from './toast';

export interface DeskNotesDeps {
  ipc: Pick<Ipc, 'addNote'>;
  toasts: Toasts;
  /** Cmd on a Mac, Ctrl elsewhere, for the shortcut and its hint. */
  isMac: boolean;
  /** The core added `note` to article `id`. */
  onAdded(id: number, note: DeskNote): void;
  /** The clock, in Unix seconds (tests set it): notes from another year carry theirs. */
  now?: () => number;
}

export class DeskNotesSection {
  readonly root: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly text: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly add: HTMLButtonElement;
  private articleId: number | null = null;
  private notes: DeskNote[] = [];
  private sending = false;

  constructor(private readonly deps: DeskNotesDeps) {
    this.list = h('ol', { class: 'desk-entries desk-notes', 'aria-labelledby': 'notes-title', 'data-testid': 'desk-notes' });
    this.text = h('textarea', { rows: 3, spellcheck: 'true', 'data-testid': 'note-text' });
    const f = field('note-text', 'New note', this.text, `Enter starts a new line; ${describeShortcut(ADD_NOTE_SHORTCUT, deps.isMac)} adds the note.`);
    this.error = f.error;
    this.add = button('Add note', () => void this.send(), { disabled: true, 'data-testid': 'add-note' });
    const keymap = createKeymap({ [ADD_NOTE_SHORTCUT]: () => void this.send() }, deps.isMac);
    this.text.addEventListener('keydown', (e) => keymap(e));
    this.text.addEventListener('input', () => this.updateButton());
    this.root = h(
      'section',
      { class: 'desk-log', 'aria-labelledby': 'notes-title', 'data-testid': 'notes-section', hidden: true },
      h('h3', { class: 'subhead', id: 'notes-title' }, 'Notes for the desk'),
      h('p', { class: 'desk-private small' }, 'Only for the desk: never exported or published.'),
      this.list,
      h('div', { class: 'desk-form' }, f.wrap, h('div', { class: 'desk-actions' }, this.add)),
    );
  }

  /** Shows the article's notes; what is being typed stays while it is the same article. */
  load(articleId: number, notes: DeskNote[]): void {
    if (articleId !== this.articleId) {
      this.articleId = articleId;
      this.text.value = '';
      this.error.textContent = '';
      this.updateButton();
    }
    this.notes = notes;
    this.renderList();
    this.root.hidden = false;
  }

  /** No article open: nothing to list or add to. */
  clear(): void {
    this.articleId = null;
    this.root.hidden = true;
  }

  private renderList(): void {
    const now = Math.floor(this.deps.now?.() ?? Date.now() / 1000);
    this.list.replaceChildren(
      ...(this.notes.length === 0
        ? [h('li', { class: 'muted small' }, 'No notes yet.')]
        : this.notes.map((n) =>
            h(
              'li',
              { class: 'desk-note' },
              h('time', { datetime: pageDate(n.at)?.iso }, shortStamp(n.at, now)),
              h('span', { class: 'desk-note-text' }, n.text),
            ),
          )),
    );
  }

  private updateButton(): void {
    this.add.disabled = this.sending || this.text.value.trim() === '';
  }

  private async send(): Promise<void> {
    const id = this.articleId;
    if (id === null || this.sending || this.text.value.trim() === '') return;
    this.sending = true;
    // What is sent is what the box is cleared of: no typing slips in meanwhile.
    this.text.readOnly = true;
    this.updateButton();
    this.error.textContent = '';
    try {
      const added = await this.deps.ipc.addNote(id, this.text.value);
      if (this.articleId === id) {
        this.notes = [...this.notes, added];
        this.renderList();
        this.text.value = '';
      }
      this.deps.onAdded(id, added);
    } catch (err) {
      // The typed note stays, with the core's sentence under it.
      if (this.articleId === id) this.error.textContent = errorMessage(err);
      else this.deps.toasts.error(err, 'The note on the previous article was not added');
    } finally {
      this.sending = false;
      this.text.readOnly = false;
      this.updateButton();
    }
  }
}
