/**
 * The application: makes the panels and the parts of the window's behaviour (./app/: typing,
 * the open article, article actions, conflicts, publishing, layout, inspector tabs, toolbar,
 * shortcuts) and wires them together. Platform pieces (dialogs, drag and drop, window close) come
 * in through `Platform`, so the whole app runs in tests against a mocked IPC.
 */
import { byId, h } from './dom';
import type { Ipc } from './ipc';
import { afterNextPaint } from './logic/frames';
import type { MediaUrl } from './logic/media';
import { shortcutLabels } from './logic/shortcuts';
import { LIBRARY_PAGE_SIZE } from './logic/virtualList';
import { CorrectionsSection } from './panels/corrections';
import { DeskNotesSection } from './panels/deskNotes';
import { EditorPanel } from './panels/editor';
import { HistoryPanel } from './panels/history';
import { LibraryPanel } from './panels/library';
import { MetadataPanel } from './panels/metadata';
import { PhotosPanel, type FilePicker } from './panels/photos';
import { PreviewPanel } from './panels/preview';
import { RelatedPanel } from './panels/related';
import { Toasts } from './panels/toast';
import { WordStats } from './panels/wordStats';
import { WorkspaceSync } from './panels/workspaceSync';
import { ProofingSwitch } from './proofing/switch';
import type { ArticleView, FirstScreen } from './types';
import { makeArticles, type Articles } from './app/articles';
import { makeConflicts, type Conflicts } from './app/conflicts';
import { makeDialogs, type Dialogs } from './app/dialogs';
import { makeLayout, type Layout } from './app/layout';
import { makeOpenArticle, type OpenArticle } from './app/openArticle';
import { startPerfSamples } from './app/perf';
import { makePhotoFiles, type PhotoFiles } from './app/photoFiles';
import { makePhotoActions, type PhotoActions } from './app/photos';
import { makePublishing, type Publishing } from './app/publishing';
import { installShortcuts } from './app/shortcuts';
import { makeInspector, type Inspector, type InspectorTab } from './app/tabs';
import { buildToolbar } from './app/toolbar';
import { makeTyping, type Typing } from './app/typing';

export { SAVE_DELAY_MS } from './app/typing';

export interface Platform {
  picker: FilePicker;
  /** The native folder picker, titled `title`; `null` when cancelled. */
  chooseFolder(title?: string): Promise<string | null>;
  /** Whether this is a Mac: ⌘ for Mod in the shortcuts and how they are written. */
  isMac: boolean;
  /** Photo URLs under the shell's `media` scheme, built by Tauri's `convertFileSrc`. */
  mediaUrl: MediaUrl;
}

export class App {
  readonly toasts: Toasts;
  readonly library: LibraryPanel;
  readonly editor: EditorPanel;
  readonly preview: PreviewPanel;
  readonly metadata: MetadataPanel;
  readonly corrections: CorrectionsSection;
  readonly notes: DeskNotesSection;
  readonly photos: PhotosPanel;
  readonly related: RelatedPanel;
  readonly history: HistoryPanel;
  readonly sync: WorkspaceSync;
  /** The inspector's tabs (the shortcuts open them). */
  readonly inspector: Inspector;
  private readonly typing: Typing;
  /** The open article, and the panels that show it kept in step. */
  private readonly article: OpenArticle;
  private readonly articles: Articles;
  private readonly conflicts: Conflicts;
  private readonly publishing: Publishing;
  private readonly dialogs: Dialogs;
  private readonly photoActions: PhotoActions;
  private readonly photoFiles: PhotoFiles;
  private readonly layout: Layout;
  /** The status bar's word count, against the plan when there is one. */
  private readonly wordStats = new WordStats();
  /** Spell and grammar checking as the editor types, when the library has it on. */
  private readonly proofing: ProofingSwitch;

