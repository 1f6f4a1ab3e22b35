import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import {
  IDLE,
  isRunning,
  outcomeSentence,
  publishReducer,
  statusChoice,
  suggestedScheduleTime,
  type PublishEvent,
  type PublishRun,
} from '../src/logic/publishing';
import { localDateTimeToUnix, unixToLocalDateTime } from '../src/logic/localTime';
import { formatStamp, postStatusLabel, publicationLine, siteTimeToUnix, webSideLabel } from '../src/logic/publishWords';
import { PagedRows } from '../src/logic/virtualList';
import { PublishPanel } from '../src/panels/publishPanel';
import { addedSentences, openSitesDialog, siteDetails } from '../src/panels/sitesDialog';
import type { PublishAnswer, PublishOutcome, Site, WebEditComparison } from '../src/types';
import { fakeIpc, linuxMedia } from './fakeIpc';

const tick = () => new Promise((r) => setTimeout(r, 0));
/** 2026-12-05 09:00 on this computer's clock. */
const NINE_AM = new Date(2026, 11, 5, 9, 0).getTime() / 1000;

const outcome: PublishOutcome = {
  site: 'The Daily',
  post_id: '12',
  url: 'https://daily.example/?p=12',
  status: 'draft',
  created: true,
  photos_uploaded: 1,
  photos_reused: 0,
};

const daily: Site = { name: 'The Daily', kind: 'wordpress', url: 'https://daily.example', user: 'editor', secret: { kind: 'keychain' } };

function webEdit(): WebEditComparison {
  const line = (text: string) => ({ number: 1, spans: [{ text, changed: true }] });
  return {
    article_id: 1,
    edit: { site: 'The Daily', post_id: '12', url: outcome.url, web_modified: '2026-12-04T09:30:00', recorded_modified: '2026-12-04T09:00:00', web_title: 'Edited there', web_body: '<!-- wp:paragraph -->' },
    headline: 'Story 1',
    headline_diff: { rows: [{ kind: 'changed', left: line('Edited there'), right: line('Story 1'), hidden: 0 }], stats: { identical: false, changed: 1, added: 0, removed: 0 } },
    body_diff: { rows: [], stats: { identical: true, changed: 0, added: 0, removed: 0 } },
  };
}

describe('the status a post is sent with', () => {
  it('reads a datetime-local value in this computer’s time zone, refusing dates that do not exist', () => {
    expect(localDateTimeToUnix('2026-12-05T09:00')).toBe(NINE_AM);
    expect(localDateTimeToUnix('2026-12-05T09:00:30')).toBe(NINE_AM + 30);
    expect(localDateTimeToUnix(unixToLocalDateTime(NINE_AM))).toBe(NINE_AM);
    for (const bad of ['', 'tomorrow', '2026-02-30T09:00', '2026-12-05T25:00', '2026-12-05 09:00']) expect(localDateTimeToUnix(bad), bad).toBeNull();
  });

  it('takes draft and publish as they are, and checks a scheduled time', () => {
    const now = NINE_AM - 86_400;
    expect(statusChoice('draft', '', now)).toEqual({ ok: { status: 'draft' } });
    expect(statusChoice('publish', 'junk', now)).toEqual({ ok: { status: 'publish' } });
    expect(statusChoice('scheduled', '2026-12-05T09:00', now)).toEqual({ ok: { status: 'scheduled', at: NINE_AM } });
    expect(statusChoice('scheduled', ' ', now)).toEqual({ error: 'Choose the date and time the post goes live.' });
    expect(statusChoice('scheduled', '2026-13-01T09:00', now)).toHaveProperty('error');
    expect(statusChoice('scheduled', '2026-12-05T09:00', NINE_AM + 10)).toEqual({ error: 'That time has passed; choose a time in the future.' });
    expect(statusChoice('scheduled', '2026-12-05T09:00', NINE_AM - 30)).toHaveProperty('error');
  });

  it('suggests the next full hour at least an hour away', () => {
    expect(suggestedScheduleTime(3600 * 10 + 1)).toBe(3600 * 12);
    expect(suggestedScheduleTime(3600 * 10)).toBe(3600 * 11);
  });
});

