/**
 * The status area: every error from the core, and confirmations, appear here as a readable
 * sentence. Errors stay until dismissed (or replaced); notices fade after a few seconds.
 */
import { button, h } from '../dom';
import { errorMessage } from '../ipc';

export interface ToastAction {
  label: string;
  run: () => void;
}

export class Toasts {
  readonly root: HTMLElement;

  constructor(root?: HTMLElement) {
    this.root = root ?? h('div');
    this.root.classList.add('toasts');
    this.root.setAttribute('role', 'status');
    this.root.setAttribute('aria-live', 'polite');
    this.root.setAttribute('aria-label', 'Messages');
    this.root.dataset.testid = 'toasts';
  }

  info(message: string, actions: ToastAction[] = [], ms = 6000): HTMLElement {
    return this.show(message, 'info', actions, ms);
  }

  /** Shows an error from a command (or anything thrown) as a sentence; `context` says what was being done. */
  error(err: unknown, context?: string, actions: ToastAction[] = []): HTMLElement {
    const message = errorMessage(err);
    const text = context ? `${context}: ${message}` : message;
    return this.show(text, 'error', actions, 0);
  }

  private show(message: string, kind: 'info' | 'error', actions: ToastAction[], ms: number): HTMLElement {
    const el = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : null });
    const close = () => el.remove();
    el.append(
      h('span', { class: 'toast-text' }, message),
      ...actions.map((a) =>
        button(a.label, () => {
          close();
          a.run();
        }, { class: 'toast-action' }),
      ),
      button('×', close, { class: 'toast-close', 'aria-label': 'Dismiss message' }),
    );
    // The same sentence again (a bad file the sync tells of again once it changed, an action
    // retried) takes the place of its earlier copy, so repeats never push other messages out.
    for (const shown of Array.from(this.root.querySelectorAll<HTMLElement>(`.toast-${kind}`))) {
      if (shown.querySelector('.toast-text')?.textContent === message) shown.remove();
    }
    // Keep the area short: the newest five messages.
    while (this.root.children.length >= 5) this.root.firstElementChild?.remove();
    this.root.append(el);
    if (ms > 0) setTimeout(close, ms);
    return el;
  }
}