  constructor(private readonly ipc: Ipc, platform: Platform, root: HTMLElement = document.body) {
    /** How this platform writes a shortcut ("Ctrl+S", "⌘S"). */
    const keys = shortcutLabels(platform.isMac);
    const { mediaUrl, picker } = platform;
    this.toasts = new Toasts(byId('toasts', root));
    const toasts = this.toasts;

    // The panels. What they ask of the parts below (made after them) is looked up when asked.
    const openId = () => this.article.id;
    const open = (id: number) => this.articles.open(id);
    this.preview = new PreviewPanel({
      onOpenArticle: open,
      onScroll: (line) => {
        if (this.layout.mode === 'split') this.editor.scrollToLine(line);
      },
      mediaUrl,
    }, root.querySelector<HTMLElement>('#preview-pane .preview'));
    this.typing = makeTyping({
      ipc,
      toasts,
      preview: this.preview,
      openId,
      onSaved: (id, body, receipt) => this.article.saved(id, body, receipt),
      onConflict: () => void this.sync.recheckConflicts(),
      onRestored: () => void this.library.reload(),
    });
    this.library = new LibraryPanel({
      ipc,
      toasts,
      mediaUrl,
      keys,
      photoFile: (id) => this.photoFiles.get(id),
      actions: {
        open,
        create: () => void this.articles.create(),
        duplicate: (id) => void this.articles.duplicate(id),
        archive: (id) => void this.articles.archive(id),
        trash: (id) => void this.articles.trash(id),
        restore: (id) => void this.articles.restore(id),
      },
    });
    this.editor = new EditorPanel({
      onChange: (doc, changes) => this.typing.type(doc, changes),
      onBlur: () => void this.typing.flush(),
      onScroll: (line) => {
        if (this.layout.mode === 'split') this.preview.scrollToLine(line);
      },
      onInsertPhoto: () => this.inspector.show('photos', true),
      onPublish: () => void this.publishing.open(),
    });
    this.proofing = new ProofingSwitch({
      ipc,
      toasts,
      keys,
      articleId: openId,
      editor: this.editor,
      placeStatus: (status) => this.wordStats.root.after(status),
    });
    this.metadata = new MetadataPanel({ ipc, toasts, keys, onUpdated: (a) => this.article.updated(a) });
    this.corrections = new CorrectionsSection({ ipc, toasts, onAdded: (id, c) => this.article.correctionAdded(id, c) });
    this.notes = new DeskNotesSection({ ipc, toasts, isMac: platform.isMac, onAdded: (id, n) => this.article.noteAdded(id, n) });
    this.photos = new PhotosPanel({
      ipc,
      toasts,
      picker,
      mediaUrl,
      onInsert: (md) => this.editor.insertBlock(md),
      onChanged: (id, photos) => this.article.photosChanged(id, photos),
    });
    this.related = new RelatedPanel({
      ipc,
      toasts,
      onOpen: open,
      onChanged: (id, related) => this.article.relatedChanged(id, related),
    });
    this.history = new HistoryPanel({
      ipc,
      toasts,
      flush: () => this.typing.flush(),
      current: () => this.article.view,
      showRevision: (shown) => (shown ? this.layout.show('history') : this.layout.leave('history')),
      onRestored: (view) => this.article.load(view),
      onOpenArticle: open,
      keys,
      mediaUrl,
    });
    this.sync = new WorkspaceSync({
      ipc,
      toasts,
      openId,
      refreshOpen: (announce) => this.article.refresh(announce),
      reloadList: () => void this.library.refresh(),
      openTrashed: () => void this.articles.trashedOnDisk(),
      reloadPhotos: () => void this.photoFiles.reload(),
      onConflicts: (conflicts) => this.conflicts.update(conflicts),
    });

    // The parts of the window's behaviour, each given what it works on.
    const { typing, library, editor, preview, metadata, corrections, notes, photos, related, history, sync, wordStats, proofing } = this;
    const openArticle = () => this.article.view?.article ?? null;
    this.layout = makeLayout({
      editor,
      preview,
      onShow: (slot) => {
        if (slot !== 'webEdit') this.publishing.dismissWebEdit();
      },
    }, root);
    this.inspector = makeInspector({ keys, details: [metadata.root, corrections.root, notes.root], photos, related, history }, root);
    this.photoFiles = makePhotoFiles({ ipc, toasts, library });
    this.conflicts = makeConflicts({ ipc, toasts, typing, library, sync, layout: this.layout, openId, load: (view) => this.article.load(view) });
    this.publishing = makePublishing({ ipc, toasts, typing, history, layout: this.layout, details: this.inspector.details, openArticle });
    this.article = makeOpenArticle({
      ipc, toasts, keys, typing, library, editor, preview, metadata, corrections, notes, photos, related, history, wordStats, proofing,
      photoFiles: this.photoFiles, publishing: this.publishing, conflicts: this.conflicts, layout: this.layout,
    });
    this.articles = makeArticles({ ipc, toasts, typing, library, metadata, history, article: this.article, inspector: this.inspector, layout: this.layout });
    this.dialogs = makeDialogs({ ipc, toasts, typing, proofing, platform, openArticle, open });
    this.photoActions = makePhotoActions({
      ipc, toasts, picker, mediaUrl, photos, open,
      photoFiles: this.photoFiles,
      layout: this.layout,
      hasArticle: () => openArticle() !== null,
      showPhotosTab: () => this.inspector.show('photos'),
    });

    // Into the page: the preview's pane, the main area's views and the inspector's tabs are in index.html.
    const { layout, articles, dialogs, publishing, photoActions, inspector } = this;
    byId('library-slot', root).replaceWith(library.root);
    layout.slot('history').append(history.revision.root);
    layout.slot('write').append(h('div', { class: 'statusbar', 'data-testid': 'statusbar' }, wordStats.root, h('span', { class: 'shortcut-hint' }, `${keys('Mod-/')} shows the keyboard shortcuts`)));
    buildToolbar(byId('toolbar', root), { keys, saveState: typing.indicator.root, openId, layout, articles, dialogs, publishing, photoActions });
    layout.setMode('split');
    installShortcuts({ isMac: platform.isMac, articles, dialogs, publishing, library, layout, inspector });
    startPerfSamples();
  }

