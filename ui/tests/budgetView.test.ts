/**
 * The story budget on screen: the table of the day's stories (an accessible grid whose rows take
 * the focus), the filters and sorting handed to the core, the keys, the empty sentence, the CSV
 * export through the shell's dialog, and the app opening it over the window and a story from it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { BudgetView } from '../src/panels/budget';
import { Toasts } from '../src/panels/toast';
import type { BudgetExport } from '../src/types';
import { DESK_NOW, fakeIpc, framePreview, indexBody, testPlatform } from './fakeIpc';

const HOUR = 3_600;
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Stockholm');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

/** A desk on Thursday 3 December 2026: four stories that day, one the day before, one in the trash. */
function desk() {
  const fake = fakeIpc(6);
  const [council, ferry, harbour, rates, yesterday, trashed] = fake.articles;
  Object.assign(council!, { headline: 'Council vote', section: 'Politics', status: 'ready', embargo: DESK_NOW + HOUR, words_planned: 600, word_count: 580 });
  Object.assign(ferry!, { headline: 'Ferry timetable', section: 'Local', updated_at: DESK_NOW - 3 * HOUR });
  Object.assign(harbour!, { headline: 'Harbour dredging', section: 'Local', status: 'editing', updated_at: DESK_NOW - 2 * HOUR, featured_photo: 7 });
  Object.assign(rates!, { headline: 'Rates rise', section: 'Economy', status: 'published', published_at: DESK_NOW - HOUR });
  Object.assign(yesterday!, { headline: 'Yesterday’s story', updated_at: DESK_NOW - 24 * HOUR });
  Object.assign(trashed!, { headline: 'Withdrawn', updated_at: DESK_NOW, trashed_at: DESK_NOW });
  return fake;
}

function view(fake = desk()) {
  const toasts = new Toasts();
  const onOpen = vi.fn(async (_id: number) => {});
  const budget = new BudgetView({ ipc: fake.ipc, toasts, onOpen, now: () => DESK_NOW });
  const editor = document.createElement('textarea');
  document.body.replaceChildren(editor, toasts.root);
  editor.focus();
  return { budget, onOpen, toasts, editor, ...fake };
}

