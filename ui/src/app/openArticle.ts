/**
 * The open article, and every panel that shows it kept in step: an article loaded into them all,
 * a newer copy taken in without reopening it, and what one panel changes shown by the others.
 */
import type { Ipc } from '../ipc';
import { NEW_ARTICLE_SHORTCUT, type ShortcutLabel } from '../logic/shortcuts';
import { updatedNotice } from '../logic/sync';
import type { CorrectionsSection } from '../panels/corrections';
import type { DeskNotesSection } from '../panels/deskNotes';
import type { EditorPanel } from '../panels/editor';
import type { HistoryPanel } from '../panels/history';
import type { LibraryPanel } from '../panels/library';
import type { MetadataPanel } from '../panels/metadata';
import type { PhotosPanel } from '../panels/photos';
import type { PreviewPanel } from '../panels/preview';
import type { RelatedPanel } from '../panels/related';
import type { Toasts } from '../panels/toast';
import type { WordStats } from '../panels/wordStats';
import type { ProofingSwitch } from '../proofing/switch';
import type { Article, ArticleView, Correction, DeskNote, PhotoUse, RelatedLink, SaveReceipt } from '../types';
import type { Conflicts } from './conflicts';
import type { Layout } from './layout';
import { markOnce } from './perf';
import type { PhotoFiles } from './photoFiles';
import type { Publishing } from './publishing';
import type { Typing } from './typing';

export interface OpenArticleDeps {
  ipc: Pick<Ipc, 'openArticle'>;
  toasts: Toasts;
  keys: ShortcutLabel;
  typing: Pick<Typing, 'opened' | 'tookIn' | 'dirty' | 'flush'>;
  photoFiles: Pick<PhotoFiles, 'remember'>;
  library: LibraryPanel;
  editor: EditorPanel;
  preview: PreviewPanel;
  metadata: MetadataPanel;
  corrections: CorrectionsSection;
  notes: DeskNotesSection;
  photos: PhotosPanel;
  related: RelatedPanel;
  history: HistoryPanel;
  /** The status bar's word count, against the plan when there is one. */
  wordStats: WordStats;
  proofing: Pick<ProofingSwitch, 'recheck'>;
  /** The publications under the article's details. */
  publishing: Pick<Publishing, 'showPublications'>;
  /** The banner when the article is in conflict. */
  conflicts: Pick<Conflicts, 'showBanner'>;
  layout: Pick<Layout, 'showWrite'>;
}

export type OpenArticle = ReturnType<typeof makeOpenArticle>;