  get current(): ArticleView | null {
    return this.article.view;
  }

  /**
   * Opens the most recently updated article (or offers to create one), then loads the library.
   * `first` is the shell's answer when the page asked for it early (see boot.ts).
   */
  async start(first: Promise<FirstScreen> = this.ipc.firstScreen(LIBRARY_PAGE_SIZE)): Promise<void> {
    let listed = false;
    try {
      const screen = await first;
      performance.mark('first-screen');
      // The photo files come after: a row's thumbnail shows once they have loaded.
      this.library.prime(screen.list_total, screen.list_rows);
      listed = true;
      if (screen.view) this.article.load(screen.view);
      else this.article.showEmpty();
    } catch (err) {
      this.toasts.error(err, 'The library could not be opened');
    }
    // The shell syncs the workspace folder from the first screen on: listen before the rest loads.
    void this.sync.start();
    // Spell and grammar checking: its code loads once the first screen is painted.
    afterNextPaint(() => void this.proofing.start());
    // The shell answers commands one at a time: the list, photos and sections come after the
    // article, so they never hold up the first paint of the editor and preview.
    void this.photoFiles.reload();
    if (!listed) void this.library.reload();
    void this.library.loadSections().then((s) => this.metadata.setSections(s));
  }

  /** Saves whatever is pending; used before closing the window. Resolves whether all is saved. */
  flush(): Promise<boolean> {
    return this.typing.flush();
  }

  // What main.ts (drops, pastes) and the tests ask of the window, carried out by its parts.

  open(id: number): Promise<void> {
    return this.articles.open(id);
  }

  showInspector(tab: InspectorTab, focus = false): void {
    this.inspector.show(tab, focus);
  }

  showWorkspace(): Promise<HTMLDialogElement> {
    return this.dialogs.showWorkspace();
  }

  showDictionary(): Promise<void> {
    return this.dialogs.showDictionary();
  }

  attachDropped(paths: string[]): Promise<void> {
    return this.photoActions.attachDropped(paths);
  }

  attachPasted(file: File): Promise<void> {
    return this.photoActions.attachPasted(file);
  }
}
