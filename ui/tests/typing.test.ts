/**
 * The typing path's answer to a story that went to the trash while it was being written (trashed
 * from the command line or another desk): the save indicator offers to restore it, and then saves.
 */
import { ChangeSet, Text } from '@codemirror/state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTyping, SAVE_DELAY_MS } from '../src/app/typing';
import { Toasts } from '../src/panels/toast';
import type { SaveReceipt } from '../src/types';

/** `text` typed into an empty editor, as its update reports it. */
function typedInto(typing: { type(doc: Text, changes: ChangeSet): void }, text: string): void {
  const changes = ChangeSet.of([{ from: 0, insert: text }], 0);
  typing.type(changes.apply(Text.empty), changes);
}

const receipt: SaveReceipt = { updated_at: 1, word_count: 1, reading_minutes: 1, revision: null, changed: true, conflict: false };

function setup() {
  const ipc = {
    previewEdit: vi.fn(async () => ({ version: 1, whole: true, start: 0, removed: 0, blocks: ['<p>Hello</p>'], line_shift: 0, total: 1 })),
    saveBody: vi.fn(async (): Promise<SaveReceipt> => receipt),
    untrashArticle: vi.fn(async () => null),
  };
  const toasts = new Toasts();
  const deps = {
    ipc,
    toasts,
    preview: { applyPatch: vi.fn(() => 'shown' as const) },
    openId: () => 7,
    onSaved: vi.fn(),
    onConflict: vi.fn(),
    onRestored: vi.fn(),
  };
  const typing = makeTyping(deps);
  const button = () => typing.indicator.root.querySelector('button')!;
  return { ipc, deps, typing, button, toasts };
}

describe('typing into a story in the trash', () => {
  afterEach(() => vi.useRealTimers());

  it('offers Restore and save, restores the story, then saves what was typed', async () => {
    vi.useFakeTimers();
    const { ipc, deps, typing, button } = setup();
    ipc.saveBody.mockRejectedValueOnce({ kind: 'trashed', message: 'article 7 is in the trash' });
    typedInto(typing, 'Hello');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(typing.indicator.root.textContent).toContain('Not saved: article 7 is in the trash');
    expect(button().textContent).toBe('Restore and save');
    expect(typing.dirty).toBe(true);

    button().click();
    await vi.advanceTimersByTimeAsync(0);
    expect(ipc.untrashArticle).toHaveBeenCalledWith(7);
    expect(deps.onRestored).toHaveBeenCalledWith(7);
    expect(ipc.saveBody).toHaveBeenCalledTimes(2);
    expect(ipc.saveBody).toHaveBeenLastCalledWith(7, 'Hello', '');
    expect(typing.dirty).toBe(false);
    expect(typing.indicator.root.dataset.state).toBe('saved');
  });

  it('keeps the typing and says why when the story cannot be restored', async () => {
    vi.useFakeTimers();
    const { ipc, deps, typing, button, toasts } = setup();
    const shown = vi.spyOn(toasts, 'error');
    ipc.saveBody.mockRejectedValueOnce({ kind: 'trashed', message: 'article 7 is in the trash' });
    ipc.untrashArticle.mockRejectedValueOnce({ kind: 'locked', message: 'Another program holds the library.' });
    typedInto(typing, 'Hello');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    button().click();
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toHaveBeenCalledWith(expect.objectContaining({ kind: 'locked' }), 'The story could not be restored from the trash');
    expect(deps.onRestored).not.toHaveBeenCalled();
    expect(ipc.saveBody).toHaveBeenCalledTimes(1);
    expect(typing.dirty).toBe(true);
    expect(button().textContent).toBe('Restore and save');
  });
});
