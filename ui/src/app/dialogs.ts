/**
 * The dialogs the toolbar, the ⋯ menu and the shortcuts open (export, the workspace folder, the
 * dictionary, the keyboard shortcuts) and the story budget over the whole window.
 */
import type { Platform } from '../app';
import type { Ipc } from '../ipc';
import type { BudgetView } from '../panels/budget';
import type { Toasts } from '../panels/toast';
import { openWorkspaceDialog } from '../panels/workspaceDialog';
import type { ProofingSwitch } from '../proofing/switch';
import type { Article } from '../types';
import type { Typing } from './typing';

export interface DialogsDeps {
  ipc: Ipc;
  toasts: Toasts;
  typing: Pick<Typing, 'flush'>;
  proofing: Pick<ProofingSwitch, 'set' | 'recheck'>;
  /** The folder picker, and whether this is a Mac (how the shortcuts are written). */
  platform: Pick<Platform, 'chooseFolder' | 'isMac'>;
  /** The article open in the editor. */
  openArticle(): Article | null;
  /** Opens article `id` in the editor; resolves once it is there. */
  open(id: number): Promise<void>;
}

export type Dialogs = ReturnType<typeof makeDialogs>;

export function makeDialogs({ ipc, toasts, typing, proofing, platform, openArticle, open }: DialogsDeps) {
  /** The story budget, over the whole window; made when first asked for. */
  let budget: Promise<BudgetView> | null = null;

  return {
    async exportCurrent(): Promise<void> {
      const a = openArticle();
      if (!a) return;
      await typing.flush();
      const { openExportDialog } = await import('../panels/exportDialog');
      openExportDialog({ ipc, toasts, chooseFolder: () => platform.chooseFolder() }, a);
    },

    /** Where the workspace folder is, and the way to move it. */
    showWorkspace(): Promise<HTMLDialogElement> {
      return openWorkspaceDialog({ ipc, toasts, chooseFolder: (title) => platform.chooseFolder(title) });
    },

    /** The library's own words, which the spell checker accepts: one added by mistake is removed here. */
    async showDictionary(): Promise<void> {
      const { openDictionaryDialog } = await import('../proofing/dictionaryDialog');
      await openDictionaryDialog({ ipc, toasts, checking: proofing, onChanged: () => proofing.recheck() });
    },

    /** The keyboard shortcuts dialog, loaded when first asked for (it is not part of the first screen). */
    async showShortcuts(): Promise<void> {
      const { openShortcutsDialog } = await import('../panels/shortcutsDialog');
      openShortcutsDialog(platform.isMac);
    },

    /** The story budget over the whole window (its code loaded when first asked for), or back to the editor. */
    async toggleBudget(): Promise<void> {
      budget ??= import('../panels/budget').then((m) => new m.BudgetView({ ipc, toasts, onOpen: (id) => open(id) }));
      await (await budget).toggle();
    },
  };
}
