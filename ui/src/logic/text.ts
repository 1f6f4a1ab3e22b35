/**
 * Word stats, headline length and file sizes as the editor reads them. The words themselves are
 * counted by the core (model.rs `count_words`): the UI shows the count a save returns.
 */

/** Minutes a reader needs at 230 words a minute, never less than one (as the core). */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / 230));
}

const numberFormat = new Intl.NumberFormat('en-US');

/** "1,234 words · 6 min read". */
export function formatWordStats(words: number): string {
  const w = `${numberFormat.format(words)} ${words === 1 ? 'word' : 'words'}`;
  return `${w} · ${readingMinutes(words)} min read`;
}

/** Headlines longer than this get cut in search results and social cards. */
export const HEADLINE_SOFT_LIMIT = 70;

export interface HeadlineHint {
  length: number;
  level: 'empty' | 'ok' | 'long';
  message: string;
}

/** The length hint shown under the headline field. */
export function headlineHint(headline: string): HeadlineHint {
  const length = [...headline.trim()].length;
  if (length === 0) return { length, level: 'empty', message: 'A headline is needed' };
  if (length > HEADLINE_SOFT_LIMIT) {
    return {
      length,
      level: 'long',
      message: `${length}/${HEADLINE_SOFT_LIMIT} — ${length - HEADLINE_SOFT_LIMIT} over; search engines may cut it`,
    };
  }
  return { length, level: 'ok', message: `${length}/${HEADLINE_SOFT_LIMIT}` };
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