const headlines = (root: ParentNode) => [...root.querySelectorAll('.budget-rows .budget-row .budget-col-headline')].map((c) => c.textContent);
const header = (root: ParentNode, label: string) => [...root.querySelectorAll<HTMLElement>('[role="columnheader"]')].find((h) => h.textContent === label)!;
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
function choose(select: HTMLSelectElement | HTMLInputElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('the budget view', () => {
  let v: ReturnType<typeof view>;
  beforeEach(async () => {
    v = view();
    await v.budget.show();
  });

  it('lists today’s stories by time, each cell as the desk reads it, in an accessible grid', () => {
    const root = v.budget.root;
    expect(root.querySelector('h2')!.textContent).toBe('Story budget');
    expect(root.querySelector('[data-testid="budget-day-name"]')!.textContent).toBe('Thursday 3 December 2026');
    expect(root.querySelector<HTMLInputElement>('#budget-day')!.value).toBe('2026-12-03');
    expect(root.querySelector('#budget-day')!.getAttribute('title')).toContain('A story belongs to the day of its embargo');
    expect(headlines(root)).toEqual(['Ferry timetable', 'Harbour dredging', 'Rates rise', 'Council vote']);
    expect(root.querySelector('[data-testid="budget-summary"]')!.textContent).toBe('4 stories');

    const grid = root.querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).toBe('5');
    expect([...grid.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent)).toEqual([
      'Slug', 'Headline', 'Section', 'Status', 'Planned', 'Words', 'Time', 'Byline', 'Photos', 'Last desk note',
    ]);
    expect(header(root, 'Time').getAttribute('aria-sort')).toBe('ascending');
    expect(header(root, 'Headline').getAttribute('aria-sort')).toBe('none');

    const council = grid.querySelector<HTMLElement>('.budget-row[data-id="1"]')!;
    expect(council.getAttribute('role')).toBe('row');
    expect(council.getAttribute('aria-rowindex')).toBe('5');
    const cells = [...council.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent);
    expect(cells).toEqual(['story-1', 'Council vote', 'Politics', 'Ready', '600', '580', 'Embargo 19:00', 'Ana Ruiz', 'No', '']);
    expect(council.querySelector('.budget-col-time')!.getAttribute('title')).toBe('Embargoed until Thursday 3 December 2026, 19:00 (Europe/Stockholm time)');
    expect(grid.querySelector('.budget-row[data-id="3"] .budget-col-photos')!.textContent).toBe('Yes');
    // The focus is on the first story, the one Tab comes back to.
    expect(document.activeElement!.getAttribute('data-index')).toBe('0');
    expect(grid.querySelectorAll('.budget-rows [tabindex="0"]')).toHaveLength(1);
  });

  it('moves the focus with the arrow keys and opens the focused story with Enter or a double-click', () => {
    const grid = v.budget.root.querySelector('[role="grid"]')!;
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement!.getAttribute('data-index')).toBe('1');
    key(document.activeElement!, 'End');
    expect(document.activeElement!.getAttribute('data-id')).toBe('1');
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement!.getAttribute('data-index')).toBe('3');
    key(document.activeElement!, 'Home');
    key(document.activeElement!, 'ArrowUp');
    expect(document.activeElement!.getAttribute('data-index')).toBe('0');
    expect(grid.querySelectorAll('.budget-rows [tabindex="0"]')).toHaveLength(1);

    key(document.activeElement!, 'ArrowDown');
    key(document.activeElement!, 'Enter');
    expect(v.onOpen).toHaveBeenCalledWith(3);
    grid.querySelector('.budget-row[data-id="4"]')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(v.onOpen).toHaveBeenLastCalledWith(4);
  });

  it('sorts by a column when its header is clicked, the other way when clicked again', async () => {
    const root = v.budget.root;
    header(root, 'Headline').querySelector('button')!.click();
    await tick();
    expect(v.ipc.budgetPage).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'headline', descending: false, offset: 0, limit: 100 }));
    expect(header(root, 'Headline').getAttribute('aria-sort')).toBe('ascending');
    expect(header(root, 'Time').getAttribute('aria-sort')).toBe('none');
    expect(headlines(root)).toEqual(['Council vote', 'Ferry timetable', 'Harbour dredging', 'Rates rise']);
    header(root, 'Headline').querySelector('button')!.click();
    await tick();
    expect(header(root, 'Headline').getAttribute('aria-sort')).toBe('descending');
    expect(headlines(root)).toEqual(['Rates rise', 'Harbour dredging', 'Ferry timetable', 'Council vote']);
  });

  it('hands the day, section and status to the core, and says so when nothing matches', async () => {
    const root = v.budget.root;
    choose(root.querySelector<HTMLSelectElement>('#budget-section')!, 'Economy');
    await tick();
    expect(headlines(root)).toEqual(['Rates rise']);
    const day = { start: Date.UTC(2026, 11, 2, 23) / 1000, end: Date.UTC(2026, 11, 3, 23) / 1000 };
    expect(v.ipc.budgetPage).toHaveBeenLastCalledWith({ day, section: 'Economy', sort: 'time', descending: false, offset: 0, limit: 100 });

    choose(root.querySelector<HTMLSelectElement>('#budget-status')!, 'draft');
    await tick();
    expect(headlines(root)).toEqual([]);
    const empty = root.querySelector<HTMLElement>('[data-testid="budget-empty"]')!;
    expect(empty.closest('[hidden]')).toBeNull();
    expect(empty.textContent).toBe('No stories for Thursday 3 December 2026 in Economy with the status Draft. Choose another day or clear a filter.');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="budget-export"]')!.disabled).toBe(true);

    choose(root.querySelector<HTMLSelectElement>('#budget-status')!, '');
    choose(root.querySelector<HTMLSelectElement>('#budget-section')!, '');
    (root.querySelector('[aria-label="Previous day"]') as HTMLButtonElement).click();
    await tick();
    expect(root.querySelector<HTMLInputElement>('#budget-day')!.value).toBe('2026-12-02');
    expect(headlines(root)).toEqual(['Yesterday’s story']);
    expect(empty.closest('[hidden]')).not.toBeNull();

    // An emptied day field is every day; the trash is never listed.
    choose(root.querySelector<HTMLInputElement>('#budget-day')!, '');
    await tick();
    expect(root.querySelector('[data-testid="budget-day-name"]')!.textContent).toBe('Every day');
    expect(headlines(root)).toHaveLength(5);
    expect(headlines(root)).not.toContain('Withdrawn');
    (root.querySelector('[data-testid="budget-today"]') as HTMLButtonElement).click();
    await tick();
    expect(headlines(root)).toHaveLength(4);
  });

  it('exports what it shows as CSV through the shell’s save dialog, and says where', async () => {
    const root = v.budget.root;
    header(root, 'Byline').querySelector('button')!.click();
    await tick();
    root.querySelector<HTMLButtonElement>('[data-testid="budget-export"]')!.click();
    await tick();
    const day = { start: Date.UTC(2026, 11, 2, 23) / 1000, end: Date.UTC(2026, 11, 3, 23) / 1000 };
    // The filters and the order, never a page: the CSV holds every matching story.
    expect(v.ipc.exportBudgetCsv).toHaveBeenCalledWith({ day, sort: 'byline', descending: false });
    expect(v.toasts.root.textContent).toContain('Exported 4 stories to /home/ana/budget-2026-12-03.csv');

    // Cancelled in the dialog: nothing to say.
    v.ipc.exportBudgetCsv.mockResolvedValueOnce(null as unknown as BudgetExport);
    root.querySelector<HTMLButtonElement>('[data-testid="budget-export"]')!.click();
    await tick();
    expect(v.toasts.root.querySelectorAll('.toast')).toHaveLength(1);

    v.ipc.exportBudgetCsv.mockRejectedValueOnce({ kind: 'io', message: 'could not write “/home/ana/budget.csv”: Permission denied' });
    root.querySelector<HTMLButtonElement>('[data-testid="budget-export"]')!.click();
    await tick();
    expect(v.toasts.root.querySelector('.toast-error')!.textContent).toContain('The budget could not be exported: could not write “/home/ana/budget.csv”');
  });

  it('takes the whole window, and gives it back with Escape or its button, the focus where it was', async () => {
    expect(v.budget.root.parentElement).toBe(document.body);
    expect(document.body.classList.contains('budget-open')).toBe(true);
    key(document.activeElement!, 'Escape');
    expect(v.budget.root.hidden).toBe(true);
    expect(document.body.classList.contains('budget-open')).toBe(false);
    expect(document.activeElement).toBe(v.editor);

    await v.budget.toggle();
    expect(v.budget.shown).toBe(true);
    (v.budget.root.querySelector('[data-testid="budget-back"]') as HTMLButtonElement).click();
    expect(v.budget.shown).toBe(false);
    expect(document.activeElement).toBe(v.editor);
  });
});