describe('a publish run', () => {
  const run = (...events: PublishEvent[]): PublishRun => events.reduce(publishReducer, IDLE);

  it('gathers a line per step, then ends with the post', () => {
    const done = run({ type: 'start' }, { type: 'progress', line: 'Signing in to The Daily…' }, { type: 'progress', line: 'Creating the post…' }, { type: 'published', outcome });
    expect(done).toEqual({ phase: 'published', lines: ['Signing in to The Daily…', 'Creating the post…'], outcome, message: null });
    expect(isRunning(done)).toBe(false);
    // A step announced after the end is not shown.
    expect(publishReducer(done, { type: 'progress', line: 'late' }).lines).toHaveLength(2);
  });

  it('is cancelled once, and a cancelled publish is not a failure', () => {
    const cancelling = run({ type: 'start' }, { type: 'cancel' });
    expect(cancelling.phase).toBe('cancelling');
    expect(isRunning(cancelling)).toBe(true);
    expect(publishReducer(cancelling, { type: 'progress', line: 'Photo 1 of 2 uploaded (a.jpg)' }).lines).toEqual(['Photo 1 of 2 uploaded (a.jpg)']);
    const stopped = publishReducer(cancelling, { type: 'failed', error: { kind: 'cancelled', message: 'Publishing was cancelled; nothing more was sent to The Daily.' } });
    expect(stopped.phase).toBe('stopped');
    expect(stopped.message).toEqual({ text: 'Publishing was cancelled; nothing more was sent to The Daily.', failed: false });
    expect(run({ type: 'start' }, { type: 'failed', error: { kind: 'network', message: 'daily.example could not be found.' } }).message?.failed).toBe(true);
    expect(publishReducer(IDLE, { type: 'cancel' })).toBe(IDLE);
  });

  it('keeps its lines across a web edit and the overwrite that follows', () => {
    const waiting = run({ type: 'start' }, { type: 'progress', line: 'Signing in to The Daily…' }, { type: 'web_edit' });
    expect(waiting.phase).toBe('web_edit');
    expect(publishReducer(waiting, { type: 'start' })).toMatchObject({ phase: 'running', lines: ['Signing in to The Daily…'] });
    expect(publishReducer(waiting, { type: 'web_kept', site: 'The Daily' }).message).toEqual({
      text: 'Nothing was sent: the post on The Daily keeps the changes made there.',
      failed: false,
    });
    // A new publish starts with no lines.
    expect(publishReducer(run({ type: 'start' }, { type: 'progress', line: 'x' }, { type: 'published', outcome }), { type: 'start' }).lines).toEqual([]);
  });

  it('says what the post now is', () => {
    expect(outcomeSentence(outcome)).toBe('Saved as a draft on The Daily, not shown to readers:');
    expect(outcomeSentence({ ...outcome, status: 'publish' })).toBe('Published on The Daily:');
    expect(outcomeSentence({ ...outcome, status: 'future' })).toBe('Scheduled on The Daily:');
    expect(outcomeSentence({ ...outcome, status: 'pending' })).toBe('Sent to The Daily (pending review):');
  });
});

describe('publishing’s words', () => {
  it('writes statuses, times and publications for editors', () => {
    expect(['draft', 'publish', 'future', 'published', 'scheduled', 'private'].map(postStatusLabel)).toEqual(['draft', 'published', 'scheduled', 'published', 'scheduled', 'private']);
    expect(formatStamp(NINE_AM)).toBe('2026-12-05 09:00');
    expect(publicationLine({ site: 'The Daily', site_url: 'https://daily.example', post_id: '12', url: outcome.url, status: 'future', published_at: NINE_AM })).toBe('Published to The Daily · scheduled');
  });

  it('reads a site’s time without an offset as UTC', () => {
    expect(siteTimeToUnix('2026-12-04T09:30:00')).toBe(Date.UTC(2026, 11, 4, 9, 30) / 1000);
    expect(siteTimeToUnix('2026-12-04T09:30:00.000Z')).toBe(Date.UTC(2026, 11, 4, 9, 30) / 1000);
    expect(siteTimeToUnix('2026-12-04T10:30:00+01:00')).toBe(Date.UTC(2026, 11, 4, 9, 30) / 1000);
    expect(siteTimeToUnix('yesterday')).toBeNull();
    expect(webSideLabel('The Daily', '2026-12-04T09:30:00')).toBe(`On The Daily (edited ${formatStamp(Date.UTC(2026, 11, 4, 9, 30) / 1000)})`);
    expect(webSideLabel('The Daily', '')).toBe('On The Daily');
  });
});

