/**
 * The application controller: owns the open article and the typing path, and wires the panels
 * together. Platform pieces (dialogs, drag and drop, window close) come in through `Platform`, so
 * the whole app runs in tests against a mocked IPC.
 */
import { button, byId, h } from './dom';
import type { Ipc } from './ipc';
import { afterNextPaint } from './logic/frames';
import { LivePreview } from './logic/livePreview';
import { SaveQueue } from './logic/saveQueue';
import type { MediaUrl } from './logic/media';
import { BUDGET_SHORTCUT, HISTORY_SHORTCUT, NEW_ARTICLE_SHORTCUT, PUBLISH_SHORTCUT, SAVE_SHORTCUT, createKeymap, shortcutLabels, type ShortcutLabel } from './logic/shortcuts';
import { updatedNotice } from './logic/sync';
import { TypingBase } from './logic/typingBase';
import type { BudgetView } from './panels/budget';
import { ConflictBanner } from './panels/conflictBanner';
import { ConflictView } from './panels/conflictView';
import { CorrectionsSection } from './panels/corrections';
import { DeskNotesSection } from './panels/deskNotes';
import { EditorPanel } from './panels/editor';
import { HistoryPanel } from './panels/history';
import { LibraryPanel } from './panels/library';
import { showMenu } from './panels/menu';
import { MetadataPanel } from './panels/metadata';
import { PhotosPanel, type FilePicker } from './panels/photos';
import { PreviewPanel } from './panels/preview';
import type { PublicationsList } from './panels/publications';
import type { PublishPanel } from './panels/publishPanel';
import { RelatedPanel } from './panels/related';
import { SaveIndicator } from './panels/saveState';
import { Toasts } from './panels/toast';
import { WordStats } from './panels/wordStats';
import { ProofingSwitch } from './proofing/switch';
import { openWorkspaceDialog } from './panels/workspaceDialog';
import { WorkspaceSync } from './panels/workspaceSync';
import type { PhotoLibraryView } from './panels/photoLibrary';
import type { WebEditView } from './panels/webEditView';
import type { Article, ArticleView, Conflict, Correction, DeskNote, FirstScreen, PhotoFile, Resolution, WebEditComparison } from './types';

/** Debounce between the last keystroke and the save (the preview does not wait for it). */
export const SAVE_DELAY_MS = 200;

/** How many typing latencies the page keeps for the benchmark (the newest). */
const PERF_SAMPLES = 10_000;

export interface Platform {
  picker: FilePicker;
  /** The native folder picker, titled `title`; `null` when cancelled. */
  chooseFolder(title?: string): Promise<string | null>;
  /** Whether this is a Mac: ⌘ for Mod in the shortcuts and how they are written. */
  isMac: boolean;
  /** Photo URLs under the shell's `media` scheme, built by Tauri's `convertFileSrc`. */
  mediaUrl: MediaUrl;
}

export type ViewMode = 'editor' | 'split' | 'preview';
const VIEW_MODES: ViewMode[] = ['editor', 'split', 'preview'];

interface PendingBody {
  id: number;
  body: string;
}

