/**
 * The only module that talks to the Tauri shell: one typed wrapper per command of docs/IPC.md.
 * Every rejection is normalized to a {@link UiError} so panels can always show a sentence.
 */
import { invoke } from '@tauri-apps/api/core';
import { ShellEvents, type ShellEventKind, type ShellEventOf } from './logic/shellEvents';
import type {
  Article,
  ArticleFilter,
  ArticlePatch,
  ArticleSummary,
  ArticleView,
  BudgetExport,
  BudgetPage,
  BudgetQuery,
  Conflict,
  Correction,
  ConflictComparison,
  DeskNote,
  ErrorKind,
  ExportReport,
  FirstScreen,
  Photo,
  PhotoEntry,
  PhotoPatch,
  PhotoUse,
  PreviewChange,
  PreviewPatch,
  ProofingLanguages,
  Problem,
  Publication,
  PublishAnswer,
  PublishProgress,
  RelatedLink,
  RelatedTarget,
  Resolution,
  RevisionComparison,
  RevisionInfo,
  SaveReceipt,
  SearchHit,
  ShellEvent,
  Site,
  SiteForm,
  StatusChoice,
  SyncEvent,
  UiError,
  WorkspaceStatus,
} from './types';

/**
 * Every kind the core names (its `ErrorKind`, generated): a `Record` over the generated union, so a
 * kind added in Rust does not compile here until it is listed, and a kind the UI does not know
 * reaches the panels as `internal` instead of being mistaken for one it acts on.
 */
const KINDS: Record<ErrorKind, true> = {
  not_found: true,
  invalid: true,
  unsupported: true,
  too_large: true,
  conflict: true,
  trashed: true,
  duplicate_slug: true,
  invalid_transition: true,
  photo_in_use: true,
  io: true,
  database: true,
  locked: true,
  corrupt: true,
  newer_version: true,
  embargoed: true,
  exists: true,
  no_keychain: true,
  secret: true,
  network: true,
  unauthorized: true,
  not_cms: true,
  server: true,
  incomplete: true,
  cancelled: true,
  out_of_step: true,
};

function isErrorKind(kind: unknown): kind is ErrorKind {
  return typeof kind === 'string' && Object.hasOwn(KINDS, kind);
}

/** Turns whatever a rejected promise carries into `{kind, message}` with a readable message. */
export function normalizeError(raw: unknown): UiError {
  if (raw && typeof raw === 'object') {
    const r = raw as { kind?: unknown; message?: unknown };
    if (typeof r.message === 'string' && r.message.trim() !== '') {
      return { kind: isErrorKind(r.kind) ? r.kind : 'internal', message: r.message };
    }
  }
  if (typeof raw === 'string' && raw.trim() !== '') {
    return { kind: 'internal', message: raw };
  }
  return {
    kind: 'internal',
    message: 'The app could not complete that action. Try again; if it keeps failing, restart Newsroom.',
  };
}

/** The sentence to show for anything a command (or other code) threw. */
export function errorMessage(err: unknown): string {
  return (isUiError(err) ? err : normalizeError(err)).message;
}

/** Whether `value` is a normalized error (a rejection of one of these wrappers). */
export function isUiError(value: unknown): value is UiError {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as UiError).kind === 'string' &&
    typeof (value as UiError).message === 'string'
  );
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw normalizeError(raw);
  }
}

