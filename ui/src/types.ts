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
}

export interface Article {
  id: number;
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
  revision: number | null;
  changed: boolean;
}

export interface ArticleView {
  article: Article;
  photos: PhotoUse[];
  related: RelatedLink[];
  backlinks: ArticleSummary[];
  preview_html: string;
  allowed_statuses: Status[];
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

export interface PreviewAssets {
  media_base: string;
}

export interface ArticleFilter {
  status?: Status;
  section?: string;
  trashed?: boolean;
  limit?: number;
  offset?: number;
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
