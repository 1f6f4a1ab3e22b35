/**
 * The desk's fields in the panels: the Details tab sends each as a patch (null to clear), the
 * preview shows the kicker as the export does, the status bar counts toward the plan, the library
 * marks embargoed rows, and the Details tab says what to do when no article is open.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { LibraryPanel, ROW_HEIGHT } from '../src/panels/library';
import { MetadataPanel } from '../src/panels/metadata';
import { Toasts } from '../src/panels/toast';
import { WordStats } from '../src/panels/wordStats';
import { article, fakeIpc, framePreview, framedPreviewPanel, indexBody, linuxMedia, pcKeys, testPlatform as platform, viewOf } from './fakeIpc';

const tick = () => new Promise((r) => setTimeout(r, 0));
/** Thu 3 Dec 2026, 18:00 in Stockholm. */
const EMBARGO = Date.UTC(2026, 11, 3, 17, 0) / 1000;
/** Five hours before it. */
const NOW = EMBARGO - 5 * 3600;


function metadataPanel(ipc: ReturnType<typeof fakeIpc>['ipc'], onUpdated = vi.fn()) {
  const panel = new MetadataPanel({ ipc, toasts: new Toasts(), keys: pcKeys, onUpdated, now: () => NOW });
  document.body.replaceChildren(panel.root);
  return panel;
}

function control<T extends HTMLElement = HTMLInputElement>(panel: MetadataPanel, key: string): T {
  return panel.root.querySelector<T>(`[data-testid="meta-${key}"]`)!;
}

/** Types `value` into a field and leaves it, as the editor does. */
async function edit(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  el.value = value;
  el.dispatchEvent(new Event('input'));
  el.dispatchEvent(new Event('change'));
  await tick();
}

beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Stockholm');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('the Details tab’s desk fields', () => {
  it('saves the kicker, shown first as the page prints it, and clears it with an empty field', async () => {
    const { ipc } = fakeIpc(1);
    const onUpdated = vi.fn();
    const panel = metadataPanel(ipc, onUpdated);
    panel.load(viewOf(article(1)));
    const kicker = control(panel, 'kicker');
    expect(panel.root.querySelector('form label')!.textContent).toBe('Kicker');
    expect(kicker.placeholder).toBe('Analysis');
    await edit(kicker, '  Analysis ');
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { kicker: 'Analysis' });
    expect(onUpdated).toHaveBeenLastCalledWith(expect.objectContaining({ kicker: 'Analysis' }));
    await edit(kicker, '');
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { kicker: '' });
    // Leaving it as it is sends nothing.
    await edit(kicker, '');
    expect(ipc.updateArticle).toHaveBeenCalledTimes(2);
  });

  it('counts the SEO headline out of 60 and offers the headline as both fallbacks', async () => {
    const { ipc } = fakeIpc(1);
    const panel = metadataPanel(ipc);
    panel.load(viewOf(article(1, { headline: 'Council approves the new ferry timetable' })));
    const seo = control<HTMLTextAreaElement>(panel, 'seo_headline');
    const social = control<HTMLTextAreaElement>(panel, 'social_headline');
    const counter = panel.root.querySelector('#meta-seo_headline-hint')!;
    expect(seo.closest('fieldset')!.querySelector('legend')!.textContent).toBe('Search and social');
    expect(seo.placeholder).toBe('Council approves the new ferry timetable');
    expect(social.placeholder).toBe('Council approves the new ferry timetable');
    expect(counter.textContent).toBe('Search engines get the headline: 40/60');

    seo.value = 'x'.repeat(61);
    seo.dispatchEvent(new Event('input'));
    expect(counter.textContent).toBe('61/60 — 1 over; search engines may cut it');
    expect(counter.getAttribute('data-level')).toBe('long');
    seo.value = 'Ferry every 20 minutes\nfrom March';
    seo.dispatchEvent(new Event('input'));
    expect(counter.getAttribute('data-level')).toBe('ok');
    // Enter commits a one-line box instead of breaking the line.
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    seo.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    seo.dispatchEvent(new Event('change'));
    await tick();
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { seo_headline: 'Ferry every 20 minutes from March' });

    // The placeholders follow the headline as it is typed.
    const headline = control<HTMLTextAreaElement>(panel, 'headline');
    headline.value = 'Ferries every 20 minutes';
    headline.dispatchEvent(new Event('input'));
    expect(social.placeholder).toBe('Ferries every 20 minutes');

    await edit(social, 'You can now catch a ferry every 20 minutes');
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { social_headline: 'You can now catch a ferry every 20 minutes' });
    await edit(social, '');
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { social_headline: '' });
    await edit(seo, '');
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { seo_headline: '' });
  });

  it('saves the planned length, drops it when emptied, and explains what it cannot read', async () => {
    const { ipc } = fakeIpc(1);
    const panel = metadataPanel(ipc);
    panel.load(viewOf(article(1)));
    const words = control(panel, 'words_planned');
    const error = panel.root.querySelector('#meta-words_planned-error')!;
    expect(words.min).toBe('1');
    expect(words.value).toBe('');
    await edit(words, '900');
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { words_planned: 900 });
    await edit(words, '');
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { words_planned: null });
    await edit(words, '0');
    expect(ipc.updateArticle).toHaveBeenCalledTimes(2);
    expect(error.textContent).toBe('Write the planned length as a whole number of words, 1 or more (900, say); leave it empty for none.');
    // The core's sentence, the way the other fields show theirs.
    ipc.updateArticle.mockRejectedValueOnce({ kind: 'locked', message: 'Another program is writing to the library; try again in a moment.' });
    await edit(words, '1200');
    expect(error.textContent).toBe('Another program is writing to the library; try again in a moment.');
    await edit(words, '1200');
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { words_planned: 1200 });
    expect(error.textContent).toBe('');
  });

  it('sets an embargo in this computer’s zone when the field is left, says what it means, and lifts it', async () => {
    const { ipc } = fakeIpc(1);
    const panel = metadataPanel(ipc);
    panel.load(viewOf(article(1)));
    const field = control(panel, 'embargo');
    const line = panel.root.querySelector('[data-testid="embargo-line"]')!;
    const lift = panel.root.querySelector<HTMLButtonElement>('[data-testid="lift-embargo"]')!;
    expect(field.type).toBe('datetime-local');
    expect(panel.root.querySelector('#meta-embargo-zone')!.textContent).toBe('Europe/Stockholm');
    expect(field.getAttribute('aria-describedby')).toContain('meta-embargo-zone');
    expect(line.textContent).toBe('');
    expect(lift.hidden).toBe(true);

    // Each part typed changes a datetime-local field: nothing is sent until it is left.
    field.focus();
    field.value = '2026-12-03T18:00';
    field.dispatchEvent(new Event('change'));
    await tick();
    expect(ipc.updateArticle).not.toHaveBeenCalled();
    field.blur();
    await tick();
    expect(ipc.updateArticle).toHaveBeenCalledWith(1, { embargo: EMBARGO });
    expect(line.textContent).toBe('Embargoed until Thu 3 Dec, 18:00 — must not go out before then.');
    expect(line.getAttribute('data-holds')).toBe('true');
    expect(lift.hidden).toBe(false);
    field.dispatchEvent(new Event('blur'));
    await tick();
    expect(ipc.updateArticle).toHaveBeenCalledTimes(1);

    lift.click();
    await tick();
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { embargo: null });
    expect(field.value).toBe('');
    expect(line.textContent).toBe('');
    expect(lift.hidden).toBe(true);
  });

  it('never lifts an embargo for a half-typed date, and shows the core’s refusal', async () => {
    const { ipc } = fakeIpc(1);
    const panel = metadataPanel(ipc);
    panel.load(viewOf(article(1, { embargo: EMBARGO })));
    const field = control(panel, 'embargo');
    const error = panel.root.querySelector('#meta-embargo-error')!;
    expect(field.value).toBe('2026-12-03T18:00');
    Object.defineProperty(field, 'validity', { value: { badInput: true }, configurable: true });
    field.value = '';
    field.dispatchEvent(new Event('blur'));
    await tick();
    expect(ipc.updateArticle).not.toHaveBeenCalled();
    expect(error.textContent).toContain('That is not a whole date and time');

    Object.defineProperty(field, 'validity', { value: { badInput: false }, configurable: true });
    ipc.updateArticle.mockRejectedValueOnce({ kind: 'locked', message: 'Another program is writing to the library; try again in a moment.' });
    field.value = '2026-12-04T07:00';
    field.dispatchEvent(new Event('blur'));
    await tick();
    expect(error.textContent).toBe('Another program is writing to the library; try again in a moment.');
    // Still unsaved, so leaving the field again tries again.
    field.dispatchEvent(new Event('blur'));
    await tick();
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { embargo: EMBARGO + 13 * 3600 });
    expect(error.textContent).toBe('');
  });

  it('says the embargo ended the moment it ends', async () => {
    vi.useFakeTimers({ now: (EMBARGO - 60) * 1000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { ipc } = fakeIpc(1);
      const panel = new MetadataPanel({ ipc, toasts: new Toasts(), keys: pcKeys, onUpdated: vi.fn() });
      panel.load(viewOf(article(1, { embargo: EMBARGO })));
      const line = panel.root.querySelector('[data-testid="embargo-line"]')!;
      expect(line.textContent).toBe('Embargoed until Thu 3 Dec, 18:00 — must not go out before then.');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(line.textContent).toBe('The embargo ended Thu 3 Dec, 18:00; the story may go out.');
      expect(line.getAttribute('data-holds')).toBe('false');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows how to open or start an article instead of fields when none is open', () => {
    const { ipc } = fakeIpc(1);
    const panel = metadataPanel(ipc);
    const form = panel.root.querySelector<HTMLFormElement>('form')!;
    const empty = panel.root.querySelector<HTMLElement>('[data-testid="metadata-empty"]')!;
    panel.showEmpty();
    expect(form.hidden).toBe(true);
    expect(empty.hidden).toBe(false);
    expect(empty.textContent).toBe('No article open. Choose one from the list or press Ctrl+N to start one.');
    panel.load(viewOf(article(1, { kicker: 'Analysis', words_planned: 900 })));
    expect(form.hidden).toBe(false);
    expect(empty.hidden).toBe(true);
    expect(control(panel, 'kicker').value).toBe('Analysis');
    expect(control(panel, 'words_planned').value).toBe('900');
  });
});

