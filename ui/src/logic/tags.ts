/**
 * Tags typed as "economy, Sweden;  trade" become a list; the core trims them and leaves out
 * repeats (ignoring case), and the panel shows the list it keeps.
 */

export function parseTags(input: string): string[] {
  return input
    .split(/[,;\n]/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t.length > 0);
}
