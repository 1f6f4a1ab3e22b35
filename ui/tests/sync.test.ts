import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { undo } from '@codemirror/commands';
import { EditorSelection } from '@codemirror/state';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { conflictSummary, minimalChange, routeSyncEvent, textChanges } from '../src/logic/sync';
import { ConflictView } from '../src/panels/conflictView';
import { EditorPanel } from '../src/panels/editor';
import { Toasts } from '../src/panels/toast';
import { WorkspaceSync } from '../src/panels/workspaceSync';
import type { Conflict, ConflictComparison, SideBySide } from '../src/types';
import { article, fakeIpc, linuxMedia, viewOf } from './fakeIpc';

const html = readFileSync(resolve(__dirname, '../index.html'), 'utf8');
const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
const wait = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const stats = { identical: false, changed: 1, added: 0, removed: 0 };

function platform() {
  return { isMac: false, picker: { images: vi.fn(async () => null) }, chooseFolder: vi.fn(async () => '/tmp/elsewhere'), mediaUrl: linuxMedia };
}

function apply(before: string, after: string): string {
  const c = minimalChange(before, after);
  return c ? before.slice(0, c.from) + c.insert + before.slice(c.to) : before;
}

describe('the smallest change between two texts', () => {
  it('keeps the common start and end', () => {
    expect(minimalChange('same', 'same')).toBeNull();
    expect(minimalChange('The bridge opened.', 'The new bridge opened.')).toEqual({ from: 4, to: 4, insert: 'new ' });
    expect(minimalChange('abc', '')).toEqual({ from: 0, to: 3, insert: '' });
    expect(minimalChange('', 'abc')).toEqual({ from: 0, to: 0, insert: 'abc' });
    // Repeated letters: the start and end may not overlap.
    expect(apply('aaa', 'aa')).toBe('aa');
    expect(apply('aa', 'aaaa')).toBe('aaaa');
    for (const [a, b] of [['line one\nline two\n', 'line one\nline 2\nline three\n'], ['x', 'yxy'], ['abcabc', 'abc']]) {
      expect(apply(a!, b!)).toBe(b);
    }
  });

  it('keeps separate line changes apart, so lines in between are untouched', () => {
    const before = 'One.\nTwo.\nThree.\nFour.\n';
    const after = 'One, changed.\nTwo.\nThree.\nFour.\nFive.\n';
    const changes = textChanges(before, after);
    expect(changes).toEqual([
      { from: 3, to: 3, insert: ', changed' },
      { from: before.length, to: before.length, insert: 'Five.\n' },
    ]);
    expect(textChanges('a\nb\nc', 'a\nc')).toEqual([{ from: 2, to: 4, insert: '' }]);
    expect(textChanges('same', 'same')).toEqual([]);
    for (const [x, y] of [['a\nb\na\n', 'b\na\nb\n'], ['', 'x\ny'], ['x\ny', ''], ['p\nq\nr\ns', 'p\nQ\nr\nS\nt']]) {
      let text = x!;
      for (const c of [...textChanges(x!, y!)].reverse()) text = text.slice(0, c.from) + c.insert + text.slice(c.to);
      expect(text).toBe(y);
    }
  });

  it('never cuts an emoji (a surrogate pair) in half', () => {
    const c = minimalChange('a😀b', 'a😃b')!;
    expect(c.insert).toBe('😃');
    expect([c.from, c.to]).toEqual([1, 3]);
  });
});

