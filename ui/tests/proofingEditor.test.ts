import { redo, undo } from '@codemirror/commands';
import { runScopeHandlers, type EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorPanel } from '../src/panels/editor';
import { Toasts } from '../src/panels/toast';
import { proofing } from '../src/proofing';
import { CHECK_DELAY_MS } from '../src/proofing/checker';
import type { Problem } from '../src/types';
import { AN_MESSAGE, fakeIpc, fakeProblems, pcKeys } from './fakeIpc';
import { dropSelectionChanges } from './selectionChanges';

const SENTENCE = 'The mayor said teh council would meet.';

/** An editor with checking on, showing article 1's `body`; `open` shows another article. */
function checkedEditor(body = SENTENCE) {
  const { ipc } = fakeIpc(2);
  const toasts = new Toasts();
  const onChange = vi.fn();
  const editor = new EditorPanel({ onChange, onBlur: () => undefined, onScroll: () => undefined, onInsertPhoto: () => undefined, onPublish: () => undefined });
  let article: number | null = 1;
  const checking = proofing({ ipc, toasts, keys: pcKeys, articleId: () => article });
  document.body.append(editor.root, checking.status, toasts.root);
  editor.setDoc(body);
  editor.setProofing(checking.extension);
  const open = (id: number, text: string) => {
    article = id;
    editor.setDoc(text);
  };
  return { ipc, editor, view: editor.view, onChange, toasts, status: checking.status, open };
}

/** Lets the pause after typing pass and the check's answer arrive. */
const pause = () => vi.advanceTimersByTimeAsync(CHECK_DELAY_MS + 10);

/** The underlined stretches of text: [kind, text]. */
function underlined(view: EditorView): [string, string][] {
  return [...view.contentDOM.querySelectorAll<HTMLElement>('.cm-proof-spelling, .cm-proof-grammar')].map((el) => [
    el.classList.contains('cm-proof-spelling') ? 'spelling' : 'grammar',
    el.textContent ?? '',
  ]);
}

function rightClick(view: EditorView, word: string): void {
  const mark = [...view.contentDOM.querySelectorAll('.cm-lintRange')].find((el) => el.textContent === word);
  if (!mark) throw new Error(`“${word}” is not underlined`);
  mark.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 120, clientY: 40 }));
}

function menu(): { title: string; items: string[]; label: string } | null {
  const el = document.querySelector<HTMLElement>('.menu[role="menu"]');
  if (!el) return null;
  return {
    title: el.querySelector('.menu-title')?.textContent ?? '',
    label: el.getAttribute('aria-label') ?? '',
    items: [...el.querySelectorAll('[role="menuitem"]')].map((b) => b.textContent ?? ''),
  };
}

function choose(label: string): void {
  const item = [...document.querySelectorAll<HTMLButtonElement>('.menu [role="menuitem"]')].find((b) => b.textContent === label);
  if (!item) throw new Error(`the menu has no “${label}”: ${JSON.stringify(menu())}`);
  item.click();
}

function key(view: EditorView, init: KeyboardEventInit): boolean {
  return runScopeHandlers(view, new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }), 'editor');
}

