/**
 * The JSON shapes the Tauri shell sends and accepts (docs/IPC.md). They are generated from the
 * Rust types by ts-rs into ./generated/ipc.ts (never edit that file: change the Rust types and run
 * `UPDATE_IPC_TYPES=1 cargo test -p newsroom-desktop --locked ipc_types`); this module re-exports
 * them, beside what is the page's own. Timestamps are Unix seconds.
 */
import type { ErrorKind, RelatedLink, Status } from './generated/ipc';

export type {
  Article,
  ArticleFilter,
  ArticlePatch,
  ArticleSummary,
  ArticleView,
  BudgetExport,
  BudgetPage,
  BudgetQuery,
  BudgetRow,
  BudgetSort,
  Conflict,
  ConflictComparison,
  ConflictSide,
  Correction,
  CorrectionKind,
  Day,
  DeskNote,
  DiffLine,
  DiffRow,
  DiffRowKind,
  DiffSpan,
  DiffStats,
  ErrorKind,
  ExportReport,
  FileProblem,
  FirstScreen,
  ImageFormat,
  LanguageChoice,
  Photo,
  PhotoEntry,
  PhotoFile,
  PhotoPatch,
  PhotoRole,
  PhotoUse,
  PreviewBase,
  PreviewChange,
  PreviewPatch,
  Problem,
  ProblemKind,
  ProofingLanguages,
  Publication,
  PublishAnswer,
  PublishOutcome,
  PublishProgress,
  RelatedLink,
  RelatedTarget,
  Resolution,
  Revision,
  RevisionCause,
  RevisionComparison,
  RevisionInfo,
  SaveReceipt,
  SearchHit,
  ShellEvent,
  SecretPlace,
  SideBySide,
  Site,
  SiteForm,
  SiteKind,
  Status,
  StatusChoice,
  SyncEvent,
  TextEdit,
  TimeKind,
  WebEdit,
  WebEditComparison,
  WorkspaceMode,
  WorkspaceStatus,
} from './generated/ipc';

/** Every status in workflow order, for filters and labels. */
export const STATUSES: readonly Status[] = ['draft', 'editing', 'ready', 'published', 'archived'];

/** A related link to another article of the library, by id. */
export type InternalLink = Extract<RelatedLink, { id: number }>;

/** A related link to a page elsewhere. */
export type ExternalLink = Extract<RelatedLink, { url: string }>;

/**
 * The error every command rejects with, whatever went wrong: the core's kind, or `internal` for
 * what failed on the page's side (the shell unreachable, a rejection without a sentence).
 */
export interface UiError {
  kind: ErrorKind | 'internal';
  message: string;
}

export function isInternalLink(link: RelatedLink): link is InternalLink {
  return 'id' in link;
}
