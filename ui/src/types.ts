/**
 * The JSON shapes the Tauri shell sends and accepts (docs/IPC.md), mirroring the core's serde model.
 * Timestamps are Unix seconds.
 */

export type Status = 'draft' | 'editing' | 'ready' | 'published' | 'archived';

/** Every status in workflow order, for filters and labels. */
export const STATUSES: readonly Status[] = ['draft', 'editing', 'ready', 'published', 'archived'];

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

export interface ArticleSummary {
  id: number;
  slug: string;
  headline: string;
  section: string;
  status: Status;
  byline: string;
  updated_at: number;
  word_count: number;
  featured_photo: number | null;
  /** The label above the headline; '' when none. */
  kicker: string;
  /** Unix seconds before which the story must not go out; null when none. */
  embargo: number | null;
}

export interface Article {
  id: number;
  /** The article's name in its workspace file, the same in every desk's library. */
  uid: string;
  slug: string;
  headline: string;
  dek: string;
  byline: string;
  section: string;
  tags: string[];
  status: Status;
  dateline: string;
  body: string;
  featured_photo: number | null;
  author_id: number | null;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  trashed_at: number | null;
  word_count: number;
  /** The short label above the headline ("Analysis", "Exclusive"); '' when none. */
  kicker: string;
  /** The headline for search engines (`<title>`, JSON-LD); '' means the headline. */
  seo_headline: string;
  /** The headline for social cards (Open Graph, Twitter); '' means the headline. */
  social_headline: string;
  /** Unix seconds before which the story must not go out; null when none. */
  embargo: number | null;
  /** The planned length in words (1 or more); null when none. */
  words_planned: number | null;
  /** The language the body is spell-checked in (`en_GB`); '' means the library's default. */
  language: string;
}

export interface PhotoFile {
  hash: string;
  format: ImageFormat;
  width: number;
  height: number;
  bytes: number;
  original_name: string;
}

export interface Photo {
  id: number;
  caption: string;
  credit: string;
  alt: string;
  /** `null` while the photo awaits its image file. */
  file: PhotoFile | null;
  created_at: number;
  trashed_at: number | null;
}

export type PhotoRole = 'featured' | 'inline';

export interface PhotoUse {
  article_id: number;
  photo: Photo;
  role: PhotoRole;
  position: number;
  caption_override: string | null;
}

export interface InternalLink {
  id: number;
  title: string;
  position: number;
}

export interface ExternalLink {
  url: string;
  title: string;
  position: number;
}

export type RelatedLink = InternalLink | ExternalLink;

export interface SearchHit {
  article: ArticleSummary;
  /** Plain text; matched words between « and ». */
  snippet: string;
}

export interface SaveReceipt {
  updated_at: number;
  word_count: number;
  /** Minutes a reader needs for `word_count` (the core's rule). */
  reading_minutes: number;
  revision: number | null;
  changed: boolean;
  /** The article had changed since the save's base: both versions were kept and it is in conflict. */
  conflict: boolean;
}

export interface ArticleView {
  article: Article;
  /** Minutes a reader needs for the article's words (the core's rule). */
  reading_minutes: number;
  photos: PhotoUse[];
  related: RelatedLink[];
  backlinks: ArticleSummary[];
  preview_html: string;
  allowed_statuses: Status[];
  /** Printed at the end of the story, oldest first. */
  corrections: Correction[];
  /** The desk's private notes, oldest first; never exported or published. */
  notes: DeskNote[];
}

/** A correction puts right what the story got wrong; an update adds what happened since. */
export type CorrectionKind = 'correction' | 'update';

/** A dated line appended to a published story (only ever added, never changed). */
export interface Correction {
  kind: CorrectionKind;
  /** One paragraph: the core joins its lines. */
  text: string;
  at: number;
}

/** A note for the desk about a story ("legal to check para 4"). */
export interface DeskNote {
  text: string;
  at: number;
}

export interface PhotoEntry {
  photo: Photo;
  usage: ArticleSummary[];
}

export interface ExportReport {
  pages: string[];
  images: string[];
  index: string | null;
}

/** What the window needs for its first paint (`first_screen`). */
export interface FirstScreen {
  /** The most recently updated article, opened; null for an empty library. */
  view: ArticleView | null;
}

export interface ArticleFilter {
  status?: Status;
  section?: string;
  trashed?: boolean;
  limit?: number;
  offset?: number;
}

/** A day on the desk's calendar: Unix seconds from its midnight (included) to the next (excluded). */
export interface Day {
  start: number;
  end: number;
}

