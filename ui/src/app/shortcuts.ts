/**
 * The window's keyboard shortcuts (the editor's own are CodeMirror's, in panels/editor.ts): what
 * each key does. logic/shortcuts.ts matches the keys and writes them for this platform.
 */
import { BUDGET_SHORTCUT, HISTORY_SHORTCUT, NEW_ARTICLE_SHORTCUT, PUBLISH_SHORTCUT, SAVE_SHORTCUT, createKeymap } from '../logic/shortcuts';
import type { LibraryPanel } from '../panels/library';
import type { Articles } from './articles';
import type { Dialogs } from './dialogs';
import type { Layout } from './layout';
import type { Publishing } from './publishing';
import type { Inspector } from './tabs';

export interface ShortcutsDeps {
  /** Whether this is a Mac: ⌘ for Mod. */
  isMac: boolean;
  articles: Pick<Articles, 'create' | 'saveNow'>;
  dialogs: Pick<Dialogs, 'exportCurrent' | 'toggleBudget' | 'showShortcuts'>;
  publishing: Pick<Publishing, 'open'>;
  library: Pick<LibraryPanel, 'focusSearch'>;
  layout: Pick<Layout, 'cycleMode'>;
  inspector: Pick<Inspector, 'show'>;
}

/** Listens for the shortcuts on the window; none while a dialog is open. */
export function installShortcuts(deps: ShortcutsDeps): void {
  const { articles, dialogs, publishing, library, layout, inspector } = deps;
  const keymap = createKeymap(
    {
      [NEW_ARTICLE_SHORTCUT]: () => void articles.create(),
      'Mod-e': () => void dialogs.exportCurrent(),
      [SAVE_SHORTCUT]: () => void articles.saveNow(),
      'Mod-Shift-f': () => library.focusSearch(),
      'Mod-p': () => library.focusSearch(),
      'Mod-\\': () => layout.cycleMode(),
      'Mod-Shift-p': () => inspector.show('photos', true),
      [HISTORY_SHORTCUT]: () => inspector.show('history', true),
      [PUBLISH_SHORTCUT]: () => void publishing.open(),
      [BUDGET_SHORTCUT]: () => void dialogs.toggleBudget(),
      'Mod-/': () => void dialogs.showShortcuts(),
    },
    deps.isMac,
  );
  window.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
    keymap(e);
  });
}
