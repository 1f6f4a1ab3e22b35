import { describe, expect, it } from 'vitest';
import { lineToOffset, normalizeAnchors, offsetToLine, parseSourcepos } from '../src/logic/scrollSync';

describe('scroll sync', () => {
  it('parses data-sourcepos values and rejects others', () => {
    expect(parseSourcepos('3:1-5:12')).toEqual({ start: 3, end: 5 });
    expect(parseSourcepos('0:1-1:1')).toBeNull();
    expect(parseSourcepos('5:1-3:1')).toBeNull();
    expect(parseSourcepos('abc')).toBeNull();
    expect(parseSourcepos(null)).toBeNull();
  });

  const anchors = normalizeAnchors([
    { line: 10, top: 500 },
    { line: 1, top: 100 },
    { line: 5, top: 300 },
    { line: 5, top: 320 }, // nested block on the same line
    { line: 7, top: 250 }, // out of order (a float): dropped
  ]);

  it('keeps anchors monotonic', () => {
    expect(anchors).toEqual([
      { line: 1, top: 100 },
      { line: 5, top: 300 },
      { line: 10, top: 500 },
    ]);
  });

  it('maps lines to offsets by interpolation and back', () => {
    expect(lineToOffset(anchors, 1)).toBe(0);
    expect(lineToOffset(anchors, 5)).toBe(300);
    expect(lineToOffset(anchors, 7.5)).toBe(400);
    expect(lineToOffset(anchors, 99)).toBe(500);
    expect(offsetToLine(anchors, 400)).toBe(7.5);
    expect(offsetToLine(anchors, 0)).toBe(1);
    expect(offsetToLine(anchors, 10_000)).toBe(10);
    for (const line of [5, 6, 8.25, 9.9]) expect(offsetToLine(anchors, lineToOffset(anchors, line))).toBeCloseTo(line);
  });

  it('copes with no anchors', () => {
    expect(lineToOffset([], 12)).toBe(0);
    expect(offsetToLine([], 300)).toBe(1);
  });
});
