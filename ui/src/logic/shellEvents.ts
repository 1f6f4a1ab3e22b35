/**
 * What the shell tells the page unasked (src-tauri/src/events.rs): the page keeps one
 * `next_events` request waiting, hands each event of its answer to the handlers of that kind,
 * and asks again. Tauri's `listen` is not used, because every listener and every event it
 * delivers is a script the shell's process runs in the page, which costs that process 3.5 MB.
 *
 * Events that come while nothing listens for their kind are not kept. A failed request is
 * retried, waiting longer each time (up to a few seconds), so a shell that cannot answer is not
 * asked in a tight loop.
 */
import type { ShellEvent } from '../types';

export type ShellEventKind = ShellEvent['kind'];
export type ShellEventOf<K extends ShellEventKind> = Extract<ShellEvent, { kind: K }>;

export interface ShellEventsOptions {
  /** The `next_events` command. */
  next(): Promise<ShellEvent[]>;
  /** Waits `ms` (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
  /** A request failed (the first of a run of failures), or a handler threw. */
  onError?: (err: unknown) => void;
}

/** The first wait after a failed request; it doubles up to {@link LONGEST_RETRY_MS}. */
const FIRST_RETRY_MS = 100;
const LONGEST_RETRY_MS = 5000;

export class ShellEvents {
  private readonly handlers = new Map<ShellEventKind, Set<(event: ShellEvent) => void>>();
  private started = false;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: ShellEventsOptions) {
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Calls `handler` with every event of `kind` from now on; returns what stops it. */
  on<K extends ShellEventKind>(kind: K, handler: (event: ShellEventOf<K>) => void): () => void {
    const forKind = this.handlers.get(kind) ?? new Set();
    this.handlers.set(kind, forKind);
    // The set holds handlers of every kind; only events of `kind` reach this one.
    const untyped = handler as (event: ShellEvent) => void;
    forKind.add(untyped);
    if (!this.started) {
      this.started = true;
      void this.run();
    }
    return () => forKind.delete(untyped);
  }

  private async run(): Promise<void> {
    let retryMs = 0;
    for (;;) {
      let batch: ShellEvent[];
      try {
        batch = await this.opts.next();
        retryMs = 0;
      } catch (err) {
        if (retryMs === 0) this.opts.onError?.(err);
        retryMs = Math.min(retryMs === 0 ? FIRST_RETRY_MS : retryMs * 2, LONGEST_RETRY_MS);
        await this.sleep(retryMs);
        continue;
      }
      for (const event of batch) this.deliver(event);
    }
  }

  private deliver(event: ShellEvent): void {
    for (const handler of [...(this.handlers.get(event.kind) ?? [])]) {
      try {
        handler(event);
      } catch (err) {
        this.opts.onError?.(err);
      }
    }
  }
}
