import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveState } from '../src/logic/saveQueue';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces edits and saves only the latest value', async () => {
    const saved: string[] = [];
    const q = new SaveQueue<string>({ delayMs: 200, save: async (v) => void saved.push(v) });
    q.schedule('a');
    await vi.advanceTimersByTimeAsync(100);
    q.schedule('ab');
    await vi.advanceTimersByTimeAsync(100);
    q.schedule('abc');
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(saved).toEqual(['abc']);
    expect(q.state).toEqual({ kind: 'saved' });
    expect(q.dirty).toBe(false);
  });

  it('never runs two saves at once and saves the edit made during a save right after it', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const saved: string[] = [];
    const gates: ReturnType<typeof deferred>[] = [];
    const q = new SaveQueue<string>({
      delayMs: 50,
      save: async (v) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const g = deferred();
        gates.push(g);
        await g.promise;
        saved.push(v);
        inFlight--;
      },
    });
    q.schedule('one');
    await vi.advanceTimersByTimeAsync(50);
    expect(gates).toHaveLength(1);
    q.schedule('two');
    q.schedule('three');
    await vi.advanceTimersByTimeAsync(50); // timer fires while 'one' is still saving
    expect(gates).toHaveLength(1);
    expect(q.state.kind).toBe('saving');
    gates[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(gates).toHaveLength(2);
    gates[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['one', 'three']);
    expect(maxInFlight).toBe(1);
    expect(q.state.kind).toBe('saved');
  });

  it('flush saves at once without waiting for the debounce and resolves after it', async () => {
    const save = vi.fn(async () => {});
    const q = new SaveQueue<string>({ delayMs: 10_000, save });
    q.schedule('text');
    await expect(q.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledWith('text');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush waits for the save in flight and then saves the newer edit', async () => {
    const gate = deferred();
    const saved: string[] = [];
    const q = new SaveQueue<string>({
      delayMs: 10,
      save: async (v) => {
        if (v === 'first') await gate.promise;
        saved.push(v);
      },
    });
    q.schedule('first');
    await vi.advanceTimersByTimeAsync(10);
    q.schedule('second');
    const done = q.flush();
    gate.resolve();
    await expect(done).resolves.toBe(true);
    expect(saved).toEqual(['first', 'second']);
  });

  it('keeps a failed value, reports the reason, and saves it on retry', async () => {
    const states: SaveState[] = [];
    let fail = true;
    const saved: string[] = [];
    const q = new SaveQueue<string>({
      delayMs: 10,
      save: async (v) => {
        if (fail) throw { kind: 'io', message: 'The disk is full.' };
        saved.push(v);
      },
      onState: (s) => states.push(s),
    });
    q.schedule('precious');
    await vi.advanceTimersByTimeAsync(10);
    expect(q.state).toEqual({ kind: 'error', reason: 'The disk is full.', errorKind: 'io' });
    expect(q.dirty).toBe(true);
    fail = false;
    await expect(q.retry()).resolves.toBe(true);
    expect(saved).toEqual(['precious']);
    expect(states.at(-1)).toEqual({ kind: 'saved' });
  });

  it('a failed save does not overwrite a newer edit made meanwhile', async () => {
    const gate = deferred();
    const saved: string[] = [];
    const q = new SaveQueue<string>({
      delayMs: 10,
      save: async (v) => {
        if (v === 'old') {
          await gate.promise;
          throw new Error('locked');
        }
        saved.push(v);
      },
    });
    q.schedule('old');
    await vi.advanceTimersByTimeAsync(10);
    q.schedule('new');
    gate.resolve();
    await vi.advanceTimersByTimeAsync(0);
    await q.flush();
    expect(saved).toEqual(['new']);
  });

  it('flush resolves false when the save fails', async () => {
    const q = new SaveQueue<string>({ delayMs: 10, save: async () => Promise.reject('no') });
    q.schedule('x');
    await expect(q.flush()).resolves.toBe(false);
    expect(q.state).toEqual({ kind: 'error', reason: 'no', errorKind: 'internal' });
  });
});
