import { describe, expect, it, vi } from 'vitest';
import { LivePreview } from '../src/logic/livePreview';

/** A render the test answers by hand, a clock and frames it steps. */
function setup() {
  const pending: { text: string; resolve: (html: string) => void; reject: (e: unknown) => void }[] = [];
  const frames: (() => void)[] = [];
  let clock = 0;
  const shown: string[] = [];
  const latencies: number[][] = [];
  const onError = vi.fn();
  const live = new LivePreview<string>({
    render: (text) => new Promise((resolve, reject) => pending.push({ text, resolve, reject })),
    show: (html) => shown.push(html),
    onShown: (l) => latencies.push(l),
    onError,
    now: () => clock,
    nextFrame: (run) => frames.push(run),
  });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const frame = () => frames.splice(0).forEach((run) => run());
  return { live, pending, shown, latencies, onError, tick, frame, setClock: (t: number) => (clock = t) };
}

describe('LivePreview', () => {
  it('renders changes made together once, at once, and reports every keystroke', async () => {
    const t = setup();
    t.live.update('a', 0);
    t.live.update('ab', 1);
    await t.tick();
    expect(t.pending.map((p) => p.text)).toEqual(['ab']);
    t.setClock(5);
    t.pending[0]!.resolve('<p>ab</p>');
    await t.tick();
    expect(t.shown).toEqual(['<p>ab</p>']);
    expect(t.latencies).toEqual([[5, 4]]);
  });

  it('keeps one render in flight and renders only the newest text after it', async () => {
    const t = setup();
    t.live.update('a', 0);
    await t.tick();
    t.live.update('ab', 1);
    t.live.update('abc', 2);
    await t.tick();
    expect(t.pending).toHaveLength(1);
    t.pending[0]!.resolve('A');
    await t.tick();
    expect(t.pending.map((p) => p.text)).toEqual(['a', 'abc']);
    t.setClock(10);
    t.frame();
    t.pending[1]!.resolve('ABC');
    await t.tick();
    expect(t.shown).toEqual(['A', 'ABC']);
    expect(t.latencies[1]).toEqual([9, 8]);
  });

  it('shows at most one answer per frame; those that wait are all shown in order', async () => {
    const t = setup();
    t.live.update('a', 0);
    await t.tick();
    t.pending[0]!.resolve('A');
    await t.tick();
    t.live.update('ab', 1);
    await t.tick();
    t.pending[1]!.resolve('AB');
    await t.tick();
    t.live.update('abc', 2);
    await t.tick();
    t.pending[2]!.resolve('ABC');
    await t.tick();
    expect(t.shown).toEqual(['A']);
    t.setClock(16);
    t.frame();
    // Each answer is a patch to the one before: none may be skipped.
    expect(t.shown).toEqual(['A', 'AB', 'ABC']);
    expect(t.latencies).toEqual([[0], [15, 14]]);
  });

  it('shows at most one answer per frame, the next one waiting', async () => {
    const t = setup();
    t.live.update('a', 0);
    await t.tick();
    t.pending[0]!.resolve('A');
    t.live.update('ab', 1);
    await t.tick();
    t.pending[1]!.resolve('AB');
    await t.tick();
    expect(t.shown).toEqual(['A']);
    t.setClock(16);
    t.frame();
    expect(t.shown).toEqual(['A', 'AB']);
    expect(t.latencies).toEqual([[0], [15]]);
  });

  it('drops answers for an article that was closed, and reports a failed render', async () => {
    const t = setup();
    t.live.update('old', 0);
    await t.tick();
    t.live.cancel();
    t.pending[0]!.resolve('OLD');
    await t.tick();
    expect(t.shown).toEqual([]);
    t.live.update('new', 1);
    await t.tick();
    t.pending[1]!.reject({ kind: 'io', message: 'x' });
    await t.tick();
    expect(t.onError).toHaveBeenCalledTimes(1);
    expect(t.shown).toEqual([]);
  });
});
