/**
 * The preview's HTML as a list of top-level blocks, for drawing a long article in stages (the
 * first blocks, then the rest after a paint) and for checking that the nodes shown are those
 * blocks, one for one, so that the core's patches (`newsroom::live_preview`), which count in
 * blocks, can be applied to them.
 *
 * The HTML is the core's sanitized output: well-formed, attribute values quoted, `<` and `>`
 * escaped in text. Anything that does not split cleanly yields `null` and the caller then shows
 * it whole.
 */

export interface Block {
  /** The block's HTML as rendered. */
  html: string;
}

/** Elements that never have a closing tag. */
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
// A start or end tag (attribute values may hold `>`), or a comment.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s(?:[^>"']|"[^"]*"|'[^']*')*?)?)(\/?)>|<!--[\s\S]*?-->/g;

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
