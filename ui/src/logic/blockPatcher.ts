/**
 * Keeps a container showing the latest preview while touching as little of its DOM as it can: the
 * core says which run of top-level blocks changed (`newsroom::live_preview`), only that run is
 * parsed and replaced, and the blocks after it (whose source lines may have moved) get their
 * `data-sourcepos` attributes rewritten in place.
 */
import type { PreviewPatch } from '../types';

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
  /** The nodes showing the blocks, one per block; `null` when they could not be matched. */
  private nodes: ChildNode[] | null = [];
  /** The blocks still to be shown after a staged reset, and all the blocks they complete. */
  private rest: { blocks: string[]; all: string[] } | null = null;

  constructor(private readonly container: Element) {}

  /** Whether this patcher keeps `container`. */
  showsIn(container: Element): boolean {
    return this.container === container;
  }

  /**
   * Replaces everything with `blocks`, the core's top-level blocks (another article, or a
   * fallback). If they do not come out as as many nodes (HTML the core could not split is sent
   * as one block), no patch fits them until the next whole one.
   */
  reset(blocks: string[]): PatchResult {
    this.rest = null;
    this.container.innerHTML = blocks.join('');
    const nodes = topLevel(this.container.childNodes);
    this.nodes = blocks.length === nodes.length ? nodes : null;
    return { full: true, inserted: nodes.length, removed: 0 };
  }

  /**
   * Replaces everything in two stages: the first `first` blocks now, the others when
   * {@link finish} is called (after the next paint, by the caller). A long article's preview is
   * drawn without first parsing and laying out all of it; an update before then finishes first.
   */
  resetInStages(blocks: string[], first: number): PatchResult {
    if (blocks.length <= first) return this.reset(blocks);
    const head = blocks.slice(0, first);
    this.container.innerHTML = head.join('');
    const nodes = topLevel(this.container.childNodes);
    if (nodes.length !== head.length) return this.reset(blocks);
    this.nodes = nodes;
    this.rest = { blocks: blocks.slice(first), all: blocks };
    return { full: true, inserted: nodes.length, removed: 0 };
  }

  /** Shows the blocks a staged reset held back; whether there were any. */
  finish(): boolean {
    const rest = this.rest;
    if (!rest || !this.nodes) return false;
    this.rest = null;
    const fresh = this.parse(rest.blocks);
    if (!fresh) {
      this.reset(rest.all);
      return true;
    }
    this.nodes = [...this.nodes, ...topLevel(fresh.childNodes)];
    this.container.append(fresh);
    return true;
  }

  /**
   * Applies the core's patch; `redraw` empties the container first. Returns `null`, having
   * changed nothing, when the patch does not fit the blocks shown (the caller then asks for a
   * redraw); a `whole` patch always fits.
   */
  apply(patch: PreviewPatch, redraw = false): PatchResult | null {
    this.finish();
    if (redraw) this.reset([]);
    if (patch.whole) return this.reset(patch.blocks);
    const nodes = this.nodes;
    const { start, removed, blocks } = patch;
    if (!nodes || start + removed > nodes.length || nodes.length - removed + blocks.length !== patch.total) return null;
    const fresh = this.parse(blocks);
    if (!fresh) return null;
    const next = nodes[start + removed] ?? null;
    const inserted = topLevel(fresh.childNodes);
    for (const node of nodes.slice(start, start + removed)) node.remove();
    this.container.insertBefore(fresh, next);
    nodes.splice(start, removed, ...inserted);
    if (patch.line_shift !== 0) {
      for (const node of nodes.slice(start + inserted.length)) shiftLines(node, patch.line_shift);
    }
    return { full: false, inserted: inserted.length, removed };
  }

  /** Parses blocks into a fragment of the container's document; `null` if they do not come out as blocks. */
  private parse(blocks: string[]): DocumentFragment | null {
    const template = this.container.ownerDocument.createElement('template');
    template.innerHTML = blocks.join('');
    return topLevel(template.content.childNodes).length === blocks.length ? template.content : null;
  }
}

function topLevel(list: NodeListOf<ChildNode>): ChildNode[] {
  const out: ChildNode[] = [];
  for (const node of list) if (node.nodeType === ELEMENT || node.nodeType === COMMENT) out.push(node);
  return out;
}

/** A `data-sourcepos` value: `line:column-line:column`. */
const SOURCEPOS = /^(\d+):(\d+)-(\d+):(\d+)$/;

/**
 * Moves the source positions of `node` and its descendants down `lines` lines (up, when
 * negative), exactly as the core's `shift_lines` does when it finds the block unchanged: a value
 * not of the form above, or one that would fall before the first line, is left as it is.
 */
function shiftLines(node: ChildNode, lines: number): void {
  if (node.nodeType !== ELEMENT) return;
  const el = node as Element;
  const targets = el.hasAttribute('data-sourcepos') ? [el, ...el.querySelectorAll('[data-sourcepos]')] : el.querySelectorAll('[data-sourcepos]');
  for (const target of targets) {
    const m = SOURCEPOS.exec(target.getAttribute('data-sourcepos') ?? '');
    if (!m) continue;
    const [from, to] = [Number(m[1]) + lines, Number(m[3]) + lines];
    if (from >= 1 && to >= 1) target.setAttribute('data-sourcepos', `${from}:${m[2]}-${to}:${m[4]}`);
  }
}
