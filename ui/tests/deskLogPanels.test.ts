/**
 * Corrections, updates and the desk's notes in the panels: the Details tab's two sections (the
 * confirm step before anything is printed, the core's refusals, Ctrl+Enter for a note), the preview
 * closing the story with the export's markup, and the app keeping the list, preview, history and
 * library row in step.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { h } from '../src/dom';
import { CorrectionsSection } from '../src/panels/corrections';
import { DeskNotesSection } from '../src/panels/deskNotes';
import { Toasts } from '../src/panels/toast';
import type { Correction } from '../src/types';
import { DESK_NOW, article, fakeIpc, framePreview, framedPreviewPanel, indexBody, testPlatform } from './fakeIpc';

const tick = () => new Promise((r) => setTimeout(r, 0));
/** Published a week before the fake shell's clock. */
const PUBLISHED = DESK_NOW - 7 * 86_400;
const VOTE: Correction = { kind: 'correction', text: 'The vote was 7-2, not 6-3.', at: DESK_NOW };

beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Stockholm');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

function type(box: HTMLTextAreaElement, text: string): void {
  box.value = text;
  box.dispatchEvent(new Event('input'));
}

/** A button of `root` by its visible text (as the editor finds it). */
function buttonNamed(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name && !b.closest('[hidden]'));
  if (!found) throw new Error(`no visible button "${name}"`);
  return found;
}

function shown(el: Element | null): boolean {
  return !!el && !el.closest('[hidden]');
}

