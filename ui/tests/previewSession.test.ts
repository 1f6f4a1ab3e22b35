import { describe, expect, it, vi } from 'vitest';
import { PreviewSession, textEdit } from '../src/logic/previewSession';
import type { PreviewChange, PreviewPatch } from '../src/types';

describe('textEdit', () => {
  it('sends what lies between the common start and end', () => {
    expect(textEdit('The bridge reopened.', 'The old bridge reopened.')).toEqual({ from: 4, to: 4, insert: 'old ' });
    expect(textEdit('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' });
    expect(textEdit('abcdef', 'abef')).toEqual({ from: 2, to: 4, insert: '' });
    expect(textEdit('', 'new text')).toEqual({ from: 0, to: 0, insert: 'new text' });
    expect(textEdit('old', '')).toEqual({ from: 0, to: 3, insert: '' });
    // Repeated letters: the start and the end never overlap.
    expect(textEdit('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(textEdit('aaaa', 'aa')).toEqual({ from: 2, to: 4, insert: '' });
  });

  it('never cuts between the halves of a character outside the basic plane', () => {
    // 😀 and 😁 share their first UTF-16 unit; 😀 and 🙀 their second.
    expect(textEdit('a😀b', 'a😁b')).toEqual({ from: 1, to: 3, insert: '😁' });
    expect(textEdit('a😀b', 'a🙀b')).toEqual({ from: 1, to: 3, insert: '🙀' });
    for (const [before, after] of [['😀', '😀😀'], ['x😀', '😀'], ['😀😁', '😁']] as const) {
      const edit = textEdit(before, after);
      expect(before.slice(0, edit.from) + edit.insert + before.slice(edit.to)).toBe(after);
      expect(edit.insert.length === 0 || !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(edit.insert)).toBe(true);
    }
  });
});

function patch(version: number): PreviewPatch {
  return { version, whole: false, start: 0, removed: 1, blocks: ['<p>x</p>'], line_shift: 0, total: 1 };
}

describe('PreviewSession', () => {
  it('names the version the article opened at, then the version the core answered', async () => {
    const send = vi.fn(async (change: PreviewChange) => patch('version' in change.base ? change.base.version + 1 : 1));
    const session = new PreviewSession(send);
    session.opened('Hello', 4);
    expect(await session.render('Hello!')).toEqual({ patch: patch(5), redraw: false });
    await session.render('Hello!!');
    expect(send.mock.calls.map(([c]) => c)).toEqual([
      { base: { version: 4 }, edit: { from: 5, to: 5, insert: '!' } },
      { base: { version: 5 }, edit: { from: 6, to: 6, insert: '!' } },
    ]);
  });

  it('keeps the base an opening gave it when an older exchange answers after it', async () => {
    let answer!: (p: PreviewPatch) => void;
    const send = vi.fn(async (change: PreviewChange) =>
      'version' in change.base && change.base.version === 1 ? new Promise<PreviewPatch>((resolve) => (answer = resolve)) : patch(8),
    );
    const session = new PreviewSession(send);
    session.opened('a', 1);
    const older = session.render('ab');
    session.opened('From the file', 7);
    answer(patch(2));
    expect((await older).patch).toEqual(patch(2));
    await session.render('From the file!');
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { version: 7 }, edit: { from: 13, to: 13, insert: '!' } });
  });

  it('names its last text again when the core is out of step, once', async () => {
    const send = vi.fn(async (change: PreviewChange) => {
      if ('version' in change.base) throw { kind: 'out_of_step', message: 'out of step' };
      return patch(9);
    });
    const session = new PreviewSession(send);
    session.opened('a', 3);
    await session.render('ab');
    expect(send.mock.calls[1]![0]).toEqual({ base: { text: 'a' }, edit: { from: 1, to: 1, insert: 'b' } });
    expect(await session.render('abc')).toEqual({ patch: patch(9), redraw: false });
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { text: 'ab' }, edit: { from: 2, to: 2, insert: 'c' } });
  });

  it('after a failure names its text, and after a misfit asks for a redraw from nothing', async () => {
    const send = vi.fn(async (change: PreviewChange) => patch('version' in change.base ? change.base.version + 1 : 1));
    const session = new PreviewSession(send);
    session.opened('a', 1);
    await session.render('ab');
    send.mockRejectedValueOnce({ kind: 'io', message: 'The library could not be read.' });
    await expect(session.render('abc')).rejects.toEqual({ kind: 'io', message: 'The library could not be read.' });
    await session.render('abcd');
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { text: 'ab' }, edit: { from: 2, to: 2, insert: 'cd' } });
    session.lost();
    expect((await session.render('abcde')).redraw).toBe(true);
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { text: '' }, edit: { from: 0, to: 0, insert: 'abcde' } });
    expect((await session.render('abcdef')).redraw).toBe(false);
  });
});