export const ipc = {
  listArticles: (filter: ArticleFilter) => call<ArticleSummary[]>('list_articles', { filter }),
  countArticles: (filter: ArticleFilter) => call<number>('count_articles', { filter }),
  searchArticles: (query: string, limit: number) => call<SearchHit[]>('search_articles', { query, limit }),
  listSections: () => call<string[]>('list_sections'),
  /** A page of the story budget (`query.offset`, `query.limit`) and how many stories match in all. */
  budgetPage: (query: BudgetQuery) => call<BudgetPage>('budget_page', { query }),
  /**
   * Every story `query` matches (its paging ignored) as CSV, in a file the shell asks for in its own
   * save dialog; `null` when that is cancelled.
   */
  exportBudgetCsv: (query: BudgetQuery) => call<BudgetExport | null>('export_budget_csv', { query }),
  openArticle: (id: number) => call<ArticleView>('open_article', { id }),
  createArticle: (headline: string) => call<Article>('create_article', { headline }),
  duplicateArticle: (id: number) => call<Article>('duplicate_article', { id }),
  updateArticle: (id: number, patch: ArticlePatch) => call<Article>('update_article', { id, patch }),
  /** Appends a correction (`update` false) or an update to a published story, dated now; refused before it is published. */
  addCorrection: (id: number, update: boolean, text: string) => call<Correction>('add_correction', { id, update, text }),
  addNote: (id: number, text: string) => call<DeskNote>('add_note', { id, text }),
  trashArticle: (id: number) => call<null>('trash_article', { id }),
  untrashArticle: (id: number) => call<null>('untrash_article', { id }),
  /** `base`: the text the typing started from (see logic/typingBase.ts). */
  saveBody: (id: number, body: string, base: string) => call<SaveReceipt>('save_body', { id, body, base }),
  saveNow: (id: number) => call<Article>('save_now', { id }),
  /** The live preview: an edit to the text it last sent (see logic/previewSession.ts). */
  previewEdit: (change: PreviewChange) => call<PreviewPatch>('preview_edit', { change }),
  attachPhotoFiles: (articleId: number, paths: string[], featured: boolean) =>
    call<PhotoUse[]>('attach_photo_files', { articleId, paths, featured }),
  attachPhotoBytes: (articleId: number, fileName: string, base64: string) =>
    call<PhotoUse>('attach_photo_bytes', { articleId, fileName, base64 }),
  updatePhoto: (photoId: number, patch: PhotoPatch) => call<Photo>('update_photo', { photoId, patch }),
  setCaptionOverride: (articleId: number, photoId: number, caption: string | null) =>
    call<PhotoUse>('set_caption_override', { articleId, photoId, caption }),
  setFeaturedPhoto: (articleId: number, photoId: number) =>
    call<PhotoUse>('set_featured_photo', { articleId, photoId }),
  detachPhoto: (articleId: number, photoId: number) => call<null>('detach_photo', { articleId, photoId }),
  listPhotos: (query: string | null, trashed: boolean) => call<PhotoEntry[]>('list_photos', { query, trashed }),
  givePhotoFile: (photoId: number, path: string) => call<Photo>('give_photo_file', { photoId, path }),
  trashPhoto: (photoId: number) => call<null>('trash_photo', { photoId }),
  untrashPhoto: (photoId: number) => call<null>('untrash_photo', { photoId }),
  addRelated: (articleId: number, target: RelatedTarget, title: string) =>
    call<RelatedLink>('add_related', { articleId, target, title }),
  removeRelated: (articleId: number, position: number) => call<null>('remove_related', { articleId, position }),
  moveRelated: (articleId: number, from: number, to: number) =>
    call<null>('move_related', { articleId, from, to }),
  /** An embargoed story is refused (`embargoed`) unless `ignoreEmbargo`: the editor said "Export anyway". */
  exportArticles: (ids: number[], path: string, singleFile: boolean, ignoreEmbargo = false) =>
    call<ExportReport>('export_articles', { ids, path, singleFile, ignoreEmbargo }),
  openExported: (path: string) => call<null>('open_exported', { path }),
  /** The article to open and the library list's first `listRows` rows, in one round trip. */
  firstScreen: (listRows: number) => call<FirstScreen>('first_screen', { listRows }),
  listRevisions: (id: number) => call<RevisionInfo[]>('list_revisions', { id }),
  compareRevision: (id: number, number: number) => call<RevisionComparison>('compare_revision', { id, number }),
  restoreRevision: (id: number, number: number) => call<ArticleView>('restore_revision', { id, number }),
  revisionRetention: () => call<string>('revision_retention'),
  listConflicts: () => call<Conflict[]>('list_conflicts'),
  compareConflict: (id: number) => call<ConflictComparison>('compare_conflict', { id }),
  resolveConflict: (id: number, resolution: Resolution) => call<ArticleView>('resolve_conflict', { id, resolution }),
  workspaceStatus: () => call<WorkspaceStatus>('workspace_status'),
  chooseWorkspace: (path: string) => call<WorkspaceStatus>('choose_workspace', { path }),
  /** The native open dialog, shown by the shell, which then accepts these paths (and only such). */
  pickImages: (multiple: boolean, title: string) => call<string[] | null>('pick_images', { multiple, title }),
  /** The native folder dialog, shown by the shell; `null` when cancelled. */
  pickFolder: (title: string) => call<string | null>('pick_folder', { title }),
  listSites: () => call<Site[]>('list_sites'),
  /**
   * Adds a site once its secret signs in. With `inFile` the shell asks where to keep the secret
   * (a save dialog; computers without a keychain) and resolves `null` when that is cancelled.
   */
  addSite: (site: SiteForm, secret: string, inFile: boolean) => call<Site | null>('add_site', { site, secret, inFile }),
  removeSite: (name: string) => call<Site>('remove_site', { name }),
  /** Resolves when the publish ends; its steps arrive meanwhile through {@link ipc.onPublishProgress}. */
  publishArticle: (articleId: number, site: string, status: StatusChoice, overwriteWebEdits: boolean) =>
    call<PublishAnswer>('publish_article', { articleId, site, status, overwriteWebEdits }),
  /** Stops the article's publish before its next step; whether one was running. */
  cancelPublish: (articleId: number) => call<boolean>('cancel_publish', { articleId }),
  articlePublications: (articleId: number) => call<Publication[]>('article_publications', { articleId }),
  /** Opens the post the article became on `site` in the browser (the shell looks its address up). */
  openPublishedPost: (articleId: number, site: string) => call<null>('open_published_post', { articleId, site }),
  /** The spelling and grammar problems of `text`, article `id`'s body in the editor (the shell knows its language). */
  proofread: (id: number, text: string) => call<Problem[]>('proofread', { id, text }),
  /** Adds `word` to the library's own word list: no check flags it after this. */
  addToDictionary: (word: string) => call<null>('add_to_dictionary', { word }),
  removeFromDictionary: (word: string) => call<null>('remove_from_dictionary', { word }),
  /** The library's own words, sorted. */
  dictionaryWords: () => call<string[]>('dictionary_words'),
  /** The languages articles can be checked in here, and the library's default. */
  proofingLanguages: () => call<ProofingLanguages>('proofing_languages'),
  /** Whether the open article is checked as the editor types (the library's setting). */
  checksAsYouType: () => call<boolean>('checks_as_you_type'),
  setChecksAsYouType: (on: boolean) => call<null>('set_checks_as_you_type', { on }),
  /** Calls `handler` with every step of every publish; resolves to the function that stops listening. */
  onPublishProgress: (handler: (step: PublishProgress) => void): Promise<() => void> =>
    onShellEvent('publish_progress', (e) => handler(e.step)),
  /** Calls `handler` with every event of the workspace sync; resolves to the function that stops listening. */
  onSync: (handler: (event: SyncEvent) => void): Promise<() => void> => onShellEvent('sync', (e) => handler(e.event)),
  /** Calls `handler` with every event of `kind` the shell tells (logic/shellEvents.ts); resolves to the function that stops listening. */
  onShellEvent,
  /** Answers the shell's `close_requested`: close the window now, or keep it open. */
  answerClose: (close: boolean) => call<null>('answer_close', { close }),
};

export type Ipc = typeof ipc;

/** The one request the page keeps waiting for what the shell tells unasked. */
let shellEvents: ShellEvents | null = null;

function onShellEvent<K extends ShellEventKind>(kind: K, handler: (event: ShellEventOf<K>) => void): Promise<() => void> {
  shellEvents ??= new ShellEvents({
    next: () => call<ShellEvent[]>('next_events'),
    onError: (err) => console.error('newsroom: the shell’s events', err),
  });
  return Promise.resolve(shellEvents.on(kind, handler));
}