describe('the Corrections and updates section', () => {
  let ipc: ReturnType<typeof fakeIpc>['ipc'];
  let articles: ReturnType<typeof fakeIpc>['articles'];
  let section: CorrectionsSection;
  let onAdded: ReturnType<typeof vi.fn>;
  const box = () => section.root.querySelector<HTMLTextAreaElement>('#correction-text')!;
  const entries = () => [...section.root.querySelectorAll('[data-testid="corrections"] li')].map((li) => li.textContent);
  const error = () => section.root.querySelector('#correction-text-error')!.textContent;

  beforeEach(() => {
    ({ ipc, articles } = fakeIpc(2));
    articles[0]!.published_at = PUBLISHED;
    onAdded = vi.fn();
    section = new CorrectionsSection({ ipc, toasts: new Toasts(), onAdded, now: () => DESK_NOW });
    document.body.replaceChildren(section.root);
  });

  it('offers nothing to add before the story is published, and says when it will', () => {
    section.load(articles[1]!, []);
    expect(section.root.hidden).toBe(false);
    expect(section.root.querySelector('h3')!.textContent).toBe('Corrections and updates');
    expect(section.root.querySelector('[data-testid="corrections-unpublished"]')!.textContent).toBe('Corrections and updates are added once the story is published.');
    expect(shown(box())).toBe(false);
    expect([...section.root.querySelectorAll('button')].filter(shown)).toHaveLength(0);
    expect(shown(section.root.querySelector('[data-testid="corrections"]'))).toBe(false);

    // Published (the status moved on in the same tab): the box appears.
    section.load({ ...articles[1]!, published_at: DESK_NOW }, []);
    expect(shown(box())).toBe(true);
    expect(shown(section.root.querySelector('[data-testid="corrections-unpublished"]'))).toBe(false);
    expect(entries()).toEqual(['No corrections or updates yet.']);
  });

  it('lists the entries as the page prints them, oldest first', () => {
    section.load(articles[0]!, [VOTE, { kind: 'update', text: 'The mayor has resigned.', at: DESK_NOW + 86_400 }]);
    expect(entries()).toEqual(['Correction, 3 December 2026: The vote was 7-2, not 6-3.', 'Update, 4 December 2026: The mayor has resigned.']);
    expect(section.root.querySelector('[data-testid="corrections"] li time')!.getAttribute('datetime')).toBe('2026-12-03T17:00:00Z');
  });

  it('asks once, showing the line as printed with today’s date, before it adds a correction', async () => {
    section.load(articles[0]!, []);
    const add = buttonNamed(section.root, 'Add correction');
    expect(add.disabled).toBe(true);
    expect(buttonNamed(section.root, 'Add update').disabled).toBe(true);
    type(box(), 'The vote was\n7-2, not 6-3.');
    expect(add.disabled).toBe(false);
    add.click();
    const confirm = section.root.querySelector('[data-testid="correction-confirm"]')!;
    expect(shown(confirm)).toBe(true);
    expect(confirm.textContent).toContain('This correction will be printed at the end of the story with today’s date, and cannot be changed or removed afterwards:');
    expect(confirm.querySelector('.desk-confirm-line')!.textContent).toBe('Correction, 3 December 2026: The vote was 7-2, not 6-3.');
    expect(document.activeElement!.textContent).toBe('Keep editing');
    expect(ipc.addCorrection).not.toHaveBeenCalled();

    // Going back sends nothing and keeps the text.
    buttonNamed(section.root, 'Keep editing').click();
    expect(shown(confirm)).toBe(false);
    expect(document.activeElement).toBe(box());
    expect(ipc.addCorrection).not.toHaveBeenCalled();

    buttonNamed(section.root, 'Add correction').click();
    const yes = buttonNamed(section.root, 'Yes, add the correction');
    yes.click();
    yes.click();
    await tick();
    expect(ipc.addCorrection).toHaveBeenCalledTimes(1);
    expect(ipc.addCorrection).toHaveBeenCalledWith(1, false, 'The vote was\n7-2, not 6-3.');
    expect(onAdded).toHaveBeenCalledWith(1, VOTE);
    expect(entries()).toEqual(['Correction, 3 December 2026: The vote was 7-2, not 6-3.']);
    expect(box().value).toBe('');
    expect(shown(confirm)).toBe(false);
    expect(buttonNamed(section.root, 'Add correction').disabled).toBe(true);
  });

  it('adds an update the same way, sent with `update: true`', async () => {
    section.load(articles[0]!, [VOTE]);
    type(box(), 'The mayor has resigned.');
    buttonNamed(section.root, 'Add update').click();
    expect(section.root.querySelector('.desk-confirm-line')!.textContent).toBe('Update, 3 December 2026: The mayor has resigned.');
    expect(section.root.querySelector('[data-testid="correction-confirm"]')!.textContent).toContain('This update will be printed at the end of the story');
    buttonNamed(section.root, 'Yes, add the update').click();
    await tick();
    expect(ipc.addCorrection).toHaveBeenCalledWith(1, true, 'The mayor has resigned.');
    expect(entries()).toEqual(['Correction, 3 December 2026: The vote was 7-2, not 6-3.', 'Update, 3 December 2026: The mayor has resigned.']);
  });

  it('takes the question back when the text changes under it', () => {
    section.load(articles[0]!, []);
    type(box(), 'The vote was 7-2.');
    buttonNamed(section.root, 'Add correction').click();
    type(box(), 'The vote was 7-2, not 6-3.');
    expect(shown(section.root.querySelector('[data-testid="correction-confirm"]'))).toBe(false);
    expect(buttonNamed(section.root, 'Add correction').disabled).toBe(false);
  });

  it('shows the core’s refusal under the box and keeps the text typed', async () => {
    // The tab thought it published; the core knows better.
    section.load({ ...articles[1]!, published_at: DESK_NOW }, []);
    type(box(), 'The vote was 7-2.');
    buttonNamed(section.root, 'Add correction').click();
    buttonNamed(section.root, 'Yes, add the correction').click();
    await tick();
    expect(ipc.addCorrection).toHaveBeenCalledWith(2, false, 'The vote was 7-2.');
    expect(error()).toBe('article 2 has not been published, so it takes no correction; change the story itself');
    expect(box().value).toBe('The vote was 7-2.');
    expect(box().readOnly).toBe(false);
    expect(shown(section.root.querySelector('[data-testid="correction-confirm"]'))).toBe(false);
    expect(entries()).toEqual(['No corrections or updates yet.']);
    expect(onAdded).not.toHaveBeenCalled();

    // Asking again clears it; another article starts with an empty box.
    buttonNamed(section.root, 'Add correction').click();
    expect(error()).toBe('');
    section.load(articles[0]!, []);
    expect(box().value).toBe('');
  });
});

