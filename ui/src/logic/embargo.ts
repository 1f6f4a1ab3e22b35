/**
 * How an embargo is written for the editor: the line under the Embargo field, and the badge on a
 * library row. Times are this computer's wall clock (the zone the Embargo field is typed in) and
 * spelled out in English words, so "Thu 3 Dec, 18:00" reads the same in every engine and locale.
 */
import { MONTHS, WEEKDAYS, clock, sameYear, shortStamp } from './calendar';
import { localDateTimeToUnix, localTimeZone } from './localTime';

/** Whether the embargo still holds at `now` (Unix seconds), as the core decides (`Article::embargoed_at`). */
export function embargoHolds(embargo: number | null, now: number): embargo is number {
  return embargo !== null && embargo > now;
}

/**
 * The line under the Embargo field: what the embargo means now. `null` without one. The year is
 * written only when it is not this year's.
 */
export function embargoLine(embargo: number | null, now: number): { text: string; holds: boolean } | null {
  if (embargo === null) return null;
  const when = `${shortDay(embargo, now)}, ${clock(embargo)}`;
  return embargoHolds(embargo, now)
    ? { text: `Embargoed until ${when} — must not go out before then.`, holds: true }
    : { text: `The embargo ended ${when}; the story may go out.`, holds: false };
}

/**
 * The badge of a library row whose embargo still holds ("Embargo 3 Dec 18:00"), with its full
 * date, time and zone for the tooltip; `null` when there is none or it has ended.
 */
export function embargoBadge(embargo: number | null, now: number): { text: string; title: string } | null {
  if (!embargoHolds(embargo, now)) return null;
  const d = new Date(embargo * 1000);
  const full = `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${clock(embargo)}`;
  return { text: `Embargo ${shortStamp(embargo, now)}`, title: `Embargoed until ${full} (${localTimeZone()} time)` };
}

/**
 * What the Embargo field holds, as the patch's value: Unix seconds, or `null` to lift it when the
 * field was emptied. `badInput`: the field holds a date or time the browser could not read (one
 * left half typed), which must never be mistaken for an emptied field and lift the embargo.
 */
export function readEmbargo(value: string, badInput: boolean): { ok: number | null } | { error: string } {
  if (value.trim() === '' && !badInput) return { ok: null };
  const at = localDateTimeToUnix(value);
  if (at === null) return { error: 'That is not a whole date and time: fill in the day, month, year, hour and minute, or use Lift embargo.' };
  return { ok: at };
}

/** "Thu 3 Dec", with the year when it is not this one ("Thu 3 Dec 2027"). */
function shortDay(seconds: number, now: number): string {
  const d = new Date(seconds * 1000);
  const day = `${WEEKDAYS[d.getDay()]!.slice(0, 3)} ${d.getDate()} ${MONTHS[d.getMonth()]!.slice(0, 3)}`;
  return sameYear(seconds, now) ? day : `${day} ${d.getFullYear()}`;
}
