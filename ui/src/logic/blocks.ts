/**
 * The preview's HTML as a list of top-level blocks, and what changed between two such lists.
 *
 * Typing changes one block (or a few); re-parsing the whole 10,000-word document on every
 * keystroke costs more than a frame. So the preview keeps the blocks it shows and replaces only
 * the changed run. Blocks are compared without their `data-sourcepos` attributes: a new line near
 * the top shifts every later block's line numbers without changing what it shows, and those
 * attributes are then rewritten in place (cheap) rather than re-parsed.
 *
 * The HTML is the core's sanitized output: well-formed, attribute values quoted, `<` and `>`
 * escaped in text. Anything that does not split cleanly yields `null` and the caller falls back
 * to replacing everything.
 */

export interface Block {
  /** The block's HTML as rendered. */
  html: string;
}

/**
 * Whether two blocks show the same thing: equal HTML (the common case, no copying), else equal
 * HTML once the `data-sourcepos` attributes are left out.
 */
export function sameBlock(a: Block, b: Block): boolean {
  return a.html === b.html || a.html.replace(SOURCEPOS, '') === b.html.replace(SOURCEPOS, '');
}

/** Elements that never have a closing tag. */
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
// A start or end tag (attribute values may hold `>`), or a comment.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s(?:[^>"']|"[^"]*"|'[^']*')*?)?)(\/?)>|<!--[\s\S]*?-->/g;
const SOURCEPOS = / data-sourcepos="[^"]*"/g;
const SOURCEPOS_VALUE = /data-sourcepos="([^"]*)"/g;

/**
 * Splits HTML into its top-level nodes (elements, and comments such as comrak's "raw HTML
 * omitted"), or `null` when it is not a plain run of them (text at the top level, unbalanced tags).
 */
export function splitBlocks(html: string): Block[] | null {
  const blocks: Block[] = [];
  const stack: string[] = [];
  let start = -1;
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    if (stack.length === 0 && html.slice(last, m.index).trim() !== '') return null;
    if (m[2] === undefined) {
      last = TAG.lastIndex;
      // A comment at the top level is a block of its own; inside an element it is content.
      if (stack.length === 0) blocks.push({ html: m[0] });
      continue;
    }
    const name = m[2].toLowerCase();
    const closing = m[1] === '/';
    if (stack.length === 0) {
      if (closing) return null;
      start = m.index;
    }
    if (closing) {
      if (stack.pop() !== name) return null;
    } else if (!VOID.has(name) && m[4] !== '/') {
      stack.push(name);
    }
    last = TAG.lastIndex;
    if (stack.length === 0) {
      blocks.push({ html: html.slice(start, last) });
    }
  }
  if (stack.length > 0 || html.slice(last).trim() !== '') return null;
  return blocks;
}

/**
 * The run that changed: blocks `[start, oldEnd)` of `before` become `[start, newEnd)` of `after`;
 * everything before `start` and from the ends on shows the same (its source positions may differ).
 */
export interface BlockChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function diffBlocks(before: readonly Block[], after: readonly Block[]): BlockChange {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && sameBlock(before[start]!, after[start]!)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && sameBlock(before[oldEnd - 1]!, after[newEnd - 1]!)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** The `data-sourcepos` values in a block's HTML, in document order. */
export function sourcepositions(html: string): string[] {
  return Array.from(html.matchAll(SOURCEPOS_VALUE), (m) => m[1]!);
}
