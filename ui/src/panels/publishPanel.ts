/**
 * The Publish dialog (toolbar button, Mod-Shift-U): the site, how the post should stand (draft,
 * published now, or scheduled), then one line per step as the shell announces them, a Cancel that
 * stops the publish before its next step, and at the end the post's link.
 *
 * It is not modal: a publish waits on the network for seconds or minutes and the editor keeps
 * writing meanwhile (the shell publishes from its own connection to the library, so saves never
 * wait for it). A post edited on the site since it was last published from here is shown side by
 * side in the window's main area (see webEditView.ts) before anything is overwritten.
 */
import { button, h } from '../dom';
import { errorMessage, normalizeError, type Ipc } from '../ipc';
import {
  IDLE,
  isRunning,
  outcomeSentence,
  publishReducer,
  statusChoice,
  suggestedScheduleTime,
  type PublishEvent,
  type PublishRun,
  type StatusKind,
} from '../logic/publishing';
import { unixToLocalDateTime } from '../logic/localTime';
import type { PublishOutcome, Site, StatusChoice, WebEditComparison } from '../types';

export interface PublishPanelDeps {
  ipc: Pick<Ipc, 'listSites' | 'publishArticle' | 'cancelPublish' | 'openPublishedPost' | 'onPublishProgress'>;
  /** Saves pending typing; resolves whether everything is saved (a publish sends the saved text). */
  flush(): Promise<boolean>;
  /** The Sites dialog; resolves once it closed. */
  manageSites(): Promise<void>;
  /** Shows a web edit side by side; resolves whether the editor chose to overwrite it. */
  compareWebEdit(comparison: WebEditComparison): Promise<boolean>;
  /** A publish ended with a post (the article's publications changed). */
  onPublished(articleId: number, outcome: PublishOutcome): void;
  /** Unix seconds now (tests fix it). */
  now?: () => number;
}

/** The article a publish is for. */
interface Target {
  id: number;
  headline: string;
}

const STATUS_OPTIONS: { kind: StatusKind; label: string; hint: string }[] = [
  { kind: 'draft', label: 'Draft', hint: 'saved on the site, not shown to readers' },
  { kind: 'publish', label: 'Publish now', hint: 'live at once' },
  { kind: 'scheduled', label: 'Scheduled', hint: 'goes live at the time you choose' },
];

export class PublishPanel {
  readonly root: HTMLElement;
  private readonly title: HTMLElement;
  private readonly form: HTMLElement;
  private readonly site: HTMLSelectElement;
  private readonly noSites: HTMLElement;
  private readonly radios = new Map<StatusKind, HTMLInputElement>();
  private readonly when: HTMLInputElement;
  private readonly formError: HTMLElement;
  private readonly steps: HTMLOListElement;
  private readonly result: HTMLElement;
  private readonly publishButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;
  private run: PublishRun = IDLE;
  private target: Target | null = null;
  /** The site of the run under way or last ended. */
  private runSite = '';
  private listening: Promise<() => void> | null = null;