describe('routing sync events', () => {
  it('refreshes the open article only when it is concerned', () => {
    expect(routeSyncEvent({ event: 'articles_changed', ids: [3, 4] }, 4)).toEqual([{ kind: 'reload-list' }, { kind: 'refresh-open', announce: true }]);
    expect(routeSyncEvent({ event: 'articles_changed', ids: [3] }, 4)).toEqual([{ kind: 'reload-list' }]);
    expect(routeSyncEvent({ event: 'trashed', ids: [4] }, 4)).toEqual([{ kind: 'reload-list' }, { kind: 'open-trashed' }]);
    expect(routeSyncEvent({ event: 'library_changed_elsewhere' }, 4)).toEqual([
      { kind: 'reload-list' },
      { kind: 'refresh-open', announce: false },
      { kind: 'recheck-conflicts' },
    ]);
    expect(routeSyncEvent({ event: 'library_changed_elsewhere' }, null)).toEqual([{ kind: 'reload-list' }, { kind: 'recheck-conflicts' }]);
  });

  it('turns problems, polling and errors into sentences naming the file', () => {
    const problems = routeSyncEvent({ event: 'problems', problems: [{ path: '/w/world/bad.md', message: 'The front matter is broken.' }, { path: 'C:\\w\\x.md', message: 'Empty.' }] }, null);
    expect(problems).toEqual([
      { kind: 'problem', text: 'bad.md: The front matter is broken.' },
      { kind: 'problem', text: 'x.md: Empty.' },
    ]);
    const [polling] = routeSyncEvent({ event: 'watching_by_polling', reason: 'the inotify watch limit is reached.' }, null);
    expect(polling).toEqual({ kind: 'polling', text: expect.stringContaining('checked every second instead of watched (the inotify watch limit is reached)') });
    expect(routeSyncEvent({ event: 'error', message: 'disk full' }, null)[0]).toEqual({ kind: 'problem', text: 'The workspace folder could not be synced: disk full' });
    expect(routeSyncEvent({ event: 'files_written', ids: [1] }, 1)).toEqual([]);
    expect(routeSyncEvent({ event: 'created', ids: [7, 8] }, 1)[1]).toEqual({ kind: 'notice', text: '2 new articles arrived from files in the workspace folder.' });
  });

  it('summarizes a conflict from both sides', () => {
    expect(conflictSummary({ identical: false, changed: 2, added: 1, removed: 0 }, { headline: true, dek: false })).toBe(
      '2 lines differ · 1 line only in the file · the headline differs too',
    );
    expect(conflictSummary({ identical: true, changed: 0, added: 0, removed: 0 }, { headline: false, dek: false })).toBe('Same text on both sides');
  });
});

describe('an outside change in the editor', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('is applied in place: the cursor, selection and undo history stay, and nothing is echoed', () => {
    const onChange = vi.fn();
    const editor = new EditorPanel({ onChange, onBlur: () => undefined, onScroll: () => undefined, onInsertPhoto: () => undefined, onPublish: () => undefined });
    document.body.append(editor.root);
    editor.setDoc('First paragraph.\n\nSecond paragraph, where the cursor is.\n');
    const view = editor.view;
    // The editor types a word, then puts the cursor after "where".
    view.dispatch({ changes: { from: 0, insert: 'New ' }, userEvent: 'input.type' });
    onChange.mockClear();
    const cursor = view.state.doc.toString().indexOf('where') + 'where'.length;
    view.dispatch({ selection: EditorSelection.cursor(cursor) });

    // Another program changed the first paragraph (before the cursor) and the end.
    const outside = 'New first paragraph, rewritten elsewhere.\n\nSecond paragraph, where the cursor is.\nAnd a line.\n';
    expect(editor.applyExternal(outside)).toBe(true);
    expect(editor.text).toBe(outside);
    const head = view.state.selection.main.head;
    expect(outside.slice(head - 'where'.length, head)).toBe('where');
    expect(onChange).not.toHaveBeenCalled();
    expect(editor.applyExternal(outside)).toBe(false);

    // Undo takes back the editor's own word, not the other program's change.
    expect(undo(view)).toBe(true);
    expect(editor.text).toBe(outside.slice('New '.length));
  });
});

function comparison(): ConflictComparison {
  const diff: SideBySide = {
    rows: [{ kind: 'changed', left: { number: 1, spans: [{ text: 'App side.', changed: true }] }, right: { number: 1, spans: [{ text: 'File side.', changed: true }] }, hidden: 0 }],
    stats,
  };
  return {
    conflict: { article_id: 1, file_revision: 4, app_revision: 3, detected_at: 1_700_000_000, path: 'world/story-1.md' },
    app: { headline: 'Story 1', dek: '', body: 'App side.\n' },
    file: { headline: 'Story 1', dek: '', body: 'File side.\n' },
    headline_diff: null,
    dek_diff: null,
    body_diff: diff,
  };
}

describe('the conflict view', () => {
  it('offers the three ways out, the merge starting from the app’s text', async () => {
    const resolve = vi.fn(async () => true);
    const view = new ConflictView({ resolve, onClose: vi.fn() });
    document.body.replaceChildren(view.root);
    view.show(comparison());
    expect(view.root.textContent).toContain('world/story-1.md');
    expect([...view.root.querySelectorAll('th')].map((t) => t.textContent)).toEqual(['In the app', 'In the file world/story-1.md']);
    view.root.querySelector<HTMLButtonElement>('[data-testid=keep-app]')!.click();
    // While one choice is on its way, the buttons wait.
    expect(view.root.querySelector<HTMLButtonElement>('[data-testid=take-file]')!.disabled).toBe(true);
    await wait();
    view.root.querySelector<HTMLButtonElement>('[data-testid=take-file]')!.click();
    await wait();
    expect(resolve.mock.calls).toEqual([[{ take: 'app' }], [{ take: 'file' }]]);

    view.root.querySelector<HTMLButtonElement>('[data-testid=merge-by-hand]')!.click();
    expect(view.root.querySelector<HTMLElement>('[data-testid=conflict-merge]')!.hidden).toBe(false);
    expect(view.root.querySelector<HTMLElement>('[data-testid=conflict-changes]')!.hidden).toBe(true);
    expect(view.mergeText.value).toBe('App side.\n');
    view.mergeText.value = 'App side.\nFile side.\n';
    view.root.querySelector<HTMLButtonElement>('[data-testid=save-merged]')!.click();
    await wait();
    expect(resolve).toHaveBeenLastCalledWith({ take: 'merged', body: 'App side.\nFile side.\n' });
  });
});

