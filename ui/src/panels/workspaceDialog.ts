/**
 * Where the workspace folder is, how it is watched, and the button that moves it elsewhere
 * (opened from the "⋯" menu).
 */
import { button, h } from '../dom';
import type { Ipc } from '../ipc';
import type { WorkspaceStatus } from '../types';
import type { Toasts } from './toast';

export interface WorkspaceDialogDeps {
  ipc: Pick<Ipc, 'workspaceStatus' | 'chooseWorkspace'>;
  toasts: Toasts;
  /** The native folder picker; `null` when cancelled. */
  chooseFolder(title: string): Promise<string | null>;
}

/** Words for how the folder is watched. */
export function watchDescription(status: WorkspaceStatus): string {
  switch (status.mode) {
    case 'native':
      return 'Changes made in other programs appear at once.';
    case 'polling':
      return `The folder is checked every second instead of watched${status.reason ? ` (${status.reason.replace(/\.$/, '')})` : ''}.`;
    case 'off':
      return status.reason ?? 'The folder is not kept in sync at the moment.';
  }
}

export async function openWorkspaceDialog(deps: WorkspaceDialogDeps): Promise<HTMLDialogElement> {
  const path = h('code', { class: 'workspace-path', 'data-testid': 'workspace-path' }, '…');
  const how = h('p', { class: 'workspace-mode', 'data-testid': 'workspace-mode' });
  const show = (status: WorkspaceStatus) => {
    path.textContent = status.root ?? 'No workspace folder';
    how.textContent = watchDescription(status);
  };
  const choose = button('Choose workspace folder…', () => void pick(), { 'data-testid': 'choose-workspace' });
  const dialog = h(
    'dialog',
    { class: 'dialog workspace-dialog', 'aria-labelledby': 'workspace-title', 'data-testid': 'workspace-dialog' },
    h('h2', { id: 'workspace-title' }, 'Workspace folder'),
    h('p', {}, 'Every article is kept as a Markdown file in this folder, so other programs can edit it. Changes go both ways.'),
    path,
    how,
    h('div', { class: 'dialog-buttons' }, choose, button('Close', () => dialog.close(), { class: 'primary' })),
  );
  async function pick(): Promise<void> {
    const chosen = await deps.chooseFolder('Keep the workspace in this folder');
    if (chosen === null) return;
    choose.disabled = true;
    try {
      show(await deps.ipc.chooseWorkspace(chosen));
      deps.toasts.info('The articles are now kept in the new workspace folder.');
    } catch (err) {
      deps.toasts.error(err, 'The workspace folder could not be changed');
    } finally {
      choose.disabled = false;
    }
  }
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  try {
    show(await deps.ipc.workspaceStatus());
  } catch (err) {
    path.textContent = 'Unknown';
    deps.toasts.error(err, 'The workspace folder could not be read');
  }
  return dialog;
}