declare global {
  interface Window {
    /** Keystroke → preview DOM patched, in ms, one per keystroke (read by scripts/bench-app.sh). */
    __newsroomPerf?: number[];
    /** Keystroke → the frame after that patch has been painted, in ms. */
    __newsroomPerfPaint?: number[];
  }
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
  readonly saveIndicator: SaveIndicator;
  readonly sync: WorkspaceSync;
  readonly conflictBanner: ConflictBanner;
  readonly conflictView: ConflictView;
  readonly queue: SaveQueue<PendingBody>;
  /** What each save's typing started from (see logic/typingBase.ts). */
  readonly base = new TypingBase();
  private readonly live: LivePreview<string>;
  private previewFailed = false;
  private view: ArticleView | null = null;
  /** How this platform writes a shortcut ("Ctrl+S", "⌘S"). */
  private readonly keys: ShortcutLabel;
  private readonly photoFiles = new Map<number, PhotoFile>();
  /** The status bar's word count, against the plan when there is one. */
  private readonly wordStats = new WordStats();
  private readonly panes: HTMLElement;
  private readonly writeView: HTMLElement;
  private readonly photoLibrarySlot: HTMLElement;
  private readonly historySlot: HTMLElement;
  private readonly conflictSlot: HTMLElement;
  private readonly webEditSlot: HTMLElement;
  private photoLibrary: PhotoLibraryView | null = null;
  /** The story budget, over the whole window; made when first asked for. */
  private budget: Promise<BudgetView> | null = null;
  /** Made when first asked for (not part of the first screen); it outlives article switches. */
  private publishPanel: PublishPanel | null = null;
  private webEdit: WebEditView | null = null;
  /** Spell and grammar checking as the editor types, when the library has it on. */
  private readonly proofing: ProofingSwitch;
  /** The article's publications under its details, loaded after the first screen. */
  private publications: Promise<PublicationsList> | null = null;
  private readonly detailsPanel: HTMLElement;
  private mode: ViewMode = 'split';
  private opening = 0;

  constructor(private readonly ipc: Ipc, private readonly platform: Platform, root: HTMLElement = document.body) {
    this.keys = shortcutLabels(platform.isMac);
    this.toasts = new Toasts(byId('toasts', root));
    this.saveIndicator = new SaveIndicator(() => void this.queue.retry());
    this.queue = new SaveQueue<PendingBody>({
      delayMs: SAVE_DELAY_MS,
      save: (p) => this.saveBody(p),
      onState: (s) => this.saveIndicator.update(s),
    });

    this.live = new LivePreview<string>({
      render: (text) => this.ipc.renderPreview(text),
      show: (html) => {
        this.previewFailed = false;
        this.preview.setBody(html);
      },
      onShown: (latencies) => this.recordTyping(latencies),
      onError: (err) => {
        // Once per run of failures: typing must not raise a toast per keystroke.
        if (!this.previewFailed) this.toasts.error(err, 'The preview could not be updated');
        this.previewFailed = true;
      },
    });

    this.library = new LibraryPanel({
      ipc,
      toasts: this.toasts,
      mediaUrl: platform.mediaUrl,
      keys: this.keys,
      photoFile: (id) => this.photoFiles.get(id) ?? null,
      actions: {
        open: (id) => void this.open(id),
        create: () => void this.create(),
        duplicate: (id) => void this.duplicate(id),
        archive: (id) => void this.archive(id),
        trash: (id) => void this.trash(id),
        restore: (id) => void this.restore(id),
      },
    });
    this.editor = new EditorPanel({
      onChange: (text) => this.onType(text),
      onBlur: () => void this.queue.flush(),
      onScroll: (line) => {
        if (this.mode === 'split') this.preview.scrollToLine(line);
      },
      onInsertPhoto: () => this.showInspector('photos', true),
      onPublish: () => void this.publishCurrent(),
    });
    this.proofing = new ProofingSwitch({
      ipc,
      toasts: this.toasts,
      keys: this.keys,
      articleId: () => this.view?.article.id ?? null,
      editor: this.editor,
      placeStatus: (status) => this.wordStats.root.after(status),
    });
    this.preview = new PreviewPanel({
      onOpenArticle: (id) => void this.open(id),
      onScroll: (line) => {
        if (this.mode === 'split') this.editor.scrollToLine(line);
      },
      mediaUrl: platform.mediaUrl,
    }, root.querySelector<HTMLElement>('#preview-pane .preview'));
    this.metadata = new MetadataPanel({ ipc, toasts: this.toasts, keys: this.keys, onUpdated: (a) => this.onArticleUpdated(a) });
    this.corrections = new CorrectionsSection({ ipc, toasts: this.toasts, onAdded: (id, c) => this.onCorrectionAdded(id, c) });
    this.notes = new DeskNotesSection({ ipc, toasts: this.toasts, isMac: platform.isMac, onAdded: (id, n) => this.onNoteAdded(id, n) });
    this.photos = new PhotosPanel({
      ipc,
      toasts: this.toasts,
      picker: platform.picker,
      mediaUrl: platform.mediaUrl,
      onInsert: (md) => this.editor.insertBlock(md),
      onChanged: (id, photos) => {
        if (this.view?.article.id !== id) return;
        this.view.photos = photos;
        const featured = photos.find((p) => p.role === 'featured');
        for (const use of photos) if (use.photo.file) this.photoFiles.set(use.photo.id, use.photo.file);
        this.view.article.featured_photo = featured?.photo.id ?? null;
        this.library.patchRow({ id, featured_photo: featured?.photo.id ?? null });
        this.refreshPreviewMeta();
      },
    });
    this.related = new RelatedPanel({
      ipc,
      toasts: this.toasts,
      onOpen: (id) => void this.open(id),
      onChanged: (id, related) => {
        if (this.view?.article.id !== id) return;
        this.view.related = related;
        this.refreshPreviewMeta();
      },
    });
    this.history = new HistoryPanel({
      ipc,
      toasts: this.toasts,
      flush: () => this.queue.flush(),
      current: () => this.view,
      showRevision: (shown) => this.showRevision(shown),
      onRestored: (view) => this.load(view),
      onOpenArticle: (id) => void this.open(id),
      keys: this.keys,
      mediaUrl: platform.mediaUrl,
    });

    this.conflictBanner = new ConflictBanner(() => void this.compareConflict());
    this.conflictView = new ConflictView({
      resolve: (resolution) => this.resolveConflict(resolution),
      onClose: () => this.showWrite(),
    });
    this.sync = new WorkspaceSync({
      ipc,
      toasts: this.toasts,
      openId: () => this.view?.article.id ?? null,
      refreshOpen: (announce) => this.refreshOpen(announce),
      reloadList: () => void this.library.refresh(),
      openTrashed: () => void this.onOpenTrashed(),
      reloadPhotos: () => void this.loadPhotoFiles(),
      onConflicts: (conflicts) => this.onConflicts(conflicts),
    });

    this.panes = byId('panes', root);
    this.writeView = byId('write-view', root);
    this.photoLibrarySlot = byId('photo-library-view', root);
    this.historySlot = byId('history-view', root);
    this.historySlot.append(this.history.revision.root);
    this.conflictSlot = byId('conflict-view', root);
    this.conflictSlot.append(this.conflictView.root);
    this.webEditSlot = byId('web-edit-view', root);
    this.writeView.prepend(this.conflictBanner.root);
    // The preview's pane is declared in index.html; a frame must not move (it would reload).
    const previewPane = this.preview.root.closest('.pane-preview') ?? this.panes.appendChild(h('div', { class: 'pane pane-preview' }, this.preview.root));
    this.panes.insertBefore(h('div', { class: 'pane pane-editor' }, this.editor.root), previewPane);
    this.writeView.append(h('div', { class: 'statusbar', 'data-testid': 'statusbar' }, this.wordStats.root, h('span', { class: 'shortcut-hint' }, `${this.keys('Mod-/')} shows the keyboard shortcuts`)));
    byId('library-slot', root).replaceWith(this.library.root);
    // The desk fields, then the story's dated entries; its publications follow once loaded.
    byId('inspector-details', root).append(this.metadata.root, this.corrections.root, this.notes.root);
    this.detailsPanel = byId('inspector-details', root);
    byId('inspector-photos', root).append(this.photos.root);
    byId('inspector-related', root).append(this.related.root);
    byId('inspector-history', root).append(this.history.root);
    byId('tab-history', root).title = `Revision history (${this.keys(HISTORY_SHORTCUT)})`;
    this.buildToolbar(byId('toolbar', root));
    this.buildTabs(root);
    this.setMode('split');
    this.installShortcuts();
    window.__newsroomPerf = window.__newsroomPerf ?? [];
    window.__newsroomPerfPaint = window.__newsroomPerfPaint ?? [];
  }

  get current(): ArticleView | null {
    return this.view;
  }

  /**
   * Opens the most recently updated article (or offers to create one), then loads the library.
   * `first` is the shell's answer when the page asked for it early (see boot.ts).
   */
  async start(first: Promise<FirstScreen> = this.ipc.firstScreen()): Promise<void> {
    try {
      const screen = await first;
      if (screen.view) this.load(screen.view);
      else this.showEmpty();
    } catch (err) {
      this.toasts.error(err, 'The library could not be opened');
    }
    // The shell syncs the workspace folder from the first screen on: listen before the rest loads.
    void this.sync.start();
    // Spell and grammar checking: its code loads once the first screen is painted.
    afterNextPaint(() => void this.proofing.start());
    // The shell answers commands one at a time: the list, photos and sections come after the
    // article, so they never hold up the first paint of the editor and preview.
    void this.loadPhotoFiles();
    void this.library.reload();
    void this.library.loadSections().then((s) => this.metadata.setSections(s));
  }

  /** Saves whatever is pending; used before closing the window. Resolves whether all is saved. */
  flush(): Promise<boolean> {
    return this.queue.flush();
  }

  // --- typing path ---------------------------------------------------------------------------

  /**
   * A keystroke: the preview renders at once (never waiting for the disk), the save follows the
   * debounce. Neither blocks typing: both are answers the editor does not wait for.
   */
  private onType(text: string): void {
    const id = this.view?.article.id;
    if (id === undefined) return;
    performance.mark('keystroke');
    this.live.update(text);
    this.queue.schedule({ id, body: text });
  }

  private async saveBody(p: PendingBody): Promise<void> {
    // An unknown base (never the case for the open article) is sent as empty: the core then
    // keeps both versions rather than guess.
    const receipt = await this.ipc.saveBody(p.id, p.body, this.base.of(p.id) ?? '');
    this.base.confirmed(p.id, p.body);
    // The article changed underneath the typing: both versions were kept; the banner offers them.
    if (receipt.conflict) void this.sync.recheckConflicts();
    const view = this.view;
    if (view?.article.id !== p.id) return;
    view.article.body = p.body;
    view.article.word_count = receipt.word_count;
    view.article.updated_at = receipt.updated_at;
    // The core counts the words (model.rs `count_words`); the status bar shows what it saved.
    this.wordStats.show(receipt.word_count, view.article.words_planned);
    this.library.patchRow({ id: p.id, updated_at: receipt.updated_at, word_count: receipt.word_count });
  }

  /** Typing latencies for the benchmark: to the DOM patch, and to the frame that painted it. */
  private recordTyping(latencies: number[]): void {
    const patched = performance.now();
    try {
      performance.clearMeasures('typing-to-preview');
      performance.measure('typing-to-preview', { start: patched - Math.max(...latencies), end: patched });
    } catch {
      // Older engines lack measure options; window.__newsroomPerf is what the benchmark reads.
    }
    performance.clearMarks('keystroke');
    push(window.__newsroomPerf, latencies);
    afterNextPaint(() => {
      const painted = performance.now() - patched;
      push(window.__newsroomPerfPaint, latencies.map((ms) => ms + painted));
    });
  }

  // --- articles ------------------------------------------------------------------------------

  async open(id: number): Promise<void> {
    if (this.view?.article.id === id) {
      this.showWrite();
      return;
    }
    const ticket = ++this.opening;
    await this.queue.flush();
    try {
      const view = await this.ipc.openArticle(id);
      if (ticket !== this.opening) return;
      this.load(view);
    } catch (err) {
      this.toasts.error(err, 'The article could not be opened');
    }
  }

  private load(view: ArticleView): void {
    this.live.cancel();
    this.view = view;
    this.base.loaded(view.article.id, view.article.body, this.queue.dirty);
    document.body.classList.remove('no-article');
    for (const use of view.photos) if (use.photo.file) this.photoFiles.set(use.photo.id, use.photo.file);
    this.editor.setDoc(view.article.body);
    markOnce('editor-ready');
    this.preview.setArticle({ article: view.article, photos: view.photos, related: view.related, corrections: view.corrections }, view.preview_html);
    this.metadata.load(view);
    this.corrections.load(view.article, view.corrections);
    this.notes.load(view.article.id, view.notes);
    this.photos.load(view.article.id, view.photos);
    this.related.load(view.article.id, view.related, view.backlinks);
    this.history.load(view.article.id);
    void this.showPublications(view.article.id);
    this.library.setCurrent(view.article.id);
    this.showConflictBanner();
    this.wordStats.show(view.article.word_count, view.article.words_planned);
    this.saveIndicator.update(this.queue.state);
    document.title = `${view.article.headline || 'Untitled'} — Newsroom`;
    this.showWrite();
  }

  // --- the workspace folder ------------------------------------------------------------------

  /**
   * The open article changed outside the editor (its file, or another process): fetch it and
   * bring every panel up to date without reopening it, so the cursor, selection, undo history
   * and scroll positions stay. Typing not yet saved is saved first; if both sides changed, the
   * sync records a conflict instead of choosing.
   */
  async refreshOpen(announce: boolean): Promise<void> {
    const id = this.view?.article.id;
    if (id === undefined) return;
    if (this.queue.dirty) await this.queue.flush();
    let view: ArticleView;
    try {
      view = await this.ipc.openArticle(id);
    } catch (err) {
      this.toasts.error(err, 'The article could not be updated from its file');
      return;
    }
    // Another article opened meanwhile, or new typing (which wins, and is saved next).
    if (this.view?.article.id !== id || this.queue.dirty) return;
    const bodyChanged = this.applyInPlace(view);
    if (announce && bodyChanged) this.toasts.info(updatedNotice(view.article.slug), [], 4000);
  }

  /** Takes `view` (the open article, newer) into every panel in place; returns whether the body changed. */
  private applyInPlace(view: ArticleView): boolean {
    const before = this.view;
    this.view = view;
    this.base.confirmed(view.article.id, view.article.body);
    for (const use of view.photos) if (use.photo.file) this.photoFiles.set(use.photo.id, use.photo.file);
    const bodyChanged = this.editor.applyExternal(view.article.body);
    if (bodyChanged) this.live.update(view.article.body);
    const metaChanged = !before || differs(metadataOf(view.article), metadataOf(before.article));
    // Redrawing the preview's header reloads its photos: only when what it shows changed.
    const correctionsChanged = differs(view.corrections, before?.corrections);
    if (metaChanged || correctionsChanged || differs([view.photos, view.related], [before?.photos, before?.related])) this.refreshPreviewMeta();
    if (metaChanged || differs(view.allowed_statuses, before?.allowed_statuses)) {
      this.metadata.load(view);
    }
    if (metaChanged || correctionsChanged) this.corrections.load(view.article, view.corrections);
    if (differs(view.notes, before?.notes)) this.notes.load(view.article.id, view.notes);
    if (differs(view.photos, before?.photos)) this.photos.load(view.article.id, view.photos);
    if (differs([view.related, view.backlinks], [before?.related, before?.backlinks])) {
      this.related.load(view.article.id, view.related, view.backlinks);
    }
    this.wordStats.show(view.article.word_count, view.article.words_planned);
    document.title = `${view.article.headline || 'Untitled'} — Newsroom`;
    if (this.history.isActive) void this.history.refresh();
    return bodyChanged;
  }

  /** The open article went to the trash because its file was deleted: say so, open the next one. */
  private async onOpenTrashed(): Promise<void> {
    const a = this.view?.article;
    if (!a) return;
    this.queue.discard();
    this.toasts.info(`“${a.headline || 'Untitled'}” was moved to the trash because its file was deleted.`, [
      { label: 'Restore', run: () => void this.restore(a.id) },
    ]);
    this.view = null;
    await this.openNext();
  }

  private onConflicts(conflicts: ReadonlyMap<number, Conflict>): void {
    this.library.setConflicts(new Set(conflicts.keys()));
    this.showConflictBanner();
  }

  private showConflictBanner(): void {
    const id = this.view?.article.id;
    const conflict = id === undefined ? undefined : this.sync.conflicts.get(id);
    this.conflictBanner.show(conflict ? conflict.path : null);
    if (!conflict && !this.conflictSlot.hidden) this.showWrite();
  }

  /** The open article's conflict, compared, in the editor's place. */
  async compareConflict(): Promise<void> {
    const id = this.view?.article.id;
    if (id === undefined) return;
    await this.queue.flush();
    try {
      const comparison = await this.ipc.compareConflict(id);
      if (this.view?.article.id !== id) return;
      this.conflictView.show(comparison);
      this.showSlot(this.conflictSlot);
      this.conflictView.focus();
    } catch (err) {
      this.toasts.error(err, 'The two versions could not be compared');
      if ((err as { kind?: string }).kind === 'not_found') void this.sync.recheckConflicts();
    }
  }

  private async resolveConflict(resolution: Resolution): Promise<boolean> {
    const id = this.conflictView.articleId;
    if (id === null) return false;
    if (!(await this.queue.flush())) return false;
    try {
      const view = await this.ipc.resolveConflict(id, resolution);
      this.sync.resolved(id);
      this.showWrite();
      if (this.view?.article.id === id) this.load(view);
      this.library.patchRow({ id, headline: view.article.headline, updated_at: view.article.updated_at, word_count: view.article.word_count });
      const kept = resolution.take === 'app' ? 'The app’s version was kept' : resolution.take === 'file' ? 'The file’s version was taken' : 'The merged text was saved';
      this.toasts.info(`${kept} and written to the file. The other version is in the history.`);
      return true;
    } catch (err) {
      this.toasts.error(err, 'The conflict could not be resolved');
      return false;
    }
  }

  private showEmpty(): void {
    document.body.classList.add('no-article');
    this.metadata.showEmpty();
    this.corrections.clear();
    this.notes.clear();
    this.wordStats.show(0, null);
    this.history.load(null);
    void this.showPublications(null);
    this.preview.setArticle({ article: emptyArticle(this.keys), photos: [], related: [], corrections: [] }, '');
  }

  private onArticleUpdated(a: Article): void {
    if (this.view?.article.id === a.id) {
      if (a.language !== this.view.article.language) this.proofing.recheck();
      // The body in the editor is newer than the one the metadata save echoes back.
      this.view.article = { ...a, body: this.view.article.body };
      this.refreshPreviewMeta();
      // Publishing it opens the record of corrections.
      this.corrections.load(this.view.article, this.view.corrections);
      this.wordStats.show(this.view.article.word_count, a.words_planned);
      document.title = `${a.headline || 'Untitled'} — Newsroom`;
    }
    this.library.patchRow({ id: a.id, headline: a.headline, section: a.section, status: a.status, slug: a.slug, updated_at: a.updated_at, byline: a.byline, kicker: a.kicker, embargo: a.embargo });
    void this.library.loadSections().then((s) => this.metadata.setSections(s));
  }

  private refreshPreviewMeta(): void {
    const v = this.view;
    if (v) this.preview.setArticle({ article: v.article, photos: v.photos, related: v.related, corrections: v.corrections });
  }

  /**
   * A correction or update printed at the end of article `id`: the core moved the story's modified
   * time to it and recorded a revision, which the History tab lists when shown (it reloads then).
   */
  private onCorrectionAdded(id: number, correction: Correction): void {
    this.library.patchRow({ id, updated_at: correction.at });
    if (this.view?.article.id !== id) return;
    this.view.corrections = [...this.view.corrections, correction];
    this.view.article.updated_at = correction.at;
    this.refreshPreviewMeta();
  }

  private onNoteAdded(id: number, note: DeskNote): void {
    if (this.view?.article.id === id) this.view.notes = [...this.view.notes, note];
  }

  private async create(): Promise<void> {
    await this.queue.flush();
    try {
      const a = await this.ipc.createArticle('Untitled article');
      await this.library.reload();
      await this.open(a.id);
      this.showInspector('details');
      this.metadata.focusHeadline();
    } catch (err) {
      this.toasts.error(err, 'A new article could not be created');
    }
  }

  private async duplicate(id: number): Promise<void> {
    await this.queue.flush();
    try {
      const a = await this.ipc.duplicateArticle(id);
      await this.library.reload();
      await this.open(a.id);
      this.toasts.info(`Duplicated as “${a.headline}”`);
    } catch (err) {
      this.toasts.error(err, 'The article could not be duplicated');
    }
  }

  private async archive(id: number): Promise<void> {
    await this.queue.flush();
    try {
      const a = await this.ipc.updateArticle(id, { status: 'archived' });
      if (this.view?.article.id === id) {
        const view = await this.ipc.openArticle(id);
        this.view.article = { ...a, body: this.view.article.body };
        this.metadata.load({ ...view, article: this.view.article });
      }
      await this.library.reload();
      this.toasts.info(`“${a.headline}” archived`);
    } catch (err) {
      this.toasts.error(err, 'The article could not be archived');
    }
  }

  private async trash(id: number): Promise<void> {
    await this.queue.flush();
    try {
      await this.ipc.trashArticle(id);
      await this.library.reload();
      this.toasts.info('Moved to the trash', [{ label: 'Undo', run: () => void this.restore(id) }]);
      if (this.view?.article.id === id) {
        this.view = null;
        await this.openNext();
      }
    } catch (err) {
      this.toasts.error(err, 'The article could not be moved to the trash');
    }
  }

  /** Opens the most recent article (after the open one left), or the empty state. */
  private async openNext(): Promise<void> {
    const [next] = await this.ipc.listArticles({ limit: 1, offset: 0 });
    if (next) await this.open(next.id);
    else this.showEmpty();
  }

  private async restore(id: number): Promise<void> {
    try {
      await this.ipc.untrashArticle(id);
      await this.library.reload();
      this.toasts.info('Article restored', [{ label: 'Open', run: () => void this.open(id) }]);
    } catch (err) {
      this.toasts.error(err, 'The article could not be restored');
    }
  }

  async saveNow(): Promise<void> {
    const id = this.view?.article.id;
    if (id === undefined) return;
    const ok = await this.queue.flush();
    if (!ok) return;
    try {
      const a = await this.ipc.saveNow(id);
      this.library.patchRow({ id, updated_at: a.updated_at });
      this.toasts.info('Saved, with a revision to return to', [], 2500);
      if (this.history.isActive) void this.history.refresh();
    } catch (err) {
      this.toasts.error(err, 'The article could not be saved');
    }
  }

  async exportCurrent(): Promise<void> {
    const a = this.view?.article;
    if (!a) return;
    await this.queue.flush();
    const { openExportDialog } = await import('./panels/exportDialog');
    openExportDialog({ ipc: this.ipc, toasts: this.toasts, chooseFolder: () => this.platform.chooseFolder() }, a);
  }

  /** The Publish dialog for the open article (or for the publish under way). */
  async publishCurrent(): Promise<void> {
    const a = this.view?.article;
    if (!this.publishPanel) {
      if (!a) {
        this.toasts.info('Open an article first, then publish it.');
        return;
      }
      const { PublishPanel } = await import('./panels/publishPanel');
      this.publishPanel = new PublishPanel({
        ipc: this.ipc,
        flush: () => this.queue.flush(),
        manageSites: () => this.showSites(),
        compareWebEdit: (comparison) => this.compareWebEdit(comparison),
        onPublished: (id) => {
          if (this.view?.article.id !== id) return;
          void this.showPublications(id);
          if (this.history.isActive) void this.history.refresh();
        },
      });
      document.body.append(this.publishPanel.root);
    }
    const shown = await this.publishPanel.open(a ? { id: a.id, headline: a.headline } : null);
    if (!shown) this.toasts.info('Open an article first, then publish it.');
  }

  /** Lists the publications of article `id` (`null`: none open) in the Details tab. */
  async showPublications(id: number | null): Promise<void> {
    this.publications ??= import('./panels/publications').then(({ PublicationsList }) => {
      const list = new PublicationsList({ ipc: this.ipc, toasts: this.toasts });
      this.detailsPanel.append(list.root);
      return list;
    });
    await (await this.publications).load(id);
  }

  /** A post edited on the web, in the editor's place; resolves whether to overwrite it. */
  private async compareWebEdit(comparison: WebEditComparison): Promise<boolean> {
    if (!this.webEdit) {
      const { WebEditView } = await import('./panels/webEditView');
      this.webEdit = new WebEditView({ openPost: (id, site) => void this.ipc.openPublishedPost(id, site).catch((err: unknown) => this.toasts.error(err, 'The post could not be opened')) });
      this.webEditSlot.append(this.webEdit.root);
    }
    const decision = this.webEdit.show(comparison);
    this.showSlot(this.webEditSlot);
    this.webEdit.focus();
    const overwrite = await decision;
    if (!this.webEditSlot.hidden) this.showWrite();
    return overwrite;
  }

  /** The Sites dialog; resolves once it is closed. */
  async showSites(): Promise<void> {
    const { openSitesDialog } = await import('./panels/sitesDialog');
    const dialog = await openSitesDialog({ ipc: this.ipc });
    if (!dialog.open) return;
    await new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve(), { once: true }));
  }

  /** Files dropped on the window: attached to the open article. */
  async attachDropped(paths: string[]): Promise<void> {
    if (!this.view) {
      this.toasts.info('Open an article first, then drop photos on it.');
      return;
    }
    this.showInspector('photos');
    await this.photos.attachPaths(paths);
  }

  /** A pasted image: attached and placed at the cursor. */
  async attachPasted(file: File): Promise<void> {
    if (!this.view) return;
    this.showInspector('photos');
    await this.photos.attachBlob(file, file.name && file.name !== 'image.png' ? file.name : undefined);
  }

  private async loadPhotoFiles(): Promise<void> {
    try {
      for (const entry of await this.ipc.listPhotos(null, false)) {
        if (entry.photo.file) this.photoFiles.set(entry.photo.id, entry.photo.file);
      }
      this.library.render();
    } catch (err) {
      this.toasts.error(err, 'Photo thumbnails could not be loaded');
    }
  }

  // --- chrome --------------------------------------------------------------------------------

  private buildToolbar(bar: HTMLElement): void {
    const keys = this.keys;
    const modeButtons = VIEW_MODES.map((m) =>
      button(m === 'editor' ? 'Editor' : m === 'split' ? 'Split' : 'Preview', () => this.setMode(m), {
        class: 'seg',
        'data-mode': m,
        'aria-pressed': 'false',
        title: `${m === 'editor' ? 'Editor only' : m === 'split' ? 'Editor and preview side by side' : 'Preview only'} (${keys('Mod-\\')} cycles)`,
      }),
    );
    const more = button('⋯', () => {
      const id = this.view?.article.id;
      const sites = { label: 'Sites…', run: () => void this.showSites() };
      const workspace = { label: 'Workspace folder…', run: () => void this.showWorkspace() };
      const shortcuts = { label: 'Keyboard shortcuts', run: () => void this.showShortcuts() };
      const dictionary = { label: 'Spelling and grammar…', run: () => void this.showDictionary() };
      const budget = { label: `Story budget (${keys(BUDGET_SHORTCUT)})`, run: () => void this.toggleBudget() };
      if (id === undefined) {
        showMenu(more, [budget, sites, workspace, dictionary, shortcuts]);
        return;
      }
      showMenu(more, [
        { label: `Save now (${keys(SAVE_SHORTCUT)})`, run: () => void this.saveNow() },
        { label: 'Duplicate', run: () => void this.duplicate(id) },
        { label: 'Archive', run: () => void this.archive(id) },
        budget,
        sites,
        workspace,
        dictionary,
        shortcuts,
        { label: 'Move to trash', run: () => void this.trash(id), danger: true },
      ]);
    }, { class: 'icon-button', 'aria-label': 'More article actions', 'aria-haspopup': 'menu' });
    bar.append(
      h('div', { class: 'toolbar-group' }, this.saveIndicator.root),
      h('div', { class: 'toolbar-group segmented', role: 'group', 'aria-label': 'Layout' }, ...modeButtons),
      h(
        'div',
        { class: 'toolbar-group' },
        button('Photo library', () => void this.togglePhotoLibrary(), { 'data-testid': 'photo-library-button', 'aria-pressed': 'false', id: 'photo-library-toggle' }),
        button('Export', () => void this.exportCurrent(), { 'data-testid': 'export', title: `Export (${keys('Mod-e')})` }),
        button('Publish…', () => void this.publishCurrent(), { class: 'primary', 'data-testid': 'publish', title: `Publish to a site (${keys(PUBLISH_SHORTCUT)})` }),
        more,
      ),
    );
  }

  private buildTabs(root: HTMLElement): void {
    const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    for (const tab of tabs) {
      tab.addEventListener('click', () => this.showInspector(tab.dataset.tab as InspectorTab));
      tab.addEventListener('keydown', (e) => {
        const i = tabs.indexOf(tab);
        const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i + tabs.length - 1) % tabs.length : -1;
        if (next >= 0) {
          e.preventDefault();
          tabs[next]!.focus();
          this.showInspector(tabs[next]!.dataset.tab as InspectorTab);
        }
      });
    }
  }

  showInspector(tab: InspectorTab, focus = false): void {
    document.querySelectorAll<HTMLButtonElement>('.inspector [role="tab"]').forEach((t) => {
      const on = t.dataset.tab === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
    });
    document.querySelectorAll<HTMLElement>('.inspector [role="tabpanel"]').forEach((p) => {
      p.hidden = p.id !== `inspector-${tab}`;
    });
    if (focus && tab === 'photos') this.photos.focusFirst();
    const history = this.history.setActive(tab === 'history');
    if (focus && tab === 'history') void history.then(() => this.history.focus());
  }

  setMode(mode: ViewMode): void {
    this.mode = mode;
    this.panes.dataset.mode = mode;
    document.querySelectorAll<HTMLButtonElement>('[data-mode]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === mode)));
    if (mode !== 'preview') requestAnimationFrame(() => this.editor.view.requestMeasure());
    this.preview.fit();
  }

  private cycleMode(): void {
    this.setMode(VIEW_MODES[(VIEW_MODES.indexOf(this.mode) + 1) % VIEW_MODES.length]!);
  }

  private showWrite(): void {
    this.showSlot(this.writeView);
  }

  /**
   * Shows one of the views that take the editor's place (or the editor itself), hiding the others.
   * Leaving a web edit's comparison undecided (another article opened, say) leaves the site's post
   * as it is.
   */
  private showSlot(slot: HTMLElement): void {
    for (const s of [this.writeView, this.photoLibrarySlot, this.historySlot, this.conflictSlot, this.webEditSlot]) s.hidden = s !== slot;
    if (slot !== this.webEditSlot) this.webEdit?.dismiss();
    document.getElementById('photo-library-toggle')?.setAttribute('aria-pressed', String(slot === this.photoLibrarySlot));
  }

  /** The History tab's selected revision in the workspace, or the editor back in its place. */
  private showRevision(shown: boolean): void {
    if (shown) {
      this.showSlot(this.historySlot);
    } else if (!this.historySlot.hidden) {
      this.showWrite();
    }
  }

  private async togglePhotoLibrary(): Promise<void> {
    if (!this.photoLibrarySlot.hidden) return this.showWrite();
    if (!this.photoLibrary) {
      const { PhotoLibraryView } = await import('./panels/photoLibrary');
      this.photoLibrary = new PhotoLibraryView({
        ipc: this.ipc,
        toasts: this.toasts,
        picker: this.platform.picker,
        mediaUrl: this.platform.mediaUrl,
        onOpenArticle: (id) => void this.open(id).then(() => this.showWrite()),
        onChanged: () => void this.loadPhotoFiles(),
      });
      this.photoLibrarySlot.append(this.photoLibrary.root);
    }
    this.showSlot(this.photoLibrarySlot);
    await this.photoLibrary.reload();
    this.photoLibrary.focus();
  }

  /** The story budget over the whole window (its code loaded when first asked for), or back to the editor. */
  async toggleBudget(): Promise<void> {
    this.budget ??= import('./panels/budget').then((m) => new m.BudgetView({ ipc: this.ipc, toasts: this.toasts, onOpen: (id) => this.open(id) }));
    await (await this.budget).toggle();
  }

  /** Where the workspace folder is, and the way to move it. */
  showWorkspace(): Promise<HTMLDialogElement> {
    return openWorkspaceDialog({ ipc: this.ipc, toasts: this.toasts, chooseFolder: (title) => this.platform.chooseFolder(title) });
  }

  /** The library's own words, which the spell checker accepts: one added by mistake is removed here. */
  async showDictionary(): Promise<void> {
    const { openDictionaryDialog } = await import('./proofing/dictionaryDialog');
    await openDictionaryDialog({ ipc: this.ipc, toasts: this.toasts, checking: this.proofing, onChanged: () => this.proofing.recheck() });
  }

  /** The keyboard shortcuts dialog, loaded when first asked for (it is not part of the first screen). */
  private async showShortcuts(): Promise<void> {
    const { openShortcutsDialog } = await import('./panels/shortcutsDialog');
    openShortcutsDialog(this.platform.isMac);
  }

  private installShortcuts(): void {
    const keymap = createKeymap(
      {
        [NEW_ARTICLE_SHORTCUT]: () => void this.create(),
        'Mod-e': () => void this.exportCurrent(),
        [SAVE_SHORTCUT]: () => void this.saveNow(),
        'Mod-Shift-f': () => this.library.focusSearch(),
        'Mod-p': () => this.library.focusSearch(),
        'Mod-\\': () => this.cycleMode(),
        'Mod-Shift-p': () => this.showInspector('photos', true),
        [HISTORY_SHORTCUT]: () => this.showInspector('history', true),
        [PUBLISH_SHORTCUT]: () => void this.publishCurrent(),
        [BUDGET_SHORTCUT]: () => void this.toggleBudget(),
        'Mod-/': () => void this.showShortcuts(),
      },
      this.platform.isMac,
    );
    window.addEventListener('keydown', (e) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      keymap(e);
    });
  }
}

