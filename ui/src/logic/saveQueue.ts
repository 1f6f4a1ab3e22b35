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
  | { kind: 'error'; reason: string };

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
  private lastError: string | null = null;
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
    if (this.lastError !== null && this.latest) return { kind: 'error', reason: this.lastError };
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
        this.lastError = reasonOf(err);
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

function reasonOf(err: unknown): string {
  if (err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string') {
    return (err as { message: string }).message;
  }
  return typeof err === 'string' ? err : 'the app could not reach the library';
}
