import { vi } from 'vitest';

/**
 * happy-dom announces a selection change inside the change (browsers do it in a later task), so a
 * focused CodeMirror reads its DOM in the middle of its own update and throws. Tests that focus
 * the editor set its selection through CodeMirror and need no announcements: this drops them
 * (until `vi.restoreAllMocks()`).
 */
export function dropSelectionChanges(): void {
  const dispatch = document.dispatchEvent.bind(document);
  vi.spyOn(document, 'dispatchEvent').mockImplementation((event) => event.type === 'selectionchange' || dispatch(event));
}