/** The story budget's columns, as it sorts by them (the core's `BudgetSort`). */
export type BudgetSort = 'slug' | 'headline' | 'section' | 'status' | 'planned' | 'words' | 'time' | 'byline' | 'photos' | 'note';

/** Which stories the budget lists (`budget_page`); a field left out does not filter. */
export interface BudgetQuery {
  day?: Day;
  section?: string;
  status?: Status;
  sort?: BudgetSort;
  descending?: boolean;
  offset?: number;
  limit?: number;
}

/** What a budget row's `time` is: the embargo, the first publication, or (neither) the last change. */
export type TimeKind = 'embargo' | 'published' | 'updated';

/** One story on the budget. */
export interface BudgetRow {
  id: number;
  slug: string;
  headline: string;
  section: string;
  status: Status;
  words_planned: number | null;
  word_count: number;
  /** Unix seconds: the moment the story's day is counted by, as `time_kind` says. */
  time: number;
  time_kind: TimeKind;
  byline: string;
  /** A featured photo with its image, caption, credit and alt text. */
  photos_ready: boolean;
  last_note: DeskNote | null;
}

export interface BudgetPage {
  rows: BudgetRow[];
  /** How many stories the query matches in all. */
  total: number;
}

/** What `export_budget_csv` wrote: the file chosen in the shell's save dialog, and how many stories. */
export interface BudgetExport {
  path: string;
  rows: number;
}

export interface ArticlePatch {
  headline?: string;
  dek?: string;
  byline?: string;
  section?: string;
  tags?: string[];
  dateline?: string;
  slug?: string;
  status?: Status;
  kicker?: string;
  seo_headline?: string;
  social_headline?: string;
  /** `null` lifts the embargo; left out, it stays as it is. */
  embargo?: number | null;
  /** `null` drops the plan; left out, it stays as it is. */
  words_planned?: number | null;
  /** A language tag (`en-GB`, `fr`); '' checks the article in the library's default. */
  language?: string;
}

export interface PhotoPatch {
  caption?: string;
  credit?: string;
  alt?: string;
}

export type RelatedTarget = { id: number } | { url: string };

/** The error every command rejects with, whatever went wrong. */
export interface UiError {
  kind: string;
  message: string;
}

export function isInternalLink(link: RelatedLink): link is InternalLink {
  return 'id' in link;
}

/** Why a revision was recorded (the core's `RevisionCause`). */
export type RevisionCause = 'typing' | 'manual' | 'external' | 'import' | 'restore' | 'conflict';

/** A revision without its text, for the history list. */
export interface RevisionInfo {
  number: number;
  created_at: number;
  cause: RevisionCause;
  headline: string;
  word_count: number;
}

export interface Revision extends RevisionInfo {
  article_id: number;
  dek: string;
  body: string;
  /** The desk's fields, corrections and notes as they stood, one line each ("Kicker: Analysis"). */
  desk: string;
}

/** Part of a line; in a `changed` row, `changed` marks the words that differ from the other side. */
export interface DiffSpan {
  text: string;
  changed: boolean;
}

export interface DiffLine {
  /** 1-based line number in that side's text. */
  number: number;
  spans: DiffSpan[];
}

export type DiffRowKind = 'same' | 'changed' | 'added' | 'removed' | 'folded';

export interface DiffRow {
  kind: DiffRowKind;
  left: DiffLine | null;
  right: DiffLine | null;
  /** How many unchanged lines a `folded` row stands for. */
  hidden: number;
}

export interface DiffStats {
  changed: number;
  added: number;
  removed: number;
  identical: boolean;
}

/** Two texts compared for a side-by-side view (the core's `diff::SideBySide`). */
export interface SideBySide {
  rows: DiffRow[];
  stats: DiffStats;
}

/** A revision set against the current article: left is the revision, right the current text. */
export interface RevisionComparison {
  revision: Revision;
  preview_html: string;
  headline_diff: SideBySide | null;
  dek_diff: SideBySide | null;
  /** The desk's fields, corrections and notes compared; restoring brings back the text only. */
  desk_diff: SideBySide | null;
  body_diff: SideBySide;
}

/** An article whose file and app version both changed since they last agreed. */
export interface Conflict {
  article_id: number;
  /** The revision holding the file's version. */
  file_revision: number;
  /** The revision holding the app's version when the conflict was found. */
  app_revision: number;
  detected_at: number;
  /** The article's file, relative to the workspace folder. */
  path: string;
}

/** The texts of one side of a conflict. */
export interface ConflictSide {
  headline: string;
  dek: string;
  body: string;
}

