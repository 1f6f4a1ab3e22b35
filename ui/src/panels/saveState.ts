/** The save indicator: "Saved" / "Saving…" / "Not saved: <reason>" with a Retry button. */
import { button, h } from '../dom';
import type { SaveState } from '../logic/saveQueue';

export function saveLabel(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${state.reason}`;
  }
}

export class SaveIndicator {
  readonly root: HTMLElement;
  private readonly text: HTMLElement;
  private readonly retryButton: HTMLButtonElement;

  constructor(onRetry: () => void) {
    this.text = h('span', { class: 'save-text' }, 'Saved');
    this.retryButton = button('Retry', onRetry, { class: 'link-button', hidden: true, 'aria-label': 'Retry saving' });
    this.root = h(
      'div',
      { class: 'save-state', role: 'status', 'aria-label': 'Save state', 'aria-live': 'polite', 'data-testid': 'save-state', 'data-state': 'saved' },
      this.text,
      this.retryButton,
    );
  }

  update(state: SaveState): void {
    this.text.textContent = saveLabel(state);
    this.root.dataset.state = state.kind;
    this.root.title = state.kind === 'error' ? state.reason : '';
    this.retryButton.hidden = state.kind !== 'error';
  }
}
