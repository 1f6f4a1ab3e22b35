import { ChangeSet, type Text } from '@codemirror/state';
import { describe, expect, it, vi } from 'vitest';
import { coveringEdit, docOf, PreviewSession } from '../src/logic/previewSession';
import type { PreviewChange, PreviewPatch } from '../src/types';

/** An editor's document, changed as CodeMirror changes it: each change set told to the session. */
class Editor {
  doc: Text;
  constructor(
    private readonly session: PreviewSession,
    text: string,
  ) {
    this.doc = docOf(text);
  }

  /** One keystroke or transaction: `insert` over `from`–`to` (the end when not given). */
  type(insert: string, from = this.doc.length, to = from): Text {
    return this.change([{ from, to, insert }]);
  }

  change(specs: { from: number; to?: number; insert?: string }[]): Text {
    const changes = ChangeSet.of(specs, this.doc.length);
    this.doc = changes.apply(this.doc);
    this.session.typed(changes);
    return this.doc;
  }
}

describe('coveringEdit', () => {
  it('is the one edit from the first change to the last, in UTF-16 code units', () => {
    const doc = docOf('one two three');
    const changes = ChangeSet.of(
      [
        { from: 0, to: 3, insert: 'ONE' },
        { from: 8, to: 13, insert: 'THREE' },
      ],
      doc.length,
    );
    expect(coveringEdit(changes, changes.apply(doc))).toEqual({ from: 0, to: 13, insert: 'ONE two THREE' });
    const emoji = docOf('a😀b');
    const swap = ChangeSet.of([{ from: 1, to: 3, insert: '😁' }], emoji.length);
    expect(coveringEdit(swap, swap.apply(emoji))).toEqual({ from: 1, to: 3, insert: '😁' });
    expect(coveringEdit(ChangeSet.empty(3), docOf('abc'))).toEqual({ from: 0, to: 0, insert: '' });
  });
});

function patch(version: number): PreviewPatch {
  return { version, whole: false, start: 0, removed: 1, blocks: ['<p>x</p>'], line_shift: 0, total: 1 };
}

describe('PreviewSession', () => {
  it('names the version the article opened at, then the version the core answered, each time with the edit typed', async () => {
    const send = vi.fn(async (change: PreviewChange) => patch('version' in change.base ? change.base.version + 1 : 1));
    const session = new PreviewSession(send);
    session.opened('Hello', 4);
    const editor = new Editor(session, 'Hello');
    expect(await session.render(editor.type('!'))).toEqual({ patch: patch(5), redraw: false });
    await session.render(editor.type('!'));
    expect(send.mock.calls.map(([c]) => c)).toEqual([
      { base: { version: 4 }, edit: { from: 5, to: 5, insert: '!' } },
      { base: { version: 5 }, edit: { from: 6, to: 6, insert: '!' } },
    ]);
  });

  it('sends what was typed while an exchange was out in one edit, from the version that exchange answered', async () => {
    let answer!: (p: PreviewPatch) => void;
    const send = vi.fn(async (change: PreviewChange) =>
      'version' in change.base && change.base.version === 1 ? new Promise<PreviewPatch>((resolve) => (answer = resolve)) : patch(3),
    );
    const session = new PreviewSession(send);
    session.opened('a', 1);
    const editor = new Editor(session, 'a');
    const first = session.render(editor.type('b'));
    editor.type('c');
    editor.type('X', 0, 1);
    answer(patch(2));
    await first;
    await session.render(editor.doc);
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { version: 2 }, edit: { from: 0, to: 2, insert: 'Xbc' } });
  });

  it('keeps the base an opening gave it when an older exchange answers after it', async () => {
    let answer!: (p: PreviewPatch) => void;
    const send = vi.fn(async (change: PreviewChange) =>
      'version' in change.base && change.base.version === 1 ? new Promise<PreviewPatch>((resolve) => (answer = resolve)) : patch(8),
    );
    const session = new PreviewSession(send);
    session.opened('a', 1);
    const older = session.render(new Editor(session, 'a').type('b'));
    session.opened('From the file', 7);
    const editor = new Editor(session, 'From the file');
    answer(patch(2));
    expect((await older).patch).toEqual(patch(2));
    await session.render(editor.type('!'));
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { version: 7 }, edit: { from: 13, to: 13, insert: '!' } });
  });

  it('names its last text again when the core is out of step, once', async () => {
    const send = vi.fn(async (change: PreviewChange) => {
      if ('version' in change.base) throw { kind: 'out_of_step', message: 'out of step' };
      return patch(9);
    });
    const session = new PreviewSession(send);
    session.opened('a', 3);
    const editor = new Editor(session, 'a');
    await session.render(editor.type('b'));
    expect(send.mock.calls[1]![0]).toEqual({ base: { text: 'a' }, edit: { from: 1, to: 1, insert: 'b' } });
    expect(await session.render(editor.type('c'))).toEqual({ patch: patch(9), redraw: false });
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { text: 'ab' }, edit: { from: 2, to: 2, insert: 'c' } });
  });

  it('after a failure names its text with every edit since, and after a misfit asks for a redraw from nothing', async () => {
    const send = vi.fn(async (change: PreviewChange) => patch('version' in change.base ? change.base.version + 1 : 1));
    const session = new PreviewSession(send);
    session.opened('a', 1);
    const editor = new Editor(session, 'a');
    await session.render(editor.type('b'));
    send.mockRejectedValueOnce({ kind: 'io', message: 'The library could not be read.' });
    await expect(session.render(editor.type('c'))).rejects.toEqual({ kind: 'io', message: 'The library could not be read.' });
    await session.render(editor.type('d'));
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { text: 'ab' }, edit: { from: 2, to: 2, insert: 'cd' } });
    session.lost();
    expect((await session.render(editor.type('e'))).redraw).toBe(true);
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { text: '' }, edit: { from: 0, to: 0, insert: 'abcde' } });
    expect((await session.render(editor.type('f'))).redraw).toBe(false);
    expect(send.mock.calls.at(-1)![0]).toEqual({ base: { version: 1 }, edit: { from: 5, to: 5, insert: 'f' } });
  });

  it('names the editor’s text when the article’s line breaks are not the editor’s', async () => {
    const send = vi.fn(async (change: PreviewChange) => patch('version' in change.base ? change.base.version + 1 : 1));
    const session = new PreviewSession(send);
    session.opened('Lede\r\n\r\nSecond', 5);
    const editor = new Editor(session, 'Lede\r\n\r\nSecond');
    await session.render(editor.type('!'));
    expect(send.mock.calls[0]![0]).toEqual({ base: { text: 'Lede\n\nSecond' }, edit: { from: 12, to: 12, insert: '!' } });
  });
});
