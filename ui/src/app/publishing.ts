/**
 * Publishing from the window: the Publish dialog, the open article's publications under its
 * details, a post edited on the web compared in the editor's place, and the Sites dialog. Their
 * code loads when first asked for (none is part of the first screen).
 */
import type { Ipc } from '../ipc';
import type { HistoryPanel } from '../panels/history';
import type { PublicationsList } from '../panels/publications';
import type { PublishPanel } from '../panels/publishPanel';
import type { Toasts } from '../panels/toast';
import type { WebEditView } from '../panels/webEditView';
import type { Article, WebEditComparison } from '../types';
import type { Layout } from './layout';
import type { Typing } from './typing';

export interface PublishingDeps {
  ipc: Ipc;
  toasts: Toasts;
  typing: Pick<Typing, 'flush'>;
  history: Pick<HistoryPanel, 'isActive' | 'refresh'>;
  layout: Pick<Layout, 'slot' | 'show' | 'leave'>;
  /** The Details tab's panel, which the publications list is placed under. */
  details: HTMLElement;
  /** The article open in the editor. */
  openArticle(): Article | null;
}

export type Publishing = ReturnType<typeof makePublishing>;

export function makePublishing({ ipc, toasts, typing, history, layout, details, openArticle }: PublishingDeps) {
  /** Made when first asked for (not part of the first screen); it outlives article switches. */
  let panel: PublishPanel | null = null;
  /** The article's publications under its details, loaded after the first screen. */
  let publications: Promise<PublicationsList> | null = null;
  let webEdit: WebEditView | null = null;

  /** Lists the publications of article `id` (`null`: none open) in the Details tab. */
  async function showPublications(id: number | null): Promise<void> {
    publications ??= import('../panels/publications').then(({ PublicationsList }) => {
      const list = new PublicationsList({ ipc, toasts });
      details.append(list.root);
      return list;
    });
    await (await publications).load(id);
  }

  /** The Sites dialog; resolves once it is closed. */
  async function showSites(): Promise<void> {
    const { openSitesDialog } = await import('../panels/sitesDialog');
    const dialog = await openSitesDialog({ ipc });
    if (!dialog.open) return;
    await new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve(), { once: true }));
  }

  /** A post edited on the web, in the editor's place; resolves whether to overwrite it. */
  async function compareWebEdit(comparison: WebEditComparison): Promise<boolean> {
    if (!webEdit) {
      const { WebEditView } = await import('../panels/webEditView');
      webEdit = new WebEditView({ openPost: (id, site) => void ipc.openPublishedPost(id, site).catch((err: unknown) => toasts.error(err, 'The post could not be opened')) });
      layout.slot('webEdit').append(webEdit.root);
    }
    const decision = webEdit.show(comparison);
    layout.show('webEdit');
    webEdit.focus();
    const overwrite = await decision;
    layout.leave('webEdit');
    return overwrite;
  }

  return {
    /** The Publish dialog for the open article (or for the publish under way). */
    async open(): Promise<void> {
      const a = openArticle();
      if (!panel) {
        if (!a) {
          toasts.info('Open an article first, then publish it.');
          return;
        }
        const { PublishPanel } = await import('../panels/publishPanel');
        panel = new PublishPanel({
          ipc,
          flush: () => typing.flush(),
          manageSites: showSites,
          compareWebEdit,
          onPublished: (id) => {
            if (openArticle()?.id !== id) return;
            void showPublications(id);
            if (history.isActive) void history.refresh();
          },
        });
        document.body.append(panel.root);
      }
      const shown = await panel.open(a ? { id: a.id, headline: a.headline } : null);
      if (!shown) toasts.info('Open an article first, then publish it.');
    },
    showPublications,
    showSites,
    /** Leaves a web edit's comparison undecided (another view took its place): the post stays as it is. */
    dismissWebEdit(): void {
      webEdit?.dismiss();
    },
  };
}
