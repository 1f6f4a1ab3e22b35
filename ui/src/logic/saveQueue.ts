/**
 * The typing path's save queue: debounces edits, always saves the LATEST value, never runs two
 * saves at once and never drops the last edit (a value scheduled while a save is in flight is
 * saved right after it). A failed save keeps its value pending until `retry`, the next edit or
 * `flush` tries again.
 */

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** `errorKind`: the core's kind of the failure (`trashed` lets the indicator offer a restore). */
  | { kind: 'error'; reason: string; errorKind: string };

export interface SaveQueueOptions<T> {
  /** Debounce delay after the last edit, in ms. */
  delayMs: number;
  /** Persists one value; rejects with anything whose `message` explains the failure. */
  save: (value: T) => Promise<void>;
  /** Called on every state change, for the indicator. */
  onState?: (state: SaveState) => void;
}

export class SaveQueue<T> {
  private latest: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private lastError: { reason: string; kind: string } | null = null;
  private readonly opts: SaveQueueOptions<T>;

  constructor(opts: SaveQueueOptions<T>) {
    this.opts = opts;
  }

  /** Whether an edit has not been persisted yet (waiting, in flight or failed). */
  get dirty(): boolean {
    return this.latest !== null || this.running !== null;
  }

  get state(): SaveState {
    if (this.running) return { kind: 'saving' };
    if (this.lastError !== null && this.latest) return { kind: 'error', reason: this.lastError.reason, errorKind: this.lastError.kind };
    if (this.latest) return { kind: 'pending' };
    return { kind: 'saved' };
  }

  /** Records a new value and (re)starts the debounce timer. */
  schedule(value: T): void {
    this.latest = { value };
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, this.opts.delayMs);
    this.emit();
  }

  /**
   * Saves what is pending now and resolves once everything scheduled so far has been attempted.
   * Resolves `true` when all of it is persisted, `false` when the last attempt failed.
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    await this.drain();
    return this.latest === null;
  }

  /** The value waiting to be saved (scheduled, or kept after a failure); null when none. */
  get pending(): T | null {
    return this.latest?.value ?? null;
  }

  /** Tries a failed save again. */
  retry(): Promise<boolean> {
    return this.flush();
  }

  /** Forgets a pending value without saving it (used only when its article no longer exists). */
  discard(): void {
    this.clearTimer();
    this.latest = null;
    this.lastError = null;
    this.emit();
  }

  private async drain(): Promise<void> {
    // One save at a time: wait for the one in flight, then save whatever is newest.
    while (this.running) await this.running;
    if (!this.latest) return;
    const { value } = this.latest;
    this.latest = null;
    const attempt = this.opts
      .save(value)
      .then(() => {
        this.lastError = null;
      })
      .catch((err: unknown) => {
        this.lastError = failureOf(err);
        // Keep the failed value unless a newer edit already replaced it.
        if (!this.latest) this.latest = { value };
      });
    this.running = attempt;
    this.emit();
    await attempt;
    this.running = null;
    // An edit arrived during the save and its timer already fired: save it now.
    if (this.latest && this.timer === null && this.lastError === null) {
      await this.drain();
      return;
    }
    this.emit();
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private emit(): void {
    this.opts.onState?.(this.state);
  }
}

function failureOf(err: unknown): { reason: string; kind: string } {
  if (err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string') {
    const { message, kind } = err as { message: string; kind?: unknown };
    return { reason: message, kind: typeof kind === 'string' ? kind : 'internal' };
  }
  return { reason: typeof err === 'string' ? err : 'the app could not reach the library', kind: 'internal' };
}