describe('the preview header', () => {
  it('shows the kicker between the section and the headline, with the export’s markup', () => {
    const { preview, doc } = framedPreviewPanel();
    const meta = { article: article(1, { section: 'World', kicker: 'Analysis', headline: 'What the vote means' }), photos: [], related: [], corrections: [] };
    preview.setArticle(meta, ['<p>Body</p>']);
    const header = doc.getElementById('header')!;
    expect([...header.children].map((el) => el.outerHTML).slice(0, 3)).toEqual([
      '<p class="section">World</p>',
      '<p class="kicker">Analysis</p>',
      '<h1>What the vote means</h1>',
    ]);
    preview.setArticle({ ...meta, article: { ...meta.article, kicker: '' } });
    expect(header.querySelector('.kicker')).toBeNull();
  });

  it('is styled by the export’s own stylesheet: bold, the accent colour, not capitals', () => {
    const css = readFileSync(resolve(__dirname, '../../crates/newsroom/src/export/templates/style.css'), 'utf8');
    const rule = /\.kicker\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toMatch(/font-weight:\s*700/);
    expect(rule).toMatch(/color:\s*var\(--accent\)/);
    expect(rule).not.toMatch(/text-transform/);
    expect(readFileSync(resolve(__dirname, '../src/styles/preview.css'), 'utf8')).toContain("@import '../../../crates/newsroom/src/export/templates/style.css'");
  });
});

describe('the status bar’s word count', () => {
  it('counts toward the plan with a named bar that turns amber more than 10 % off', () => {
    const stats = new WordStats();
    const text = stats.root.querySelector('[data-testid="word-stats"]')!;
    const bar = stats.root.querySelector<HTMLProgressElement>('progress')!;
    expect(text.textContent).toBe('0 words · 0 min read');
    expect(bar.hidden).toBe(true);

    stats.show(820, 4, 900);
    expect(text.textContent).toBe('820 / 900 words · 4 min read');
    expect(bar.hidden).toBe(false);
    expect([bar.value, bar.max]).toEqual([820, 900]);
    expect(bar.getAttribute('aria-label')).toBe('820 of 900 planned words');
    expect(stats.root.dataset.state).toBe('on');
    expect(stats.root.title).toBe('Within 10 % of the planned 900 words');

    stats.show(1000, 5, 900);
    expect(stats.root.dataset.state).toBe('over');
    expect(bar.value).toBe(900);
    expect(stats.root.title).toBe('100 words over the planned 900 words');
    stats.show(700, 4, 900);
    expect(stats.root.dataset.state).toBe('under');

    stats.show(700, 4, null);
    expect(text.textContent).toBe('700 words · 4 min read');
    expect(bar.hidden).toBe(true);
    expect(stats.root.hasAttribute('data-state')).toBe(false);
    expect(stats.root.hasAttribute('title')).toBe(false);
  });
});

describe('the library list', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('marks a row whose embargo holds, keeping every row the same height', async () => {
    const { ipc, articles } = fakeIpc(3);
    articles[1]!.embargo = EMBARGO;
    articles[2]!.embargo = NOW - 60;
    const lib = new LibraryPanel({
      ipc, toasts: new Toasts(), mediaUrl: linuxMedia, keys: pcKeys, photoFile: () => null, now: () => NOW,
      actions: { open: vi.fn(), create: vi.fn(), duplicate: vi.fn(), archive: vi.fn(), trash: vi.fn(), restore: vi.fn() },
    });
    document.body.append(lib.root);
    await lib.reload();
    await tick();
    lib.render();
    const row = (id: number) => lib.root.querySelector<HTMLElement>(`.row[data-id="${id}"]`)!;
    const badge = row(2).querySelector<HTMLElement>('[data-testid="row-embargo"]')!;
    expect(badge.textContent).toBe('Embargo 3 Dec 18:00');
    expect(badge.title).toBe('Embargoed until Thursday 3 December 2026, 18:00 (Europe/Stockholm time)');
    expect(row(2).classList.contains('is-embargoed')).toBe(true);
    // No badge without an embargo, or once it has ended.
    expect(row(1).querySelector('[data-testid="row-embargo"]')).toBeNull();
    expect(row(3).querySelector('[data-testid="row-embargo"]')).toBeNull();
    expect(lib.root.querySelector('.vlist-spacer')!.getAttribute('style')).toContain(`${3 * ROW_HEIGHT}px`);

    lib.patchRow({ id: 2, embargo: null });
    lib.render();
    expect(row(2).querySelector('[data-testid="row-embargo"]')).toBeNull();
    expect(row(2).classList.contains('is-embargoed')).toBe(false);
  });
});

