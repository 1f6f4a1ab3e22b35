import { describe, expect, it } from 'vitest';
import { PagedRows, pagesFor, visibleRange } from '../src/logic/virtualList';

describe('visibleRange', () => {
  it('renders only the visible rows plus overscan', () => {
    const r = visibleRange(0, 760, 76, 10_000, 5);
    expect(r).toEqual({ start: 0, end: 16, offset: 0, totalHeight: 760_000 });
  });

  it('follows the scroll position in the middle of a long list', () => {
    const r = visibleRange(76 * 5000, 760, 76, 10_000, 5);
    expect(r.start).toBe(4995);
    expect(r.end).toBe(5016);
    expect(r.offset).toBe(4995 * 76);
    expect(r.end - r.start).toBeLessThan(30);
  });

  it('clamps at the end and past it', () => {
    const r = visibleRange(10_000_000, 760, 76, 100, 5);
    expect(r.end).toBe(100);
    expect(r.start).toBeGreaterThanOrEqual(85);
  });

  it('handles an empty list and a tiny viewport', () => {
    expect(visibleRange(0, 500, 76, 0)).toEqual({ start: 0, end: 0, offset: 0, totalHeight: 0 });
    const r = visibleRange(0, 0, 76, 3, 0);
    expect(r.start).toBe(0);
    expect(r.end).toBe(1);
  });
});

describe('pages', () => {
  it('lists the pages a range falls in', () => {
    expect(pagesFor(0, 10, 100)).toEqual([0]);
    expect(pagesFor(95, 110, 100)).toEqual([0, 1]);
    expect(pagesFor(200, 200, 100)).toEqual([]);
  });

  it('asks only for missing pages, and ignores answers from before a reset', () => {
    const rows = new PagedRows<number>(100);
    expect(rows.missing(90, 120)).toEqual([0, 1]);
    const t0 = rows.begin(0);
    expect(rows.missing(90, 120)).toEqual([1]);
    expect(rows.store(0, Array.from({ length: 100 }, (_, i) => i), t0)).toBe(true);
    expect(rows.row(42)).toBe(42);
    const t1 = rows.begin(1);
    rows.reset();
    expect(rows.store(1, [100], t1)).toBe(false);
    expect(rows.row(100)).toBeUndefined();
    expect(rows.row(42)).toBeUndefined();
  });

  it('lets a failed page be asked for again and updates rows in place', () => {
    const rows = new PagedRows<{ id: number; h: string }>(2);
    const t = rows.begin(0);
    rows.fail(0, t);
    expect(rows.missing(0, 2)).toEqual([0]);
    rows.store(0, [{ id: 1, h: 'a' }, { id: 2, h: 'b' }], rows.begin(0));
    expect(rows.update((r) => r.id === 2, (r) => ({ ...r, h: 'B' }))).toBe(true);
    expect(rows.row(1)).toEqual({ id: 2, h: 'B' });
  });
});