describe('spell and grammar checking in the editor', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    document.body.innerHTML = '';
    dropSelectionChanges();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('checks after a pause in typing, never on the keystroke, and underlines by kind', async () => {
    const { ipc, view } = checkedEditor('');
    await pause();
    ipc.proofread.mockClear();
    for (const ch of 'This is an test. The mayor said teh') view.dispatch({ changes: { from: view.state.doc.length, insert: ch }, userEvent: 'input.type' });
    expect(ipc.proofread).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS - 100);
    expect(ipc.proofread).not.toHaveBeenCalled();
    await pause();
    expect(ipc.proofread).toHaveBeenCalledTimes(1);
    expect(ipc.proofread).toHaveBeenCalledWith(1, 'This is an test. The mayor said teh');
    expect(underlined(view)).toEqual([['grammar', 'an'], ['spelling', 'teh']]);
  });

  it('drops an answer about text that has changed since, and shows the next', async () => {
    const { ipc, view } = checkedEditor('teh council.');
    let answer: (problems: Problem[]) => void = () => undefined;
    ipc.proofread.mockImplementationOnce(() => new Promise<Problem[]>((resolve) => (answer = resolve)));
    await pause();
    expect(ipc.proofread).toHaveBeenCalledWith(1, 'teh council.');
    view.dispatch({ changes: { from: 0, insert: 'The ' }, userEvent: 'input.type' });
    // The answer for "teh council." says 0–3: on the new text that is "The".
    answer(fakeProblems('teh council.', []));
    await vi.advanceTimersByTimeAsync(0);
    expect(underlined(view)).toEqual([]);
    await pause();
    expect(ipc.proofread).toHaveBeenLastCalledWith(1, 'The teh council.');
    expect(underlined(view)).toEqual([['spelling', 'teh']]);
  });

  it('drops an answer about the article that was open before', async () => {
    const { ipc, view, open } = checkedEditor('teh one.');
    let answer: (problems: Problem[]) => void = () => undefined;
    ipc.proofread.mockImplementationOnce(() => new Promise<Problem[]>((resolve) => (answer = resolve)));
    await pause();
    open(2, 'Fine words here.');
    answer(fakeProblems('teh one.', []));
    await vi.advanceTimersByTimeAsync(0);
    expect(underlined(view)).toEqual([]);
    await pause();
    expect(ipc.proofread).toHaveBeenLastCalledWith(2, 'Fine words here.');
  });

  it('right-clicking a misspelling offers its suggestions; choosing one replaces it in one undoable edit, reported as typing', async () => {
    const { view, onChange } = checkedEditor();
    await pause();
    rightClick(view, 'teh');
    expect(menu()).toEqual({
      title: '“teh” is not in the dictionary.',
      label: '“teh” is not in the dictionary.',
      items: ['the', 'ten', 'tech', 'tea', 'eh', 'Add “teh” to dictionary', 'Ignore'],
    });
    const placed = document.querySelector<HTMLElement>('.menu')!;
    expect([placed.style.left, placed.style.top]).toEqual(['120px', '44px']);
    choose('the');
    expect(menu()).toBeNull();
    expect(view.state.doc.toString()).toBe('The mayor said the council would meet.');
    expect(String(onChange.mock.lastCall?.[0])).toBe('The mayor said the council would meet.');
    expect(document.activeElement).toBe(view.contentDOM);
    expect(underlined(view)).toEqual([]);
    await pause();
    expect(underlined(view)).toEqual([]);
    undo(view);
    expect(view.state.doc.toString()).toBe(SENTENCE);
    redo(view);
    expect(view.state.doc.toString()).toBe('The mayor said the council would meet.');
  });

  it('leaves other right-clicks to the webview', async () => {
    const { view } = checkedEditor();
    await pause();
    const plain = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    view.contentDOM.querySelector('.cm-line')!.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(false);
    expect(menu()).toBeNull();
  });

  it('adds a word to the library’s dictionary and checks again: no article flags it after', async () => {
    const { ipc, view, open } = checkedEditor('Brankovic spoke to teh council.');
    await pause();
    expect(underlined(view)).toEqual([['spelling', 'Brankovic'], ['spelling', 'teh']]);
    rightClick(view, 'Brankovic');
    choose('Add “Brankovic” to dictionary');
    expect(ipc.addToDictionary).toHaveBeenCalledWith('Brankovic');
    await vi.advanceTimersByTimeAsync(0);
    expect(underlined(view)).toEqual([['spelling', 'teh']]);
    expect(await ipc.dictionaryWords()).toEqual(['Brankovic']);
    open(2, 'Brankovic again.');
    await pause();
    expect(ipc.proofread).toHaveBeenLastCalledWith(2, 'Brankovic again.');
    expect(underlined(view)).toEqual([]);
  });

  it('says so when a word cannot be added, and keeps its underline', async () => {
    const { ipc, view } = checkedEditor();
    await pause();
    ipc.addToDictionary.mockRejectedValueOnce({ kind: 'io', message: 'The library could not be written.' });
    rightClick(view, 'teh');
    choose('Add “teh” to dictionary');
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelector('.toast-error')!.textContent).toContain('“teh” could not be added to the dictionary: The library could not be written.');
    expect(underlined(view)).toEqual([['spelling', 'teh']]);
  });

  it('ignores a word in this article for the session, and a grammar problem at its text', async () => {
    const { ipc, view, open } = checkedEditor('This is an test of teh desk. An teh test.');
    await pause();
    expect(underlined(view).map(([, text]) => text)).toEqual(['an', 'teh', 'An', 'teh']);
    rightClick(view, 'an');
    expect(menu()).toMatchObject({ title: AN_MESSAGE, items: ['a', 'Ignore'] });
    choose('Ignore');
    await vi.advanceTimersByTimeAsync(0);
    // "An" is other text: still flagged.
    expect(underlined(view).map(([, text]) => text)).toEqual(['teh', 'An', 'teh']);
    rightClick(view, 'teh');
    choose('Ignore');
    await vi.advanceTimersByTimeAsync(0);
    expect(underlined(view)).toEqual([['grammar', 'An']]);
    expect(ipc.addToDictionary).not.toHaveBeenCalled();
    // Another article still flags it; back in this one it stays ignored.
    open(2, 'teh');
    await pause();
    expect(underlined(view)).toEqual([['spelling', 'teh']]);
    open(1, 'This is an test of teh desk.');
    await pause();
    expect(underlined(view)).toEqual([]);
  });

  it('opens the menu of the problem at the cursor with Ctrl+.; arrows move, Escape gives the editor back its focus', async () => {
    const { view } = checkedEditor('The mayor said teh council would meet.');
    await pause();
    view.focus();
    view.dispatch({ selection: { anchor: 16 } });
    expect(key(view, { key: '.', ctrlKey: true })).toBe(true);
    await vi.waitFor(() => expect(menu()).not.toBeNull());
    expect(menu()!.items[0]).toBe('the');
    const items = [...document.querySelectorAll<HTMLButtonElement>('.menu [role="menuitem"]')];
    expect(document.activeElement).toBe(items[0]);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(items[1]);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(document.activeElement?.textContent).toBe('Ignore');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(view.contentDOM);
    expect(view.state.doc.toString()).toBe(SENTENCE);
    // Beside the word (after its full stop) is near enough; elsewhere on a clean line nothing opens.
    view.dispatch({ changes: { from: view.state.doc.length, insert: '\nAll fine.' }, selection: { anchor: 5 } });
    expect(key(view, { key: '.', ctrlKey: true })).toBe(true);
    await vi.waitFor(() => expect(menu()?.items[0]).toBe('the'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    view.dispatch({ selection: { anchor: view.state.doc.length } });
    expect(key(view, { key: '.', ctrlKey: true })).toBe(false);
  });

  it('moves to the next and previous problem with F8 and Shift+F8, and counts them in the status bar', async () => {
    const { view, status } = checkedEditor('This is an test. The mayor said teh council would meet.');
    expect(status.hidden).toBe(true);
    await pause();
    expect(status.hidden).toBe(false);
    expect(status.textContent).toBe('1 spelling · 1 grammar');
    expect(status.title).toBe('Go to the next problem (F8)');
    const selected = () => view.state.sliceDoc(view.state.selection.main.from, view.state.selection.main.to);
    expect(key(view, { key: 'F8' })).toBe(true);
    expect(selected()).toBe('an');
    expect(key(view, { key: 'F8' })).toBe(true);
    expect(selected()).toBe('teh');
    expect(key(view, { key: 'F8', shiftKey: true })).toBe(true);
    expect(selected()).toBe('an');
    status.click();
    expect(selected()).toBe('teh');
    expect(document.activeElement).toBe(view.contentDOM);
    // Fixing the word takes it off the count at once.
    rightClick(view, 'teh');
    choose('the');
    expect(status.textContent).toBe('1 grammar');
  });

  it('reports a check that fails once, not after every pause, and leaves no stale underline', async () => {
    const { ipc, view, toasts } = checkedEditor();
    await pause();
    ipc.proofread.mockRejectedValue({ kind: 'not_found', message: 'No spelling dictionary for fr_FR is installed.' });
    for (const word of [' Un', ' deux']) {
      view.dispatch({ changes: { from: view.state.doc.length, insert: word } });
      await pause();
    }
    expect(ipc.proofread).toHaveBeenCalledTimes(3);
    expect([...toasts.root.querySelectorAll('.toast-error')].map((t) => t.textContent)).toEqual([
      expect.stringContaining('Spelling and grammar could not be checked: No spelling dictionary for fr_FR is installed.'),
    ]);
    expect(underlined(view)).toEqual([]);
  });

  it('turns the webview’s own spell checker off, which would underline the words a second time', () => {
    const { view } = checkedEditor();
    expect(view.contentDOM.getAttribute('spellcheck')).toBe('false');
  });
});
