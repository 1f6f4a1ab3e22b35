/** Reordering the related-posts list: the move the UI shows at once, then confirms with `move_related`. */

export interface Positioned {
  position: number;
}

/** `items` with the one at index `from` moved to index `to`, positions renumbered 1, 2, 3... */
export function moveItem<T extends Positioned>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return renumber(items);
  const out = [...items];
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved!);
  return renumber(out);
}

/** Positions renumbered 1..n in array order (the core's numbering). */
export function renumber<T extends Positioned>(items: readonly T[]): T[] {
  return items.map((item, i) => (item.position === i + 1 ? item : { ...item, position: i + 1 }));
}

/** Target index for a keyboard move: Alt+ArrowUp/Down, Home/End style. */
export function keyboardTarget(key: string, index: number, length: number): number | null {
  switch (key) {
    case 'ArrowUp':
      return index > 0 ? index - 1 : null;
    case 'ArrowDown':
      return index < length - 1 ? index + 1 : null;
    case 'Home':
      return index > 0 ? 0 : null;
    case 'End':
      return index < length - 1 ? length - 1 : null;
    default:
      return null;
  }
}
