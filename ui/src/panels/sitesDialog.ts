/**
 * The Sites dialog (the "⋯" menu, or the Publish dialog when there are none): the sites articles
 * are published to, removing one (after a second click that says what it does), and adding a
 * WordPress or Ghost site. Adding signs in at once, so a wrong address or password is said here, in the
 * core's words. Where the computer has no keychain the core says so, and the secret can be kept in
 * a file instead: the shell asks where with its own save dialog.
 *
 * The secret (an Application Password, a Ghost Admin API key) lives only in its field: it is sent once per attempt, and the field is
 * emptied once the site is added, when the password was refused, and when the dialog closes.
 */
import { button, field, h } from '../dom';
import { errorMessage, isUiError, type Ipc } from '../ipc';
import type { Site, SiteKind } from '../types';

export interface SitesDialogDeps {
  ipc: Pick<Ipc, 'listSites' | 'addSite' | 'removeSite'>;
}

const KIND_NAMES: Record<SiteKind, string> = { wordpress: 'WordPress', ghost: 'Ghost' };

/** What a site row says under its name: "WordPress · https://daily.example · user editor". */
export function siteDetails(site: Site): string {
  return [KIND_NAMES[site.kind] ?? site.kind, site.url, site.user ? `user ${site.user}` : null].filter(Boolean).join(' · ');
}

/** What a site signs in with: a WordPress account's Application Password, a Ghost integration's key. */
function secretName(kind: SiteKind): string {
  return kind === 'ghost' ? 'Admin API key' : 'password';
}

/** What the dialog says once a site is added: who signed in, then where the secret is kept. */
export function addedSentences(site: Site): [string, string] {
  const kept = site.secret.kind === 'keychain' ? 'the system’s keychain' : site.secret.path;
  const signedIn = site.kind === 'ghost' ? `Added ${site.name}; its Admin API key was accepted.` : `Added ${site.name}, signed in as ${site.user ?? 'its account'}.`;
  return [signedIn, `The ${secretName(site.kind)} is kept in ${kept}.`];
}