describe('the Notes for the desk section', () => {
  let ipc: ReturnType<typeof fakeIpc>['ipc'];
  let section: DeskNotesSection;
  let onAdded: ReturnType<typeof vi.fn>;
  const box = () => section.root.querySelector<HTMLTextAreaElement>('#note-text')!;
  const notes = () => [...section.root.querySelectorAll('[data-testid="desk-notes"] li')].map((li) => li.textContent);
  const key = (init: KeyboardEventInit) => {
    const e = new KeyboardEvent('keydown', { cancelable: true, bubbles: true, ...init });
    box().dispatchEvent(e);
    return e;
  };

  beforeEach(() => {
    ({ ipc } = fakeIpc(1));
    onAdded = vi.fn();
    section = new DeskNotesSection({ ipc, toasts: new Toasts(), isMac: false, onAdded, now: () => DESK_NOW });
    document.body.replaceChildren(section.root);
  });

  it('lists the notes oldest first with their time, and says they are private', () => {
    section.load(1, [
      { text: 'Legal to check para 4.', at: DESK_NOW - 3 * 3600 - 55 * 60 },
      { text: 'Photo desk: new picture\nby 16:00', at: DESK_NOW },
    ]);
    expect(section.root.querySelector('h3')!.textContent).toBe('Notes for the desk');
    expect(section.root.querySelector('.desk-private')!.textContent).toBe('Only for the desk: never exported or published.');
    expect(notes()).toEqual(['3 Dec 14:05Legal to check para 4.', '3 Dec 18:00Photo desk: new picture\nby 16:00']);
    expect(section.root.querySelector('#note-text-hint')!.textContent).toBe('Enter starts a new line; Ctrl+Enter adds the note.');
    section.load(2, []);
    expect(notes()).toEqual(['No notes yet.']);
  });

  it('starts a new line on Enter and adds the note on Ctrl+Enter', async () => {
    section.load(1, []);
    const add = buttonNamed(section.root, 'Add note');
    expect(add.disabled).toBe(true);
    // Nothing to add yet: Ctrl+Enter in an empty box sends nothing.
    key({ key: 'Enter', ctrlKey: true });
    expect(ipc.addNote).not.toHaveBeenCalled();
    type(box(), 'Legal to check para 4.');
    expect(add.disabled).toBe(false);
    expect(key({ key: 'Enter' }).defaultPrevented).toBe(false);
    expect(ipc.addNote).not.toHaveBeenCalled();

    type(box(), 'Legal to check para 4.\nCall Ana first.');
    expect(key({ key: 'Enter', ctrlKey: true }).defaultPrevented).toBe(true);
    await tick();
    expect(ipc.addNote).toHaveBeenCalledTimes(1);
    expect(ipc.addNote).toHaveBeenCalledWith(1, 'Legal to check para 4.\nCall Ana first.');
    expect(onAdded).toHaveBeenCalledWith(1, { text: 'Legal to check para 4.\nCall Ana first.', at: DESK_NOW });
    expect(notes()).toEqual(['3 Dec 18:00Legal to check para 4.\nCall Ana first.']);
    expect(box().value).toBe('');
    expect(add.disabled).toBe(true);

    type(box(), 'Second note.');
    add.click();
    await tick();
    expect(notes()).toHaveLength(2);
  });

  it('takes ⌘Enter on a Mac, and shows the core’s refusal with the note kept', async () => {
    section = new DeskNotesSection({ ipc, toasts: new Toasts(), isMac: true, onAdded, now: () => DESK_NOW });
    document.body.replaceChildren(section.root);
    section.load(1, []);
    expect(section.root.querySelector('#note-text-hint')!.textContent).toBe('Enter starts a new line; ⌘Enter adds the note.');
    type(box(), 'Legal to check para 4.');
    ipc.addNote.mockRejectedValueOnce({ kind: 'locked', message: 'Another program is writing to the library; try again in a moment.' });
    key({ key: 'Enter', metaKey: true });
    await tick();
    expect(section.root.querySelector('#note-text-error')!.textContent).toBe('Another program is writing to the library; try again in a moment.');
    expect(box().value).toBe('Legal to check para 4.');
    expect(notes()).toEqual(['No notes yet.']);
    expect(onAdded).not.toHaveBeenCalled();
  });
});

describe('the preview', () => {
  it('closes the story with its corrections in the export’s markup, between the body and the related links', () => {
    const { preview, doc } = framedPreviewPanel();
    const meta = { article: article(1), photos: [], related: [{ url: 'https://example.org/vote', title: 'The vote', position: 0 }], corrections: [VOTE] };
    preview.setArticle(meta, ['<p>Body</p>']);
    const aside = doc.querySelector('aside.corrections')!;
    expect(aside.outerHTML).toBe(
      '<aside class="corrections" aria-labelledby="corrections-heading"><h2 id="corrections-heading">Corrections and updates</h2>' +
        '<p><strong>Correction, <time datetime="2026-12-03T17:00:00Z">3 December 2026</time>:</strong> The vote was 7-2, not 6-3.</p></aside>',
    );
    const order = [...doc.querySelectorAll('#content, aside.corrections, aside.related')].map((el) => el.id || el.className);
    expect(order).toEqual(['content', 'corrections', 'related']);

    // None to print: no heading either, as the export.
    preview.setArticle({ ...meta, corrections: [] });
    expect(doc.getElementById('corrections')!.children).toHaveLength(0);
  });
});