export type InspectorTab = 'details' | 'photos' | 'related' | 'history';

function push(samples: number[] | undefined, values: number[]): void {
  if (!samples) return;
  for (const ms of values) samples.push(Math.round(ms * 100) / 100);
  if (samples.length > PERF_SAMPLES) samples.splice(0, samples.length - PERF_SAMPLES);
}

/** Marks the first time something is on screen (launch figures), after the frame that paints it. */
function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  afterNextPaint(() => {
    if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  });
}

/** Whether two plain values (command answers) differ. */
function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** What the Details tab shows of an article: all but the body and what typing changes. */
function metadataOf(article: Article): Omit<Article, 'body' | 'updated_at' | 'word_count'> {
  const { body: _body, updated_at: _updated, word_count: _words, ...meta } = article;
  return meta;
}

function emptyArticle(keys: ShortcutLabel): Article {
  return {
    id: 0, uid: '', slug: '', headline: 'No articles yet', dek: `Press “New article” (or ${keys(NEW_ARTICLE_SHORTCUT)}) to start writing.`, byline: '', section: '', tags: [],
    status: 'draft', dateline: '', body: '', featured_photo: null, author_id: null, created_at: 0, updated_at: 0,
    published_at: null, trashed_at: null, word_count: 0, kicker: '', seo_headline: '', social_headline: '', embargo: null, words_planned: null, language: '',
  };
}
