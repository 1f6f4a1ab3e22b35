/**
 * The article's publications, under its details in the inspector: "Published to The Daily ·
 * draft · 2026-12-04 10:12 · Open", newest first. "Open" asks the shell to open the post the
 * article became on that site (the shell looks up the address; the page never sends one).
 */
import { button, h } from '../dom';
import { errorMessage, type Ipc } from '../ipc';
import { formatStamp, publicationLine } from '../logic/publishWords';
import type { Publication } from '../types';
import type { Toasts } from './toast';

export interface PublicationsDeps {
  ipc: Pick<Ipc, 'articlePublications' | 'openPublishedPost'>;
  toasts: Toasts;
}

/** How many publications the list shows before summing up the older ones. */
export const SHOWN_PUBLICATIONS = 5;

export class PublicationsList {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private articleId: number | null = null;

  constructor(private readonly deps: PublicationsDeps) {
    this.list = h('ul', { class: 'publication-list', 'aria-labelledby': 'publications-title', 'data-testid': 'publications' });
    this.root = h('section', { class: 'publications' }, h('h3', { class: 'subhead', id: 'publications-title' }, 'Publishing'), this.list);
  }

  /** Loads the publications of article `id` (`null`: no article open). */
  async load(id: number | null): Promise<void> {
    this.articleId = id;
    this.list.replaceChildren();
    // With no article open there is nothing to list, not even the heading.
    this.root.hidden = id === null;
    if (id === null) return;
    try {
      const publications = await this.deps.ipc.articlePublications(id);
      if (this.articleId === id) this.show(id, publications);
    } catch (err) {
      if (this.articleId === id) this.list.replaceChildren(h('li', { class: 'field-error' }, errorMessage(err)));
    }
  }

  private show(id: number, publications: Publication[]): void {
    if (publications.length === 0) {
      this.list.replaceChildren(h('li', { class: 'muted' }, 'Not published from Newsroom yet.'));
      return;
    }
    const rows = publications.slice(0, SHOWN_PUBLICATIONS).map((p) =>
      h(
        'li',
        { class: 'publication' },
        `${publicationLine(p)} · `,
        // The time and "Open" wrap as one, never a date torn from its hour.
        h(
          'span',
          { class: 'publication-when' },
          `${formatStamp(p.published_at)} · `,
          button('Open', () => void this.open(id, p.site), { class: 'link-button', 'aria-label': `Open the post on ${p.site}`, title: p.url }),
        ),
      ),
    );
    const older = publications.length - rows.length;
    if (older > 0) rows.push(h('li', { class: 'muted small' }, `…and ${older} earlier ${older === 1 ? 'publication' : 'publications'}`));
    this.list.replaceChildren(...rows);
  }

  private async open(id: number, site: string): Promise<void> {
    try {
      await this.deps.ipc.openPublishedPost(id, site);
    } catch (err) {
      this.deps.toasts.error(err, 'The post could not be opened');
    }
  }
}
