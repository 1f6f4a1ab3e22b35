/**
 * The typing path's preview: renders the newest text as soon as it can, independently of saving.
 *
 * - One render in flight; texts typed meanwhile replace each other and the newest is rendered as
 *   soon as the answer comes back (latest text wins, nothing queues up behind a slow render).
 * - Changes made in the same task (one keystroke can be several transactions) make one render.
 * - Results are shown at most once per animation frame; those that arrive in the same frame wait
 *   for the next one and are then shown in order (each is a patch to the one before).
 * - Each keystroke's latency is reported once the preview first shows a text that includes it.
 */

export interface LivePreviewOptions<R, T = string> {
  /** Renders `text` (any value that stands for it: a string, or the editor's document). */
  render(text: T): Promise<R>;
  show(result: R): void;
  /** Milliseconds from each keystroke to the preview showing it, after `show` returned. */
  onShown?(latencies: number[]): void;
  onError(err: unknown): void;
  now?: () => number;
  nextFrame?: (run: () => void) => void;
}

interface Rendered<R> {
  result: R;
  typedAt: number[];
}

export class LivePreview<R, T = string> {
  private latest: { text: T; typedAt: number[] } | null = null;
  private inFlight = false;
  private sendQueued = false;
  private shownThisFrame = false;
  private waiting: Rendered<R>[] = [];
  /** Bumped by `cancel`: answers for an older generation are dropped. */
  private generation = 0;
  private readonly now: () => number;
  private readonly nextFrame: (run: () => void) => void;

  constructor(private readonly opts: LivePreviewOptions<R, T>) {
    this.now = opts.now ?? (() => performance.now());
    this.nextFrame = opts.nextFrame ?? ((run) => requestAnimationFrame(() => run()));
  }

  /** The text changed (a keystroke at `typedAt`, performance.now() time). */
  update(text: T, typedAt = this.now()): void {
    this.latest = { text, typedAt: [...(this.latest?.typedAt ?? []), typedAt] };
    if (this.inFlight || this.sendQueued) return;
    this.sendQueued = true;
    queueMicrotask(() => {
      this.sendQueued = false;
      void this.send();
    });
  }

  /** Forgets pending texts and answers (another article was opened). */
  cancel(): void {
    this.generation++;
    this.latest = null;
    this.waiting = [];
  }

  private async send(): Promise<void> {
    if (this.inFlight || !this.latest) return;
    const { text, typedAt } = this.latest;
    const generation = this.generation;
    this.latest = null;
    this.inFlight = true;
    try {
      const result = await this.opts.render(text);
      if (generation === this.generation) this.present({ result, typedAt });
    } catch (err) {
      if (generation === this.generation) this.opts.onError(err);
    } finally {
      this.inFlight = false;
    }
    if (this.latest) await this.send();
  }

  private present(rendered: Rendered<R>): void {
    if (this.shownThisFrame) {
      this.waiting.push(rendered);
      return;
    }
    this.opts.show(rendered.result);
    const shownAt = this.now();
    this.opts.onShown?.(rendered.typedAt.map((t) => shownAt - t));
    this.shownThisFrame = true;
    const generation = this.generation;
    this.nextFrame(() => {
      this.shownThisFrame = false;
      const next = this.waiting;
      this.waiting = [];
      if (next.length === 0 || generation !== this.generation) return;
      // All in order, the last one reported for the keystrokes of all.
      const last = next.pop()!;
      for (const { result } of next) this.opts.show(result);
      this.present({ result: last.result, typedAt: [...next.flatMap((r) => r.typedAt), ...last.typedAt] });
    });
  }
}