describe('the workspace sync in the window', () => {
  beforeEach(() => {
    document.body.innerHTML = body;
  });

  it('updates the open article in place when its file changed, and says so', async () => {
    const { ipc, articles, emit } = fakeIpc(2);
    const app = new App(ipc, platform());
    await app.start();
    await wait();
    expect(ipc.onSync).toHaveBeenCalledTimes(1);
    app.editor.view.dispatch({ selection: EditorSelection.cursor(4) });
    articles[0]!.body = 'Body of 1, edited in another program';
    articles[0]!.headline = 'Story 1 renamed';
    emit({ event: 'articles_changed', ids: [1] });
    await wait(10);
    expect(app.editor.text).toBe('Body of 1, edited in another program');
    expect(app.editor.view.state.selection.main.head).toBe(4);
    expect((document.getElementById('meta-headline') as HTMLTextAreaElement).value).toBe('Story 1 renamed');
    expect(document.getElementById('toasts')!.textContent).toContain('Updated from story-1.md');
    await wait(300);
    expect(ipc.saveBody).not.toHaveBeenCalled();
  });

  it('saves typing first, and leaves new typing alone', async () => {
    const { ipc, articles, emit } = fakeIpc(1);
    const app = new App(ipc, platform());
    await app.start();
    app.editor.view.dispatch({ changes: { from: 0, insert: 'Typed. ' } });
    articles[0]!.body = 'Changed on disk';
    emit({ event: 'articles_changed', ids: [1] });
    await wait(10);
    // The pending typing was saved before the article was fetched again, over the text it
    // started from: the store keeps both and marks a conflict rather than overwrite either.
    expect(ipc.saveBody).toHaveBeenCalledWith(1, 'Typed. Body of 1', 'Body of 1');
    expect(app.editor.text).toBe('Typed. Body of 1');
    expect(app.sync.conflicts.has(1)).toBe(true);
    const banner = document.querySelector<HTMLElement>('[data-testid=conflict-banner]')!;
    expect(banner.hidden).toBe(false);
    expect(banner.textContent).toContain('world/story-1.md');
  });

  it('types on from the text taken in from outside, and from each save', async () => {
    const { ipc, articles, emit } = fakeIpc(1);
    const app = new App(ipc, platform());
    await app.start();
    articles[0]!.body = 'Changed on disk';
    emit({ event: 'articles_changed', ids: [1] });
    await wait(10);
    expect(app.editor.text).toBe('Changed on disk');
    app.editor.view.dispatch({ changes: { from: 0, insert: 'A ' } });
    await app.flush();
    expect(ipc.saveBody).toHaveBeenLastCalledWith(1, 'A Changed on disk', 'Changed on disk');
    // The preview's edit starts from the version the core drew the text taken in at (the first
    // screen opened at 1, the refresh at 2), not from the text before it.
    expect(ipc.previewEdit.mock.calls.map(([change]) => change)).toEqual([{ base: { version: 2 }, edit: { from: 0, to: 0, insert: 'A ' } }]);
    app.editor.view.dispatch({ changes: { from: 0, insert: 'B ' } });
    await app.flush();
    expect(ipc.saveBody).toHaveBeenLastCalledWith(1, 'B A Changed on disk', 'A Changed on disk');
    expect(app.sync.conflicts.size).toBe(0);
    expect(document.querySelector<HTMLElement>('[data-testid=conflict-banner]')!.hidden).toBe(true);
  });

  it('a save in flight is the base of the typing that follows it', async () => {
    const { ipc } = fakeIpc(1);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const save = ipc.saveBody.getMockImplementation()!;
    ipc.saveBody.mockImplementationOnce(async (id: number, body: string, base: string) => {
      await gate;
      return save(id, body, base);
    });
    const app = new App(ipc, platform());
    await app.start();
    app.editor.view.dispatch({ changes: { from: 0, insert: 'one ' } });
    const first = app.flush();
    app.editor.view.dispatch({ changes: { from: 0, insert: 'two ' } });
    release();
    await first;
    await app.flush();
    expect(ipc.saveBody.mock.calls).toEqual([
      [1, 'one Body of 1', 'Body of 1'],
      [1, 'two one Body of 1', 'one Body of 1'],
    ]);
    expect(app.sync.conflicts.size).toBe(0);
  });

  it('marks a conflict, compares both versions and takes the file’s', async () => {
    const { ipc, conflicts, emit } = fakeIpc(2);
    const conflict: Conflict = comparison().conflict;
    const app = new App(ipc, platform());
    await app.start();
    await wait();
    const banner = document.querySelector<HTMLElement>('[data-testid=conflict-banner]')!;
    expect(banner.hidden).toBe(true);
    conflicts.push(conflict);
    ipc.compareConflict.mockResolvedValue(comparison());
    ipc.resolveConflict.mockImplementation(async () => {
      conflicts.length = 0;
      return viewOf(article(1, { body: 'File side.\n' }));
    });
    emit({ event: 'conflicts', ids: [1] });
    await wait(10);
    expect(banner.hidden).toBe(false);
    expect(banner.textContent).toContain('This story was changed in the app and in its file world/story-1.md. Neither was overwritten.');

    banner.querySelector<HTMLButtonElement>('[data-testid=compare-conflict]')!.click();
    await wait(10);
    expect(document.getElementById('conflict-view')!.hidden).toBe(false);
    expect(document.getElementById('write-view')!.hidden).toBe(true);
    document.querySelector<HTMLButtonElement>('[data-testid=take-file]')!.click();
    await wait(10);
    expect(ipc.resolveConflict).toHaveBeenCalledWith(1, { take: 'file' });
    expect(app.editor.text).toBe('File side.\n');
    expect(banner.hidden).toBe(true);
    expect(document.getElementById('conflict-view')!.hidden).toBe(true);
    expect(document.getElementById('write-view')!.hidden).toBe(false);
  });

  it('knows the conflicts at start and says once that the folder is polled', async () => {
    const { ipc, conflicts, emit } = fakeIpc(2);
    conflicts.push(comparison().conflict);
    ipc.workspaceStatus.mockResolvedValue({ root: '/mnt/share/Newsroom', mode: 'polling', reason: 'the folder is on a network drive' });
    const app = new App(ipc, platform());
    await app.start();
    await wait(10);
    expect(app.sync.conflicts.has(1)).toBe(true);
    expect(document.querySelector<HTMLElement>('[data-testid=conflict-banner]')!.hidden).toBe(false);
    emit({ event: 'watching_by_polling', reason: 'the folder is on a network drive' });
    emit({ event: 'problems', problems: [{ path: '/mnt/share/Newsroom/bad.md', message: 'The file is not UTF-8 text.' }] });
    await wait(10);
    const texts = [...document.querySelectorAll('#toasts .toast-text')].map((t) => t.textContent);
    expect(texts.filter((t) => t?.includes('checked every second'))).toHaveLength(1);
    expect(texts).toContain('bad.md: The file is not UTF-8 text.');
  });

  it('shows the workspace folder and moves it to a chosen one', async () => {
    const { ipc } = fakeIpc(1);
    const plat = platform();
    const app = new App(ipc, plat);
    await app.start();
    const dialog = await app.showWorkspace();
    expect(dialog.querySelector('[data-testid=workspace-path]')!.textContent).toBe('/home/ana/Documents/Newsroom');
    dialog.querySelector<HTMLButtonElement>('[data-testid=choose-workspace]')!.click();
    await wait(10);
    expect(plat.chooseFolder).toHaveBeenCalledWith('Keep the workspace in this folder');
    expect(ipc.chooseWorkspace).toHaveBeenCalledWith('/tmp/elsewhere');
    expect(dialog.querySelector('[data-testid=workspace-path]')!.textContent).toBe('/tmp/elsewhere');
  });
});

describe('WorkspaceSync alone', () => {
  it('keeps listening when the shell cannot list conflicts', async () => {
    const { ipc } = fakeIpc(1);
    ipc.listConflicts.mockRejectedValue({ kind: 'database', message: 'The library is busy.' });
    const toasts = new Toasts();
    const sync = new WorkspaceSync({
      ipc, toasts, openId: () => 1, refreshOpen: vi.fn(async () => undefined), reloadList: vi.fn(), openTrashed: vi.fn(), reloadPhotos: vi.fn(), onConflicts: vi.fn(),
    });
    await sync.start();
    expect(toasts.root.textContent).toContain('The library is busy.');
    expect(ipc.onSync).toHaveBeenCalledTimes(1);
  });
});
