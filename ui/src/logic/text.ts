/**
 * Word stats, headline lengths and file sizes as the editor reads them. The words and the reading
 * time are the core's (model.rs `count_words`, `reading_minutes`): the UI shows what a save or an
 * opened article returns.
 */

const numberFormat = new Intl.NumberFormat('en-US');

/** "1,234", as the status bar writes counts. */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1,234 words · 6 min read". */
export function formatWordStats(words: number, minutes: number): string {
  return `${formatCount(words)} ${words === 1 ? 'word' : 'words'} · ${formatReadingTime(minutes)}`;
}

/** "6 min read". */
export function formatReadingTime(minutes: number): string {
  return `${formatCount(minutes)} min read`;
}

/** Headlines longer than this get cut in search results and social cards. */
export const HEADLINE_SOFT_LIMIT = 70;

/** Search engines show about this many characters of a title (the core's `SEO_HEADLINE_HINT`). */
export const SEO_HEADLINE_LIMIT = 60;

export interface HeadlineHint {
  length: number;
  level: 'empty' | 'ok' | 'long';
  message: string;
}

/** The length hint shown under the headline field. */
export function headlineHint(headline: string): HeadlineHint {
  const length = characters(headline);
  if (length === 0) return { length, level: 'empty', message: 'A headline is needed' };
  return counted(length, HEADLINE_SOFT_LIMIT, 'search engines may cut it');
}

/**
 * The counter under the SEO headline. While it is empty search engines get the headline, so the
 * counter measures that instead and says so: the editor sees whether the fallback fits too.
 */
export function seoHeadlineHint(seo: string, headline: string): HeadlineHint {
  const own = characters(seo);
  if (own > 0) return counted(own, SEO_HEADLINE_LIMIT, 'search engines may cut it');
  const fallback = counted(characters(headline), SEO_HEADLINE_LIMIT, 'they may cut it');
  return { ...fallback, message: `Search engines get the headline: ${fallback.message}` };
}

/** "52/60", or "75/60 — 15 over; …" past the limit (level `long`: the warning colour). */
function counted(length: number, limit: number, overNote: string): HeadlineHint {
  if (length > limit) return { length, level: 'long', message: `${length}/${limit} — ${length - limit} over; ${overNote}` };
  return { length, level: 'ok', message: `${length}/${limit}` };
}

/** Characters as a reader counts them (an emoji is one), around the text's trimmed ends. */
function characters(text: string): number {
  return [...text.trim()].length;
}

/** "12.3 MB", "840 KB", "512 B". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
