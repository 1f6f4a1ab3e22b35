import { describe, expect, it, vi } from 'vitest';
import { createKeymap, describeShortcut, matches, parseShortcut, shortcutLabels, type KeyLike } from '../src/logic/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('shortcuts', () => {
  it('parses CodeMirror-style specs', () => {
    expect(parseShortcut('Mod-Shift-h')).toMatchObject({ key: 'h', mod: true, shift: true, alt: false });
    expect(parseShortcut('Mod-\\').key).toBe('\\');
    expect(parseShortcut('Mod--').key).toBe('-');
    expect(() => parseShortcut('Hyper-x')).toThrow(/Unknown modifier/);
  });

  it('maps Mod to Ctrl off the Mac and Cmd on it', () => {
    const s = parseShortcut('Mod-s');
    expect(matches(key('s', { ctrlKey: true }), s, false)).toBe(true);
    expect(matches(key('s', { metaKey: true }), s, false)).toBe(false);
    expect(matches(key('s', { metaKey: true }), s, true)).toBe(true);
    expect(matches(key('s', { ctrlKey: true, shiftKey: true }), s, false)).toBe(false);
  });

  it('matches by physical key when Alt or Shift change the character', () => {
    expect(matches(key('¡', { metaKey: true, altKey: true, code: 'Digit1' }), parseShortcut('Mod-Alt-1'), true)).toBe(true);
    expect(matches(key('H', { ctrlKey: true, shiftKey: true, code: 'KeyH' }), parseShortcut('Mod-Shift-h'), false)).toBe(true);
    expect(matches(key('F', { ctrlKey: true, shiftKey: true, code: 'KeyF' }), parseShortcut('Mod-p'), false)).toBe(false);
  });

  it('describes shortcuts for tooltips', () => {
    expect(describeShortcut('Mod-Shift-h', false)).toBe('Ctrl+Shift+H');
    expect(describeShortcut('Mod-e', true)).toBe('⌘E');
  });

  it('writes shortcuts as Windows and Linux do: Ctrl, Alt, Shift joined by +', () => {
    const keys = shortcutLabels(false);
    expect(keys('Mod-Shift-y')).toBe('Ctrl+Shift+Y');
    expect(keys('Mod-Alt-1')).toBe('Ctrl+Alt+1');
    expect(keys('Mod-\\')).toBe('Ctrl+\\');
    expect(keys('Mod-/')).toBe('Ctrl+/');
    expect(keys('Ctrl-Meta-k')).toBe('Ctrl+Super+K');
  });

  it('writes shortcuts as a Mac does: symbols in Apple\'s order ⌃⌥⇧⌘, no separators', () => {
    const keys = shortcutLabels(true);
    expect(keys('Mod-Shift-y')).toBe('⇧⌘Y');
    expect(keys('Mod-Alt-1')).toBe('⌥⌘1');
    expect(keys('Mod-Shift-z')).toBe('⇧⌘Z');
    expect(keys('Ctrl-Alt-Shift-Mod-x')).toBe('⌃⌥⇧⌘X');
    expect(keys('Mod-\\')).toBe('⌘\\');
  });

  it('runs the first matching binding and prevents the default', () => {
    const run = vi.fn();
    const handle = createKeymap({ 'Mod-e': run }, false);
    const e = { ...key('e', { ctrlKey: true }), preventDefault: vi.fn() };
    expect(handle(e)).toBe(true);
    expect(run).toHaveBeenCalledOnce();
    expect(e.preventDefault).toHaveBeenCalled();
    expect(handle({ ...key('x', { ctrlKey: true }), preventDefault: vi.fn() })).toBe(false);
  });
});

describe('the editor and the app keys', () => {
  it('leaves Mod-/ to the shortcut list: no HTML comment hides the paragraph from the story', async () => {
    const { EditorPanel } = await import('../src/panels/editor');
    const { runScopeHandlers } = await import('@codemirror/view');
    const editor = new EditorPanel({ onChange: () => undefined, onBlur: () => undefined, onScroll: () => undefined, onInsertPhoto: () => undefined, onPublish: () => undefined });
    editor.setDoc('The vote was seven to two.');
    for (const mods of [{ ctrlKey: true }, { shiftKey: true, altKey: true }]) {
      const keyDown = new KeyboardEvent('keydown', { key: mods.altKey ? 'A' : '/', bubbles: true, cancelable: true, ...mods });
      expect(runScopeHandlers(editor.view, keyDown, 'editor'), JSON.stringify(mods)).toBe(false);
    }
    expect(editor.view.state.doc.toString()).toBe('The vote was seven to two.');
  });
});
