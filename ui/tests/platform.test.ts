/**
 * What differs per platform in the page: photo URLs (Tauri's `convertFileSrc`, real, with its
 * per-OS rule mocked as @tauri-apps/api/mocks does) and how shortcuts are written (Mac or not).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { convertFileSrc } from '@tauri-apps/api/core';
import { clearMocks, mockConvertFileSrc } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { mediaUrls, originalUrl, thumbUrl } from '../src/logic/media';
import { isMacNavigator } from '../src/logic/shortcuts';
import { openShortcutsDialog, shortcutRows } from '../src/panels/shortcutsDialog';
import type { PhotoFile } from '../src/types';
import { fakeIpc, linuxMedia } from './fakeIpc';

const hash = 'c0'.repeat(32);
const file: PhotoFile = { hash, format: 'png', width: 10, height: 10, bytes: 100, original_name: 'x.png' };

describe('photo URLs through convertFileSrc', () => {
  afterEach(() => clearMocks());

  it('are media://localhost/… on macOS and Linux', () => {
    for (const os of ['macos', 'linux']) {
      mockConvertFileSrc(os);
      const url = mediaUrls(convertFileSrc);
      expect(originalUrl(url, file)).toBe(`media://localhost/${hash}.png`);
      // One encoded URI component: the shell's scheme decodes `thumb%2F` (media.rs).
      expect(thumbUrl(url, file)).toBe(`media://localhost/thumb%2F${hash}.png`);
    }
  });

  it('are http://media.localhost/… on Windows', () => {
    mockConvertFileSrc('windows');
    const url = mediaUrls(convertFileSrc);
    expect(originalUrl(url, file)).toBe(`http://media.localhost/${hash}.png`);
    expect(thumbUrl(url, file)).toBe(`http://media.localhost/thumb%2F${hash}.png`);
  });

  it('match what the CSP allows in img-src', () => {
    const conf = JSON.parse(readFileSync(resolve(__dirname, '../../tauri.conf.json'), 'utf8')) as { app: { security: { csp: Record<string, string> } } };
    const imgSrc = conf.app.security.csp['img-src']!.split(/\s+/);
    expect(imgSrc).toContain('media:');
    expect(imgSrc).toContain('http://media.localhost');
  });
});

describe('the platform', () => {
  it('is a Mac when the navigator says so', () => {
    expect(isMacNavigator({ platform: 'MacIntel', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15' })).toBe(true);
    expect(isMacNavigator({ platform: 'Win32', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0' })).toBe(false);
    expect(isMacNavigator({ platform: 'Linux x86_64', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15' })).toBe(false);
    expect(isMacNavigator({ platform: '', userAgentData: { platform: 'macOS' } })).toBe(true);
    expect(isMacNavigator({ platform: '', userAgentData: { platform: 'Windows' } })).toBe(false);
    expect(isMacNavigator({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)' })).toBe(true);
    expect(isMacNavigator({})).toBe(false);
  });
});

describe('shortcuts shown', () => {
  const html = readFileSync(resolve(__dirname, '../index.html'), 'utf8');
  beforeEach(() => {
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  });

  function app(isMac: boolean) {
    const { ipc } = fakeIpc(1);
    ipc.listRevisions.mockImplementation(async () => []);
    const created = new App(ipc, { isMac, picker: { images: vi.fn(async () => null) }, chooseFolder: vi.fn(async () => null), mediaUrl: linuxMedia });
    return { app: created, ipc };
  }

  /** Every shortcut the chrome shows: tooltips, hints and labels. */
  function shown(): string {
    const titles = [...document.querySelectorAll<HTMLElement>('[title]')].map((e) => e.title);
    return [...titles, document.body.textContent ?? ''].join('\n');
  }

  it('as Ctrl+… on Windows and Linux', async () => {
    const { app: a } = app(false);
    await a.start();
    await a.history.setActive(true);
    const text = shown();
    expect(text).toContain('New article (Ctrl+N)');
    expect(text).toContain('Revision history (Ctrl+Shift+Y)');
    expect(text).toContain('Export (Ctrl+E)');
    expect(text).toContain('(Ctrl+\\ cycles)');
    expect(text).toContain('Ctrl+/ shows the keyboard shortcuts');
    expect(text).toContain('Ctrl+Shift+Y opens this tab');
    expect(text).toContain('saving (Ctrl+S) records one');
    expect(text).not.toMatch(/[⌘⇧⌥⌃]/);
  });

  it('as ⌘… on a Mac, and never as Ctrl', async () => {
    const { app: a } = app(true);
    await a.start();
    await a.history.setActive(true);
    const text = shown();
    expect(text).toContain('New article (⌘N)');
    expect(text).toContain('Revision history (⇧⌘Y)');
    expect(text).toContain('Export (⌘E)');
    expect(text).toContain('(⌘\\ cycles)');
    expect(text).toContain('⌘/ shows the keyboard shortcuts');
    expect(text).toContain('⇧⌘Y opens this tab');
    expect(text).toContain('saving (⌘S) records one');
    expect(text).not.toContain('Ctrl');
  });

  it('the keymap follows: ⌘ on a Mac, Ctrl elsewhere', async () => {
    for (const isMac of [true, false]) {
      document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
      const { app: a } = app(isMac);
      await a.start();
      const open = vi.spyOn(a.inspector, 'show');
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Y', code: 'KeyY', shiftKey: true, ctrlKey: !isMac, metaKey: isMac }));
      expect(open).toHaveBeenCalledWith('history', true);
      open.mockClear();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Y', code: 'KeyY', shiftKey: true, ctrlKey: isMac, metaKey: !isMac }));
      expect(open).not.toHaveBeenCalled();
    }
  });

  it('in the shortcut list, for each platform', () => {
    const pc = openShortcutsDialog(false);
    const pcText = pc.textContent ?? '';
    expect(pcText).toContain('Ctrl+Shift+F, Ctrl+PSearch the library');
    expect(pcText).toContain('Ctrl+Alt+1, Ctrl+Alt+2, Ctrl+Alt+3Heading 1, 2, 3');
    expect(pcText).toContain('Ctrl+YRedo');
    expect(pcText).not.toMatch(/[⌘⇧⌥]/);
    pc.close();
    const mac = openShortcutsDialog(true);
    const macText = mac.textContent ?? '';
    expect(macText).toContain('⇧⌘F, ⌘PSearch the library');
    expect(macText).toContain('⌥⌘1, ⌥⌘2, ⌥⌘3Heading 1, 2, 3');
    expect(macText).toContain('⇧⌘ZRedo');
    expect(macText).not.toContain('Ctrl');
    mac.close();
    // Every row names at least one shortcut, each in CodeMirror's notation: with Mod, or a function key.
    for (const row of shortcutRows(true)) expect(row.keys.length > 0 && row.keys.every((k) => /^(Mod-.+|(Shift-)?F\d{1,2})$/.test(k))).toBe(true);
  });
});
