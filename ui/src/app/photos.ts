/**
 * Photos coming to the open article from outside the Photos tab (files dropped on the window, an
 * image pasted), and the photo library in the editor's place.
 */
import type { Ipc } from '../ipc';
import type { MediaUrl } from '../logic/media';
import type { PhotoLibraryView } from '../panels/photoLibrary';
import type { FilePicker, PhotosPanel } from '../panels/photos';
import type { Toasts } from '../panels/toast';
import type { Layout } from './layout';
import type { PhotoFiles } from './photoFiles';

export interface PhotoActionsDeps {
  ipc: Ipc;
  toasts: Toasts;
  picker: FilePicker;
  mediaUrl: MediaUrl;
  photos: Pick<PhotosPanel, 'attachPaths' | 'attachBlob'>;
  photoFiles: Pick<PhotoFiles, 'reload'>;
  layout: Pick<Layout, 'slot' | 'show' | 'showWrite' | 'isShown'>;
  /** Whether an article is open in the editor. */
  hasArticle(): boolean;
  /** The Photos tab in the inspector. */
  showPhotosTab(): void;
  /** Opens article `id` in the editor; resolves once it is there. */
  open(id: number): Promise<void>;
}

export type PhotoActions = ReturnType<typeof makePhotoActions>;

export function makePhotoActions({ ipc, toasts, picker, mediaUrl, photos, photoFiles, layout, hasArticle, showPhotosTab, open }: PhotoActionsDeps) {
  let library: PhotoLibraryView | null = null;

  return {
    /** Files dropped on the window: attached to the open article. */
    async attachDropped(paths: string[]): Promise<void> {
      if (!hasArticle()) {
        toasts.info('Open an article first, then drop photos on it.');
        return;
      }
      showPhotosTab();
      await photos.attachPaths(paths);
    },

    /** A pasted image: attached and placed at the cursor. */
    async attachPasted(file: File): Promise<void> {
      if (!hasArticle()) return;
      showPhotosTab();
      await photos.attachBlob(file, file.name && file.name !== 'image.png' ? file.name : undefined);
    },

    /** The photo library in the editor's place (its code loaded when first asked for), or the editor back. */
    async toggleLibrary(): Promise<void> {
      if (layout.isShown('photoLibrary')) return layout.showWrite();
      if (!library) {
        const { PhotoLibraryView } = await import('../panels/photoLibrary');
        library = new PhotoLibraryView({
          ipc,
          toasts,
          picker,
          mediaUrl,
          onOpenArticle: (id) => void open(id).then(() => layout.showWrite()),
          onChanged: () => void photoFiles.reload(),
        });
        layout.slot('photoLibrary').append(library.root);
      }
      layout.show('photoLibrary');
      await library.reload();
      library.focus();
    },
  };
}
