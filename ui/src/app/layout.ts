/**
 * The main area's layout: the editor and preview side by side, or one of them alone (the toolbar's
 * Editor / Split / Preview), and the views that take the editor's place (the photo library, a
 * revision, a conflict, a web edit), one at a time.
 */
import { byId, h } from '../dom';
import type { EditorPanel } from '../panels/editor';
import type { PreviewPanel } from '../panels/preview';

export type ViewMode = 'editor' | 'split' | 'preview';
export const VIEW_MODES: ViewMode[] = ['editor', 'split', 'preview'];

/** What the main area shows: the editor with its preview (`write`), or a view in its place. */
export type Slot = 'write' | 'photoLibrary' | 'history' | 'conflict' | 'webEdit';

const SLOT_IDS: Record<Slot, string> = {
  write: 'write-view',
  photoLibrary: 'photo-library-view',
  history: 'history-view',
  conflict: 'conflict-view',
  webEdit: 'web-edit-view',
};

export interface LayoutDeps {
  editor: Pick<EditorPanel, 'root' | 'view'>;
  preview: Pick<PreviewPanel, 'root' | 'fit'>;
  /** `slot` took the main area: a web edit's comparison not shown any more is dismissed. */
  onShow(slot: Slot): void;
}

export type Layout = ReturnType<typeof makeLayout>;

export function makeLayout({ editor, preview, onShow }: LayoutDeps, root: HTMLElement) {
  let current: ViewMode = 'split';
  const panes = byId('panes', root);
  const slots = Object.fromEntries(Object.entries(SLOT_IDS).map(([slot, id]) => [slot, byId(id, root)])) as Record<Slot, HTMLElement>;
  // The preview's pane is declared in index.html; a frame must not move (it would reload).
  const previewPane = preview.root.closest('.pane-preview') ?? panes.appendChild(h('div', { class: 'pane pane-preview' }, preview.root));
  panes.insertBefore(h('div', { class: 'pane pane-editor' }, editor.root), previewPane);

  /**
   * Shows the editor, the preview or both. The preview's frame is sized again only when the
   * mode changes its width: measuring it lays out the whole window at once, which at start-up
   * (the mode set before anything is shown) cost ~70 ms before the first article could load.
   */
  function setMode(mode: ViewMode): void {
    const changed = mode !== current;
    current = mode;
    panes.dataset.mode = mode;
    document.querySelectorAll<HTMLButtonElement>('button[data-mode]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === mode)));
    if (!changed) return;
    if (mode !== 'preview') requestAnimationFrame(() => editor.view.requestMeasure());
    preview.fit();
  }

  function isShown(slot: Slot): boolean {
    return !slots[slot].hidden;
  }

  /**
   * Shows one of the views that take the editor's place (or the editor itself), hiding the others.
   * Leaving a web edit's comparison undecided (another article opened, say) leaves the site's post
   * as it is.
   */
  function show(slot: Slot): void {
    for (const s of Object.keys(SLOT_IDS) as Slot[]) slots[s].hidden = s !== slot;
    onShow(slot);
    document.getElementById('photo-library-toggle')?.setAttribute('aria-pressed', String(slot === 'photoLibrary'));
  }

  function showWrite(): void {
    show('write');
  }

  return {
    get mode(): ViewMode {
      return current;
    },
    setMode,
    cycleMode(): void {
      setMode(VIEW_MODES[(VIEW_MODES.indexOf(current) + 1) % VIEW_MODES.length]!);
    },
    /** The element a view is placed in. */
    slot(slot: Slot): HTMLElement {
      return slots[slot];
    },
    isShown,
    show,
    showWrite,
    /** The editor back in the place of `slot`, if that is shown. */
    leave(slot: Slot): void {
      if (isShown(slot)) showWrite();
    },
  };
}
