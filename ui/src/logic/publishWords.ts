/**
 * How publishing's times and statuses are written for the editor: the article's publications in
 * the inspector, and the site's side of a web edit. (Kept apart from the Publish dialog's logic,
 * publishing.ts, which loads with the dialog: this part is on the first screen.)
 */
import type { Publication } from '../types';
import { unixToLocalDateTime } from './localTime';

/** A post status as the site words it, in the editor's words. */
export function postStatusLabel(status: string): string {
  switch (status) {
    case 'publish':
    case 'published':
      return 'published';
    case 'future':
    case 'scheduled':
      return 'scheduled';
    case 'pending':
      return 'pending review';
    default:
      return status;
  }
}

/** Unix seconds as "2026-12-04 10:12", this computer's time. */
export function formatStamp(seconds: number): string {
  return unixToLocalDateTime(seconds).replace('T', ' ');
}

/** A publication in the article's list, before its time: "Published to The Daily · draft". */
export function publicationLine(p: Publication): string {
  return `Published to ${p.site} · ${postStatusLabel(p.status)}`;
}

/**
 * A time as a site states it, as Unix seconds: WordPress's `modified_gmt` has no offset and is UTC
 * ("2026-12-04T09:30:00"); one with an offset or `Z` is read as written. `null` when unreadable.
 */
export function siteTimeToUnix(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t)) return null;
  const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** The heading of the site's side of a web edit: "On the site (edited 2026-12-04 10:12)". */
export function webSideLabel(site: string, modified: string): string {
  const at = siteTimeToUnix(modified);
  return at === null ? `On ${site}` : `On ${site} (edited ${formatStamp(at)})`;
}
