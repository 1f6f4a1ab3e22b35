/**
 * The Export dialog: a story under embargo is refused with the core's sentence and exported only
 * when the editor says "Export anyway", to the folder already chosen; other refusals offer no such
 * button.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openExportDialog } from '../src/panels/exportDialog';
import { Toasts } from '../src/panels/toast';
import { fakeIpc } from './fakeIpc';

const STORY = { id: 4, headline: 'Budget vote', slug: 'budget-vote' };
const EMBARGOED = { kind: 'embargoed', message: '“Budget vote” is under embargo until 3 December 2026, 17:00 UTC.' };

function dialog() {
  const { ipc } = fakeIpc(1);
  const chooseFolder = vi.fn(async () => '/exports');
  const d = openExportDialog({ ipc, toasts: new Toasts(), chooseFolder }, STORY);
  return { ipc, chooseFolder, d };
}

describe('Export dialog', () => {
  beforeEach(() => document.body.replaceChildren());

  it('refuses an embargoed story with the sentence, then exports it anyway to the same folder', async () => {
    const { ipc, chooseFolder, d } = dialog();
    ipc.exportArticles.mockRejectedValueOnce(EMBARGOED).mockResolvedValueOnce({ pages: ['/exports/budget-vote.html'], images: [], index: null });
    d.querySelector<HTMLButtonElement>('[data-testid="export-run"]')!.click();
    await vi.waitFor(() => expect(d.querySelector('[role="alert"]')?.textContent).toContain('under embargo'));
    expect(ipc.exportArticles).toHaveBeenLastCalledWith([4], '/exports', true, false);
    d.querySelector<HTMLButtonElement>('[data-testid="export-anyway"]')!.click();
    await vi.waitFor(() => expect(d.textContent).toContain('Exported the page.'));
    expect(ipc.exportArticles).toHaveBeenLastCalledWith([4], '/exports', true, true);
    expect(chooseFolder).toHaveBeenCalledTimes(1);
    expect(d.querySelector('[data-testid="export-anyway"]')).toBeNull();
  });

  it('offers no override for other refusals', async () => {
    const { ipc, d } = dialog();
    ipc.exportArticles.mockRejectedValueOnce({ kind: 'io', message: 'The folder /exports is read-only.' });
    d.querySelector<HTMLButtonElement>('[data-testid="export-run"]')!.click();
    await vi.waitFor(() => expect(d.querySelector('[role="alert"]')?.textContent).toContain('read-only'));
    expect(d.querySelector('[data-testid="export-anyway"]')).toBeNull();
  });
});
