/**
 * The window's side of the workspace sync: listens to the shell's `sync` events and carries out
 * what logic/sync.ts decides for each (refresh the open article in place, reload the list, say
 * what went wrong), and keeps track of which articles are in conflict.
 */
import type { Ipc } from '../ipc';
import { pollingText, routeSyncEvent, type SyncAction } from '../logic/sync';
import type { Conflict, SyncEvent } from '../types';
import type { Toasts } from './toast';

export interface WorkspaceSyncDeps {
  ipc: Pick<Ipc, 'onSync' | 'listConflicts' | 'workspaceStatus'>;
  toasts: Toasts;
  /** The article open in the editor. */
  openId(): number | null;
  /** Fetches the open article again and applies it in place; `announce` says so in a notice. */
  refreshOpen(announce: boolean): Promise<void>;
  reloadList(): void;
  /** The open article was trashed because its file was deleted. */
  openTrashed(): void;
  reloadPhotos(): void;
  /** The articles in conflict changed (by article id). */
  onConflicts(conflicts: ReadonlyMap<number, Conflict>): void;
}

export class WorkspaceSync {
  private readonly deps: WorkspaceSyncDeps;
  private conflictMap = new Map<number, Conflict>();
  private pollingSaid = false;
  private checking = 0;

  constructor(deps: WorkspaceSyncDeps) {
    this.deps = deps;
  }

  get conflicts(): ReadonlyMap<number, Conflict> {
    return this.conflictMap;
  }

  /** Listens to the sync, then asks which articles are already in conflict and how the folder is watched. */
  async start(): Promise<void> {
    try {
      await this.deps.ipc.onSync((event) => void this.handle(event));
    } catch (err) {
      this.deps.toasts.error(err, 'Changes made in the workspace folder will not show until restart');
    }
    await this.recheckConflicts();
    try {
      const status = await this.deps.ipc.workspaceStatus();
      if (status.mode === 'polling') this.sayPolling(pollingText(status.reason ?? 'native watching is unavailable'));
    } catch {
      // The folder's state is also told through events; nothing is lost without it.
    }
  }

  /** Carries out what one event calls for. */
  async handle(event: SyncEvent): Promise<void> {
    const actions = routeSyncEvent(event, this.deps.openId());
    for (const action of actions) await this.run(action, event);
  }

  /** An article's conflict was resolved here. */
  resolved(id: number): void {
    if (this.conflictMap.delete(id)) this.deps.onConflicts(this.conflictMap);
  }

  /** Asks the shell which articles are in conflict. */
  async recheckConflicts(): Promise<void> {
    const seq = ++this.checking;
    try {
      const list = await this.deps.ipc.listConflicts();
      if (seq !== this.checking) return;
      this.conflictMap = new Map(list.map((c) => [c.article_id, c]));
      this.deps.onConflicts(this.conflictMap);
    } catch (err) {
      this.deps.toasts.error(err, 'Articles in conflict could not be listed');
    }
  }

  private async run(action: SyncAction, event: SyncEvent): Promise<void> {
    const { deps } = this;
    switch (action.kind) {
      case 'refresh-open':
        return deps.refreshOpen(action.announce);
      case 'reload-list':
        return deps.reloadList();
      case 'open-trashed':
        return deps.openTrashed();
      case 'recheck-conflicts':
        return this.recheckConflicts();
      case 'conflicts': {
        await this.recheckConflicts();
        const open = deps.openId();
        const elsewhere = action.ids.filter((id) => id !== open).length;
        if (elsewhere > 0) {
          deps.toasts.info(
            elsewhere === 1
              ? 'A story was changed in the app and in its file; neither was overwritten. It is marked in the list.'
              : `${elsewhere} stories were changed in the app and in their files; neither side was overwritten. They are marked in the list.`,
          );
        }
        return;
      }
      case 'reload-photos':
        return deps.reloadPhotos();
      case 'notice':
        deps.toasts.info(action.text);
        return;
      case 'problem':
        deps.toasts.error({ kind: event.event === 'error' ? 'io' : 'invalid', message: action.text });
        return;
      case 'polling':
        return this.sayPolling(action.text);
    }
  }

  private sayPolling(text: string): void {
    if (this.pollingSaid) return;
    this.pollingSaid = true;
    this.deps.toasts.info(text, [], 12_000);
  }
}
