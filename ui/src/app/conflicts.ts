/**
 * The workspace conflict flow: the banner over the editor when the open article is in conflict,
 * the comparison in the editor's place, and the editor's choice (the app's version, the file's, or
 * a merge) carried out.
 */
import type { Ipc } from '../ipc';
import { ConflictBanner } from '../panels/conflictBanner';
import { ConflictView } from '../panels/conflictView';
import type { LibraryPanel } from '../panels/library';
import type { Toasts } from '../panels/toast';
import type { WorkspaceSync } from '../panels/workspaceSync';
import type { ArticleView, Conflict, Resolution } from '../types';
import type { Layout } from './layout';
import type { Typing } from './typing';

export interface ConflictsDeps {
  ipc: Pick<Ipc, 'compareConflict' | 'resolveConflict'>;
  toasts: Toasts;
  typing: Pick<Typing, 'flush'>;
  library: Pick<LibraryPanel, 'setConflicts' | 'patchRow'>;
  sync: Pick<WorkspaceSync, 'conflicts' | 'recheckConflicts' | 'resolved'>;
  layout: Pick<Layout, 'slot' | 'show' | 'showWrite' | 'leave'>;
  /** The article open in the editor. */
  openId(): number | null;
  /** The open article as the resolution left it: the editor reloads it. */
  load(view: ArticleView): void;
}

export type Conflicts = ReturnType<typeof makeConflicts>;

export function makeConflicts({ ipc, toasts, typing, library, sync, layout, openId, load }: ConflictsDeps) {
  const banner = new ConflictBanner(() => void compare());
  const view = new ConflictView({ resolve, onClose: () => layout.showWrite() });
  layout.slot('conflict').append(view.root);
  layout.slot('write').prepend(banner.root);

  /** The banner for the open article's conflict, or none (and no comparison left shown). */
  function showBanner(): void {
    const id = openId();
    const conflict = id === null ? undefined : sync.conflicts.get(id);
    banner.show(conflict ? conflict.path : null);
    if (!conflict) layout.leave('conflict');
  }

  /** The open article's conflict, compared, in the editor's place. */
  async function compare(): Promise<void> {
    const id = openId();
    if (id === null) return;
    await typing.flush();
    try {
      const comparison = await ipc.compareConflict(id);
      if (openId() !== id) return;
      view.show(comparison);
      layout.show('conflict');
      view.focus();
    } catch (err) {
      toasts.error(err, 'The two versions could not be compared');
      if ((err as { kind?: string }).kind === 'not_found') void sync.recheckConflicts();
    }
  }

  async function resolve(resolution: Resolution): Promise<boolean> {
    const id = view.articleId;
    if (id === null) return false;
    if (!(await typing.flush())) return false;
    try {
      const resolved = await ipc.resolveConflict(id, resolution);
      sync.resolved(id);
      layout.showWrite();
      if (openId() === id) load(resolved);
      library.patchRow({ id, headline: resolved.article.headline, updated_at: resolved.article.updated_at, word_count: resolved.article.word_count });
      const kept = resolution.take === 'app' ? 'The app’s version was kept' : resolution.take === 'file' ? 'The file’s version was taken' : 'The merged text was saved';
      toasts.info(`${kept} and written to the file. The other version is in the history.`);
      return true;
    } catch (err) {
      toasts.error(err, 'The conflict could not be resolved');
      return false;
    }
  }

  return {
    /** The articles in conflict changed: the list marks them, the banner follows the open one. */
    update(conflicts: ReadonlyMap<number, Conflict>): void {
      library.setConflicts(new Set(conflicts.keys()));
      showBanner();
    },
    showBanner,
  };
}