describe('the budget in the app', () => {
  beforeEach(() => {
    document.body.innerHTML = indexBody;
    framePreview(document.querySelector<HTMLIFrameElement>('#preview-pane iframe')!);
    window.__newsroomPerf = [];
    // Today is the desk's Thursday (the clock alone: timers run as usual).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(DESK_NOW * 1000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens over the window with Ctrl+Shift+B, opens a story in the editor with Enter, and Escape returns', async () => {
    const { ipc } = desk();
    const app = new App(ipc, testPlatform());
    await app.start();
    expect(app.current!.article.id).toBe(1);
    expect(document.querySelector('[data-testid="budget"]')).toBeNull();

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'B', code: 'KeyB', ctrlKey: true, shiftKey: true, cancelable: true }));
    await vi.waitFor(() => expect(document.querySelector('[data-testid="budget"]:not([hidden])')).not.toBeNull());
    expect(document.body.classList.contains('budget-open')).toBe(true);
    await vi.waitFor(() => expect(document.activeElement!.classList.contains('budget-row')).toBe(true));

    // Back with Escape: the editor as it was.
    key(document.activeElement!, 'Escape');
    expect(document.body.classList.contains('budget-open')).toBe(false);
    expect(document.querySelector<HTMLElement>('[data-testid="budget"]')!.hidden).toBe(true);

    // From the "⋯" menu, then a story opened from it.
    document.querySelector<HTMLButtonElement>('[aria-label="More article actions"]')!.click();
    const item = [...document.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent === 'Story budget (Ctrl+Shift+B)')!;
    item.click();
    await vi.waitFor(() => expect(document.body.classList.contains('budget-open')).toBe(true));
    await vi.waitFor(() => expect(document.activeElement!.classList.contains('budget-row')).toBe(true));
    const row = document.querySelector<HTMLElement>('.budget-rows .budget-row[data-id="3"]')!;
    row.click();
    key(row, 'Enter');
    await vi.waitFor(() => expect(app.current!.article.id).toBe(3));
    expect(document.body.classList.contains('budget-open')).toBe(false);
    expect(app.editor.text).toBe('Body of 3');
  });
});
