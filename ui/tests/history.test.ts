import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App } from '../src/app';
import { causeLabel, comparisonSummary, diffSummary, listKeyTarget, publicationsByRevision, revisionName } from '../src/logic/revisions';
import { DiffView } from '../src/panels/diffView';
import { HistoryPanel } from '../src/panels/history';
import { Toasts } from '../src/panels/toast';
import type { Publication, RevisionComparison, RevisionInfo, SideBySide } from '../src/types';
import { article, fakeIpc, linuxMedia, pcKeys, viewOf } from './fakeIpc';

const NOW = 1_700_000_000;
const tick = () => new Promise((r) => setTimeout(r, 0));
const same = { identical: false, changed: 0, added: 0, removed: 0 };

const diff: SideBySide = {
  rows: [
    { kind: 'folded', left: null, right: null, hidden: 12 },
    { kind: 'same', left: { number: 13, spans: [{ text: '# Traffic', changed: false }] }, right: { number: 13, spans: [{ text: '# Traffic', changed: false }] }, hidden: 0 },
    {
      kind: 'changed',
      left: { number: 14, spans: [{ text: 'Cars crossed on ', changed: false }, { text: 'Monday', changed: true }] },
      right: { number: 14, spans: [{ text: 'Cars crossed on ', changed: false }, { text: 'Tuesday', changed: true }] },
      hidden: 0,
    },
    { kind: 'removed', left: { number: 15, spans: [{ text: 'Old line', changed: false }] }, right: null, hidden: 0 },
    { kind: 'added', left: null, right: { number: 15, spans: [{ text: '', changed: false }] }, hidden: 0 },
  ],
  stats: { ...same, changed: 1, added: 1, removed: 1 },
};

function revisions(): RevisionInfo[] {
  return [
    { number: 3, created_at: NOW - 30, cause: 'restore', headline: 'Story 1', word_count: 3 },
    { number: 2, created_at: NOW - 600, cause: 'manual', headline: 'Story 1', word_count: 12 },
    { number: 1, created_at: NOW - 7200, cause: 'typing', headline: 'Story 1', word_count: 1 },
  ];
}

function publication(site: string, status: string, published_at: number): Publication {
  return { site, site_url: 'https://daily.example', post_id: '7', url: `https://daily.example/?p=7&at=${published_at}`, status, published_at };
}

function comparison(number: number, desk_diff: SideBySide | null = null): RevisionComparison {
  const r = revisions().find((x) => x.number === number)!;
  return { revision: { ...r, article_id: 1, dek: '', body: 'Cars crossed on Monday', desk: '' }, preview_html: '<p>Cars crossed on Monday</p>', headline_diff: null, dek_diff: null, desk_diff, body_diff: diff };
}