describe('the library list after a change elsewhere', () => {
  it('keeps showing the rows it had until their fresh copies arrive', () => {
    const rows = new PagedRows<string>(2);
    rows.store(0, ['a', 'b'], rows.begin(0));
    rows.refresh();
    expect(rows.row(1)).toBe('b');
    expect(rows.missing(0, 2)).toEqual([0]);
    rows.store(0, ['c', 'a'], rows.begin(0));
    expect(rows.row(0)).toBe('c');
    rows.reset();
    expect(rows.row(0)).toBeUndefined();
  });
});

describe('PublishPanel', () => {
  beforeEach(() => document.body.replaceChildren());

  function panel(answers: (PublishAnswer | Error)[] = []) {
    const fake = fakeIpc(1);
    fake.sites.push(daily);
    fake.ipc.publishArticle.mockImplementation(async () => {
      const next = answers.shift();
      if (!next || next instanceof Error) throw { kind: 'network', message: next?.message ?? 'no answer' };
      return next;
    });
    const deps = {
      ipc: fake.ipc,
      flush: vi.fn(async () => true),
      manageSites: vi.fn(async () => undefined),
      compareWebEdit: vi.fn(async (_c: WebEditComparison) => true),
      onPublished: vi.fn(),
      now: () => NINE_AM - 86_400,
    };
    const p = new PublishPanel(deps);
    document.body.append(p.root);
    return { p, deps, fake };
  }
  const text = (p: PublishPanel, testid: string) => p.root.querySelector(`[data-testid="${testid}"]`)!.textContent;
  const click = (p: PublishPanel, label: string) => [...p.root.querySelectorAll('button')].find((b) => b.textContent === label && !b.hidden)!.click();

  it('publishes the saved text as a draft, showing each step and the post’s link', async () => {
    const { p, deps, fake } = panel([{ result: 'published', ...outcome }]);
    let finish!: () => void;
    const pending = new Promise<void>((r) => (finish = r));
    const answer = fake.ipc.publishArticle.getMockImplementation()!;
    fake.ipc.publishArticle.mockImplementation(async (...args) => {
      await pending;
      return answer(...args);
    });
    expect(await p.open({ id: 1, headline: 'Story 1' })).toBe(true);
    expect(p.root.querySelector('h2')!.textContent).toBe('Publish “Story 1”');
    expect(p.root.querySelector<HTMLSelectElement>('[data-testid="publish-site"]')!.value).toBe('The Daily');
    click(p, 'Publish');
    await tick();
    expect(deps.flush).toHaveBeenCalled();
    fake.progress({ article_id: 1, line: 'Signing in to The Daily…' });
    fake.progress({ article_id: 2, line: 'another article’s step' });
    expect(text(p, 'publish-steps')).toBe('Signing in to The Daily…');
    expect(p.root.querySelector('.publish-current')!.textContent).toBe('Signing in to The Daily…');
    expect(p.root.querySelector<HTMLButtonElement>('[data-testid="publish-cancel"]')!.hidden).toBe(false);
    finish();
    await tick();
    await tick();
    expect(fake.ipc.publishArticle).toHaveBeenCalledWith(1, 'The Daily', { status: 'draft' }, false);
    expect(text(p, 'publish-result')).toContain('Saved as a draft on The Daily');
    expect(text(p, 'publish-link')).toBe(outcome.url);
    expect(deps.onPublished).toHaveBeenCalledWith(1, expect.objectContaining({ url: outcome.url }));
    p.root.querySelector<HTMLButtonElement>('[data-testid="publish-link"]')!.click();
    expect(fake.ipc.openPublishedPost).toHaveBeenCalledWith(1, 'The Daily');
  });

  it('checks a scheduled time in the page before sending anything', async () => {
    const { p, fake } = panel([{ result: 'published', ...outcome, status: 'future' }]);
    await p.open({ id: 1, headline: 'Story 1' });
    const scheduled = p.root.querySelector<HTMLInputElement>('#publish-status-scheduled')!;
    scheduled.checked = true;
    scheduled.dispatchEvent(new Event('change'));
    const when = p.root.querySelector<HTMLInputElement>('[data-testid="publish-when"]')!;
    expect(when.hidden).toBe(false);
    when.value = '2020-01-01T09:00';
    click(p, 'Publish');
    await tick();
    expect(text(p, 'publish-form-error')).toBe('That time has passed; choose a time in the future.');
    expect(fake.ipc.publishArticle).not.toHaveBeenCalled();
    when.value = '2026-12-05T09:00';
    click(p, 'Publish');
    await tick();
    await tick();
    expect(fake.ipc.publishArticle).toHaveBeenCalledWith(1, 'The Daily', { status: 'scheduled', at: NINE_AM }, false);
    expect(text(p, 'publish-result')).toContain('Scheduled on The Daily');
  });

  it('asks before overwriting a web edit, then publishes over it', async () => {
    const { p, deps, fake } = panel([{ result: 'edited_on_the_web', ...webEdit() }, { result: 'published', ...outcome, created: false }]);
    await p.open({ id: 1, headline: 'Story 1' });
    click(p, 'Publish');
    for (let i = 0; i < 5; i++) await tick();
    expect(deps.compareWebEdit).toHaveBeenCalledWith(expect.objectContaining({ headline: 'Story 1' }));
    expect(fake.ipc.publishArticle).toHaveBeenLastCalledWith(1, 'The Daily', { status: 'draft' }, true);
    expect(text(p, 'publish-link')).toBe(outcome.url);
  });

  it('leaves a web edit alone when the editor cancels, and says so', async () => {
    const { p, deps, fake } = panel([{ result: 'edited_on_the_web', ...webEdit() }]);
    deps.compareWebEdit.mockResolvedValue(false);
    await p.open({ id: 1, headline: 'Story 1' });
    click(p, 'Publish');
    for (let i = 0; i < 5; i++) await tick();
    expect(fake.ipc.publishArticle).toHaveBeenCalledTimes(1);
    expect(text(p, 'publish-result')).toBe('Nothing was sent: the post on The Daily keeps the changes made there.');
    expect(p.root.hidden).toBe(false);
  });

  it('cancels through the shell and shows the core’s sentence when a publish fails', async () => {
    const { p, fake } = panel([new Error('daily.example could not be found; check the site’s address and the network.')]);
    let fail!: () => void;
    const failing = new Promise<void>((r) => (fail = r));
    const answer = fake.ipc.publishArticle.getMockImplementation()!;
    fake.ipc.publishArticle.mockImplementation(async (...args) => {
      await failing;
      return answer(...args);
    });
    await p.open({ id: 1, headline: 'Story 1' });
    click(p, 'Publish');
    await tick();
    click(p, 'Cancel');
    expect(fake.ipc.cancelPublish).toHaveBeenCalledWith(1);
    expect(text(p, 'publish-steps')).toContain('Stopping before the next step…');
    fail();
    for (let i = 0; i < 3; i++) await tick();
    expect(text(p, 'publish-result')).toBe('daily.example could not be found; check the site’s address and the network.');
    const shown = [...p.root.querySelectorAll('button')].filter((b) => !b.closest('[hidden]'));
    expect(shown.map((b) => b.textContent)).toEqual(['Sites…', 'Close', 'Try again']);
  });

  it('offers to add a site when there is none', async () => {
    const { p, deps, fake } = panel();
    fake.sites.length = 0;
    await p.open({ id: 1, headline: 'Story 1' });
    expect(p.root.querySelector<HTMLButtonElement>('[data-testid="publish-run"]')!.disabled).toBe(true);
    expect(p.root.textContent).toContain('No sites yet.');
    click(p, 'Add a site…');
    expect(deps.manageSites).toHaveBeenCalled();
  });
});

