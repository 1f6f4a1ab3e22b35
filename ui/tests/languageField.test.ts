/**
 * The Details tab's Spelling language: the library's default first, the dictionaries on this
 * computer after it, an article's own language kept even without a dictionary here, and a
 * refused change put back.
 */
import { describe, expect, it, vi } from 'vitest';
import { MetadataPanel } from '../src/panels/metadata';
import { Toasts } from '../src/panels/toast';
import { article, fakeIpc, pcKeys, viewOf } from './fakeIpc';

function panel(ipc: ReturnType<typeof fakeIpc>['ipc']) {
  const p = new MetadataPanel({ ipc, toasts: new Toasts(), keys: pcKeys, onUpdated: vi.fn() });
  document.body.replaceChildren(p.root);
  return p;
}

const select = () => document.querySelector<HTMLSelectElement>('[data-testid="meta-language"]')!;
const options = () => [...select().options].map((o) => `${o.value}=${o.textContent}`);

describe('Spelling language', () => {
  it('offers the library default and the dictionaries here, and saves the choice', async () => {
    const { ipc } = fakeIpc(1);
    panel(ipc).load(viewOf(article(1)));
    await vi.waitFor(() => expect(options()).toEqual([
      '=Library default: English (United States)',
      'en_US=English (United States)',
      'en_GB=English (United Kingdom)',
    ]));
    expect(select().value).toBe('');
    select().value = 'en_GB';
    select().dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(ipc.updateArticle).toHaveBeenCalledWith(1, { language: 'en_GB' }));
    expect(ipc.proofingLanguages).toHaveBeenCalledTimes(1);
  });

  it('keeps a language without a dictionary here, marked, and asks for the list once', async () => {
    const { ipc } = fakeIpc(2);
    const p = panel(ipc);
    p.load(viewOf(article(1, { language: 'fr_FR' })));
    await vi.waitFor(() => expect(options()).toContain('fr_FR=fr_FR (no dictionary here)'));
    expect(select().value).toBe('fr_FR');
    p.load(viewOf(article(2)));
    await vi.waitFor(() => expect(select().value).toBe(''));
    expect(options()).not.toContain('fr_FR=fr_FR (no dictionary here)');
    expect(ipc.proofingLanguages).toHaveBeenCalledTimes(1);
  });

  it('puts a refused choice back and shows the sentence', async () => {
    const { ipc } = fakeIpc(1);
    ipc.updateArticle.mockRejectedValueOnce({ kind: 'invalid', message: '“en_ZZ” is not a language' });
    panel(ipc).load(viewOf(article(1, { language: 'en_GB' })));
    await vi.waitFor(() => expect(select().value).toBe('en_GB'));
    select().value = 'en_US';
    select().dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelector('#meta-language-error')!.textContent).toContain('is not a language'));
    expect(select().value).toBe('en_GB');
  });
});