  constructor(private readonly deps: PublishPanelDeps) {
    this.title = h('h2', { id: 'publish-title' }, 'Publish');
    this.site = h('select', { id: 'publish-site', 'data-testid': 'publish-site' });
    this.noSites = h(
      'p',
      { class: 'publish-no-sites', hidden: true },
      'No sites yet. ',
      button('Add a site…', () => void this.manageSites(), { class: 'link-button' }),
    );
    this.when = h('input', { type: 'datetime-local', id: 'publish-when', 'aria-label': 'Goes live at', 'data-testid': 'publish-when', hidden: true });
    const statusRows = STATUS_OPTIONS.map(({ kind, label, hint }) => {
      const radio = h('input', { type: 'radio', name: 'publish-status', value: kind, id: `publish-status-${kind}`, checked: kind === 'draft' });
      radio.addEventListener('change', () => this.onStatusChange());
      this.radios.set(kind, radio);
      return h(
        'div',
        { class: 'radio' },
        radio,
        h('label', { for: radio.id }, label, h('span', { class: 'muted small' }, ` — ${hint}`)),
        kind === 'scheduled' ? this.when : null,
      );
    });
    this.formError = h('p', { class: 'field-error', role: 'alert', 'data-testid': 'publish-form-error' });
    this.form = h(
      'div',
      { class: 'publish-form' },
      h(
        'div',
        { class: 'field publish-site-field' },
        h('label', { for: 'publish-site' }, 'Site'),
        h('div', { class: 'publish-site-row' }, this.site, button('Sites…', () => void this.manageSites(), { 'aria-label': 'Manage sites' })),
        this.noSites,
      ),
      h('fieldset', {}, h('legend', {}, 'On the site'), ...statusRows),
      this.formError,
    );
    this.steps = h('ol', { class: 'publish-steps', 'aria-label': 'Publishing steps', 'data-testid': 'publish-steps', hidden: true });
    this.result = h('div', { class: 'publish-result', role: 'status', 'aria-live': 'polite', 'data-testid': 'publish-result' });
    this.publishButton = button('Publish', () => void this.publish(false), { class: 'primary', 'data-testid': 'publish-run' });
    this.cancelButton = button('Cancel', () => void this.cancel(), { hidden: true, 'data-testid': 'publish-cancel' });
    this.closeButton = button('Close', () => this.close());
    this.root = h(
      'section',
      { class: 'publish-panel', role: 'dialog', 'aria-labelledby': 'publish-title', 'data-testid': 'publish-dialog', hidden: true },
      this.title,
      this.form,
      this.steps,
      this.result,
      h('div', { class: 'dialog-buttons' }, this.closeButton, this.cancelButton, this.publishButton),
    );
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !isRunning(this.run)) {
        e.preventDefault();
        this.close();
      }
    });
  }

  /** Whether the dialog is showing. */
  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /**
   * Shows the dialog for `article`. While a publish is under way it stays on that one (whichever
   * article is open now), since its steps and Cancel belong to it. Resolves whether it is shown
   * (not without an article when none is under way).
   */
  async open(article: Target | null): Promise<boolean> {
    if (!this.busy) {
      if (!article) return false;
      this.target = article;
      this.run = IDLE;
      this.render();
      await this.loadSites();
    }
    this.showTitle();
    this.root.hidden = false;
    this.focusFirst();
    return true;
  }

  /** Whether a publish is under way (running, or waiting for the editor's word on a web edit). */
  get busy(): boolean {
    return isRunning(this.run) || this.run.phase === 'web_edit';
  }

  close(): void {
    if (isRunning(this.run)) return;
    this.root.hidden = true;
  }

  private showTitle(): void {
    this.title.textContent = `Publish “${this.target?.headline || 'Untitled'}”`;
  }

  private focusFirst(): void {
    const first = isRunning(this.run) ? this.cancelButton : this.site.options.length > 0 ? this.site : this.closeButton;
    first.focus();
  }

  private async loadSites(): Promise<void> {
    let sites: Site[] = [];
    try {
      sites = await this.deps.ipc.listSites();
    } catch (err) {
      this.formError.textContent = errorMessage(err);
    }
    const previous = this.site.value;
    this.site.replaceChildren(...sites.map((s) => h('option', { value: s.name }, s.name)));
    this.site.value = sites.some((s) => s.name === previous) ? previous : (sites[0]?.name ?? '');
    this.site.hidden = sites.length === 0;
    this.noSites.hidden = sites.length > 0;
    this.publishButton.disabled = sites.length === 0;
  }

  private async manageSites(): Promise<void> {
    await this.deps.manageSites();
    await this.loadSites();
    this.focusFirst();
  }

  private onStatusChange(): void {
    const scheduled = this.radios.get('scheduled')!.checked;
    this.when.hidden = !scheduled;
    if (scheduled) {
      const now = this.now();
      this.when.min = unixToLocalDateTime(now);
      if (!this.when.value) this.when.value = unixToLocalDateTime(suggestedScheduleTime(now));
      this.when.focus();
    }
    this.formError.textContent = '';
  }

  private chosenStatus(): StatusChoice | null {
    const kind = [...this.radios].find(([, radio]) => radio.checked)?.[0] ?? 'draft';
    const checked = statusChoice(kind, this.when.value, this.now());
    if ('error' in checked) {
      this.formError.textContent = checked.error;
      this.when.focus();
      return null;
    }
    return checked.ok;
  }

  /** Publishes (again, over a web edit, with `overwrite`); the run's status is kept for the overwrite. */
  private async publish(overwrite: boolean, status: StatusChoice | null = this.chosenStatus()): Promise<void> {
    const target = this.target;
    if (!target || !status || isRunning(this.run)) return;
    this.formError.textContent = '';
    this.runSite = this.site.value;
    this.dispatch({ type: 'start' });
    this.cancelButton.focus();
    if (!(await this.deps.flush())) {
      this.dispatch({ type: 'failed', error: { kind: 'io', message: 'The latest typing could not be saved, so nothing was published; see the save indicator, then try again.' } });
      return;
    }
    await this.listen();
    try {
      const answer = await this.deps.ipc.publishArticle(target.id, this.runSite, status, overwrite);
      if (answer.result === 'published') {
        this.dispatch({ type: 'published', outcome: answer });
        this.deps.onPublished(target.id, answer);
        return;
      }
      this.dispatch({ type: 'web_edit' });
      this.root.hidden = true;
      const overwriteIt = await this.deps.compareWebEdit(answer);
      this.root.hidden = false;
      if (overwriteIt) await this.publish(true, status);
      else this.dispatch({ type: 'web_kept', site: this.runSite });
    } catch (err) {
      this.dispatch({ type: 'failed', error: normalizeError(err) });
    }
  }

  private async cancel(): Promise<void> {
    const target = this.target;
    if (!target || this.run.phase !== 'running') return;
    this.dispatch({ type: 'cancel' });
    try {
      await this.deps.ipc.cancelPublish(target.id);
    } catch (err) {
      this.dispatch({ type: 'failed', error: normalizeError(err) });
    }
  }

  /** Listens for steps once, for the whole session: each names its article. */
  private listen(): Promise<() => void> {
    this.listening ??= this.deps.ipc.onPublishProgress((step) => {
      if (step.article_id === this.target?.id) this.dispatch({ type: 'progress', line: step.line });
    });
    return this.listening;
  }

  private dispatch(event: PublishEvent): void {
    this.run = publishReducer(this.run, event);
    this.render();
  }

  private render(): void {
    const run = this.run;
    const running = isRunning(run);
    const ended = run.phase === 'published';
    this.form.hidden = running || ended || run.phase === 'web_edit';
    this.steps.hidden = run.lines.length === 0 && !running;
    // While it runs, the newest line is the step under way.
    this.steps.replaceChildren(...run.lines.map((line, i) => h('li', { class: running && i === run.lines.length - 1 ? 'publish-current' : null }, line)));
    if (running && run.lines.length === 0) this.steps.append(h('li', { class: 'publish-current' }, 'Saving the latest typing…'));
    if (run.phase === 'cancelling') this.steps.append(h('li', { class: 'publish-waiting' }, 'Stopping before the next step…'));
    this.publishButton.hidden = running || ended;
    this.publishButton.textContent = run.phase === 'stopped' ? 'Try again' : 'Publish';
    this.cancelButton.hidden = !running;
    this.cancelButton.disabled = run.phase === 'cancelling';
    this.closeButton.hidden = running;
    this.closeButton.classList.toggle('primary', ended);
    this.result.replaceChildren(...this.resultContent());
    this.root.setAttribute('aria-busy', String(running));
    if (ended) this.closeButton.focus();
  }

  private resultContent(): HTMLElement[] {
    const { outcome, message } = this.run;
    if (this.run.phase === 'published' && outcome) {
      const target = this.target;
      const link = button(outcome.url, () => void this.openPost(target?.id, outcome.site), {
        class: 'link-button publish-link',
        'data-testid': 'publish-link',
        title: 'Open the post in the browser',
      });
      return [h('p', { class: 'success' }, outcomeSentence(outcome)), h('p', { class: 'publish-link-row' }, link)];
    }
    if (message) return [h('p', { class: message.failed ? 'field-error' : 'publish-note', role: message.failed ? 'alert' : null }, message.text)];
    if (this.run.phase === 'web_edit') return [h('p', { class: 'publish-note' }, 'The post was edited on the site: compare the two versions in the window, then overwrite it or cancel.')];
    return [];
  }

  private async openPost(articleId: number | undefined, site: string): Promise<void> {
    if (articleId === undefined) return;
    try {
      await this.deps.ipc.openPublishedPost(articleId, site);
    } catch (err) {
      this.result.append(h('p', { class: 'field-error', role: 'alert' }, errorMessage(err)));
    }
  }

  private now(): number {
    return this.deps.now?.() ?? Math.floor(Date.now() / 1000);
  }
}
