/** Windowing math for the library list: fixed-height rows, only the visible ones (plus overscan) exist. */

export interface VisibleRange {
  /** First row index rendered (inclusive). */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** Offset in px of row `start` from the top of the scroller's content. */
  offset: number;
  /** Height in px of the whole list, so the scrollbar is right. */
  totalHeight: number;
}

export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 6,
): VisibleRange {
  const totalHeight = Math.max(0, total * rowHeight);
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, totalHeight };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, totalHeight - viewportHeight)));
  const first = Math.floor(top / rowHeight);
  const visibleCount = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + visibleCount + overscan);
  return { start, end, offset: start * rowHeight, totalHeight };
}

/** Rows the library list fetches at a time; the first screen brings the first page with the article. */
export const LIBRARY_PAGE_SIZE = 100;

/** The page numbers (of `pageSize` rows) that rows [start, end) fall in. */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start || pageSize <= 0) return [];
  const pages: number[] = [];
  for (let p = Math.floor(start / pageSize); p <= Math.floor((end - 1) / pageSize); p++) pages.push(p);
  return pages;
}

/**
 * Rows fetched page by page (`list_articles` with limit/offset). Knows which pages are loaded or
 * loading, so scrolling asks only for what is missing; `reset` starts over when the filter changes,
 * `refresh` when the library changed (the rows on show stay until their fresh copies arrive).
 */
export class PagedRows<T> {
  private pages = new Map<number, T[]>();
  /** Pages from before a `refresh`, shown until fetched again. */
  private stale = new Map<number, T[]>();
  private loading = new Set<number>();
  private generation = 0;

  constructor(readonly pageSize: number) {}

  row(index: number): T | undefined {
    const page = Math.floor(index / this.pageSize);
    return (this.pages.get(page) ?? this.stale.get(page))?.[index % this.pageSize];
  }

  /** Pages covering [start, end) that are neither loaded nor being loaded. */
  missing(start: number, end: number): number[] {
    return pagesFor(start, end, this.pageSize).filter((p) => !this.pages.has(p) && !this.loading.has(p));
  }

  /** Marks `page` as loading; returns a token that `store` checks so a stale answer is ignored. */
  begin(page: number): number {
    this.loading.add(page);
    return this.generation;
  }

  /** Stores a fetched page unless the list was reset since `begin`. Returns whether it was kept. */
  store(page: number, rows: T[], token: number): boolean {
    if (token !== this.generation) return false;
    this.loading.delete(page);
    this.pages.set(page, rows);
    this.stale.delete(page);
    return true;
  }

  /** Forgets a page that failed to load so it can be asked for again. */
  fail(page: number, token: number): void {
    if (token === this.generation) this.loading.delete(page);
  }

  reset(): void {
    this.stale.clear();
    this.pages.clear();
    this.loading.clear();
    this.generation++;
  }

  /**
   * Starts over like `reset`, but the rows loaded so far keep being shown until their page is
   * fetched again: a change made elsewhere (another program, a publish) does not blank the list.
   */
  refresh(): void {
    for (const [page, rows] of this.pages) this.stale.set(page, rows);
    this.pages.clear();
    this.loading.clear();
    this.generation++;
  }

  /** Replaces a loaded row in place (after a rename, a status change...). */
  update(predicate: (row: T) => boolean, replace: (row: T) => T): boolean {
    let changed = false;
    for (const rows of [...this.pages.values(), ...this.stale.values()]) {
      rows.forEach((row, i) => {
        if (predicate(row)) {
          rows[i] = replace(row);
          changed = true;
        }
      });
    }
    return changed;
  }
}
