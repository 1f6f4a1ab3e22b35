import { describe, expect, it, vi } from 'vitest';
import { ShellEvents } from '../src/logic/shellEvents';
import type { ShellEvent } from '../src/types';

/** A shell whose `next_events` answers are handed out by the test, one request at a time. */
function fakeShell() {
  const pending: { resolve(batch: ShellEvent[]): void; reject(err: unknown): void }[] = [];
  const next = vi.fn(
    () =>
      new Promise<ShellEvent[]>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return {
    next,
    async answer(batch: ShellEvent[]) {
      pending.shift()!.resolve(batch);
      await settle();
    },
    async fail(err: unknown) {
      pending.shift()!.reject(err);
      await settle();
    },
    get waiting() {
      return pending.length;
    },
  };
}

describe('ShellEvents', () => {
  it('asks only once something listens, hands each event to the handlers of its kind in order, and asks again', async () => {
    const shell = fakeShell();
    const events = new ShellEvents({ next: shell.next });
    expect(shell.next).not.toHaveBeenCalled();
    const seen: string[] = [];
    events.on('sync', (e) => seen.push(`sync:${e.event.event}`));
    events.on('publish_progress', (e) => seen.push(`step:${e.step.line}`));
    expect(shell.next).toHaveBeenCalledTimes(1);
    await shell.answer([
      { kind: 'sync', event: { event: 'ready' } },
      { kind: 'drag_entered' },
      { kind: 'publish_progress', step: { article_id: 1, line: 'Uploading' } },
      { kind: 'sync', event: { event: 'created', ids: [4] } },
    ]);
    expect(seen).toEqual(['sync:ready', 'step:Uploading', 'sync:created']);
    expect(shell.waiting).toBe(1);
  });

  it('stops a handler that is taken back, and keeps delivering when one throws', async () => {
    const shell = fakeShell();
    const onError = vi.fn();
    const events = new ShellEvents({ next: shell.next, onError });
    const first = vi.fn();
    const stop = events.on('dropped', first);
    events.on('dropped', () => {
      throw new Error('broken handler');
    });
    const last = vi.fn();
    events.on('dropped', last);
    await shell.answer([{ kind: 'dropped', paths: ['/home/ana/harbour.jpg'] }]);
    expect(first).toHaveBeenCalledWith({ kind: 'dropped', paths: ['/home/ana/harbour.jpg'] });
    expect(last).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    stop();
    await shell.answer([{ kind: 'dropped', paths: [] }]);
    expect(first).toHaveBeenCalledTimes(1);
    expect(last).toHaveBeenCalledTimes(2);
  });

  it('retries a failed request, waiting longer each time up to a few seconds, and reports a run of failures once', async () => {
    const shell = fakeShell();
    const waits: number[] = [];
    const onError = vi.fn();
    const events = new ShellEvents({
      next: shell.next,
      onError,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const closes = vi.fn();
    events.on('close_requested', closes);
    for (let i = 0; i < 8; i++) await shell.fail({ kind: 'io', message: 'gone' });
    expect(waits).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(onError).toHaveBeenCalledTimes(1);
    await shell.answer([{ kind: 'close_requested' }]);
    expect(closes).toHaveBeenCalledTimes(1);
    await shell.fail({ kind: 'io', message: 'gone again' });
    expect(waits.at(-1)).toBe(100);
    expect(onError).toHaveBeenCalledTimes(2);
  });
});