export function makeOpenArticle({ ipc, toasts, keys, typing, photoFiles, library, editor, preview, metadata, corrections, notes, photos, related, history, wordStats, proofing, publishing, conflicts, layout }: OpenArticleDeps) {
  let current: ArticleView | null = null;

  function load(view: ArticleView): void {
    current = view;
    typing.opened(view.article.id, view.article.body, view.preview.version);
    document.body.classList.remove('no-article');
    photoFiles.remember(view.photos);
    editor.setDoc(view.article.body);
    markOnce('editor-ready');
    preview.setArticle({ article: view.article, photos: view.photos, related: view.related, corrections: view.corrections }, view.preview.blocks);
    metadata.load(view);
    corrections.load(view.article, view.corrections);
    notes.load(view.article.id, view.notes);
    photos.load(view.article.id, view.photos);
    related.load(view.article.id, view.related, view.backlinks);
    history.load(view.article.id);
    void publishing.showPublications(view.article.id);
    library.setCurrent(view.article.id);
    conflicts.showBanner();
    wordStats.show(view.article.word_count, view.reading_minutes, view.article.words_planned);
    showTitle(view.article.headline);
    layout.showWrite();
  }

  /** Takes `view` (the open article, newer) into every panel in place; returns whether the body changed. */
  function takeIn(view: ArticleView): boolean {
    const before = current;
    current = view;
    photoFiles.remember(view.photos);
    const bodyChanged = editor.applyExternal(view.article.body);
    typing.tookIn(view.article.id, view.article.body, view.preview.version, bodyChanged);
    const metaChanged = !before || differs(metadataOf(view.article), metadataOf(before.article));
    // Redrawing the preview's header reloads its photos: only when what it shows changed.
    const correctionsChanged = differs(view.corrections, before?.corrections);
    if (bodyChanged) preview.showBody(view.preview.blocks);
    if (metaChanged || correctionsChanged || differs([view.photos, view.related], [before?.photos, before?.related])) refreshPreviewMeta();
    if (metaChanged || differs(view.allowed_statuses, before?.allowed_statuses)) {
      metadata.load(view);
    }
    if (metaChanged || correctionsChanged) corrections.load(view.article, view.corrections);
    if (differs(view.notes, before?.notes)) notes.load(view.article.id, view.notes);
    if (differs(view.photos, before?.photos)) photos.load(view.article.id, view.photos);
    if (differs([view.related, view.backlinks], [before?.related, before?.backlinks])) {
      related.load(view.article.id, view.related, view.backlinks);
    }
    wordStats.show(view.article.word_count, view.reading_minutes, view.article.words_planned);
    showTitle(view.article.headline);
    if (history.isActive) void history.refresh();
    return bodyChanged;
  }

  function refreshPreviewMeta(): void {
    const v = current;
    if (v) preview.setArticle({ article: v.article, photos: v.photos, related: v.related, corrections: v.corrections });
  }

  return {
    get view(): ArticleView | null {
      return current;
    },

    get id(): number | null {
      return current?.article.id ?? null;
    },

    load,

    /** No article open any more (it left); the caller opens another or shows the empty state. */
    close(): void {
      current = null;
    },

    showEmpty(): void {
      document.body.classList.add('no-article');
      metadata.showEmpty();
      corrections.clear();
      notes.clear();
      wordStats.show(0, 0, null);
      history.load(null);
      void publishing.showPublications(null);
      preview.setArticle({ article: emptyArticle(keys), photos: [], related: [], corrections: [] }, []);
    },

    /**
     * The open article changed outside the editor (its file, or another process): fetch it and
     * bring every panel up to date without reopening it, so the cursor, selection, undo history
     * and scroll positions stay. Typing not yet saved is saved first; if both sides changed, the
     * sync records a conflict instead of choosing.
     */
    async refresh(announce: boolean): Promise<void> {
      const id = current?.article.id;
      if (id === undefined) return;
      if (typing.dirty) await typing.flush();
      let view: ArticleView;
      try {
        view = await ipc.openArticle(id);
      } catch (err) {
        toasts.error(err, 'The article could not be updated from its file');
        return;
      }
      // Another article opened meanwhile, or new typing (which wins, and is saved next).
      if (current?.article.id !== id || typing.dirty) return;
      const bodyChanged = takeIn(view);
      if (announce && bodyChanged) toasts.info(updatedNotice(view.article.slug), [], 4000);
    },

    /** Article `id`'s typing was saved as `body`. */
    saved(id: number, body: string, receipt: SaveReceipt): void {
      const view = current;
      if (view?.article.id !== id) return;
      view.article.body = body;
      view.article.word_count = receipt.word_count;
      view.article.updated_at = receipt.updated_at;
      view.reading_minutes = receipt.reading_minutes;
      // The core counts the words (model.rs `count_words`); the status bar shows what it saved.
      wordStats.show(receipt.word_count, receipt.reading_minutes, view.article.words_planned);
      library.patchRow({ id, updated_at: receipt.updated_at, word_count: receipt.word_count });
    },

    /** The Details tab saved article `a`. */
    updated(a: Article): void {
      if (current?.article.id === a.id) {
        if (a.language !== current.article.language) proofing.recheck();
        // The body in the editor is newer than the one the metadata save echoes back.
        current.article = { ...a, body: current.article.body };
        refreshPreviewMeta();
        // Publishing it opens the record of corrections.
        corrections.load(current.article, current.corrections);
        wordStats.show(current.article.word_count, current.reading_minutes, a.words_planned);
        showTitle(a.headline);
      }
      library.patchRow({ id: a.id, headline: a.headline, section: a.section, status: a.status, slug: a.slug, updated_at: a.updated_at, byline: a.byline, kicker: a.kicker, embargo: a.embargo });
      void library.loadSections().then((s) => metadata.setSections(s));
    },

    /**
     * The open article, archived as `a` (`view` fetched after): the Details tab shows its new
     * status, and the body stays the editor's.
     */
    archived(a: Article, view: ArticleView): void {
      const open = current!;
      open.article = { ...a, body: open.article.body };
      metadata.load({ ...view, article: open.article });
    },

    /**
     * A correction or update printed at the end of article `id`: the core moved the story's modified
     * time to it and recorded a revision, which the History tab lists when shown (it reloads then).
     */
    correctionAdded(id: number, correction: Correction): void {
      library.patchRow({ id, updated_at: correction.at });
      if (current?.article.id !== id) return;
      current.corrections = [...current.corrections, correction];
      current.article.updated_at = correction.at;
      refreshPreviewMeta();
    },

    noteAdded(id: number, note: DeskNote): void {
      if (current?.article.id === id) current.notes = [...current.notes, note];
    },

    /** The Photos tab changed article `id`'s photos (the featured one is the list's thumbnail). */
    photosChanged(id: number, changed: PhotoUse[]): void {
      if (current?.article.id !== id) return;
      current.photos = changed;
      const featured = changed.find((p) => p.role === 'featured');
      photoFiles.remember(changed);
      current.article.featured_photo = featured?.photo.id ?? null;
      library.patchRow({ id, featured_photo: featured?.photo.id ?? null });
      refreshPreviewMeta();
    },

    relatedChanged(id: number, links: RelatedLink[]): void {
      if (current?.article.id !== id) return;
      current.related = links;
      refreshPreviewMeta();
    },
  };
}

/** The window's title names the open article. */
function showTitle(headline: string): void {
  document.title = `${headline || 'Untitled'} — Newsroom`;
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
