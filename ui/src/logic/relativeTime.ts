/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then a date: for the library list. */

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const fullFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** `then` and `now` are Unix seconds. */
export function formatRelative(then: number, now: number): string {
  const diff = now - then;
  if (diff < 45) return 'just now';
  const minutes = Math.round(diff / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(diff / 3600);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(diff / 86400);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return dateFormat.format(new Date(then * 1000));
}

/** The exact time, for tooltips. */
export function formatFull(then: number): string {
  return fullFormat.format(new Date(then * 1000));
}
