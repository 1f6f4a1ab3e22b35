/**
 * The article's photos: attach (native dialog, dropped files, pasted images), thumbnails, caption /
 * credit / alt, a caption override for this article, the featured photo, insertion into the body
 * at the cursor, and photos still awaiting their file ("Choose file…").
 */
import { button, field, h } from '../dom';
import { errorMessage, type Ipc } from '../ipc';
import { bytesToBase64, pastedFileName, thumbUrl, type MediaUrl } from '../logic/media';
import { photoMarkdown } from '../logic/markdownFormat';
import { formatBytes } from '../logic/text';
import type { Photo, PhotoUse } from '../types';
import type { Toasts } from './toast';

export interface FilePicker {
  /** Image files to attach, or null if the editor cancelled. */
  images(multiple: boolean): Promise<string[] | null>;
}

export interface PhotosDeps {
  ipc: Pick<Ipc, 'attachPhotoFiles' | 'attachPhotoBytes' | 'updatePhoto' | 'setCaptionOverride' | 'setFeaturedPhoto' | 'detachPhoto' | 'givePhotoFile' | 'openArticle'>;
  toasts: Toasts;
  picker: FilePicker;
  /** Photo URLs under the shell's `media` scheme. */
  mediaUrl: MediaUrl;
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
    return this.withBusy(async () => {
      try {
        const uses = await this.deps.ipc.attachPhotoFiles(id, paths, needsFeatured(this.photos));
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

  /**
   * A pasted image: stored, attached and placed in the body at the cursor. Like a chosen file, it
   * becomes featured when the article has no featured photo yet ({@link needsFeatured}); the paste
   * command has no such flag, so the photo is made featured right after it is attached.
   */
  async attachBlob(file: Blob, name?: string): Promise<PhotoUse | null> {
    const id = this.articleId;
    if (id === null) return null;
    return this.withBusy(async () => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const featured = needsFeatured(this.photos);
        let use = await this.deps.ipc.attachPhotoBytes(id, name || pastedFileName(file.type, new Date()), bytesToBase64(bytes));
        if (featured) use = await this.makeFeaturedAfterPaste(id, use);
        await this.refresh(id);
        this.deps.onInsert(photoMarkdown(use.photo.id, use.photo.alt, use.caption_override ?? use.photo.caption));
        return use;
      } catch (err) {
        this.deps.toasts.error(err, 'The pasted image could not be attached');
        return null;
      }
    });
  }

  /** The pasted photo is attached either way; a refusal to feature it is only reported. */
  private async makeFeaturedAfterPaste(id: number, use: PhotoUse): Promise<PhotoUse> {
    try {
      return await this.deps.ipc.setFeaturedPhoto(id, use.photo.id);
    } catch (err) {
      this.deps.toasts.error(err, 'The pasted photo was attached but could not be made featured');
      return use;
    }
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

  /** The photo's use as it is now: edits replace it in {@link photos}, so cards never keep a copy. */
  private useOf(photoId: number): PhotoUse | undefined {
    return this.photos.find((u) => u.photo.id === photoId);
  }

  /** Replaces one use after an edit and tells the app (preview figure, library thumbnail). */
  private replaceUse(articleId: number, updated: PhotoUse): void {
    this.photos = this.photos.map((u) => (u.photo.id === updated.photo.id ? updated : u));
    this.deps.onChanged(articleId, this.photos);
  }

  private card(use: PhotoUse): HTMLElement {
    const id = this.articleId!;
    const photoId = use.photo.id;
    const key = `photo-${photoId}`;
    const file = use.photo.file;
    const src = thumbUrl(this.deps.mediaUrl, file);
    const thumb = src
      ? h('img', { class: 'photo-thumb', src, loading: 'lazy' })
      : h('div', { class: 'photo-thumb awaiting', role: 'img', 'aria-label': 'Awaiting its file' }, 'Awaiting file');
    const info = file
      ? `${file.original_name} · ${file.width}×${file.height} · ${formatBytes(file.bytes)}`
      : 'This photo has no image file yet.';

    const insert = button('Insert in text', () => {
      const current = this.useOf(photoId);
      if (current) this.deps.onInsert(photoMarkdown(photoId, current.photo.alt, current.caption_override ?? current.photo.caption));
    }, { class: 'insert-photo' });
    const choose = file ? null : button('Choose file…', () => void this.giveFile(photoId), { class: 'primary' });
    const remove = button('Remove', () => void this.run(() => this.deps.ipc.detachPhoto(id, photoId), 'The photo could not be removed'), { class: 'danger-link' });
    /** Names that mention the caption or alt text follow the editor's edits. */
    const relabel = () => {
      const p = this.useOf(photoId)?.photo ?? use.photo;
      const name = photoName(p);
      insert.setAttribute('aria-label', `Insert photo ${name} in the text`);
      choose?.setAttribute('aria-label', `Choose a file for photo ${name}`);
      remove.setAttribute('aria-label', `Remove photo ${name} from this article`);
      if (src) thumb.setAttribute('alt', p.alt || p.caption || 'Photo');
    };
    relabel();

    const text = (name: 'caption' | 'credit' | 'alt', label: string, multiline = false) => {
      const control = multiline ? h('textarea', { rows: 2 }) : h('input', { type: 'text' });
      control.value = use.photo[name];
      const f = field(`${key}-${name}`, label, control);
      control.addEventListener('change', async () => {
        f.error.textContent = '';
        try {
          const photo = await this.deps.ipc.updatePhoto(photoId, { [name]: control.value.trim() });
          const current = this.useOf(photoId);
          if (this.articleId !== id || !current) return;
          this.replaceUse(id, { ...current, photo });
          relabel();
        } catch (err) {
          f.error.textContent = errorMessage(err);
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
        const updated = await this.deps.ipc.setCaptionOverride(id, photoId, value === '' ? null : value);
        const current = this.useOf(photoId);
        if (this.articleId !== id || !current) return;
        this.replaceUse(id, { ...current, caption_override: updated.caption_override });
      } catch (err) {
        overrideField.error.textContent = errorMessage(err);
      }
    });

    const featured = use.role === 'featured';
    const actions = h(
      'div',
      { class: 'photo-actions' },
      insert,
      featured
        ? h('span', { class: 'badge' }, 'Featured')
        : button('Make featured', () => void this.run(() => this.deps.ipc.setFeaturedPhoto(id, photoId), 'The featured photo could not be set')),
      choose,
      remove,
    );

    return h(
      'li',
      { class: `photo-card${featured ? ' featured' : ''}${file ? '' : ' is-awaiting'}`, 'data-photo-id': photoId },
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

/**
 * The one rule for every way of attaching (dialog, drop, paste): the first photo attached to an
 * article without a featured photo becomes featured.
 */
export function needsFeatured(photos: readonly PhotoUse[]): boolean {
  return !photos.some((p) => p.role === 'featured');
}

/** How buttons name a photo for screen readers: its caption, else its alt text, else its number. */
export function photoName(photo: Photo): string {
  return photo.caption || photo.alt || `#${photo.id}`;
}

