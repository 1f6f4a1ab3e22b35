/**
 * The article's photos: attach (native dialog, dropped files, pasted images), thumbnails, caption /
 * credit / alt, a caption override for this article, the featured photo, insertion into the body
 * at the cursor, and photos still awaiting their file ("Choose file…").
 */
import { button, field, h } from '../dom';
import type { Ipc } from '../ipc';
import { bytesToBase64, pastedFileName, thumbUrl } from '../logic/media';
import { photoMarkdown } from '../logic/markdownFormat';
import { formatBytes } from '../logic/text';
import type { PhotoUse } from '../types';
import type { Toasts } from './toast';

export interface FilePicker {
  /** Image files to attach, or null if the editor cancelled. */
  images(multiple: boolean): Promise<string[] | null>;
}

export interface PhotosDeps {
  ipc: Pick<Ipc, 'attachPhotoFiles' | 'attachPhotoBytes' | 'updatePhoto' | 'setCaptionOverride' | 'setFeaturedPhoto' | 'detachPhoto' | 'givePhotoFile' | 'openArticle'>;
  toasts: Toasts;
  picker: FilePicker;
  mediaBase: () => string;
  /** The article's photos changed (preview figure, library thumbnail). */
  onChanged(articleId: number, photos: PhotoUse[]): void;
  /** Puts Markdown at the editor's cursor. */
  onInsert(markdown: string): void;
}

export class PhotosPanel {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly deps: PhotosDeps;
  private articleId: number | null = null;
  private photos: PhotoUse[] = [];
  private busy = 0;

  constructor(deps: PhotosDeps) {
    this.deps = deps;
    this.list = h('ul', { class: 'photo-list', 'aria-label': 'Photos in this article' });
    this.root = h(
      'section',
      { class: 'photos', 'aria-label': 'Photos', 'data-testid': 'photos' },
      h(
        'div',
        { class: 'panel-actions' },
        button('Attach photo', () => void this.pickAndAttach(), { class: 'primary', 'data-testid': 'attach-photo', title: 'Attach photos (or drop or paste images)' }),
        h('span', { class: 'muted small' }, 'or drop / paste images'),
      ),
      this.list,
    );
  }

  load(articleId: number, photos: PhotoUse[]): void {
    this.articleId = articleId;
    this.photos = photos;
    this.render();
  }

  get current(): PhotoUse[] {
    return this.photos;
  }

  focusFirst(): void {
    (this.list.querySelector<HTMLElement>('.insert-photo') ?? this.root.querySelector<HTMLElement>('[data-testid="attach-photo"]'))?.focus();
  }

  async pickAndAttach(): Promise<void> {
    try {
      const paths = await this.deps.picker.images(true);
      if (paths && paths.length > 0) await this.attachPaths(paths);
    } catch (err) {
      this.deps.toasts.error(err, 'The file dialog could not open');
    }
  }

  /** Dropped or chosen files; the first becomes featured when the article has none yet. */
  async attachPaths(paths: string[]): Promise<PhotoUse[]> {
    const id = this.articleId;
    if (id === null || paths.length === 0) return [];
    const featured = !this.photos.some((p) => p.role === 'featured');
    return this.withBusy(async () => {
      try {
        const uses = await this.deps.ipc.attachPhotoFiles(id, paths, featured);
        await this.refresh(id);
        this.deps.toasts.info(uses.length === 1 ? 'Photo attached' : `${uses.length} photos attached`);
        return uses;
      } catch (err) {
        this.deps.toasts.error(err, 'The photo could not be attached');
        await this.refresh(id);
        return [];
      }
    });
  }

