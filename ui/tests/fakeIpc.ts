/** An in-memory stand-in for the shell, for panel and app tests. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import type { Ipc } from '../src/ipc';
import { PreviewPanel } from '../src/panels/preview';
import { mediaUrls, type MediaUrl } from '../src/logic/media';
import { shortcutLabels } from '../src/logic/shortcuts';
import type { PreviewChange, PreviewPatch, Problem } from '../src/types';
// The app loads its spell checker once the first screen is painted. Loaded here first, that
// import resolves at once, so no test file ends (tearing the page down) while it is on its way.
import '../src/proofing';
import type { Article, ArticleSummary, ArticleView, BudgetQuery, BudgetRow, Conflict, Correction, DeskNote, Publication, PublishProgress, RevisionInfo, Site, SiteForm, Status, SyncEvent, WorkspaceStatus } from '../src/types';

/** Photo URLs as Tauri's `convertFileSrc` makes them on Linux and macOS (tauri's scripts/core.js). */
export const linuxMedia: MediaUrl = mediaUrls((path, protocol = 'asset') => `${protocol}://localhost/${encodeURIComponent(path)}`);

/** When the fake shell dates corrections and notes: Thu 3 Dec 2026, 17:00 UTC (18:00 in Stockholm). */
export const DESK_NOW = Date.UTC(2026, 11, 3, 17, 0) / 1000;

/** How shortcuts are written off the Mac. */
export const pcKeys = shortcutLabels(false);

/** The app's page (index.html) without its script, for tests that build the whole window. */
export const indexBody = /<body>([\s\S]*)<\/body>/.exec(readFileSync(resolve(__dirname, '../index.html'), 'utf8'))![1]!;
const previewBody = /<body>([\s\S]*)<\/body>/.exec(readFileSync(resolve(__dirname, '../preview.html'), 'utf8'))![1]!;

/** happy-dom loads no frame pages: give `frame` the preview page's document, as the shell's webview would. */
export function framePreview(frame: HTMLIFrameElement): Document {
  const doc = document.implementation.createHTMLDocument('Preview');
  doc.body.innerHTML = previewBody;
  // A frame that has finished loading, stylesheet and all (jsdom leaves a made document 'loading').
  Object.defineProperty(doc, 'readyState', { value: 'complete', configurable: true });
  Object.defineProperty(frame, 'contentDocument', { value: doc, configurable: true });
  return doc;
}

/** A preview panel in a frame holding the preview page, as the app declares it; its document. */
export function framedPreviewPanel(): { preview: PreviewPanel; doc: Document } {
  const frame = document.createElement('iframe');
  const declared = document.createElement('div');
  const overlay = document.createElement('div');
  overlay.className = 'preview-overlay';
  declared.append(frame, overlay);
  const doc = framePreview(frame);
  const preview = new PreviewPanel({ onOpenArticle: vi.fn(), onScroll: vi.fn(), mediaUrl: linuxMedia }, declared);
  return { preview, doc };
}

/** The platform pieces of a Linux desktop, with nothing picked in its dialogs. */
export function testPlatform() {
  return { isMac: false, picker: { images: vi.fn(async () => null) }, chooseFolder: vi.fn(async () => null), mediaUrl: linuxMedia };
}

export function article(id: number, extra: Partial<Article> = {}): Article {
  return {
    id, uid: `uid-${id}`, slug: `story-${id}`, headline: `Story ${id}`, dek: '', byline: 'Ana Ruiz', section: id % 2 ? 'World' : 'Economy', tags: [],
    status: 'draft', dateline: '', body: `Body of ${id}`, featured_photo: null, author_id: null, created_at: 1_700_000_000,
    updated_at: 1_700_000_000 - id * 60, published_at: null, trashed_at: null, word_count: 3,
    kicker: '', seo_headline: '', social_headline: '', embargo: null, words_planned: null, language: '', ...extra,
  };
}

export function summary(a: Article): ArticleSummary {
  const { id, slug, headline, section, status, byline, updated_at, word_count, featured_photo, kicker, embargo } = a;
  return { id, slug, headline, section, status, byline, updated_at, word_count, featured_photo, kicker, embargo };
}

/** Minutes a reader needs, as the core answers them (model.rs `reading_minutes`). */
const minutesFor = (words: number) => Math.ceil(words / 230);

/** The patch drawing `text` whole at `version`, rendered as one paragraph. */
export function wholePatch(text: string, version: number): PreviewPatch {
  const blocks = [`<p data-sourcepos="1:1-1:${text.length}">${text}</p>`];
  return { version, whole: true, start: 0, removed: 0, blocks, line_shift: 0, total: 1 };
}

