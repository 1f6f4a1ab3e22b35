/**
 * How an article's dated entries are written. Corrections and updates are public: the Details tab
 * and the preview date them exactly as the exported page does (export/dates.rs: in UTC, "3 December
 * 2026"), so all three agree on the day even near midnight. (The desk's notes, private, are
 * stamped by this computer's clock instead: calendar.ts `shortStamp`.)
 */
import type { CorrectionKind } from '../types';
import { MONTHS } from './calendar';

/** What the page prints before the date: "Correction", "Update" (the core's `CorrectionKind::label`). */
export function correctionLabel(kind: CorrectionKind): string {
  return kind === 'update' ? 'Update' : 'Correction';
}

/** A date as the exported page prints it. */
export interface PageDate {
  /** RFC 3339 in UTC, for `<time datetime>`: "2026-12-03T17:00:00Z". */
  iso: string;
  /** "3 December 2026", the day in UTC. */
  display: string;
}

/**
 * `at` (Unix seconds) as the page dates it; `null` outside the years 0–9999, which RFC 3339 cannot
 * write: the export then leaves the entry out (a damaged row), and so does the preview.
 */
export function pageDate(at: number): PageDate | null {
  const d = new Date(at * 1000);
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return null;
  return {
    iso: d.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    display: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${year}`,
  };
}

/**
 * The text as the core keeps a correction: one paragraph, its runs of spaces and line breaks made
 * single spaces. The confirmation shows it so, before it is sent.
 */
export function oneParagraph(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}