describe('revision words', () => {
  it('names every cause', () => {
    expect(causeLabel('typing')).toBe('While typing');
    expect(causeLabel('manual')).toBe('Saved');
    expect(causeLabel('external')).toBe('Edited in another program');
    expect(causeLabel('import')).toBe('Imported');
    expect(causeLabel('restore')).toBe('Restored');
    expect(causeLabel('conflict')).toBe('Kept in a conflict');
  });

  it('summarizes a comparison', () => {
    expect(diffSummary({ ...same, changed: 2, added: 1, removed: 3 })).toBe('2 lines changed · 1 added · 3 removed');
    expect(diffSummary({ ...same, added: 1 })).toBe('1 line added');
    expect(diffSummary({ ...same, identical: true })).toBe('Same text as now');
    expect(comparisonSummary({ ...same, identical: true }, { headline: true, dek: false })).toBe('Same body; the headline changed');
    expect(comparisonSummary({ ...same, removed: 2 }, { headline: true, dek: true })).toBe('2 lines removed · the headline and dek changed too');
    expect(comparisonSummary({ ...same, identical: true }, { headline: false, dek: false, desk: true })).toBe('Same body; the desk fields changed');
    expect(comparisonSummary({ ...same, removed: 1 }, { headline: true, dek: true, desk: true })).toBe('1 line removed · the headline, dek and desk fields changed too');
    expect(revisionName(revisions()[1]!, NOW)).toBe('Revision 2, Saved, 10 min ago, 12 words');
  });

  it('puts each publication with the revision it sent: the newest made at or before it', () => {
    const early = publication('Archive', 'publish', NOW - 9000);
    const draft = publication('The Daily', 'draft', NOW - 600);
    const live = publication('The Daily', 'publish', NOW - 300);
    const latest = publication('The Daily', 'publish', NOW);
    const sent = publicationsByRevision(revisions(), [draft, early, latest, live]);
    expect(sent.get(3)).toEqual([latest]);
    expect(sent.get(2)).toEqual([live, draft]);
    // Older than every revision kept (the rest were thinned out): with the oldest.
    expect(sent.get(1)).toEqual([early]);
    expect(publicationsByRevision([], [draft]).size).toBe(0);
  });

  it('moves through the list with arrows, Home and End, stopping at the ends', () => {
    expect(listKeyTarget('ArrowDown', 0, 3)).toBe(1);
    expect(listKeyTarget('ArrowDown', 2, 3)).toBe(2);
    expect(listKeyTarget('ArrowUp', 0, 3)).toBe(0);
    expect(listKeyTarget('ArrowUp', -1, 3)).toBe(0);
    expect(listKeyTarget('End', 0, 3)).toBe(2);
    expect(listKeyTarget('Home', 2, 3)).toBe(0);
    expect(listKeyTarget('a', 0, 3)).toBeNull();
    expect(listKeyTarget('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('DiffView', () => {
  it('shows both sides with labels, marks changed words and folds unchanged runs', () => {
    const view = new DiffView();
    view.show(diff, { left: 'Revision 2 (10 min ago)', right: 'Current text' });
    const heads = [...view.root.querySelectorAll('th')].map((th) => th.textContent);
    expect(heads).toEqual(['Revision 2 (10 min ago)', 'Current text']);
    const rows = [...view.root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['folded', 'same', 'changed', 'removed', 'added']);
    expect(rows[0]!.textContent).toContain('12 unchanged lines');
    expect(rows[2]!.querySelector('del')!.textContent).toBe('Monday');
    expect(rows[2]!.querySelector('ins')!.textContent).toBe('Tuesday');
    expect(rows[3]!.querySelector('.diff-left')!.textContent).toBe('removed: Old line');
    expect(rows[3]!.querySelector('.diff-right')!.classList.contains('diff-absent')).toBe(true);
    expect(rows[4]!.querySelector('.diff-right')!.textContent).toBe('added: \u200b');
    expect(rows[2]!.querySelectorAll('.diff-number')[1]!.textContent).toBe('14');
  });

  it('says when both sides are empty', () => {
    const view = new DiffView();
    view.show({ rows: [], stats: { ...same, identical: true } }, { left: 'A', right: 'B' });
    expect(view.root.textContent).toContain('Both sides are empty.');
  });
});

describe('HistoryPanel', () => {
  beforeEach(() => document.body.replaceChildren());

  function panel() {
    const { ipc } = fakeIpc(1);
    ipc.listRevisions.mockImplementation(async () => revisions());
    ipc.compareRevision.mockImplementation(async (_id: number, n: number) => comparison(n));
    const restored = viewOf(article(1, { body: 'Cars crossed on Monday' }));
    ipc.restoreRevision.mockImplementation(async () => restored);
    const deps = {
      ipc,
      toasts: new Toasts(),
      flush: vi.fn(async () => true),
      current: () => viewOf(article(1)),
      showRevision: vi.fn(),
      onRestored: vi.fn(),
      onOpenArticle: vi.fn(),
      keys: pcKeys,
      mediaUrl: linuxMedia,
      now: () => NOW,
    };
    const history = new HistoryPanel(deps);
    document.body.append(history.root, history.revision.root);
    return { history, deps, ipc, restored };
  }

  it('lists revisions newest first with time, cause and words, and the retention rule', async () => {
    const { history, deps } = panel();
    history.load(1);
    await history.setActive(true);
    const items = [...history.list.querySelectorAll('[role="option"]')];
    expect(items.map((i) => i.querySelector('.revision-cause')!.textContent)).toEqual(['Restored', 'Saved', 'While typing']);
    expect(items[1]!.textContent).toContain('10 min ago');
    expect(items[1]!.textContent).toContain('12 words');
    expect(items[2]!.textContent).toContain('1 word');
    expect(items[0]!.getAttribute('aria-label')).toBe('Revision 3, Restored, just now, 3 words');
    expect(deps.flush).toHaveBeenCalled();
    await tick();
    expect(history.root.querySelector('[data-testid="retention"]')!.textContent).toContain('24 hours');
    expect(history.root.textContent).toContain('Ctrl+Shift+Y');
    expect(history.list.querySelector('[data-testid="revision-publication"]')).toBeNull();
  });

  it('shows under a revision the sites it was published to, and says so to screen readers', async () => {
    const { history, ipc } = panel();
    ipc.articlePublications.mockImplementation(async () => [publication('The Daily', 'publish', NOW - 100)]);
    history.load(1);
    await history.setActive(true);
    const items = [...history.list.querySelectorAll('[role="option"]')];
    const marks = items.map((i) => [...i.querySelectorAll('[data-testid="revision-publication"]')].map((m) => m.textContent));
    expect(marks[0]).toEqual([]);
    expect(marks[1]).toHaveLength(1);
    expect(marks[1]![0]).toMatch(/^Published to The Daily · published · \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(items[1]!.getAttribute('aria-label')).toBe(`Revision 2, Saved, 10 min ago, 12 words. ${marks[1]![0]}`);
    expect(items[1]!.querySelector('[data-testid="revision-publication"]')!.getAttribute('title')).toContain('daily.example');
  });

  it('selects with the arrow keys and shows the revision against the current text', async () => {
    const { history, deps, ipc } = panel();
    history.load(1);
    await history.setActive(true);
    history.focus();
    const first = history.list.querySelector<HTMLElement>('[role="option"]')!;
    expect(document.activeElement).toBe(first);
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await tick();
    await tick();
    expect(ipc.compareRevision).toHaveBeenLastCalledWith(1, 2);
    const items = [...history.list.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(items[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(items[1]);
    expect(items[0]!.tabIndex).toBe(-1);
    expect(deps.showRevision).toHaveBeenLastCalledWith(true);
    const view = history.revision.root;
    expect(view.querySelector('h2')!.textContent).toBe('Revision 2 · Saved');
    expect(view.querySelector('[data-testid="diff-summary"]')!.textContent).toBe('1 line changed · 1 added · 1 removed');
    expect(view.querySelector('del')!.textContent).toBe('Monday');
    expect(view.querySelector('th')!.textContent).toBe('Revision 2 (10 min ago)');

    items[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await tick();
    await tick();
    expect(ipc.compareRevision).toHaveBeenLastCalledWith(1, 1);
  });

  it('shows the desk fields’ changes apart, saying a restore brings back the text only', async () => {
    const { history, ipc } = panel();
    const deskDiff: SideBySide = {
      rows: [{ kind: 'added', left: null, right: { number: 1, spans: [{ text: 'Kicker: Analysis', changed: false }] }, hidden: 0 }],
      stats: { changed: 0, added: 1, removed: 0, identical: false },
    };
    ipc.compareRevision.mockImplementation(async (_id: number, n: number) => comparison(n, deskDiff));
    history.load(1);
    await history.setActive(true);
    history.focus();
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await vi.waitFor(() => expect(history.revision.root.textContent).toContain('Kicker: Analysis'));
    const view = history.revision.root;
    const headings = [...view.querySelectorAll('h3')].map((e) => e.textContent);
    expect(headings).toContain('Desk fields');
    expect(view.textContent).toContain('restoring brings back the text only');
    expect(view.querySelector('[data-testid="diff-summary"]')!.textContent).toContain('the desk fields changed too');
  });

  it('restores the selected revision and hands the article back to the editor', async () => {
    const { history, deps, ipc, restored } = panel();
    history.load(1);
    await history.setActive(true);
    await history.select(1);
    history.revision.restoreButton.click();
    await tick();
    await tick();
    expect(deps.flush).toHaveBeenCalled();
    expect(ipc.restoreRevision).toHaveBeenCalledWith(1, 2);
    expect(deps.onRestored).toHaveBeenCalledWith(restored);
    expect(deps.showRevision).toHaveBeenLastCalledWith(false);
  });

  it('shows the core’s sentence when the history cannot be read', async () => {
    const { history, deps, ipc } = panel();
    ipc.listRevisions.mockImplementation(async () => {
      throw { kind: 'not_found', message: 'there is no article with id 1' };
    });
    history.load(1);
    await history.setActive(true);
    expect(deps.toasts.root.textContent).toContain('The history could not be loaded: there is no article with id 1');
  });
});

describe('App and the History tab', () => {
  const html = readFileSync(resolve(__dirname, '../index.html'), 'utf8');
  beforeEach(() => {
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  });

  it('opens the History tab with Ctrl+Shift+Y and returns to the editor after a restore', async () => {
    const { ipc } = fakeIpc(2);
    ipc.listRevisions.mockImplementation(async () => revisions());
    ipc.compareRevision.mockImplementation(async (_id: number, n: number) => comparison(n));
    ipc.restoreRevision.mockImplementation(async () => viewOf(article(1, { body: 'Cars crossed on Monday' })));
    const app = new App(ipc, { isMac: false, picker: { images: vi.fn(async () => null) }, chooseFolder: vi.fn(async () => null), mediaUrl: linuxMedia });
    await app.start();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Y', code: 'KeyY', ctrlKey: true, shiftKey: true }));
    await tick();
    await tick();
    expect(document.getElementById('tab-history')!.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById('inspector-history')!.hidden).toBe(false);
    expect(document.getElementById('tab-history')!.title).toContain('Ctrl+Shift+Y');
    expect(ipc.listRevisions).toHaveBeenCalledWith(1);

    await app.history.select(1);
    expect(document.getElementById('history-view')!.hidden).toBe(false);
    expect(document.getElementById('write-view')!.hidden).toBe(true);
    app.history.revision.restoreButton.click();
    await tick();
    await tick();
    expect(app.editor.text).toBe('Cars crossed on Monday');
    expect(document.getElementById('history-view')!.hidden).toBe(true);
    expect(document.getElementById('write-view')!.hidden).toBe(false);
  });
});