/** Article `a` as `open_article` answers it, its preview at `version`. */
export function viewOf(a: Article, allowed: Status[] = ['draft', 'editing', 'archived'], version = 0): ArticleView {
  return { article: a, reading_minutes: minutesFor(a.word_count), photos: [], related: [], backlinks: [], preview: wholePatch(a.body, version), allowed_statuses: allowed, corrections: [], notes: [] };
}

/** The words the fake checker does not know, with its suggestions, best first (as Hunspell gives them). */
const MISSPELT = new Map([
  ['teh', ['the', 'ten', 'tech', 'tea', 'eh']],
  ['Brankovic', ['Branko']],
  ['recieve', ['receive']],
]);

/** What the fake checker says of "an" before a consonant ("an test"), as Harper's rule does. */
export const AN_MESSAGE = 'Incorrect indefinite article.';

/**
 * A stand-in for the core's checker (`proofread`): the words above unless the library's
 * `dictionary` has them, and one grammar rule, with UTF-16 offsets as the core gives them.
 */
export function fakeProblems(text: string, dictionary: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const m of text.matchAll(/[\p{L}']+/gu)) {
    const word = m[0];
    const suggestions = MISSPELT.get(word);
    if (!suggestions || dictionary.includes(word)) continue;
    problems.push({ from: m.index, to: m.index + word.length, kind: 'spelling', message: `“${word}” is not in the dictionary.`, word, suggestions });
  }
  for (const m of text.matchAll(/\b[Aa]n(?= [b-df-hj-np-tv-z])/g)) {
    problems.push({ from: m.index, to: m.index + 2, kind: 'grammar', message: AN_MESSAGE, word: m[0], suggestions: [m[0] === 'An' ? 'A' : 'a'] });
  }
  return problems.sort((a, b) => a.from - b.from);
}

/** A library of `n` articles, newest first, with every command mocked. */
export function fakeIpc(n = 3) {
  /** The library's own words (`add_to_dictionary`). */
  const dictionary: string[] = [];
  const checking = { asYouType: true };
  const articles = Array.from({ length: n }, (_, i) => article(i + 1));
  const conflicts: Conflict[] = [];
  const listeners: ((event: SyncEvent) => void)[] = [];
  const sites: Site[] = [];
  const progressListeners: ((step: PublishProgress) => void)[] = [];
  const corrections = new Map<number, Correction[]>();
  const notes = new Map<number, DeskNote[]>();
  /** The live preview's text as `preview_edit` keeps it, at a version. */
  const preview = { text: '', version: 0 };
  /** An article as `open_article` answers: with its corrections and notes, the live preview started over at its body. */
  const view = (a: Article): ArticleView => {
    preview.text = a.body;
    preview.version++;
    return { ...viewOf({ ...a }, undefined, preview.version), corrections: [...(corrections.get(a.id) ?? [])], notes: [...(notes.get(a.id) ?? [])] };
  };
  const budgetRows = (q: BudgetQuery): BudgetRow[] => {
    const rows = articles.filter((a) => !a.trashed_at).map((a): BudgetRow => {
      const last = (notes.get(a.id) ?? []).at(-1) ?? null;
      const time_kind = a.embargo !== null ? 'embargo' : a.published_at !== null ? 'published' : 'updated';
      return {
        id: a.id, slug: a.slug, headline: a.headline, section: a.section, status: a.status, words_planned: a.words_planned, word_count: a.word_count,
        time: a.embargo ?? a.published_at ?? a.updated_at, time_kind, byline: a.byline, photos_ready: a.featured_photo !== null, last_note: last,
      };
    });
    const kept = rows.filter((r) => (!q.day || (r.time >= q.day.start && r.time < q.day.end)) && (!q.section || r.section.toLowerCase() === q.section.toLowerCase()) && (!q.status || r.status === q.status));
    const key = (r: BudgetRow): string | number | null =>
      q.sort === 'note' ? r.last_note?.at ?? null : q.sort === 'photos' ? Number(r.photos_ready) : q.sort === 'words' ? r.word_count : q.sort === 'planned' ? r.words_planned : r[q.sort ?? 'time'];
    const sign = q.descending ? -1 : 1;
    // Stories without the value (no plan, no note) last either way; ties by id.
    return kept.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      if (x === null || y === null) return x === y ? a.id - b.id : x === null ? 1 : -1;
      return x < y ? -sign : x > y ? sign : sign * (a.id - b.id);
    });
  };
  const ipc = {
    listArticles: vi.fn(async (f: { limit?: number; offset?: number; trashed?: boolean }) => {
      const rows = articles.filter((a) => !!a.trashed_at === !!f.trashed).map(summary);
      return rows.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? rows.length));
    }),
    countArticles: vi.fn(async (f: { trashed?: boolean }) => articles.filter((a) => !!a.trashed_at === !!f.trashed).length),
    searchArticles: vi.fn(async (q: string) =>
      articles.filter((a) => a.headline.includes(q) || a.body.includes(q)).slice(0, 10).map((a) => ({ article: summary(a), snippet: `about «${q}» here` })),
    ),
    listSections: vi.fn(async () => ['Economy', 'World']),
    // As the core (store/budget.rs): a day by embargo, else publication, else last change; filtered, sorted, paged.
    budgetPage: vi.fn(async (q: BudgetQuery) => {
      const rows = budgetRows(q);
      const offset = q.offset ?? 0;
      return { rows: rows.slice(offset, q.limit === undefined ? undefined : offset + q.limit), total: rows.length };
    }),
    exportBudgetCsv: vi.fn(async (q: BudgetQuery) => ({ path: '/home/ana/budget-2026-12-03.csv', rows: budgetRows(q).length })),
    openArticle: vi.fn(async (id: number) => {
      const a = articles.find((x) => x.id === id);
      if (!a) throw { kind: 'not_found', message: `There is no article ${id}.` };
      return view(a);
    }),
    createArticle: vi.fn(async (headline: string) => {
      const a = article(articles.length + 1, { headline });
      articles.unshift(a);
      return a;
    }),
    duplicateArticle: vi.fn(),
    updateArticle: vi.fn(async (id: number, patch: Partial<Article>) => {
      const a = articles.find((x) => x.id === id)!;
      Object.assign(a, patch);
      // As the core: the first move to Published dates the story's publication.
      if (a.status === 'published' && a.published_at === null) a.published_at = DESK_NOW;
      return { ...a };
    }),
    // As the core (store/desk_log.rs): one paragraph, only on a story that has been published.
    addCorrection: vi.fn(async (id: number, update: boolean, text: string): Promise<Correction> => {
      const a = articles.find((x) => x.id === id)!;
      const kind = update ? 'update' : 'correction';
      const paragraph = text.split(/\s+/).filter(Boolean).join(' ');
      if (!paragraph) throw { kind: 'invalid', message: `the ${kind} has no text; say what changed` };
      if (a.published_at === null) throw { kind: 'invalid', message: `article ${id} has not been published, so it takes no ${kind}; change the story itself` };
      const added: Correction = { kind, text: paragraph, at: DESK_NOW };
      corrections.set(id, [...(corrections.get(id) ?? []), added]);
      a.updated_at = DESK_NOW;
      return added;
    }),
    addNote: vi.fn(async (id: number, text: string): Promise<DeskNote> => {
      if (!text.trim()) throw { kind: 'invalid', message: 'the note is empty' };
      const added = { text: text.trim(), at: DESK_NOW };
      notes.set(id, [...(notes.get(id) ?? []), added]);
      return added;
    }),
    trashArticle: vi.fn(async () => null),
    untrashArticle: vi.fn(async () => null),
    // As the core: written over the base; over a body that moved on, both kept and a conflict marked.
    saveBody: vi.fn(async (id: number, body: string, base: string) => {
      const a = articles.find((x) => x.id === id)!;
      const conflict = a.body !== base && a.body !== body;
      if (conflict && !conflicts.some((c) => c.article_id === id)) {
        conflicts.push({ article_id: id, file_revision: 2, app_revision: 1, detected_at: 1_700_000_100, path: `${a.section.toLowerCase()}/${a.slug}.md` });
      }
      const changed = a.body !== body;
      a.body = body;
      a.word_count = body.split(/\s+/).filter(Boolean).length;
      return { updated_at: 1_700_000_100, word_count: a.word_count, reading_minutes: minutesFor(a.word_count), revision: null, changed, conflict };
    }),
    saveNow: vi.fn(),
    previewEdit: vi.fn(async ({ base, edit }: PreviewChange): Promise<PreviewPatch> => {
      // The core's contract, not its diff: an edit to a known version or a named text, answered
      // whole (one paragraph, as viewOf renders a body).
      if ('version' in base && base.version !== preview.version) throw { kind: 'out_of_step', message: 'out of step' };
      const text = 'text' in base ? base.text : preview.text;
      preview.text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
      preview.version++;
      return wholePatch(preview.text, preview.version);
    }),
    attachPhotoFiles: vi.fn(),
    attachPhotoBytes: vi.fn(),
    updatePhoto: vi.fn(),
    setCaptionOverride: vi.fn(),
    setFeaturedPhoto: vi.fn(),
    detachPhoto: vi.fn(),
    listPhotos: vi.fn(async () => []),
    givePhotoFile: vi.fn(),
    trashPhoto: vi.fn(),
    untrashPhoto: vi.fn(),
    addRelated: vi.fn(),
    removeRelated: vi.fn(async () => null),
    moveRelated: vi.fn(async () => null),
    exportArticles: vi.fn(),
    openExported: vi.fn(),
    firstScreen: vi.fn(async (listRows: number) => {
      const working = articles.filter((a) => !a.trashed_at);
      const newest = working[0];
      return { view: newest ? view(newest) : null, list_total: working.length, list_rows: working.slice(0, listRows).map(summary) };
    }),
    listRevisions: vi.fn(async (_id: number): Promise<RevisionInfo[]> => []),
    compareRevision: vi.fn(),
    restoreRevision: vi.fn(),
    revisionRetention: vi.fn(async () => 'Every revision from the last 24 hours is kept.'),
    listConflicts: vi.fn(async () => [...conflicts]),
    compareConflict: vi.fn(),
    resolveConflict: vi.fn(),
    workspaceStatus: vi.fn(async (): Promise<WorkspaceStatus> => ({ root: '/home/ana/Documents/Newsroom', mode: 'native', reason: null })),
    chooseWorkspace: vi.fn(async (path: string): Promise<WorkspaceStatus> => ({ root: path, mode: 'native', reason: null })),
    listSites: vi.fn(async (): Promise<Site[]> => [...sites]),
    addSite: vi.fn(async (form: SiteForm, _secret: string, _inFile: boolean): Promise<Site | null> => {
      const site: Site = { name: form.name, kind: form.kind, url: form.url, user: form.user, secret: { kind: 'keychain' } };
      sites.push(site);
      return site;
    }),
    removeSite: vi.fn(async (name: string) => sites.splice(sites.findIndex((s) => s.name === name), 1)[0]!),
    publishArticle: vi.fn(),
    cancelPublish: vi.fn(async () => true),
    articlePublications: vi.fn(async (_id: number): Promise<Publication[]> => []),
    openPublishedPost: vi.fn(async () => null),
    proofread: vi.fn(async (_id: number, text: string): Promise<Problem[]> => fakeProblems(text, dictionary)),
    // As the core: one word, kept once, listed sorted.
    addToDictionary: vi.fn(async (word: string) => {
      if (!word.trim() || /\s/.test(word.trim())) throw { kind: 'invalid', message: `“${word}” is not one word; add words one at a time` };
      if (!dictionary.includes(word.trim())) dictionary.push(word.trim());
      dictionary.sort();
      return null;
    }),
    removeFromDictionary: vi.fn(async (word: string) => {
      if (dictionary.includes(word)) dictionary.splice(dictionary.indexOf(word), 1);
      return null;
    }),
    dictionaryWords: vi.fn(async () => [...dictionary]),
    proofingLanguages: vi.fn(async () => ({
      default: { code: 'en_US', name: 'English (United States)' },
      available: [
        { code: 'en_US', name: 'English (United States)' },
        { code: 'en_GB', name: 'English (United Kingdom)' },
      ],
    })),
    checksAsYouType: vi.fn(async () => checking.asYouType),
    setChecksAsYouType: vi.fn(async (on: boolean) => {
      checking.asYouType = on;
      return null;
    }),
    onPublishProgress: vi.fn(async (handler: (step: PublishProgress) => void) => {
      progressListeners.push(handler);
      return () => progressListeners.splice(progressListeners.indexOf(handler), 1);
    }),
    onSync: vi.fn(async (handler: (event: SyncEvent) => void) => {
      listeners.push(handler);
      return () => listeners.splice(listeners.indexOf(handler), 1);
    }),
  };
  /** Sends a workspace sync event as the shell would. */
  const emit = (event: SyncEvent) => {
    for (const l of listeners) l(event);
  };
  /** Announces a publishing step as the shell would. */
  const progress = (step: PublishProgress) => {
    for (const l of progressListeners) l(step);
  };
  return { ipc: ipc as unknown as Ipc & typeof ipc, articles, conflicts, sites, emit, progress };
}
