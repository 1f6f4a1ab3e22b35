/**
 * Spelling and grammar (the "⋯" menu): whether the editor checks as the editor types, and the
 * library's own dictionary, the words added with "Add to dictionary", each with Remove for one
 * added by mistake. Removing a word checks the open article again, so the word is flagged there at
 * once if it is misspelt after all.
 */
import { button, h } from '../dom';
import type { Ipc } from '../ipc';
import type { Toasts } from '../panels/toast';

export interface DictionaryDialogDeps {
  ipc: Pick<Ipc, 'dictionaryWords' | 'removeFromDictionary' | 'checksAsYouType'>;
  toasts: Toasts;
  /** Switches checking as you type (the checkbox). */
  checking: { set(on: boolean): Promise<void> };
  /** A word was removed. */
  onChanged(): void;
}

export async function openDictionaryDialog(deps: DictionaryDialogDeps): Promise<HTMLDialogElement> {
  const list = h('ul', { class: 'dictionary-words', 'aria-label': 'Words in the dictionary', 'data-testid': 'dictionary-words', hidden: true });
  const empty = h('p', { class: 'muted', hidden: true }, 'No words yet. Right-click an underlined name in the text and choose “Add to dictionary”.');
  const close = button('Close', () => dialog.close(), { class: 'primary' });
  const asYouType = h('input', { type: 'checkbox', id: 'check-as-you-type', 'data-testid': 'check-as-you-type', disabled: true });
  asYouType.addEventListener('change', () => void switchChecking(asYouType.checked));
  const dialog = h(
    'dialog',
    { class: 'dialog dictionary-dialog', 'aria-labelledby': 'dictionary-title', 'data-testid': 'dictionary-dialog' },
    h('h2', { id: 'dictionary-title' }, 'Spelling and grammar'),
    h('p', { class: 'checkbox-row' }, asYouType, h('label', { for: 'check-as-you-type' }, 'Underline spelling and grammar problems as I type')),
    h('h3', {}, 'Dictionary'),
    h('p', {}, 'Names and words the desk uses that the spelling dictionary does not know. They are accepted in every article of this library.'),
    list,
    empty,
    h('div', { class: 'dialog-buttons' }, close),
  );

  const show = (words: string[]) => {
    list.replaceChildren(
      ...words.map((word) =>
        h('li', { class: 'dictionary-row' }, h('span', {}, word), button('Remove', () => void remove(word), { class: 'danger-link', 'aria-label': `Remove “${word}”` })),
      ),
    );
    list.hidden = words.length === 0;
    empty.hidden = words.length > 0;
  };

  async function switchChecking(on: boolean): Promise<void> {
    try {
      await deps.checking.set(on);
    } catch (err) {
      asYouType.checked = !on;
      deps.toasts.error(err, on ? 'Checking could not be switched on' : 'Checking could not be switched off');
    }
  }

  async function remove(word: string): Promise<void> {
    const at = [...list.querySelectorAll('button')].findIndex((b) => b.getAttribute('aria-label') === `Remove “${word}”`);
    try {
      await deps.ipc.removeFromDictionary(word);
      deps.onChanged();
      show(await deps.ipc.dictionaryWords());
    } catch (err) {
      deps.toasts.error(err, `“${word}” could not be removed from the dictionary`);
      return;
    }
    // The button that had the focus is gone: the next word's takes it, else Close.
    const buttons = list.querySelectorAll('button');
    (buttons[Math.min(at, buttons.length - 1)] ?? close).focus();
  }

  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  try {
    asYouType.checked = await deps.ipc.checksAsYouType();
    asYouType.disabled = false;
    show(await deps.ipc.dictionaryWords());
  } catch (err) {
    deps.toasts.error(err, 'The dictionary could not be read');
  }
  return dialog;
}
