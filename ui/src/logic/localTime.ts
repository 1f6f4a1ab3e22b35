/**
 * Times as a `datetime-local` field holds them: wall-clock text in this computer's time zone,
 * to the minute, which the core stores as Unix seconds. Both the Publish dialog's schedule and the
 * article's embargo are written this way, so the two never disagree about what "18:00" means.
 */

/** Unix seconds as a datetime-local field's value, in this computer's time zone, to the minute. */
export function unixToLocalDateTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A datetime-local field's value ("2026-12-05T09:00", seconds optional) as Unix seconds, read in
 * this computer's time zone; `null` when it is not a real date and time (Feb 30, 25:00, empty, or
 * an hour the clocks skip when summer time starts).
 */
export function localDateTimeToUnix(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute, second);
  const same =
    date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day && date.getHours() === hour && date.getMinutes() === minute;
  return same ? Math.floor(date.getTime() / 1000) : null;
}

/** This computer's time zone as the editor knows it ("Europe/Stockholm"), named beside time fields. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Two digits, as clocks write hours and minutes ("09"). */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
