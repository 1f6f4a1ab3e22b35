/**
 * The story budget's rules, apart from the DOM: which day a date field means, how a click on a
 * column header changes the order, and how each cell of a story reads. Times are this computer's
 * wall clock, the zone the embargo is typed in.
 */
import { MONTHS, WEEKDAYS, clock, shortStamp } from './calendar';
import { localTimeZone, pad } from './localTime';
import { formatCount } from './text';
import { wordTarget } from './wordTarget';
import type { BudgetRow, BudgetSort, Day, Status, TimeKind } from '../types';

/** The columns, in the table's order; `title` is the header's tooltip where the name needs one. */
export const BUDGET_COLUMNS: readonly { sort: BudgetSort; label: string; title?: string }[] = [
  { sort: 'slug', label: 'Slug' },
  { sort: 'headline', label: 'Headline' },
  { sort: 'section', label: 'Section' },
  { sort: 'status', label: 'Status', title: 'Sorted in workflow order: draft, in edit, ready, published, archived' },
  { sort: 'planned', label: 'Planned', title: 'The planned length in words' },
  { sort: 'words', label: 'Words', title: 'The length written; amber when more than a tenth off the plan' },
  { sort: 'time', label: 'Time', title: 'The embargo; without one, when the story was published; otherwise when it was last changed' },
  { sort: 'byline', label: 'Byline' },
  { sort: 'photos', label: 'Photos', title: 'Ready: a featured photo with its image, caption, credit and alt text' },
  { sort: 'note', label: 'Last desk note', title: 'The newest note for the desk; sorted by when it was written' },
];

/** How a story is counted into a day: the Day field's tooltip, and the docs' rule. */
export function dayRule(zone = localTimeZone()): string {
  return `A story belongs to the day of its embargo; without one, the day it was published; otherwise the day it was last changed. Days run from midnight to midnight, ${zone} time.`;
}

/** The order the budget is in. */
export interface BudgetOrder {
  sort: BudgetSort;
  descending: boolean;
}

/** The desk's running order: by time, earliest first. */
export const DEFAULT_ORDER: BudgetOrder = { sort: 'time', descending: false };

/** A click on `column`'s header: the same column again reverses the order, another one sorts by it, ascending. */
export function nextOrder(order: BudgetOrder, column: BudgetSort): BudgetOrder {
  return order.sort === column ? { sort: column, descending: !order.descending } : { sort: column, descending: false };
}

/** The header's `aria-sort`. */
export function ariaSort(order: BudgetOrder, column: BudgetSort): 'ascending' | 'descending' | 'none' {
  if (order.sort !== column) return 'none';
  return order.descending ? 'descending' : 'ascending';
}

/** Unix seconds as a date field's value ("2026-12-03"), the day on this computer. */
export function dateValue(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A date field's value as the day it names on this computer: from its midnight to the next, which
 * is 23 or 25 hours away on the days the clocks change. `null` for anything but a real date.
 */
export function dayOf(value: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = m.slice(1).map(Number) as [number, number, number];
  const start = new Date(year, month - 1, day);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== day) return null;
  const end = new Date(year, month - 1, day + 1);
  return { start: Math.floor(start.getTime() / 1000), end: Math.floor(end.getTime() / 1000) };
}

/** The date field's value moved by `days` (the previous and next day buttons). */
export function shiftDate(value: string, days: number): string | null {
  const day = dayOf(value);
  if (!day) return null;
  const d = new Date(day.start * 1000);
  return dateValue(new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime() / 1000);
}

/** "Thursday 3 December 2026", the heading's and the empty sentence's way to name a day. */
export function longDay(value: string): string {
  const day = dayOf(value);
  if (!day) return 'every day';
  const d = new Date(day.start * 1000);
  return `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** What a story's time is called in its cell. */
const TIME_LABELS: Record<TimeKind, string> = { embargo: 'Embargo', published: 'Published', updated: 'Changed' };

/**
 * The Time cell: "Embargo 18:00" on the day shown (the date too when it is another day, or every day
 * is shown), and the full date, time and zone with what the time means for its tooltip.
 */
export function timeCell(row: BudgetRow, shown: Day | null, now: number): { text: string; title: string } {
  const sameDay = shown !== null && row.time >= shown.start && row.time < shown.end;
  const when = sameDay ? clock(row.time) : shortStamp(row.time, now);
  const d = new Date(row.time * 1000);
  const full = `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${clock(row.time)} (${localTimeZone()} time)`;
  const meaning = row.time_kind === 'embargo' ? 'Embargoed until' : row.time_kind === 'published' ? 'Published' : 'Last changed';
  return { text: `${TIME_LABELS[row.time_kind]} ${when}`, title: `${meaning} ${full}` };
}

/** The Words cell: the count, and against the plan (amber past a tenth off, as the status bar). */
export function wordsCell(row: BudgetRow): { text: string; state: 'under' | 'on' | 'over' | null; title: string } {
  const text = formatCount(row.word_count);
  if (row.words_planned === null) return { text, state: null, title: 'No length planned' };
  const target = wordTarget(row.word_count, row.words_planned);
  return { text, state: target.state, title: target.detail };
}

/** The Planned cell: the plan, or a dash for none. */
export function plannedCell(row: BudgetRow): string {
  return row.words_planned === null ? '—' : formatCount(row.words_planned);
}

/** The note as one line for its cell (its line breaks as spaces), and when it was written. */
export function noteCell(row: BudgetRow, now: number): { text: string; title: string } {
  const note = row.last_note;
  if (!note) return { text: '', title: 'No notes for the desk' };
  const text = note.text.split(/\s+/).filter(Boolean).join(' ');
  return { text, title: `${shortStamp(note.at, now)}: ${note.text}` };
}

/** The sentence shown when nothing matches: the day and the filters that left the list empty. */
export function emptySentence(dateField: string, section: string, status: Status | '', statusName: (s: Status) => string): string {
  const filters = [section && `in ${section}`, status && `with the status ${statusName(status)}`].filter(Boolean).join(' ');
  const day = dayOf(dateField) !== null;
  if (!day && !filters) return 'No stories yet: the library is empty.';
  const when = day ? `for ${longDay(dateField)}` : 'on any day';
  return `No stories ${when}${filters ? ` ${filters}` : ''}. ${day ? 'Choose another day or clear a filter.' : 'Clear a filter.'}`;
}

/** "12 stories", the count above the table. */
export function storyCount(total: number): string {
  return `${formatCount(total)} ${total === 1 ? 'story' : 'stories'}`;
}