describe('the app with the desk’s fields', () => {
  let previewDoc: Document;

  beforeEach(() => {
    document.body.innerHTML = indexBody;
    previewDoc = framePreview(document.querySelector<HTMLIFrameElement>('#preview-pane iframe')!);
    window.__newsroomPerf = [];
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a kicker typed in the inspector above the headline in the preview', async () => {
    const { ipc } = fakeIpc(1);
    const app = new App(ipc, platform());
    await app.start();
    const kicker = document.querySelector<HTMLInputElement>('#meta-kicker')!;
    await edit(kicker, 'Analysis');
    expect(ipc.updateArticle).toHaveBeenCalledWith(1, { kicker: 'Analysis' });
    const header = previewDoc.getElementById('header')!;
    expect(header.querySelector('.kicker')!.outerHTML).toBe('<p class="kicker">Analysis</p>');
    expect(header.querySelector('.kicker + h1')!.textContent).toBe('Story 1');
  });

  it('counts toward the planned words in the status bar as the plan and the text change', async () => {
    const { ipc, articles } = fakeIpc(1);
    articles[0]!.words_planned = 4;
    const app = new App(ipc, platform());
    await app.start();
    const stats = () => document.querySelector('[data-testid="word-stats"]')!.textContent;
    const bar = document.querySelector<HTMLProgressElement>('[data-testid="word-target"]')!;
    expect(stats()).toBe('3 / 4 words · 1 min read');
    expect(bar.getAttribute('aria-label')).toBe('3 of 4 planned words');
    expect(bar.parentElement!.dataset.state).toBe('under');

    const view = app.editor.view;
    view.dispatch({ changes: { from: view.state.doc.length, insert: ' more' } });
    await app.flush();
    expect(stats()).toBe('4 / 4 words · 1 min read');
    expect(bar.parentElement!.dataset.state).toBe('on');

    await edit(document.querySelector<HTMLInputElement>('#meta-words_planned')!, '');
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { words_planned: null });
    expect(stats()).toBe('4 words · 1 min read');
    expect(bar.hidden).toBe(true);
  });

  it('badges the library row once an embargo is set in the inspector', async () => {
    const { ipc } = fakeIpc(2);
    const app = new App(ipc, platform());
    await app.start();
    await tick();
    app.library.render();
    const tomorrow = Math.floor(Date.now() / 60_000) * 60 + 86_400;
    const field = document.querySelector<HTMLInputElement>('#meta-embargo')!;
    const d = new Date(tomorrow * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    field.value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    field.dispatchEvent(new Event('blur'));
    await tick();
    expect(ipc.updateArticle).toHaveBeenCalledWith(1, { embargo: tomorrow });
    app.library.render();
    const row = document.querySelector('.row[data-id="1"]')!;
    expect(row.querySelector('[data-testid="row-embargo"]')!.textContent).toMatch(/^Embargo \d{1,2} [A-Z][a-z]{2}( \d{4})? \d{2}:\d{2}$/);
    expect(document.querySelector('.row[data-id="2"] [data-testid="row-embargo"]')).toBeNull();
  });

  it('shows the Details tab’s empty state with an empty library, and the fields once an article is started', async () => {
    const { ipc } = fakeIpc(0);
    const app = new App(ipc, platform());
    await app.start();
    const form = document.querySelector<HTMLFormElement>('[data-testid="metadata"]')!;
    const empty = document.querySelector<HTMLElement>('[data-testid="metadata-empty"]')!;
    expect(form.hidden).toBe(true);
    expect(empty.hidden).toBe(false);
    expect(empty.textContent).toContain('press Ctrl+N to start one');
    expect(document.querySelector('[data-testid="word-stats"]')!.textContent).toBe('0 words · 0 min read');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', ctrlKey: true }));
    await vi.waitFor(() => expect(app.current?.article.headline).toBe('Untitled article'));
    expect(form.hidden).toBe(false);
    expect(empty.hidden).toBe(true);
  });
});
