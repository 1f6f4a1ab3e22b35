/**
 * Dates in English words, never through `Intl`, so "Thu 3 Dec, 18:00" reads the same in every
 * engine and locale. The helpers that take a moment read this computer's wall clock: the embargo
 * (typed in that zone) and the desk's notes (read by the people at this desk).
 */
import { pad } from './localTime';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "18:00", the 24-hour clock newsrooms use for deadlines. */
export function clock(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Whether two moments (Unix seconds) fall in the same calendar year on this computer. */
export function sameYear(seconds: number, now: number): boolean {
  return new Date(seconds * 1000).getFullYear() === new Date(now * 1000).getFullYear();
}

/** "3 Dec 18:00", with the year when it is not this one ("3 Dec 2027 18:00"): short enough for a badge or a list. */
export function shortStamp(seconds: number, now: number): string {
  const d = new Date(seconds * 1000);
  const year = sameYear(seconds, now) ? '' : ` ${d.getFullYear()}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]!.slice(0, 3)}${year} ${clock(seconds)}`;
}