describe('the Sites dialog', () => {
  beforeEach(() => document.body.replaceChildren());

  const fill = (dialog: HTMLElement, secret: string) => {
    const set = (testid: string, value: string) => {
      dialog.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)!.value = value;
    };
    set('site-name', 'The Daily');
    set('site-url', 'https://daily.example');
    set('site-user', 'editor');
    set('site-secret', secret);
  };
  const submit = async (dialog: HTMLElement) => {
    dialog.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    for (let i = 0; i < 3; i++) await tick();
  };
  const field = (dialog: HTMLElement, testid: string) => dialog.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)!;

  it('describes each site', () => {
    expect(siteDetails(daily)).toBe('WordPress · https://daily.example · user editor');
    expect(addedSentences(daily)).toEqual(['Added The Daily, signed in as editor.', 'The password is kept in the system’s keychain.']);
    const ghost = { ...daily, name: 'The Ghost Daily', kind: 'ghost' as const, user: null, secret: { kind: 'file' as const, path: '/home/ed/ghost.secret' } };
    expect(addedSentences(ghost)).toEqual(['Added The Ghost Daily; its Admin API key was accepted.', 'The Admin API key is kept in /home/ed/ghost.secret.']);
    expect(addedSentences({ ...daily, secret: { kind: 'file', path: '/home/ana/daily.secret' } })[1]).toBe('The password is kept in /home/ana/daily.secret.');
  });

  it('adds a site in the keychain, or in a file when there is no keychain, and forgets the password', async () => {
    const { ipc } = fakeIpc(1);
    const addSite = ipc.addSite.getMockImplementation()!;
    ipc.addSite.mockImplementationOnce(async () => {
      throw { kind: 'no_keychain', message: 'No keychain is available on this computer (no Secret Service).' };
    });
    const dialog = await openSitesDialog({ ipc });
    expect(field(dialog, 'site-list').textContent).toBe('No sites yet: add one below.');
    await submit(dialog);
    expect(ipc.addSite).not.toHaveBeenCalled();
    expect(field(dialog, 'site-problem').textContent).toContain('Fill in all four');
    fill(dialog, 'abcd efgh');
    await submit(dialog);
    expect(field(dialog, 'site-problem').textContent).toBe('No keychain is available on this computer (no Secret Service).');
    const inFile = field(dialog, 'secret-in-file') as unknown as HTMLButtonElement;
    expect(inFile.hidden).toBe(false);
    expect(field(dialog, 'site-secret').value).toBe('abcd efgh');
    ipc.addSite.mockImplementationOnce(async (form, secret, inFileNow) => {
      const site = await addSite(form, secret, inFileNow);
      return { ...site!, secret: { kind: 'file', path: '/home/ana/daily.secret' } };
    });
    inFile.click();
    for (let i = 0; i < 3; i++) await tick();
    expect(ipc.addSite).toHaveBeenLastCalledWith({ name: 'The Daily', kind: 'wordpress', url: 'https://daily.example', user: 'editor' }, 'abcd efgh', true);
    expect(field(dialog, 'site-added').textContent).toContain('The password is kept in /home/ana/daily.secret.');
    expect(field(dialog, 'site-secret').value).toBe('');
    expect(field(dialog, 'site-list').textContent).toContain('The Daily');
    expect(inFile.hidden).toBe(true);
  });

  it('adds a Ghost site with an Admin API key and no user', async () => {
    const { ipc } = fakeIpc(1);
    const dialog = await openSitesDialog({ ipc });
    const kind = dialog.querySelector<HTMLSelectElement>('[data-testid="site-kind"]')!;
    kind.value = 'ghost';
    kind.dispatchEvent(new Event('change'));
    const userWrap = dialog.querySelector<HTMLInputElement>('[data-testid="site-user"]')!.closest('.field') as HTMLElement;
    expect(userWrap.hidden).toBe(true);
    expect(dialog.querySelector('label[for="site-secret"]')!.textContent).toBe('Admin API key');
    await submit(dialog);
    expect(field(dialog, 'site-problem').textContent).toContain('Fill in all three');
    const set = (testid: string, value: string) => {
      dialog.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)!.value = value;
    };
    set('site-name', 'The Ghost');
    set('site-url', 'https://ghost.example');
    set('site-secret', 'id:secret');
    await submit(dialog);
    expect(ipc.addSite).toHaveBeenLastCalledWith({ name: 'The Ghost', kind: 'ghost', url: 'https://ghost.example', user: null }, 'id:secret', false);
  });

  it('says why a password was refused, empties it, and adds nothing', async () => {
    const { ipc, sites } = fakeIpc(1);
    ipc.addSite.mockImplementationOnce(async () => {
      throw { kind: 'unauthorized', message: 'The Daily refused to sign in: the password is wrong.' };
    });
    const dialog = await openSitesDialog({ ipc });
    fill(dialog, 'wrong');
    await submit(dialog);
    expect(field(dialog, 'site-problem').textContent).toBe('The Daily refused to sign in: the password is wrong.');
    expect(field(dialog, 'site-secret').value).toBe('');
    expect((field(dialog, 'secret-in-file') as unknown as HTMLButtonElement).hidden).toBe(true);
    expect(sites).toEqual([]);
  });

  it('removes a site only after the second click', async () => {
    const { ipc, sites } = fakeIpc(1);
    sites.push(daily);
    const dialog = await openSitesDialog({ ipc });
    const button = (label: string) => [...dialog.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === label || b.textContent === label)!;
    button('Remove The Daily…').click();
    expect(dialog.textContent).toContain('Remove The Daily? Newsroom forgets its password');
    button('Keep').click();
    expect(ipc.removeSite).not.toHaveBeenCalled();
    button('Remove The Daily…').click();
    button('Remove The Daily').click();
    for (let i = 0; i < 3; i++) await tick();
    expect(ipc.removeSite).toHaveBeenCalledWith('The Daily');
    expect(field(dialog, 'site-list').textContent).toBe('No sites yet: add one below.');
  });
});

