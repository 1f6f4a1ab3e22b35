/**
 * Each photo's image file by photo id, for the thumbnails in the article list: loaded once the
 * first screen is up, and kept current from every answer that carries photos.
 */
import type { Ipc } from '../ipc';
import type { LibraryPanel } from '../panels/library';
import type { Toasts } from '../panels/toast';
import type { Photo, PhotoFile } from '../types';

export interface PhotoFilesDeps {
  ipc: Pick<Ipc, 'listPhotos'>;
  toasts: Toasts;
  library: Pick<LibraryPanel, 'showThumbnails'>;
}

export type PhotoFiles = ReturnType<typeof makePhotoFiles>;

export function makePhotoFiles({ ipc, toasts, library }: PhotoFilesDeps) {
  const files = new Map<number, PhotoFile>();

  /** Keeps the files of `uses` (an article's photos, the library's). */
  function remember(uses: readonly { photo: Photo }[]): void {
    for (const use of uses) if (use.photo.file) files.set(use.photo.id, use.photo.file);
  }

  return {
    get(id: number): PhotoFile | null {
      return files.get(id) ?? null;
    },
    remember,

    /** Every photo's file, then the rows that wait for a thumbnail drawn again with them. */
    async reload(): Promise<void> {
      try {
        remember(await ipc.listPhotos(null, false));
        library.showThumbnails();
      } catch (err) {
        toasts.error(err, 'Photo thumbnails could not be loaded');
      }
    },
  };
}
