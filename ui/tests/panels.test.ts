import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryPanel, ROW_HEIGHT } from '../src/panels/library';
import { MetadataPanel } from '../src/panels/metadata';
import { RelatedPanel } from '../src/panels/related';
import { PhotosPanel, needsFeatured } from '../src/panels/photos';
import { SaveIndicator, saveLabel } from '../src/panels/saveState';
import { Toasts } from '../src/panels/toast';
import { article, fakeIpc, linuxMedia, pcKeys, viewOf } from './fakeIpc';
import type { PhotoUse, RelatedLink } from '../src/types';

const tick = () => new Promise((r) => setTimeout(r, 0));

function actions() {
  return { open: vi.fn(), create: vi.fn(), duplicate: vi.fn(), archive: vi.fn(), trash: vi.fn(), restore: vi.fn() };
}

describe('LibraryPanel', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('renders only the visible rows of 10,000 articles and fetches pages as it scrolls', async () => {
    const { ipc } = fakeIpc(10_000);
    const lib = new LibraryPanel({ ipc, toasts: new Toasts(), actions: actions(), mediaUrl: linuxMedia, keys: pcKeys, photoFile: () => null, now: () => 1_700_000_000 });
    document.body.append(lib.root);
    const scroller = lib.root.querySelector<HTMLElement>('[aria-label="Articles"]')!;
    Object.defineProperty(scroller, 'clientHeight', { value: 760, configurable: true });
    await lib.reload();
    await tick();
    lib.render();
    const rows = () => lib.root.querySelectorAll('[role="option"]');
    expect(rows().length).toBeLessThan(40);
    expect(lib.root.querySelector('.vlist-spacer')!.getAttribute('style')).toContain(`${10_000 * ROW_HEIGHT}px`);
    expect(rows()[0]!.textContent).toContain('Story 1');
    expect(rows()[0]!.textContent).toContain('1 min ago');
    expect(ipc.listArticles).toHaveBeenCalledWith({ trashed: false, limit: 100, offset: 0 });

    scroller.scrollTop = ROW_HEIGHT * 5_000;
    lib.render();
    await tick();
    lib.render();
    expect(ipc.listArticles).toHaveBeenCalledWith({ trashed: false, limit: 100, offset: 4_900 });
    expect(rows()[0]!.getAttribute('aria-posinset')).toBe(String(5_000 - 6 + 1));
    expect(lib.root.textContent).toContain('Story 5001');
    expect(lib.root.textContent).toContain('10,000 articles');
  });

  it('says the list is empty only once it has been counted, not while the count is on its way', async () => {
    const { ipc } = fakeIpc(0);
    let answer: (n: number) => void = () => undefined;
    ipc.countArticles.mockImplementationOnce(() => new Promise<number>((resolve) => (answer = resolve)));
    const lib = new LibraryPanel({ ipc, toasts: new Toasts(), actions: actions(), mediaUrl: linuxMedia, keys: pcKeys, photoFile: () => null });
    document.body.append(lib.root);
    const loading = lib.reload();
    lib.render();
    expect(lib.root.textContent).not.toContain('No articles match these filters.');
    answer(0);
    await loading;
    expect(lib.root.textContent).toContain('No articles match these filters.');
  });

  it('keeps the thumbnails it drew when it draws the rows again (after a save, or a change elsewhere)', async () => {
    const { ipc, articles } = fakeIpc(3);
    articles[0]!.featured_photo = 7;
    const file = { hash: 'a'.repeat(64), format: 'jpeg' as const, width: 10, height: 10, bytes: 100, original_name: 'quay.jpg' };
    const lib = new LibraryPanel({ ipc, toasts: new Toasts(), actions: actions(), mediaUrl: linuxMedia, keys: pcKeys, photoFile: (id) => (id === 7 ? file : null) });
    document.body.append(lib.root);
    await lib.reload();
    await tick();
    lib.render();
    const thumb = lib.root.querySelector('img.row-thumb');
    expect(thumb).not.toBeNull();
    lib.patchRow({ id: 1, updated_at: 1_700_000_500 });
    lib.render();
    await lib.refresh();
    await tick();
    lib.render();
    expect(lib.root.querySelector('img.row-thumb')).toBe(thumb);
    expect(lib.root.querySelectorAll('.row-loading')).toHaveLength(0);
  });

  it('searches as you type and highlights matches with <mark>', async () => {
    vi.useFakeTimers();
    const { ipc } = fakeIpc(5);
    const act = actions();
    const lib = new LibraryPanel({ ipc, toasts: new Toasts(), actions: act, mediaUrl: linuxMedia, keys: pcKeys, photoFile: () => null });
    document.body.append(lib.root);
    lib.searchInput.value = 'Story 3';
    lib.searchInput.dispatchEvent(new Event('input'));
    lib.searchInput.value = 'Story 4';
    lib.searchInput.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(200);
    vi.useRealTimers();
    expect(ipc.searchArticles).toHaveBeenCalledTimes(1);
    expect(ipc.searchArticles).toHaveBeenCalledWith('Story 4', 50);
    const results = lib.root.querySelector('[aria-label="Search results"]')!;
    expect(results.querySelector('mark')!.textContent).toBe('Story 4');
    (results.querySelector('.hit') as HTMLElement).click();
    expect(act.open).toHaveBeenCalledWith(4);
  });

  it('names the "no filter" choices briefly and keeps the filters\' accessible names', async () => {
    const { ipc } = fakeIpc(3);
    const lib = new LibraryPanel({ ipc, toasts: new Toasts(), actions: actions(), photoFile: () => null, mediaUrl: linuxMedia, keys: pcKeys });
    await lib.loadSections();
    const status = lib.root.querySelector<HTMLSelectElement>('select[aria-label="Filter by status"]')!;
    const section = lib.root.querySelector<HTMLSelectElement>('select[aria-label="Filter by section"]')!;
    expect(status.selectedOptions[0].textContent).toBe('Status');
    expect(section.selectedOptions[0].textContent).toBe('Section');
    expect([...section.options].map((o) => o.textContent)).toEqual(['Section', 'Economy', 'World']);
  });

  it('shows a readable error when the list cannot load', async () => {
    const { ipc } = fakeIpc(1);
    ipc.countArticles.mockRejectedValueOnce({ kind: 'locked', message: 'The library is busy; try again in a moment.' });
    const toasts = new Toasts();
    const lib = new LibraryPanel({ ipc, toasts, actions: actions(), mediaUrl: linuxMedia, keys: pcKeys, photoFile: () => null });
    await lib.reload();
    expect(toasts.root.textContent).toContain('The library is busy; try again in a moment.');
  });

  it('offers restore in the trash', async () => {
    const { ipc, articles } = fakeIpc(2);
    articles[0]!.trashed_at = 1;
    const act = actions();
    const lib = new LibraryPanel({ ipc, toasts: new Toasts(), actions: act, mediaUrl: linuxMedia, keys: pcKeys, photoFile: () => null });
    document.body.append(lib.root);
    (lib.root.querySelector('button[aria-pressed]') as HTMLButtonElement).click();
    await tick();
    await tick();
    lib.render();
    await tick();
    lib.render();
    expect(lib.root.textContent).toContain('1 in the trash');
    (lib.root.querySelector('.row-more') as HTMLButtonElement).click();
    const restore = [...document.querySelectorAll('[role="menuitem"]')].find((b) => b.textContent === 'Restore') as HTMLButtonElement;
    restore.click();
    expect(act.restore).toHaveBeenCalledWith(1);
  });
});

