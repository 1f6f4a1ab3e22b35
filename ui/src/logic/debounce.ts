/** Trailing-edge debounce for search-as-you-type: only the last call within `ms` runs. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const wrapped = (...args: A) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  wrapped.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return wrapped;
}

/**
 * Keeps only the newest of overlapping async requests (search results arriving out of order):
 * `run` resolves with the value, or with `stale` when a newer request started meanwhile.
 */
export class Latest {
  private seq = 0;
  async run<T>(task: () => Promise<T>): Promise<{ stale: true } | { stale: false; value: T }> {
    const mine = ++this.seq;
    const value = await task();
    return mine === this.seq ? { stale: false, value } : { stale: true };
  }
}