  /** A pasted image: stored, attached and placed in the body at the cursor. */
  async attachBlob(file: Blob, name?: string): Promise<PhotoUse | null> {
    const id = this.articleId;
    if (id === null) return null;
    return this.withBusy(async () => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const use = await this.deps.ipc.attachPhotoBytes(id, name || pastedFileName(file.type, new Date()), bytesToBase64(bytes));
        await this.refresh(id);
        this.deps.onInsert(photoMarkdown(use.photo.id, use.photo.alt, use.caption_override ?? use.photo.caption));
        return use;
      } catch (err) {
        this.deps.toasts.error(err, 'The pasted image could not be attached');
        return null;
      }
    });
  }

  private async withBusy<T>(run: () => Promise<T>): Promise<T> {
    this.busy++;
    this.root.setAttribute('aria-busy', 'true');
    try {
      return await run();
    } finally {
      if (--this.busy === 0) this.root.removeAttribute('aria-busy');
    }
  }

  private async refresh(id: number): Promise<void> {
    try {
      const view = await this.deps.ipc.openArticle(id);
      if (this.articleId !== id) return;
      this.photos = view.photos;
      this.render();
      this.deps.onChanged(id, view.photos);
    } catch (err) {
      this.deps.toasts.error(err, 'The photos could not be reloaded');
    }
  }

  private render(): void {
    if (this.photos.length === 0) {
      this.list.replaceChildren(h('li', { class: 'empty' }, 'No photos yet. Attach one, drop image files here or paste an image into the text.'));
      return;
    }
    this.list.replaceChildren(...this.photos.map((use) => this.card(use)));
  }

  private card(use: PhotoUse): HTMLElement {
    const p = use.photo;
    const id = this.articleId!;
    const key = `photo-${p.id}`;
    const src = thumbUrl(this.deps.mediaBase(), p.file);
    const thumb = src
      ? h('img', { class: 'photo-thumb', src, alt: p.alt || p.caption || 'Photo', loading: 'lazy' })
      : h('div', { class: 'photo-thumb awaiting', role: 'img', 'aria-label': 'Awaiting its file' }, 'Awaiting file');
    const info = p.file
      ? `${p.file.original_name} · ${p.file.width}×${p.file.height} · ${formatBytes(p.file.bytes)}`
      : 'This photo has no image file yet.';

    const text = (name: 'caption' | 'credit' | 'alt', label: string, multiline = false) => {
      const control = multiline ? h('textarea', { rows: 2 }) : h('input', { type: 'text' });
      control.value = p[name];
      const f = field(`${key}-${name}`, label, control);
      control.addEventListener('change', async () => {
        f.error.textContent = '';
        try {
          const photo = await this.deps.ipc.updatePhoto(p.id, { [name]: control.value.trim() });
          use.photo = photo;
          this.deps.onChanged(id, this.photos);
        } catch (err) {
          f.error.textContent = messageOf(err);
        }
      });
      return f.wrap;
    };

    const override = h('textarea', { rows: 2, placeholder: 'Same as the caption' });
    override.value = use.caption_override ?? '';
    const overrideField = field(`${key}-override`, 'Caption in this article', override);
    override.addEventListener('change', async () => {
      overrideField.error.textContent = '';
      const value = override.value.trim();
      try {
        const updated = await this.deps.ipc.setCaptionOverride(id, p.id, value === '' ? null : value);
        use.caption_override = updated.caption_override;
        this.deps.onChanged(id, this.photos);
      } catch (err) {
        overrideField.error.textContent = messageOf(err);
      }
    });

    const featured = use.role === 'featured';
    const actions = h(
      'div',
      { class: 'photo-actions' },
      button('Insert in text', () => this.deps.onInsert(photoMarkdown(p.id, p.alt, use.caption_override ?? p.caption)), { class: 'insert-photo', 'aria-label': `Insert photo ${p.caption || p.id} in the text` }),
      featured
        ? h('span', { class: 'badge' }, 'Featured')
        : button('Make featured', () => void this.run(() => this.deps.ipc.setFeaturedPhoto(id, p.id), 'The featured photo could not be set')),
      p.file
        ? null
        : button('Choose file…', () => void this.giveFile(p.id), { class: 'primary', 'aria-label': `Choose a file for photo ${p.caption || p.id}` }),
      button('Remove', () => void this.run(() => this.deps.ipc.detachPhoto(id, p.id), 'The photo could not be removed'), { class: 'danger-link', 'aria-label': `Remove photo ${p.caption || p.id} from this article` }),
    );

    return h(
      'li',
      { class: `photo-card${featured ? ' featured' : ''}${p.file ? '' : ' is-awaiting'}`, 'data-photo-id': p.id },
      h('div', { class: 'photo-head' }, thumb, h('div', { class: 'photo-info' }, h('div', { class: 'small muted' }, info), actions)),
      text('caption', 'Caption', true),
      h('div', { class: 'field-row' }, text('credit', 'Credit'), text('alt', 'Alt text')),
      overrideField.wrap,
    );
  }

  private async giveFile(photoId: number): Promise<void> {
    try {
      const paths = await this.deps.picker.images(false);
      const path = paths?.[0];
      if (!path || this.articleId === null) return;
      const id = this.articleId;
      await this.run(() => this.deps.ipc.givePhotoFile(photoId, path), 'The file could not be given to the photo');
      if (this.articleId === id) this.deps.toasts.info('Photo file added');
    } catch (err) {
      this.deps.toasts.error(err, 'The file dialog could not open');
    }
  }

  private async run(action: () => Promise<unknown>, context: string): Promise<void> {
    const id = this.articleId;
    if (id === null) return;
    try {
      await action();
    } catch (err) {
      this.deps.toasts.error(err, context);
    }
    await this.refresh(id);
  }
}

export function messageOf(err: unknown): string {
  if (err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string') return (err as { message: string }).message;
  return String(err);
}