/** Opens the dialog; it removes itself when closed (resolved once the sites are listed). */
export async function openSitesDialog(deps: SitesDialogDeps): Promise<HTMLDialogElement> {
  const list = h('ul', { class: 'site-list', 'aria-label': 'Sites', 'data-testid': 'site-list' });
  const listError = h('p', { class: 'field-error', role: 'alert' });

  const name = h('input', { type: 'text', autocomplete: 'off', placeholder: 'The Daily', 'data-testid': 'site-name' });
  const url = h('input', { type: 'url', autocomplete: 'off', spellcheck: 'false', placeholder: 'https://daily.example', 'data-testid': 'site-url' });
  const user = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', 'data-testid': 'site-user' });
  const secret = h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'site-secret' });
  const nameField = field('site-name', 'Name', name, 'How the Publish dialog names it');
  const urlField = field('site-url', 'Address', url);
  const userField = field('site-user', 'User', user, 'The WordPress account that publishes');
  const secretField = field('site-secret', 'Application Password', secret, 'In WordPress: Users → Profile → Application Passwords');
  const kind = h(
    'select',
    { 'data-testid': 'site-kind' },
    h('option', { value: 'wordpress' }, 'WordPress'),
    h('option', { value: 'ghost' }, 'Ghost'),
  );
  const kindField = field('site-kind', 'CMS', kind);
  /** Ghost signs in with an integration's Admin API key and names no user. */
  function showKind(): void {
    const ghost = kind.value === 'ghost';
    userField.wrap.hidden = ghost;
    const label = secretField.wrap.querySelector('label');
    if (label) label.textContent = ghost ? 'Admin API key' : 'Application Password';
    secretField.hint.textContent = ghost
      ? 'In Ghost: Settings → Integrations → a custom integration'
      : 'In WordPress: Users → Profile → Application Passwords';
  }
  kind.addEventListener('change', showKind);

  const problem = h('p', { class: 'site-problem', role: 'alert', 'data-testid': 'site-problem' });
  const inFile = button('Keep the secret in a file…', () => void add(true), { hidden: true, 'data-testid': 'secret-in-file' });
  const added = h('div', { class: 'site-added', role: 'status', 'data-testid': 'site-added' });
  const addButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'add-site' }, 'Add site');
  const form = h(
    'form',
    { class: 'site-form', 'aria-labelledby': 'site-form-title', novalidate: true },
    h('h3', { class: 'subhead', id: 'site-form-title' }, 'Add a site'),
    h('div', { class: 'field-row' }, nameField.wrap, kindField.wrap),
    userField.wrap,
    urlField.wrap,
    secretField.wrap,
    h('div', { class: 'site-feedback' }, problem, inFile, added),
    h('div', { class: 'dialog-buttons' }, button('Close', () => dialog.close()), addButton),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void add(false);
  });

  const dialog = h(
    'dialog',
    { class: 'dialog sites-dialog', 'aria-labelledby': 'sites-title', 'data-testid': 'sites-dialog' },
    h('h2', { id: 'sites-title' }, 'Sites'),
    h('p', { class: 'muted' }, 'Articles are published to these sites. Their passwords and keys are kept in the system’s keychain, or in a file only you can read, never in the library.'),
    list,
    listError,
    form,
  );

  function showSites(sites: Site[]): void {
    list.replaceChildren(...(sites.length === 0 ? [h('li', { class: 'empty' }, 'No sites yet: add one below.')] : sites.map(siteRow)));
  }

  async function reload(): Promise<void> {
    try {
      showSites(await deps.ipc.listSites());
      listError.textContent = '';
    } catch (err) {
      listError.textContent = errorMessage(err);
    }
  }

  function siteRow(site: Site): HTMLElement {
    const row = h('li', { class: 'site-row', 'data-site': site.name });
    const remove = button('Remove…', () => confirmRemoval(), { class: 'danger-link', 'aria-label': `Remove ${site.name}…` });
    const info = h('div', { class: 'site-info' }, h('strong', { class: 'site-name' }, site.name), h('div', { class: 'muted small site-details' }, siteDetails(site)));
    const normal = () => row.replaceChildren(info, remove);
    function confirmRemoval(): void {
      const yes = button('Remove', () => void removeSite(), { class: 'primary', 'aria-label': `Remove ${site.name}` });
      const no = button('Keep', () => {
        normal();
        remove.focus();
      });
      const error = h('p', { class: 'field-error', role: 'alert' });
      row.replaceChildren(
        h('div', { class: 'site-confirm' }, h('p', {}, `Remove ${site.name}? Newsroom forgets its ${secretName(site.kind)}; the posts already on the site stay there.`), error, h('div', { class: 'site-confirm-buttons' }, no, yes)),
      );
      no.focus();
      async function removeSite(): Promise<void> {
        yes.disabled = no.disabled = true;
        try {
          await deps.ipc.removeSite(site.name);
          added.replaceChildren();
          await reload();
        } catch (err) {
          error.textContent = errorMessage(err);
          yes.disabled = no.disabled = false;
        }
      }
    }
    normal();
    return row;
  }

  async function add(secretInFile: boolean): Promise<void> {
    problem.textContent = '';
    added.replaceChildren();
    const ghost = kind.value === 'ghost';
    const needed = ghost ? [name, url, secret] : [name, url, user, secret];
    const empty = needed.find((input) => input.value.trim() === '');
    if (empty) {
      problem.textContent = ghost
        ? 'Fill in all three: the name, the address and the Admin API key.'
        : 'Fill in all four: the name, the address, the user and the Application Password.';
      empty.focus();
      return;
    }
    inFile.hidden = true;
    addButton.disabled = inFile.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const form = { name: name.value, kind: ghost ? 'ghost' : 'wordpress', url: url.value, user: ghost ? null : user.value } as const;
      const site = await deps.ipc.addSite(form, secret.value, secretInFile);
      // The save dialog was cancelled: nothing happened, the choice stays offered.
      if (site === null) {
        inFile.hidden = false;
        return;
      }
      for (const input of [name, url, user, secret]) input.value = '';
      const [done, kept] = addedSentences(site);
      added.replaceChildren(h('p', { class: 'success' }, done), h('p', { class: 'muted small' }, kept));
      await reload();
    } catch (err) {
      const kind = isUiError(err) ? err.kind : '';
      problem.textContent = errorMessage(err);
      inFile.hidden = kind !== 'no_keychain';
      if (kind === 'unauthorized') {
        secret.value = '';
        secret.focus();
      }
    } finally {
      addButton.disabled = inFile.disabled = false;
      form.removeAttribute('aria-busy');
    }
  }

  dialog.addEventListener('close', () => {
    secret.value = '';
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  await reload();
  name.focus();
  return dialog;
}