describe('MetadataPanel', () => {
  it('saves a field on change and shows the core’s error inline', async () => {
    const { ipc } = fakeIpc(1);
    const onUpdated = vi.fn();
    const panel = new MetadataPanel({ ipc, toasts: new Toasts(), keys: pcKeys, onUpdated });
    document.body.replaceChildren(panel.root);
    panel.load(viewOf(article(1)));
    const headline = panel.root.querySelector<HTMLTextAreaElement>('[data-testid="meta-headline"]')!;
    expect(document.querySelector('label[for="meta-headline"]')!.textContent).toBe('Headline');
    headline.value = 'A much better headline';
    headline.dispatchEvent(new Event('input'));
    headline.dispatchEvent(new Event('change'));
    await tick();
    expect(ipc.updateArticle).toHaveBeenCalledWith(1, { headline: 'A much better headline' });
    expect(onUpdated).toHaveBeenCalled();
    expect(panel.root.textContent).toContain('22/70');

    ipc.updateArticle.mockRejectedValueOnce({ kind: 'duplicate_slug', message: 'The slug “story-2” belongs to another article.' });
    const slug = panel.root.querySelector<HTMLInputElement>('[data-testid="meta-slug"]')!;
    slug.value = 'story-2';
    slug.dispatchEvent(new Event('change'));
    await tick();
    expect(document.getElementById('meta-slug-error')!.textContent).toBe('The slug “story-2” belongs to another article.');
    expect(slug.value).toBe('story-2');
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    slug.value = 'story-3';
    slug.dispatchEvent(new Event('input'));
    expect(slug.hasAttribute('aria-invalid')).toBe(false);

    ipc.updateArticle.mockRejectedValueOnce({ kind: 'invalid', message: 'A headline cannot be empty.' });
    headline.value = '';
    headline.dispatchEvent(new Event('change'));
    await tick();
    expect(headline.hasAttribute('aria-invalid')).toBe(false);
  });

  it('warns about long headlines and limits statuses to the allowed moves', () => {
    const { ipc } = fakeIpc(1);
    const panel = new MetadataPanel({ ipc, toasts: new Toasts(), keys: pcKeys, onUpdated: vi.fn() });
    panel.load(viewOf(article(1, { headline: 'x'.repeat(80) }), ['draft', 'editing', 'archived']));
    expect(panel.root.querySelector('#meta-headline-hint')!.getAttribute('data-level')).toBe('long');
    const options = [...panel.root.querySelectorAll<HTMLOptionElement>('[data-testid="meta-status"] option')].map((o) => o.value);
    expect(options).toEqual(['draft', 'editing', 'archived']);
  });

  it('offers the moves the core allows now when the workflow refuses one', async () => {
    const { ipc } = fakeIpc(1);
    const panel = new MetadataPanel({ ipc, toasts: new Toasts(), keys: pcKeys, onUpdated: vi.fn() });
    document.body.replaceChildren(panel.root);
    panel.load(viewOf(article(1), ['draft', 'editing', 'archived']));
    // Meanwhile another program moved the story on to "editing".
    ipc.updateArticle.mockRejectedValueOnce({ kind: 'invalid_transition', message: 'article 1 cannot go from editing to editing' });
    ipc.openArticle.mockResolvedValueOnce(viewOf(article(1, { status: 'editing' }), ['draft', 'ready', 'archived']));
    const status = panel.root.querySelector<HTMLSelectElement>('[data-testid="meta-status"]')!;
    status.value = 'editing';
    status.dispatchEvent(new Event('change'));
    await tick();
    await tick();
    const options = [...status.querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual(['editing', 'draft', 'ready', 'archived']);
    expect(status.value).toBe('editing');
    expect(document.getElementById('meta-status-error')!.textContent).toBe('article 1 cannot go from editing to editing');
  });

  it('leaves the status menu alone when a move fails for another reason', async () => {
    const { ipc } = fakeIpc(1);
    const panel = new MetadataPanel({ ipc, toasts: new Toasts(), keys: pcKeys, onUpdated: vi.fn() });
    document.body.replaceChildren(panel.root);
    panel.load(viewOf(article(1), ['draft', 'editing', 'archived']));
    ipc.updateArticle.mockRejectedValueOnce({ kind: 'locked', message: 'Another program holds the library.' });
    const status = panel.root.querySelector<HTMLSelectElement>('[data-testid="meta-status"]')!;
    status.value = 'editing';
    status.dispatchEvent(new Event('change'));
    await tick();
    expect(ipc.openArticle).not.toHaveBeenCalled();
    expect(status.value).toBe('draft');
  });

  it('adds tags as chips and saves them', async () => {
    const { ipc } = fakeIpc(1);
    const panel = new MetadataPanel({ ipc, toasts: new Toasts(), keys: pcKeys, onUpdated: vi.fn() });
    document.body.replaceChildren(panel.root);
    panel.load(viewOf(article(1, { tags: ['economy'] })));
    const input = panel.root.querySelector<HTMLInputElement>('[data-testid="meta-tags"]')!;
    input.value = 'Sweden, trade';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await tick();
    expect(ipc.updateArticle).toHaveBeenCalledWith(1, { tags: ['economy', 'Sweden', 'trade'] });
    expect(panel.root.querySelectorAll('.chip').length).toBe(3);
    // One thing is named "Tags" (the input); the chip list has a name of its own.
    expect(panel.root.querySelector('ul[aria-label="Current tags"]')!.querySelectorAll('.chip').length).toBe(3);
    expect(panel.root.querySelectorAll('[aria-label="Tags"]').length).toBe(0);
    expect(panel.root.querySelector('label[for="meta-tags"]')!.textContent).toBe('Tags');
    (panel.root.querySelector('[aria-label="Remove tag economy"]') as HTMLButtonElement).click();
    await tick();
    expect(ipc.updateArticle).toHaveBeenLastCalledWith(1, { tags: ['Sweden', 'trade'] });
  });

  it('shows the tags the core keeps: a repeat in other capitals is never drawn', async () => {
    const { ipc } = fakeIpc(1);
    const panel = new MetadataPanel({ ipc, toasts: new Toasts(), keys: pcKeys, onUpdated: vi.fn() });
    document.body.replaceChildren(panel.root);
    panel.load(viewOf(article(1, { tags: ['Économie'] })));
    // The core's answer (store's normalize_tags): the repeat is left out.
    ipc.updateArticle.mockResolvedValueOnce({ ...article(1), tags: ['Économie'] });
    const input = panel.root.querySelector<HTMLInputElement>('[data-testid="meta-tags"]')!;
    input.value = 'ÉCONOMIE';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    const chips = () => [...panel.root.querySelectorAll('.chip span')].map((c) => c.textContent);
    expect(chips()).toEqual(['Économie']);
    await tick();
    expect(ipc.updateArticle).toHaveBeenCalledWith(1, { tags: ['Économie', 'ÉCONOMIE'] });
    expect(chips()).toEqual(['Économie']);
  });
});

describe('RelatedPanel', () => {
  const links: RelatedLink[] = [
    { id: 2, title: 'Two', position: 1 },
    { url: 'https://example.com', title: 'Example', position: 2 },
    { id: 3, title: 'Three', position: 3 },
  ];

  it('reorders with buttons and the keyboard using 1-based positions, and undoes a refused move', async () => {
    const { ipc } = fakeIpc(3);
    const onChanged = vi.fn();
    const toasts = new Toasts();
    const panel = new RelatedPanel({ ipc, toasts, onChanged, onOpen: vi.fn() });
    document.body.replaceChildren(panel.root);
    panel.load(1, links, []);
    (panel.root.querySelector('[aria-label="Move Three up"]') as HTMLButtonElement).click();
    await tick();
    expect(ipc.moveRelated).toHaveBeenCalledWith(1, 3, 2);
    expect([...panel.root.querySelectorAll('.related-title')].map((e) => e.textContent?.slice(0, 5))).toEqual(['Two', 'Three', 'Examp']);
    const first = panel.root.querySelector<HTMLElement>('.related-item[data-index="0"]')!;
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', altKey: true, bubbles: true }));
    await tick();
    expect(ipc.moveRelated).toHaveBeenLastCalledWith(1, 1, 3);

    ipc.moveRelated.mockRejectedValueOnce({ kind: 'not_found', message: 'That link is gone.' });
    await panel.move(0, 1);
    expect(toasts.root.textContent).toContain('That link is gone.');
    expect(panel.root.querySelector('.related-item[data-index="0"] .related-title')!.textContent).toBe('Three');
  });

  it('adds from search and shows backlinks', async () => {
    const { ipc } = fakeIpc(4);
    ipc.addRelated.mockResolvedValueOnce({ id: 4, title: 'Story 4', position: 1 });
    const onOpen = vi.fn();
    const panel = new RelatedPanel({ ipc, toasts: new Toasts(), onChanged: vi.fn(), onOpen });
    document.body.replaceChildren(panel.root);
    panel.load(1, [], [{ id: 3, slug: 's', headline: 'Story 3', section: '', status: 'draft', byline: '', updated_at: 0, word_count: 0, featured_photo: null, kicker: '', embargo: null }]);
    vi.useFakeTimers();
    panel.searchInput.value = 'Story 4';
    panel.searchInput.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(200);
    vi.useRealTimers();
    expect(panel.root.querySelectorAll('[role="option"]').length).toBe(1);
    (panel.root.querySelector('[data-testid="add-related"]') as HTMLButtonElement).click();
    await tick();
    expect(ipc.addRelated).toHaveBeenCalledWith(1, { id: 4 }, 'Story 4');
    expect(panel.root.querySelector('.related-list')!.textContent).toContain('Story 4');
    const back = [...panel.root.querySelectorAll('.backlinks button')][0] as HTMLButtonElement;
    back.click();
    expect(onOpen).toHaveBeenCalledWith(3);
  });
});

describe('PhotosPanel', () => {
  const use = (id: number, file: boolean, role: 'featured' | 'inline' = 'inline'): PhotoUse => ({
    article_id: 1,
    role,
    position: id,
    caption_override: null,
    photo: {
      id, caption: `Caption ${id}`, credit: 'POOL (Reuters)', alt: `Alt ${id}`, created_at: 0, trashed_at: null,
      file: file ? { hash: 'b'.repeat(64), format: 'png', width: 800, height: 600, bytes: 2048, original_name: 'x.png' } : null,
    },
  });

  it('inserts photo markdown, shows awaiting photos, and attaches chosen files as featured when none is', async () => {
    const { ipc } = fakeIpc(1);
    const onInsert = vi.fn();
    const picker = { images: vi.fn(async () => ['/tmp/a.jpg']) };
    ipc.attachPhotoFiles.mockResolvedValueOnce([use(5, true)]);
    const panel = new PhotosPanel({ ipc, toasts: new Toasts(), picker, mediaUrl: linuxMedia, onChanged: vi.fn(), onInsert });
    document.body.replaceChildren(panel.root);
    panel.load(1, [use(1, true), use(2, false)]);
    expect(panel.root.querySelector('img')!.getAttribute('src')).toBe(`media://localhost/thumb%2F${'b'.repeat(64)}.png`);
    expect(panel.root.querySelector('.is-awaiting')!.textContent).toContain('Choose file…');
    (panel.root.querySelector('.insert-photo') as HTMLButtonElement).click();
    expect(onInsert).toHaveBeenCalledWith('![Alt 1](photo:1 "Caption 1")');
    (panel.root.querySelector('[data-testid="attach-photo"]') as HTMLButtonElement).click();
    await tick();
    await tick();
    expect(ipc.attachPhotoFiles).toHaveBeenCalledWith(1, ['/tmp/a.jpg'], true);
  });

  it('saves caption edits and shows errors next to the field', async () => {
    const { ipc } = fakeIpc(1);
    ipc.updatePhoto.mockRejectedValueOnce({ kind: 'invalid', message: 'A caption cannot be longer than 2,000 characters.' });
    const panel = new PhotosPanel({ ipc, toasts: new Toasts(), picker: { images: vi.fn() }, mediaUrl: linuxMedia, onChanged: vi.fn(), onInsert: vi.fn() });
    document.body.replaceChildren(panel.root);
    panel.load(1, [use(1, true, 'featured')]);
    const caption = panel.root.querySelector<HTMLTextAreaElement>('#photo-1-caption')!;
    caption.value = 'New caption';
    caption.dispatchEvent(new Event('change'));
    await tick();
    expect(ipc.updatePhoto).toHaveBeenCalledWith(1, { caption: 'New caption' });
    expect(panel.root.querySelector('#photo-1-caption-error')!.textContent).toContain('2,000 characters');
  });

  it('inserts and names the photo with its current caption and alt text after they are edited', async () => {
    const { ipc } = fakeIpc(1);
    const onInsert = vi.fn();
    const onChanged = vi.fn();
    const original = use(1, true, 'featured');
    ipc.updatePhoto.mockImplementation(async (_id: number, patch: Partial<PhotoUse['photo']>) => {
      original.photo = { ...original.photo, ...patch };
      return { ...original.photo };
    });
    const panel = new PhotosPanel({ ipc, toasts: new Toasts(), picker: { images: vi.fn() }, mediaUrl: linuxMedia, onChanged, onInsert });
    document.body.replaceChildren(panel.root);
    panel.load(1, [use(1, true, 'featured')]);
    const edit = async (selector: string, value: string) => {
      const control = panel.root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
      control.value = value;
      control.dispatchEvent(new Event('change'));
      await tick();
    };
    await edit('#photo-1-caption', 'Troops cross the river');
    await edit('#photo-1-alt', 'Soldiers wading');
    const insert = panel.root.querySelector('.insert-photo') as HTMLButtonElement;
    insert.click();
    expect(onInsert).toHaveBeenLastCalledWith('![Soldiers wading](photo:1 "Troops cross the river")');
    expect(insert.getAttribute('aria-label')).toBe('Insert photo Troops cross the river in the text');
    expect(panel.root.querySelector('[aria-label="Remove photo Troops cross the river from this article"]')).not.toBeNull();
    expect(panel.root.querySelector('img')!.getAttribute('alt')).toBe('Soldiers wading');
    expect(panel.current[0].photo.alt).toBe('Soldiers wading');
    expect(onChanged).toHaveBeenLastCalledWith(1, [expect.objectContaining({ photo: expect.objectContaining({ caption: 'Troops cross the river' }) })]);

    ipc.setCaptionOverride.mockResolvedValueOnce({ ...use(1, true, 'featured'), caption_override: 'Here: the river' });
    await edit('#photo-1-override', 'Here: the river');
    insert.click();
    expect(onInsert).toHaveBeenLastCalledWith('![Soldiers wading](photo:1 "Here: the river")');
  });

  it('makes a pasted image featured exactly when a chosen file would be', async () => {
    const pasted = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    for (const [existing, expectFeatured] of [[[], true], [[use(1, true, 'inline')], true], [[use(1, true, 'featured')], false]] as const) {
      const { ipc } = fakeIpc(1);
      const onInsert = vi.fn();
      ipc.attachPhotoBytes.mockResolvedValueOnce(use(7, true));
      ipc.setFeaturedPhoto.mockResolvedValueOnce(use(7, true, 'featured'));
      ipc.attachPhotoFiles.mockResolvedValueOnce([use(8, true)]);
      const panel = new PhotosPanel({ ipc, toasts: new Toasts(), picker: { images: vi.fn() }, mediaUrl: linuxMedia, onChanged: vi.fn(), onInsert });
      panel.load(1, [...existing]);
      expect(needsFeatured(existing)).toBe(expectFeatured);
      await panel.attachBlob(pasted);
      if (expectFeatured) expect(ipc.setFeaturedPhoto).toHaveBeenCalledWith(1, 7);
      else expect(ipc.setFeaturedPhoto).not.toHaveBeenCalled();
      expect(onInsert).toHaveBeenCalledWith('![Alt 7](photo:7 "Caption 7")');
      panel.load(1, [...existing]);
      await panel.attachPaths(['/tmp/b.jpg']);
      expect(ipc.attachPhotoFiles).toHaveBeenCalledWith(1, ['/tmp/b.jpg'], expectFeatured);
    }
  });

  it('keeps a pasted photo attached when it cannot be made featured', async () => {
    const { ipc } = fakeIpc(1);
    const toasts = new Toasts();
    const onInsert = vi.fn();
    ipc.attachPhotoBytes.mockResolvedValueOnce(use(7, true));
    ipc.setFeaturedPhoto.mockRejectedValueOnce({ kind: 'database', message: 'The library could not be written.' });
    const panel = new PhotosPanel({ ipc, toasts, picker: { images: vi.fn() }, mediaUrl: linuxMedia, onChanged: vi.fn(), onInsert });
    document.body.replaceChildren(panel.root, toasts.root);
    panel.load(1, []);
    const result = await panel.attachBlob(new Blob([new Uint8Array([1])], { type: 'image/png' }));
    expect(result?.photo.id).toBe(7);
    expect(onInsert).toHaveBeenCalledWith('![Alt 7](photo:7 "Caption 7")');
    expect(toasts.root.textContent).toContain('could not be made featured');
  });
});

describe('save indicator and toasts', () => {
  afterEach(() => vi.useRealTimers());

  it('says Saved / Saving… / Not saved with a retry', () => {
    const actions = { retry: vi.fn(), restoreAndSave: vi.fn() };
    const s = new SaveIndicator(actions);
    expect(s.root.getAttribute('role')).toBe('status');
    expect(s.root.getAttribute('aria-label')).toBe('Save state');
    s.update({ kind: 'saving' });
    expect(s.root.textContent).toContain('Saving…');
    const full = { kind: 'error', reason: 'The disk is full.', errorKind: 'io' } as const;
    s.update(full);
    expect(saveLabel(full)).toBe('Not saved: The disk is full.');
    const button = s.root.querySelector('button')!;
    expect(button.hidden).toBe(false);
    expect(button.textContent).toBe('Retry');
    button.click();
    expect(actions.retry).toHaveBeenCalled();
    expect(actions.restoreAndSave).not.toHaveBeenCalled();
    s.update({ kind: 'saved' });
    expect(button.hidden).toBe(true);
  });

  it('offers to restore a story that went to the trash instead of retrying in vain', () => {
    const actions = { retry: vi.fn(), restoreAndSave: vi.fn() };
    const s = new SaveIndicator(actions);
    s.update({ kind: 'error', reason: 'article 2 is in the trash', errorKind: 'trashed' });
    const button = s.root.querySelector('button')!;
    expect(button.textContent).toBe('Restore and save');
    expect(button.getAttribute('aria-label')).toBe('Restore the story from the trash and save it');
    button.click();
    expect(actions.restoreAndSave).toHaveBeenCalledTimes(1);
    expect(actions.retry).not.toHaveBeenCalled();
    s.update({ kind: 'error', reason: 'The disk is full.', errorKind: 'io' });
    expect(button.textContent).toBe('Retry');
  });

  it('shows errors until dismissed and notices for a while', () => {
    vi.useFakeTimers();
    const t = new Toasts();
    t.error(new Error('boom'), 'Saving failed');
    t.info('Photo attached');
    expect(t.root.textContent).toContain('Saving failed: boom');
    vi.advanceTimersByTime(10_000);
    expect(t.root.textContent).toContain('Saving failed');
    expect(t.root.textContent).not.toContain('Photo attached');
  });
});
