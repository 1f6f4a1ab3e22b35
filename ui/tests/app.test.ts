import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App, SAVE_DELAY_MS } from '../src/app';
import { fakeIpc, linuxMedia } from './fakeIpc';

const html = readFileSync(resolve(__dirname, '../index.html'), 'utf8');
const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function platform() {
  return { isMac: false, picker: { images: vi.fn(async () => null) }, chooseFolder: vi.fn(async () => null), mediaUrl: linuxMedia };
}

describe('App', () => {
  beforeEach(() => {
    document.body.innerHTML = body;
    window.__newsroomPerf = [];
  });

  it('opens the most recent article, saves the latest text after typing and patches the preview', async () => {
    const { ipc } = fakeIpc(3);
    const app = new App(ipc, platform());
    await app.start();
    // One round trip opens the newest article and brings the list's first page with it.
    expect(ipc.firstScreen).toHaveBeenCalledTimes(1);
    expect(ipc.openArticle).not.toHaveBeenCalled();
    expect(ipc.countArticles).not.toHaveBeenCalled();
    expect(ipc.listArticles).not.toHaveBeenCalled();
    expect(document.querySelectorAll('.vlist-rows .row:not(.row-loading)').length).toBe(3);
    expect(app.current?.article.id).toBe(1);
    expect(app.editor.text).toBe('Body of 1');
    expect(document.querySelector('[aria-label="Search articles"]')).not.toBeNull();
    expect(document.querySelector('[role="textbox"][aria-label="Article body"]')).not.toBeNull();
    expect(document.querySelector('iframe[title="Preview"]')!.getAttribute('sandbox')).toBe('allow-same-origin');

    const view = app.editor.view;
    for (const ch of [' one', ' two', ' three']) view.dispatch({ changes: { from: view.state.doc.length, insert: ch } });
    expect(document.querySelector('[aria-label="Save state"]')!.textContent).toContain('Saving…');
    // The preview renders the newest text at once (one render for changes made together), long
    // before the debounced save; each keystroke's latency is recorded.
    await wait(0);
    // Only the edit goes, against the version the article opened at (the first screen's).
    expect(ipc.previewEdit).toHaveBeenCalledTimes(1);
    expect(ipc.previewEdit).toHaveBeenCalledWith({ base: { version: 1 }, edit: { from: 9, to: 9, insert: ' one two three' } });
    expect(ipc.saveBody).not.toHaveBeenCalled();
    expect(window.__newsroomPerf!.length).toBe(3);
    await wait(SAVE_DELAY_MS + 50);
    expect(ipc.saveBody).toHaveBeenCalledTimes(1);
    expect(ipc.saveBody).toHaveBeenCalledWith(1, 'Body of 1 one two three', 'Body of 1');
    expect(document.querySelector('[aria-label="Save state"]')!.textContent).toContain('Saved');
    expect(ipc.previewEdit).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-testid="word-stats"]')!.textContent).toMatch(/6 words · 1 min read/);
  });

  it('uses the first screen the page asked for early, and offers to start an empty library', async () => {
    const { ipc } = fakeIpc(0);
    const app = new App(ipc, platform());
    await app.start(Promise.resolve({ view: null, list_total: 0, list_rows: [] }));
    expect(ipc.firstScreen).not.toHaveBeenCalled();
    expect(document.body.classList.contains('no-article')).toBe(true);
    expect(app.current).toBeNull();
  });

  it('says why when the library cannot be opened at launch', async () => {
    const { ipc } = fakeIpc(2);
    const app = new App(ipc, platform());
    await app.start(Promise.reject({ kind: 'corrupt', message: 'The library file is damaged.' }));
    expect(document.getElementById('toasts')!.textContent).toContain('The library file is damaged.');
    expect(app.current).toBeNull();
  });

  it('flushes the pending edit before opening another article', async () => {
    const { ipc } = fakeIpc(3);
    const app = new App(ipc, platform());
    await app.start();
    app.editor.view.dispatch({ changes: { from: 0, insert: 'Edited: ' } });
    await app.open(2);
    expect(ipc.saveBody).toHaveBeenCalledWith(1, 'Edited: Body of 1', 'Body of 1');
    expect(app.current?.article.id).toBe(2);
    expect(app.editor.text).toBe('Body of 2');
    expect(ipc.saveBody).toHaveBeenCalledTimes(1);
  });

  it('shows "Not saved" with the reason and saves on retry', async () => {
    const { ipc } = fakeIpc(1);
    const app = new App(ipc, platform());
    await app.start();
    ipc.saveBody.mockRejectedValueOnce({ kind: 'locked', message: 'Another program holds the library.' });
    app.editor.view.dispatch({ changes: { from: 0, insert: 'x' } });
    await expect(app.flush()).resolves.toBe(false);
    const state = document.querySelector('[aria-label="Save state"]')!;
    expect(state.textContent).toContain('Not saved: Another program holds the library.');
    (state.querySelector('button') as HTMLButtonElement).click();
    await wait(0);
    expect(ipc.saveBody).toHaveBeenLastCalledWith(1, 'xBody of 1', 'Body of 1');
    expect(state.textContent).toContain('Saved');
  });

  it('creates a new article with Mod-n and cycles the layout with Mod-\\', async () => {
    const { ipc } = fakeIpc(1);
    const app = new App(ipc, platform());
    await app.start();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '\\', code: 'Backslash', ctrlKey: true }));
    expect(document.getElementById('panes')!.dataset.mode).toBe('preview');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', ctrlKey: true }));
    await wait(10);
    expect(ipc.createArticle).toHaveBeenCalledWith('Untitled article');
    expect(app.current?.article.headline).toBe('Untitled article');
  });
});
