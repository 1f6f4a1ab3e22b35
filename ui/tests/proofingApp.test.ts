import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, SAVE_DELAY_MS } from '../src/app';
import { CHECK_DELAY_MS } from '../src/proofing/checker';
import { fakeIpc, indexBody, testPlatform } from './fakeIpc';
import { dropSelectionChanges } from './selectionChanges';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('spell and grammar checking in the app', () => {
  beforeEach(() => {
    document.body.innerHTML = indexBody;
    dropSelectionChanges();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('starts after the first screen, counts in the status bar, and a chosen fix is saved like typing', async () => {
    const { ipc, articles } = fakeIpc(2);
    articles[0]!.body = 'The mayor said teh council would meet.';
    const app = new App(ipc, testPlatform());
    const setProofing = vi.spyOn(app.editor, 'setProofing');
    await app.start();
    // The first screen is drawn without it.
    expect(setProofing).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(setProofing).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(ipc.proofread).toHaveBeenCalledWith(1, 'The mayor said teh council would meet.'), { timeout: CHECK_DELAY_MS * 3 });
    const status = document.querySelector<HTMLElement>('[data-testid="statusbar"] [data-testid="proof-status"]')!;
    await vi.waitFor(() => expect(status.textContent).toBe('1 spelling'));
    expect(status.previousElementSibling?.classList.contains('word-stats')).toBe(true);

    document.querySelector('.cm-proof-spelling')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    document.querySelector<HTMLButtonElement>('.menu [role="menuitem"]')!.click();
    expect(app.editor.text).toBe('The mayor said the council would meet.');
    await wait(SAVE_DELAY_MS + 50);
    expect(ipc.saveBody).toHaveBeenCalledWith(1, 'The mayor said the council would meet.', 'The mayor said teh council would meet.');
    expect(status.hidden).toBe(true);

    // Another article is checked too, with the same extension.
    await app.open(2);
    await vi.waitFor(() => expect(ipc.proofread).toHaveBeenLastCalledWith(2, 'Body of 2'), { timeout: CHECK_DELAY_MS * 3 });
    expect(setProofing).toHaveBeenCalledOnce();
  });

  it('checks the open article again at once when its language changes', async () => {
    const { ipc } = fakeIpc(2);
    const app = new App(ipc, testPlatform());
    await app.start();
    await vi.waitFor(() => expect(ipc.proofread).toHaveBeenCalledOnce(), { timeout: CHECK_DELAY_MS * 3 });
    const language = document.querySelector<HTMLSelectElement>('[data-testid="meta-language"]')!;
    await vi.waitFor(() => expect([...language.options].map((o) => o.value)).toContain('en_GB'));
    language.value = 'en_GB';
    language.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(ipc.proofread).toHaveBeenCalledTimes(2));
    expect(ipc.updateArticle).toHaveBeenCalledWith(1, { language: 'en_GB' });
    expect(ipc.proofread).toHaveBeenLastCalledWith(1, 'Body of 1');
    expect(app.editor.text).toBe('Body of 1');
  });

  it('lists the library’s own words from the ⋯ menu; removing one checks the open article again', async () => {
    const { ipc, articles } = fakeIpc(2);
    articles[0]!.body = 'Brankovic spoke in Ouagadougou.';
    await ipc.addToDictionary('Brankovic');
    await ipc.addToDictionary('Ouagadougou');
    const app = new App(ipc, testPlatform());
    await app.start();
    await vi.waitFor(() => expect(ipc.proofread).toHaveBeenCalledOnce(), { timeout: CHECK_DELAY_MS * 3 });
    expect(document.querySelector('.cm-proof-spelling')).toBeNull();

    document.querySelector<HTMLButtonElement>('[aria-label="More article actions"]')!.click();
    [...document.querySelectorAll<HTMLButtonElement>('.menu [role="menuitem"]')].find((b) => b.textContent === 'Spelling and grammar…')!.click();
    const words = () => [...document.querySelectorAll('[data-testid="dictionary-words"] li span')].map((s) => s.textContent);
    await vi.waitFor(() => expect(words()).toEqual(['Brankovic', 'Ouagadougou']));

    document.querySelector<HTMLButtonElement>('[aria-label="Remove “Brankovic”"]')!.click();
    await vi.waitFor(() => expect(words()).toEqual(['Ouagadougou']));
    expect(ipc.removeFromDictionary).toHaveBeenCalledWith('Brankovic');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove “Ouagadougou”');
    // The open article is checked again at once: the name is flagged now.
    await vi.waitFor(() => expect(document.querySelector('.cm-proof-spelling')?.textContent).toBe('Brankovic'));

    document.querySelector<HTMLButtonElement>('[aria-label="Remove “Ouagadougou”"]')!.click();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="dictionary-words"]')!.hasAttribute('hidden')).toBe(true));
    expect(document.querySelector('[data-testid="dictionary-dialog"]')!.textContent).toContain('No words yet.');
    expect(document.activeElement?.textContent).toBe('Close');
  });

  it('switches checking off and on from the dialog; off, the library’s choice keeps it off at start', async () => {
    const { ipc, articles } = fakeIpc(1);
    articles[0]!.body = 'The mayor said teh council would meet.';
    const app = new App(ipc, testPlatform());
    await app.start();
    await vi.waitFor(() => expect(document.querySelector('.cm-proof-spelling')).not.toBeNull(), { timeout: CHECK_DELAY_MS * 3 });
    const status = document.querySelector<HTMLElement>('[data-testid="proof-status"]')!;
    expect(status.hidden).toBe(false);

    await app.showDictionary();
    const box = document.querySelector<HTMLInputElement>('[data-testid="check-as-you-type"]')!;
    await vi.waitFor(() => expect(box.checked).toBe(true));
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelector('.cm-proof-spelling')).toBeNull());
    expect(ipc.setChecksAsYouType).toHaveBeenCalledWith(false);
    expect(status.hidden).toBe(true);

    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelector('.cm-proof-spelling')?.textContent).toBe('teh'), { timeout: CHECK_DELAY_MS * 3 });
    await vi.waitFor(() => expect(status.textContent).toBe('1 spelling'));

    // Off in the library: the next start loads no checking at all.
    await ipc.setChecksAsYouType(false);
    document.body.innerHTML = indexBody;
    const next = new App(ipc, testPlatform());
    const setProofing = vi.spyOn(next.editor, 'setProofing');
    await next.start();
    await vi.waitFor(() => expect(ipc.checksAsYouType).toHaveBeenCalledTimes(3));
    await wait(CHECK_DELAY_MS * 2);
    expect(setProofing).not.toHaveBeenCalled();
    expect(document.querySelector('[data-testid="proof-status"]')).toBeNull();
  });

  it('says so when checking cannot be switched, and the box shows what is so', async () => {
    const { ipc } = fakeIpc(1);
    ipc.setChecksAsYouType.mockRejectedValueOnce({ kind: 'io', message: 'The library could not be written.' });
    const app = new App(ipc, testPlatform());
    await app.start();
    await app.showDictionary();
    const box = document.querySelector<HTMLInputElement>('[data-testid="check-as-you-type"]')!;
    await vi.waitFor(() => expect(box.checked).toBe(true));
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelector('.toast-error')?.textContent).toContain('Checking could not be switched off: The library could not be written.'));
    expect(box.checked).toBe(true);
  });

  it('says so when a word cannot be removed, and keeps it listed', async () => {
    const { ipc } = fakeIpc(1);
    await ipc.addToDictionary('Brankovic');
    ipc.removeFromDictionary.mockRejectedValueOnce({ kind: 'io', message: 'The library could not be written.' });
    const app = new App(ipc, testPlatform());
    await app.start();
    await app.showDictionary();
    document.querySelector<HTMLButtonElement>('[aria-label="Remove “Brankovic”"]')!.click();
    await vi.waitFor(() => expect(document.querySelector('.toast-error')?.textContent).toContain('“Brankovic” could not be removed from the dictionary: The library could not be written.'));
    expect(document.querySelector('[data-testid="dictionary-words"]')!.textContent).toContain('Brankovic');
  });
});
