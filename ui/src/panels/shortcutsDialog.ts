/**
 * The keyboard shortcuts dialog (Mod-/ or the "⋯" menu): the app's and the editor's shortcuts,
 * each written as this platform writes it ("Ctrl+Shift+F" on Windows and Linux, "⇧⌘F" on a Mac).
 */
import { button, h } from '../dom';
import {
  ADD_NOTE_SHORTCUT,
  BUDGET_SHORTCUT,
  HISTORY_SHORTCUT,
  NEW_ARTICLE_SHORTCUT,
  NEXT_PROBLEM_SHORTCUT,
  PREVIOUS_PROBLEM_SHORTCUT,
  PROBLEM_MENU_SHORTCUT,
  PUBLISH_SHORTCUT,
  SAVE_SHORTCUT,
  describeShortcut,
} from '../logic/shortcuts';

/** One row: the shortcuts (alternatives, in CodeMirror's notation) and what they do. */
export interface ShortcutRow {
  keys: string[];
  what: string;
}

/**
 * Every shortcut the window answers. Redo is CodeMirror's (its history keymap): ⇧⌘Z on a Mac,
 * Ctrl+Y on Windows and Linux.
 */
export function shortcutRows(isMac: boolean): ShortcutRow[] {
  return [
    { keys: [SAVE_SHORTCUT], what: 'Save now (records a revision)' },
    { keys: [NEW_ARTICLE_SHORTCUT], what: 'New article' },
    { keys: ['Mod-e'], what: 'Export' },
    { keys: [PUBLISH_SHORTCUT], what: 'Publish to a site' },
    { keys: ['Mod-Shift-f', 'Mod-p'], what: 'Search the library' },
    { keys: [BUDGET_SHORTCUT], what: 'Story budget (Escape goes back)' },
    { keys: ['Mod-\\'], what: 'Editor / split / preview' },
    { keys: ['Mod-b'], what: 'Bold' },
    { keys: ['Mod-i'], what: 'Italic' },
    { keys: ['Mod-k'], what: 'Link' },
    { keys: ['Mod-Alt-1', 'Mod-Alt-2', 'Mod-Alt-3'], what: 'Heading 1, 2, 3' },
    { keys: ['Mod-Shift-h'], what: 'Cycle heading' },
    { keys: ['Mod-Shift-p'], what: 'Insert a photo' },
    { keys: [HISTORY_SHORTCUT], what: 'Revision history' },
    { keys: [ADD_NOTE_SHORTCUT], what: 'Add the note being typed (Notes for the desk)' },
    { keys: ['Mod-f'], what: 'Find and replace in the text' },
    { keys: [PROBLEM_MENU_SHORTCUT], what: 'Suggestions for the underlined word at the cursor (or right-click it)' },
    { keys: [NEXT_PROBLEM_SHORTCUT, PREVIOUS_PROBLEM_SHORTCUT], what: 'Next / previous spelling or grammar problem' },
    { keys: ['Mod-z'], what: 'Undo' },
    { keys: [isMac ? 'Mod-Shift-z' : 'Mod-y'], what: 'Redo' },
    { keys: ['Mod-/'], what: 'This list' },
  ];
}

/** Opens the dialog; it removes itself when closed. */
export function openShortcutsDialog(isMac: boolean): HTMLDialogElement {
  const rows = shortcutRows(isMac).flatMap(({ keys, what }) => [
    h('dt', {}, ...keys.flatMap((k, i) => [i > 0 && ', ', h('kbd', {}, describeShortcut(k, isMac))])),
    h('dd', {}, what),
  ]);
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': 'shortcuts-title', 'data-testid': 'shortcuts-dialog' },
    h('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'),
    h('dl', { class: 'shortcut-list' }, ...rows),
    h('div', { class: 'dialog-buttons' }, button('Close', () => dialog.close(), { class: 'primary' })),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
