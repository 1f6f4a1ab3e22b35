/**
 * The save indicator: "Saved" / "Saving…" / "Not saved: <reason>" with a Retry button, which
 * becomes "Restore and save" when the story went to the trash meanwhile (retrying could not help).
 */
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

/** What the indicator's button does: try the save again, or first take the story out of the trash. */
export interface SaveActions {
  retry(): void;
  restoreAndSave(): void;
}

export class SaveIndicator {
  readonly root: HTMLElement;
  private readonly text: HTMLElement;
  private readonly retryButton: HTMLButtonElement;
  private trashed = false;

  constructor(actions: SaveActions) {
    this.text = h('span', { class: 'save-text' }, 'Saved');
    this.retryButton = button('Retry', () => (this.trashed ? actions.restoreAndSave() : actions.retry()), {
      class: 'link-button',
      hidden: true,
    });
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
    this.trashed = state.kind === 'error' && state.errorKind === 'trashed';
    this.retryButton.textContent = this.trashed ? 'Restore and save' : 'Retry';
    this.retryButton.setAttribute('aria-label', this.trashed ? 'Restore the story from the trash and save it' : 'Retry saving');
  }
}
