/**
 * The photo library view (loaded on demand): every photo with thumbnail, caption, credit, pixel
 * size and bytes; search by caption/credit; where each is used (click opens the article); awaiting
 * photos can be given their file; unused photos go to the trash (and can come back).
 */
import { button, h } from '../dom';
import type { Ipc } from '../ipc';
import { Latest, debounce } from '../logic/debounce';
import { thumbUrl, type MediaUrl } from '../logic/media';
import { formatBytes } from '../logic/text';
import type { PhotoEntry } from '../types';
import type { FilePicker } from './photos';
import type { Toasts } from './toast';

export interface PhotoLibraryDeps {
  ipc: Pick<Ipc, 'listPhotos' | 'givePhotoFile' | 'trashPhoto' | 'untrashPhoto'>;
  toasts: Toasts;
  picker: FilePicker;
  /** Photo URLs under the shell's `media` scheme. */
  mediaUrl: MediaUrl;
  onOpenArticle(id: number): void;
  /** Photos changed (a file given, one trashed): thumbnails elsewhere may need refreshing. */
  onChanged(): void;
}

export class PhotoLibraryView {
  readonly root: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly trashToggle: HTMLButtonElement;
  private readonly count: HTMLElement;
  private readonly seq = new Latest();
  private readonly deps: PhotoLibraryDeps;

  constructor(deps: PhotoLibraryDeps) {
    this.deps = deps;
    this.search = h('input', { type: 'search', placeholder: 'Search captions and credits', 'aria-label': 'Search photos', 'data-testid': 'photo-search' });
    this.trashToggle = button('Trash', () => {
      const on = this.trashToggle.getAttribute('aria-pressed') !== 'true';
      this.trashToggle.setAttribute('aria-pressed', String(on));
      void this.reload();
    }, { class: 'chip-toggle', 'aria-pressed': 'false' });
    this.count = h('span', { class: 'muted', 'aria-live': 'polite' });
    this.grid = h('ul', { class: 'photo-grid', 'aria-label': 'All photos' });
    this.root = h(
      'section',
      { class: 'photo-library', 'aria-label': 'Photo library', 'data-testid': 'photo-library' },
      h('div', { class: 'photo-library-head' }, h('h2', {}, 'Photo library'), this.search, this.trashToggle, this.count),
      this.grid,
    );
    const run = debounce(() => void this.reload(), 150);
    this.search.addEventListener('input', () => run());
  }

  focus(): void {
    this.search.focus();
  }

  private get trashed(): boolean {
    return this.trashToggle.getAttribute('aria-pressed') === 'true';
  }

  async reload(): Promise<void> {
    const query = this.search.value.trim();
    try {
      const r = await this.seq.run(() => this.deps.ipc.listPhotos(query || null, this.trashed));
      if (r.stale) return;
      this.count.textContent = `${r.value.length} ${r.value.length === 1 ? 'photo' : 'photos'}`;
      this.grid.replaceChildren(
        ...(r.value.length === 0
          ? [h('li', { class: 'empty' }, this.trashed ? 'No photos in the trash.' : query ? `No photo matches “${query}”.` : 'No photos yet.')]
          : r.value.map((entry) => this.card(entry))),
      );
    } catch (err) {
      this.deps.toasts.error(err, 'The photo library could not be loaded');
    }
  }

  private card(entry: PhotoEntry): HTMLElement {
    const p = entry.photo;
    const src = thumbUrl(this.deps.mediaUrl, p.file);
    const name = p.caption || p.file?.original_name || `Photo ${p.id}`;
    const actions: HTMLElement[] = [];
    if (!p.file) actions.push(button('Choose file…', () => void this.giveFile(p.id), { class: 'primary', 'aria-label': `Choose a file for ${name}` }));
    if (this.trashed) actions.push(button('Restore', () => void this.act(() => this.deps.ipc.untrashPhoto(p.id), 'The photo could not be restored'), { 'aria-label': `Restore ${name}` }));
    else if (entry.usage.length === 0) actions.push(button('Move to trash', () => void this.act(() => this.deps.ipc.trashPhoto(p.id), 'The photo could not be moved to the trash'), { class: 'danger-link', 'aria-label': `Move ${name} to the trash` }));
    return h(
      'li',
      { class: `grid-card${p.file ? '' : ' is-awaiting'}`, 'data-photo-id': p.id },
      src ? h('img', { src, alt: p.alt || p.caption || '', loading: 'lazy', class: 'grid-thumb' }) : h('div', { class: 'grid-thumb awaiting' }, 'Awaiting file'),
      h('div', { class: 'grid-caption' }, p.caption || h('span', { class: 'muted' }, 'No caption')),
      p.credit ? h('div', { class: 'grid-credit' }, p.credit) : null,
      h('div', { class: 'small muted' }, p.file ? `${p.file.width}×${p.file.height} · ${formatBytes(p.file.bytes)} · ${p.file.format.toUpperCase()}` : 'Awaiting its file'),
      h(
        'div',
        { class: 'grid-usage small' },
        entry.usage.length === 0 ? h('span', { class: 'muted' }, 'Not used') : 'Used in: ',
        ...entry.usage.map((a, i) => h('span', {}, i > 0 ? ', ' : '', button(a.headline || 'Untitled', () => this.deps.onOpenArticle(a.id), { class: 'link-button' }))),
      ),
      actions.length ? h('div', { class: 'photo-actions' }, ...actions) : null,
    );
  }

  private async giveFile(photoId: number): Promise<void> {
    try {
      const path = (await this.deps.picker.images(false))?.[0];
      if (path) await this.act(() => this.deps.ipc.givePhotoFile(photoId, path), 'The file could not be given to the photo');
    } catch (err) {
      this.deps.toasts.error(err, 'The file dialog could not open');
    }
  }

  private async act(action: () => Promise<unknown>, context: string): Promise<void> {
    try {
      await action();
      this.deps.onChanged();
    } catch (err) {
      this.deps.toasts.error(err, context);
    }
    await this.reload();
  }
}
