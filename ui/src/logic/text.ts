/** Word count, reading time and headline length: the numbers an editor watches while writing. */

/** Rust's `char::is_alphanumeric`: the Alphabetic property or a numeric category. */
const WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;

/** Rust's `char::is_whitespace`. */
const SPACE = /\p{White_Space}/u;

/**
 * Counts words exactly as the core does (model.rs `count_words`), so the status bar agrees with
 * the library: what a reader reads. Runs of letters or digits, inner apostrophes and hyphens kept
 * ("don't", "well-known"), numbers with separators ("114,000"). Link and image destinations
 * (`](https://…)`, `](photo:12 "caption")`) and `<https://…>` autolinks are not read, so not counted.
 */
export function countWords(text: string): number {
  const chars = [...text];
  let count = 0;
  let inWord = false;
  let prevJoiner = false;
  let prevDigit = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    let skipTo = -1;
    if (c === ']' && next === '(') skipTo = closingParen(chars, i + 1);
    else if (c === '<' && next !== undefined && /[A-Za-z]/.test(next)) skipTo = autolinkEnd(chars, i + 1);
    if (skipTo >= 0) {
      i = skipTo;
      inWord = false;
      prevJoiner = false;
      continue;
    }
    if (WORD_CHAR.test(c)) {
      if (!inWord) {
        count++;
        inWord = true;
      }
      prevJoiner = false;
      prevDigit = c >= '0' && c <= '9';
    } else if (inWord && !prevJoiner && (c === "'" || c === '’' || c === '-' || (prevDigit && (c === ',' || c === '.')))) {
      prevJoiner = true;
    } else {
      inWord = false;
      prevJoiner = false;
    }
  }
  return count;
}

/**
 * Index of the `)` closing the destination that opens at `open`, nested parentheses included;
 * -1 when it does not close on its line (then it was prose, not a destination).
 */
function closingParen(chars: string[], open: number): number {
  let depth = 0;
  for (let i = open; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\n') return -1;
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `>` ending a `<scheme:…>` autolink whose text starts at `start`, else -1. */
function autolinkEnd(chars: string[], start: number): number {
  let i = start;
  let colon = false;
  while (i < chars.length && chars[i] !== '>' && chars[i] !== '\n') {
    if (SPACE.test(chars[i])) return -1;
    if (chars[i] === ':') colon = true;
    i++;
  }
  return colon && chars[i] === '>' ? i : -1;
}

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