describe('the app with corrections and notes', () => {
  let previewDoc: Document;

  beforeEach(() => {
    document.body.innerHTML = indexBody;
    previewDoc = framePreview(document.querySelector<HTMLIFrameElement>('#preview-pane iframe')!);
    window.__newsroomPerf = [];
  });

  it('puts both sections after the desk fields, and a new correction in the list, the preview, the history and the library row', async () => {
    const { ipc, articles } = fakeIpc(2);
    articles[0]!.published_at = PUBLISHED;
    const app = new App(ipc, testPlatform());
    await app.start();
    const details = document.getElementById('inspector-details')!;
    const sections = [...details.children].map((el) => el.getAttribute('data-testid') ?? el.className);
    expect(sections.slice(0, 3)).toEqual(['metadata-panel', 'corrections-section', 'notes-section']);

    const box = document.querySelector<HTMLTextAreaElement>('#correction-text')!;
    type(box, 'The vote was 7-2, not 6-3.');
    buttonNamed(details, 'Add correction').click();
    buttonNamed(details, 'Yes, add the correction').click();
    await tick();
    expect(ipc.addCorrection).toHaveBeenCalledWith(1, false, 'The vote was 7-2, not 6-3.');
    expect(previewDoc.querySelector('aside.corrections p')!.textContent).toBe('Correction, 3 December 2026: The vote was 7-2, not 6-3.');
    expect(app.current!.corrections).toEqual([VOTE]);
    expect(app.current!.article.updated_at).toBe(DESK_NOW);
    await tick();
    app.library.render();
    expect(document.querySelector('.row[data-id="1"] time')!.getAttribute('datetime')).toBe('2026-12-03T17:00:00.000Z');
    // The revision the core recorded is listed when the History tab is shown.
    expect(ipc.listRevisions).not.toHaveBeenCalled();
    app.showInspector('history');
    await tick();
    expect(ipc.listRevisions).toHaveBeenCalledWith(1);

    // Reopened, the article brings its record with it.
    await app.open(2);
    expect(previewDoc.querySelector('aside.corrections')).toBeNull();
    await app.open(1);
    expect(previewDoc.querySelector('aside.corrections p')!.textContent).toBe('Correction, 3 December 2026: The vote was 7-2, not 6-3.');
    expect([...details.querySelectorAll('[data-testid="corrections"] li')].map((li) => li.textContent)).toEqual(['Correction, 3 December 2026: The vote was 7-2, not 6-3.']);
  });

  it('opens the box once the story is published from the Details tab, and keeps notes with the article', async () => {
    const { ipc, articles } = fakeIpc(1);
    articles[0]!.status = 'ready';
    const app = new App(ipc, testPlatform());
    await app.start();
    const box = document.querySelector<HTMLTextAreaElement>('#correction-text')!;
    expect(shown(box)).toBe(false);
    const status = document.querySelector<HTMLSelectElement>('#meta-status')!;
    status.append(h('option', { value: 'published' }, 'Published'));
    status.value = 'published';
    status.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(shown(box)).toBe(true));

    const note = document.querySelector<HTMLTextAreaElement>('#note-text')!;
    type(note, 'Legal to check para 4.');
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, cancelable: true, bubbles: true }));
    await tick();
    expect(app.current!.notes).toEqual([{ text: 'Legal to check para 4.', at: DESK_NOW }]);
    // Never in the preview: it shows what readers get.
    expect(previewDoc.body.textContent).not.toContain('Legal to check');
  });

  it('takes in entries that arrive with the story’s file, keeping what is being typed', async () => {
    const { ipc, articles, emit } = fakeIpc(1);
    articles[0]!.published_at = PUBLISHED;
    const app = new App(ipc, testPlatform());
    await app.start();
    const box = document.querySelector<HTMLTextAreaElement>('#correction-text')!;
    type(box, 'The ferry leaves at 06:10.');
    // Another desk's entries, taken in from the workspace file by the store.
    await ipc.addCorrection(1, false, VOTE.text);
    await ipc.addNote(1, 'Legal cleared para 4.');
    emit({ event: 'articles_changed', ids: [1] });
    await vi.waitFor(() => expect(previewDoc.querySelector('aside.corrections p')?.textContent).toBe('Correction, 3 December 2026: The vote was 7-2, not 6-3.'));
    expect([...document.querySelectorAll('[data-testid="corrections"] li')].map((li) => li.textContent)).toEqual(['Correction, 3 December 2026: The vote was 7-2, not 6-3.']);
    expect(document.querySelector('[data-testid="desk-notes"] .desk-note-text')!.textContent).toBe('Legal cleared para 4.');
    expect(box.value).toBe('The ferry leaves at 06:10.');
  });

  it('hides both sections when no article is open', async () => {
    const { ipc } = fakeIpc(0);
    const app = new App(ipc, testPlatform());
    await app.start();
    expect(document.querySelector<HTMLElement>('[data-testid="corrections-section"]')!.hidden).toBe(true);
    expect(document.querySelector<HTMLElement>('[data-testid="notes-section"]')!.hidden).toBe(true);
  });
});
