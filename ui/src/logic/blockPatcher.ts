/**
 * Keeps a container showing the latest preview HTML while touching as little of its DOM as it
 * can: only the run of top-level blocks that changed is parsed and replaced, and the blocks after
 * it (whose source lines may have moved) get their `data-sourcepos` attributes rewritten in place.
 * See `blocks.ts` for how blocks are found and compared.
 */
import { diffBlocks, sourcepositions, splitBlocks, type Block } from './blocks';

/** What an update did (for tests and the benchmark's curiosity). */
export interface PatchResult {
  /** Everything was replaced (first time, or HTML that does not split into blocks). */
  full: boolean;
  /** Blocks parsed and inserted. */
  inserted: number;
  /** Blocks removed. */
  removed: number;
}

const ELEMENT = 1;
const COMMENT = 8;

export class BlockPatcher {
  /** The blocks shown and their nodes, index for index; `null` when they could not be matched. */
  private blocks: Block[] | null = null;
  private nodes: ChildNode[] = [];
  /** The blocks still to be shown after a staged reset, and the HTML they complete. */
  private rest: { blocks: Block[]; html: string } | null = null;

  constructor(private readonly container: Element) {}

  /** Whether this patcher keeps `container`. */
  showsIn(container: Element): boolean {
    return this.container === container;
  }

  /** Replaces everything (another article, or a fallback). */
  reset(html: string): PatchResult {
    this.rest = null;
    this.container.innerHTML = html;
    const blocks = splitBlocks(html);
    const nodes = topLevel(this.container.childNodes);
    const matched = blocks !== null && blocks.length === nodes.length;
    this.blocks = matched ? blocks : null;
    this.nodes = matched ? nodes : [];
    return { full: true, inserted: nodes.length, removed: 0 };
  }

  /**
   * Replaces everything in two stages: the first `first` blocks now, the others when
   * {@link finish} is called (after the next paint, by the caller). A long article's preview is
   * drawn without first parsing and laying out all of it; an update before then finishes first.
   */
  resetInStages(html: string, first: number): PatchResult {
    const blocks = splitBlocks(html);
    if (!blocks || blocks.length <= first) return this.reset(html);
    const head = blocks.slice(0, first);
    this.container.innerHTML = head.map((b) => b.html).join('');
    const nodes = topLevel(this.container.childNodes);
    if (nodes.length !== head.length) return this.reset(html);
    this.blocks = head;
    this.nodes = nodes;
    this.rest = { blocks: blocks.slice(first), html };
    return { full: true, inserted: nodes.length, removed: 0 };
  }

  /** Shows the blocks a staged reset held back; whether there were any. */
  finish(): boolean {
    const rest = this.rest;
    if (!rest || !this.blocks) return false;
    this.rest = null;
    const fresh = this.parse(rest.blocks);
    if (!fresh) {
      this.reset(rest.html);
      return true;
    }
    this.nodes = [...this.nodes, ...topLevel(fresh.childNodes)];
    this.container.append(fresh);
    this.blocks = [...this.blocks, ...rest.blocks];
    return true;
  }

  /** Shows `html`, replacing only the blocks that changed. */
  update(html: string): PatchResult {
    this.finish();
    const before = this.blocks;
    const after = splitBlocks(html);
    if (!before || !after) return this.reset(html);
    const { start, oldEnd, newEnd } = diffBlocks(before, after);
    const fresh = this.parse(after.slice(start, newEnd));
    if (!fresh) return this.reset(html);
    const next = this.nodes[oldEnd] ?? null;
    for (let i = start; i < oldEnd; i++) this.nodes[i]!.remove();
    const inserted = topLevel(fresh.childNodes);
    this.container.insertBefore(fresh, next);

    this.nodes = [...this.nodes.slice(0, start), ...inserted, ...this.nodes.slice(oldEnd)];
    this.blocks = after;
    // `after[i]` is shown by `this.nodes[i]`; outside the changed run it was `before[i - shift]`.
    const kept = (from: number, to: number, shift: number) => {
      for (let i = from; i < to; i++) {
        const now = after[i]!;
        if (before[i - shift]!.html !== now.html && !rewriteSourcepos(this.nodes[i]!, now.html)) return false;
      }
      return true;
    };
    // Unchanged blocks whose positions moved (a line added above them): rewrite the attributes.
    // Should the structure not match after all, start over from the HTML.
    if (!kept(0, start, 0) || !kept(newEnd, after.length, newEnd - oldEnd)) return this.reset(html);
    return { full: false, inserted: inserted.length, removed: oldEnd - start };
  }

  /** Parses blocks into a fragment of the container's document; `null` if they do not come out as blocks. */
  private parse(blocks: Block[]): DocumentFragment | null {
    const template = this.container.ownerDocument.createElement('template');
    template.innerHTML = blocks.map((b) => b.html).join('');
    return topLevel(template.content.childNodes).length === blocks.length ? template.content : null;
  }
}

function topLevel(list: NodeListOf<ChildNode>): ChildNode[] {
  const out: ChildNode[] = [];
  for (const node of list) if (node.nodeType === ELEMENT || node.nodeType === COMMENT) out.push(node);
  return out;
}

/** Gives `node` and its descendants the source positions in `html`; false if they do not line up. */
function rewriteSourcepos(node: ChildNode, html: string): boolean {
  if (node.nodeType !== ELEMENT) return false;
  const el = node as Element;
  const targets = [...(el.hasAttribute('data-sourcepos') ? [el] : []), ...el.querySelectorAll('[data-sourcepos]')];
  const values = sourcepositions(html);
  if (targets.length !== values.length) return false;
  targets.forEach((t, i) => {
    if (t.getAttribute('data-sourcepos') !== values[i]) t.setAttribute('data-sourcepos', values[i]!);
  });
  return true;
}