describe('publishing from the app', () => {
  const html = readFileSync(resolve(__dirname, '../index.html'), 'utf8');
  const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  beforeEach(() => {
    document.body.innerHTML = body;
  });

  it('opens the Publish dialog with Ctrl+Shift+U, lists the article’s publications, and offers Sites… in the menu', async () => {
    const { ipc } = fakeIpc(2);
    ipc.articlePublications.mockResolvedValue([{ site: 'The Daily', site_url: 'https://daily.example', post_id: '12', url: outcome.url, status: 'draft', published_at: NINE_AM }]);
    const app = new App(ipc, { isMac: false, picker: { images: vi.fn(async () => null) }, chooseFolder: vi.fn(async () => null), mediaUrl: linuxMedia });
    await app.start();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="publications"]')?.textContent).toBe('Published to The Daily · draft · 2026-12-05 09:00 · Open'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'U', code: 'KeyU', ctrlKey: true, shiftKey: true, cancelable: true }));
    await vi.waitFor(() => expect(document.querySelector<HTMLElement>('[data-testid="publish-dialog"]')?.hidden).toBe(false));
    expect(document.querySelector('[data-testid="publish-dialog"] h2')!.textContent).toBe('Publish “Story 1”');
    document.querySelector<HTMLButtonElement>('[aria-label="More article actions"]')!.click();
    expect([...document.querySelectorAll('[role="menuitem"]')].map((m) => m.textContent)).toContain('Sites…');
  });
});