/** A conflict with both sides compared: left is the app's version, right the file's. */
export interface ConflictComparison {
  conflict: Conflict;
  app: ConflictSide;
  file: ConflictSide;
  headline_diff: SideBySide | null;
  dek_diff: SideBySide | null;
  body_diff: SideBySide;
}

/** How an editor ends a conflict. */
export type Resolution = { take: 'app' } | { take: 'file' } | { take: 'merged'; body: string };

/** Where the workspace folder is and how it is watched. */
export interface WorkspaceStatus {
  root: string | null;
  mode: 'native' | 'polling' | 'off';
  reason: string | null;
}

/** A file the sync could not take in, with a sentence for the editor. */
export interface FileProblem {
  path: string;
  message: string;
}

/** What the workspace sync did or noticed (the shell's `sync` event), tagged by `event`. */
export type SyncEvent =
  | { event: 'ready' }
  | { event: 'articles_changed'; ids: number[] }
  | { event: 'created'; ids: number[] }
  | { event: 'trashed'; ids: number[] }
  | { event: 'files_written'; ids: number[] }
  | { event: 'files_removed'; paths: string[] }
  | { event: 'conflicts'; ids: number[] }
  | { event: 'problems'; problems: FileProblem[] }
  | { event: 'photos_added'; ids: number[] }
  | { event: 'watching_by_polling'; reason: string }
  | { event: 'library_changed_elsewhere' }
  | { event: 'error'; message: string };

/** The CMS behind a site. */
export type SiteKind = 'wordpress' | 'ghost';

/** A site articles are published to; its secret is never sent, only where it is kept. */
export interface Site {
  name: string;
  kind: SiteKind;
  /** `https://…` without a trailing slash. */
  url: string;
  /** The account that publishes (WordPress). */
  user: string | null;
  secret: { kind: 'keychain' } | { kind: 'file'; path: string };
}

/** A site as the editor describes it in the Sites dialog (`user` for WordPress only). */
export interface SiteForm {
  name: string;
  kind: SiteKind;
  url: string;
  user: string | null;
}

/** How the post should stand on the site; `at` in Unix seconds. */
export type StatusChoice = { status: 'draft' } | { status: 'publish' } | { status: 'scheduled'; at: number };

/** What a publish did. */
export interface PublishOutcome {
  site: string;
  post_id: string;
  /** Where the post is on the site. */
  url: string;
  /** The post's state as the site says it (`draft`, `publish`, `future`…). */
  status: string;
  /** A new post (`false`: the article's post was updated). */
  created: boolean;
  photos_uploaded: number;
  photos_reused: number;
}

/** A post edited on the site after it was last published from here. */
export interface WebEdit {
  site: string;
  post_id: string;
  url: string;
  /** When the site says the post last changed (its UTC, e.g. `2026-12-04T09:30:00`). */
  web_modified: string;
  recorded_modified: string;
  web_title: string;
  /** The body as the site stores it (WordPress's block markup). */
  web_body: string;
}

/** The site's version (left) beside Newsroom's (right). */
export interface WebEditComparison {
  article_id: number;
  edit: WebEdit;
  /** The article's headline, as Newsroom would send it. */
  headline: string;
  headline_diff: SideBySide | null;
  body_diff: SideBySide;
}

/** How a publish ended when it did not fail. */
export type PublishAnswer =
  | ({ result: 'published' } & PublishOutcome)
  | ({ result: 'edited_on_the_web' } & WebEditComparison);

/** One step of a publish (`publish_progress` event). */
export interface PublishProgress {
  article_id: number;
  line: string;
}

/** One publication of an article, for its history. */
export interface Publication {
  site: string;
  site_url: string;
  post_id: string;
  url: string;
  /** The post's state as the site reported it then. */
  status: string;
  published_at: number;
}

/** What `proofread` flags: a word not in the dictionary, or a grammar problem (English). */
export type ProblemKind = 'spelling' | 'grammar';

/**
 * A problem `proofread` found in the text it was given: `from` and `to` count UTF-16 code units
 * (CodeMirror's positions when the text is the editor's document).
 */
export interface Problem {
  from: number;
  to: number;
  kind: ProblemKind;
  /** A sentence for the editor ("“teh” is not in the dictionary."). */
  message: string;
  /** The text flagged, as written. */
  word: string;
  /** At most five replacements for [from, to), best first; '' deletes it. */
  suggestions: string[];
}

/** A language an article can be spell-checked in: `code` is what `language` takes. */
export interface LanguageChoice {
  code: string;
  /** "English (United Kingdom)". */
  name: string;
}

/** What `proofing_languages` answers: the library's default and every dictionary on this computer. */
export interface ProofingLanguages {
  default: LanguageChoice;
  available: LanguageChoice[];
}
