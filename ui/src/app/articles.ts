/**
 * What the editor does to whole articles: open, create, duplicate, archive, move to the trash,
 * restore, and save now (with a revision). Each saves the pending typing first.
 */
import type { Ipc } from '../ipc';
import type { HistoryPanel } from '../panels/history';
import type { LibraryPanel } from '../panels/library';
import type { MetadataPanel } from '../panels/metadata';
import type { Toasts } from '../panels/toast';
import type { Layout } from './layout';
import type { OpenArticle } from './openArticle';
import type { Inspector } from './tabs';
import type { Typing } from './typing';

export interface ArticlesDeps {
  ipc: Pick<Ipc, 'openArticle' | 'createArticle' | 'duplicateArticle' | 'updateArticle' | 'trashArticle' | 'untrashArticle' | 'listArticles' | 'saveNow'>;
  toasts: Toasts;
  typing: Pick<Typing, 'flush' | 'discard'>;
  article: OpenArticle;
  library: Pick<LibraryPanel, 'reload' | 'patchRow'>;
  metadata: Pick<MetadataPanel, 'focusHeadline'>;
  history: Pick<HistoryPanel, 'isActive' | 'refresh'>;
  inspector: Pick<Inspector, 'show'>;
  layout: Pick<Layout, 'showWrite'>;
}

export type Articles = ReturnType<typeof makeArticles>;

export function makeArticles({ ipc, toasts, typing, article, library, metadata, history, inspector, layout }: ArticlesDeps) {
  /** The newest open asked for; an older one answering late is not shown. */
  let opening = 0;

  async function open(id: number): Promise<void> {
    if (article.id === id) {
      layout.showWrite();
      return;
    }
    const ticket = ++opening;
    await typing.flush();
    try {
      const view = await ipc.openArticle(id);
      if (ticket !== opening) return;
      article.load(view);
    } catch (err) {
      toasts.error(err, 'The article could not be opened');
    }
  }

  async function create(): Promise<void> {
    await typing.flush();
    try {
      const a = await ipc.createArticle('Untitled article');
      await library.reload();
      await open(a.id);
      inspector.show('details');
      metadata.focusHeadline();
    } catch (err) {
      toasts.error(err, 'A new article could not be created');
    }
  }

  async function duplicate(id: number): Promise<void> {
    await typing.flush();
    try {
      const a = await ipc.duplicateArticle(id);
      await library.reload();
      await open(a.id);
      toasts.info(`Duplicated as “${a.headline}”`);
    } catch (err) {
      toasts.error(err, 'The article could not be duplicated');
    }
  }

  async function archive(id: number): Promise<void> {
    await typing.flush();
    try {
      const a = await ipc.updateArticle(id, { status: 'archived' });
      if (article.id === id) article.archived(a, await ipc.openArticle(id));
      await library.reload();
      toasts.info(`“${a.headline}” archived`);
    } catch (err) {
      toasts.error(err, 'The article could not be archived');
    }
  }

  async function trash(id: number): Promise<void> {
    await typing.flush();
    try {
      await ipc.trashArticle(id);
      await library.reload();
      toasts.info('Moved to the trash', [{ label: 'Undo', run: () => void restore(id) }]);
      if (article.id === id) {
        article.close();
        await openNext();
      }
    } catch (err) {
      toasts.error(err, 'The article could not be moved to the trash');
    }
  }

  async function restore(id: number): Promise<void> {
    try {
      await ipc.untrashArticle(id);
      await library.reload();
      toasts.info('Article restored', [{ label: 'Open', run: () => void open(id) }]);
    } catch (err) {
      toasts.error(err, 'The article could not be restored');
    }
  }

  /** The open article went to the trash because its file was deleted: say so, open the next one. */
  async function trashedOnDisk(): Promise<void> {
    const a = article.view?.article;
    if (!a) return;
    typing.discard();
    toasts.info(`“${a.headline || 'Untitled'}” was moved to the trash because its file was deleted.`, [
      { label: 'Restore', run: () => void restore(a.id) },
    ]);
    article.close();
    await openNext();
  }

  /** Saves the pending typing and records a revision to return to (Ctrl/Cmd+S). */
  async function saveNow(): Promise<void> {
    const id = article.id;
    if (id === null) return;
    const ok = await typing.flush();
    if (!ok) return;
    try {
      const a = await ipc.saveNow(id);
      library.patchRow({ id, updated_at: a.updated_at });
      toasts.info('Saved, with a revision to return to', [], 2500);
      if (history.isActive) void history.refresh();
    } catch (err) {
      toasts.error(err, 'The article could not be saved');
    }
  }

  /** Opens the most recent article (after the open one left), or the empty state. */
  async function openNext(): Promise<void> {
    const [next] = await ipc.listArticles({ limit: 1, offset: 0 });
    if (next) await open(next.id);
    else article.showEmpty();
  }

  return { open, create, duplicate, archive, trash, restore, trashedOnDisk, saveNow };
}
