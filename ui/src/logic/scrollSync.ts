/**
 * Scroll sync between the Markdown source and the preview. The renderer tags preview blocks with
 * `data-sourcepos="L:C-L:C"`; each becomes an anchor (source line → vertical position) and
 * positions between anchors are interpolated, both ways.
 */

export interface Anchor {
  /** 1-based source line where the block starts. */
  line: number;
  /** Top of the block in the preview, px from the top of the preview document. */
  top: number;
}

/** Start and end lines of a `data-sourcepos` value, or null if it is not one. */
export function parseSourcepos(value: string | null | undefined): { start: number; end: number } | null {
  if (!value) return null;
  const m = /^(\d+):\d+-(\d+):\d+$/.exec(value.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (!(start > 0) || end < start) return null;
  return { start, end };
}

/** Sorts anchors by line and keeps them monotonic in both line and top (nested blocks would zig-zag). */
export function normalizeAnchors(anchors: Anchor[]): Anchor[] {
  const sorted = [...anchors].sort((a, b) => a.line - b.line || a.top - b.top);
  const out: Anchor[] = [];
  for (const a of sorted) {
    const last = out[out.length - 1];
    if (last && (a.line === last.line || a.top < last.top)) continue;
    out.push(a);
  }
  return out;
}

/** Preview scroll position showing source line `line` (fractional lines allowed) at the top. */
export function lineToOffset(anchors: Anchor[], line: number): number {
  if (anchors.length === 0) return 0;
  const first = anchors[0]!;
  if (line <= first.line) return first.top * (line <= 1 ? 0 : 1);
  for (let i = 1; i < anchors.length; i++) {
    const b = anchors[i]!;
    if (line < b.line) {
      const a = anchors[i - 1]!;
      return a.top + ((line - a.line) / (b.line - a.line)) * (b.top - a.top);
    }
  }
  return anchors[anchors.length - 1]!.top;
}

/** Source line (fractional) shown at preview scroll position `offset`. */
export function offsetToLine(anchors: Anchor[], offset: number): number {
  if (anchors.length === 0) return 1;
  const first = anchors[0]!;
  if (offset <= first.top) return offset <= 0 ? 1 : first.line;
  for (let i = 1; i < anchors.length; i++) {
    const b = anchors[i]!;
    if (offset < b.top) {
      const a = anchors[i - 1]!;
      const span = b.top - a.top;
      return span <= 0 ? a.line : a.line + ((offset - a.top) / span) * (b.line - a.line);
    }
  }
  return anchors[anchors.length - 1]!.line;
}
