/**
 * The banner over an article in conflict: says that neither side was overwritten and opens the
 * comparison. Hidden while the open article has no conflict.
 */
import { button, h } from '../dom';
import { conflictText } from '../logic/sync';

export class ConflictBanner {
  readonly root: HTMLElement;
  private readonly text: HTMLElement;

  constructor(onCompare: () => void) {
    this.text = h('p', { class: 'conflict-banner-text' });
    this.root = h(
      'div',
      { class: 'conflict-banner', role: 'alert', hidden: true, 'data-testid': 'conflict-banner' },
      h('span', { class: 'conflict-banner-icon', 'aria-hidden': 'true' }, '⚠'),
      this.text,
      button('Compare and resolve', onCompare, { class: 'primary', 'data-testid': 'compare-conflict' }),
    );
  }

  /** Shows the banner for a conflict on the file at `path`, or hides it (`null`). */
  show(path: string | null): void {
    this.root.hidden = path === null;
    this.text.textContent = path === null ? '' : conflictText(path);
  }
}
