/**
 * The toolbar over the editor: the save state, the layout (Editor / Split / Preview), the photo
 * library, Export, Publish… and the ⋯ menu with the rest of the article's and the library's actions.
 */
import { button, h } from '../dom';
import { BUDGET_SHORTCUT, PUBLISH_SHORTCUT, SAVE_SHORTCUT, type ShortcutLabel } from '../logic/shortcuts';
import { showMenu } from '../panels/menu';
import type { Articles } from './articles';
import type { Dialogs } from './dialogs';
import { VIEW_MODES, type Layout } from './layout';
import type { PhotoActions } from './photos';
import type { Publishing } from './publishing';

export interface ToolbarDeps {
  keys: ShortcutLabel;
  /** The save indicator, first in the bar. */
  saveState: HTMLElement;
  /** The article open in the editor. */
  openId(): number | null;
  layout: Pick<Layout, 'setMode'>;
  articles: Pick<Articles, 'saveNow' | 'duplicate' | 'archive' | 'trash'>;
  dialogs: Pick<Dialogs, 'exportCurrent' | 'showWorkspace' | 'showDictionary' | 'showShortcuts' | 'toggleBudget'>;
  publishing: Pick<Publishing, 'open' | 'showSites'>;
  photoActions: Pick<PhotoActions, 'toggleLibrary'>;
}

export function buildToolbar(bar: HTMLElement, deps: ToolbarDeps): void {
  const { keys, articles, dialogs, publishing } = deps;
  const modeButtons = VIEW_MODES.map((m) =>
    button(m === 'editor' ? 'Editor' : m === 'split' ? 'Split' : 'Preview', () => deps.layout.setMode(m), {
      class: 'seg',
      'data-mode': m,
      'aria-pressed': 'false',
      title: `${m === 'editor' ? 'Editor only' : m === 'split' ? 'Editor and preview side by side' : 'Preview only'} (${keys('Mod-\\')} cycles)`,
    }),
  );
  const more = button('⋯', () => {
    const id = deps.openId();
    const sites = { label: 'Sites…', run: () => void publishing.showSites() };
    const workspace = { label: 'Workspace folder…', run: () => void dialogs.showWorkspace() };
    const shortcuts = { label: 'Keyboard shortcuts', run: () => void dialogs.showShortcuts() };
    const dictionary = { label: 'Spelling and grammar…', run: () => void dialogs.showDictionary() };
    const budget = { label: `Story budget (${keys(BUDGET_SHORTCUT)})`, run: () => void dialogs.toggleBudget() };
    if (id === null) {
      showMenu(more, [budget, sites, workspace, dictionary, shortcuts]);
      return;
    }
    showMenu(more, [
      { label: `Save now (${keys(SAVE_SHORTCUT)})`, run: () => void articles.saveNow() },
      { label: 'Duplicate', run: () => void articles.duplicate(id) },
      { label: 'Archive', run: () => void articles.archive(id) },
      budget,
      sites,
      workspace,
      dictionary,
      shortcuts,
      { label: 'Move to trash', run: () => void articles.trash(id), danger: true },
    ]);
  }, { class: 'icon-button', 'aria-label': 'More article actions', 'aria-haspopup': 'menu' });
  bar.append(
    h('div', { class: 'toolbar-group' }, deps.saveState),
    h('div', { class: 'toolbar-group segmented', role: 'group', 'aria-label': 'Layout' }, ...modeButtons),
    h(
      'div',
      { class: 'toolbar-group' },
      button('Photo library', () => void deps.photoActions.toggleLibrary(), { 'data-testid': 'photo-library-button', 'aria-pressed': 'false', id: 'photo-library-toggle' }),
      button('Export', () => void dialogs.exportCurrent(), { 'data-testid': 'export', title: `Export (${keys('Mod-e')})` }),
      button('Publish…', () => void publishing.open(), { class: 'primary', 'data-testid': 'publish', title: `Publish to a site (${keys(PUBLISH_SHORTCUT)})` }),
      more,
    ),
  );
}
