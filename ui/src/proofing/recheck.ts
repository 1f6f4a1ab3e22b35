/**
 * Checking again at once, without an edit: after a word joins the dictionary or a problem is
 * ignored. @codemirror/lint's `forceLinting` only hurries a check that is already due, so a
 * transaction carrying {@link recheckEffect} makes one due first (the linter's `needsRefresh`).
 */
import { forceLinting } from '@codemirror/lint';
import { StateEffect } from '@codemirror/state';
import type { EditorView, ViewUpdate } from '@codemirror/view';

const recheckEffect = StateEffect.define<null>();

/** The linter's `needsRefresh`: whether `update` asked for a check. */
export function needsRecheck(update: ViewUpdate): boolean {
  return update.transactions.some((tr) => tr.effects.some((e) => e.is(recheckEffect)));
}

export function recheck(view: EditorView): void {
  view.dispatch({ effects: recheckEffect.of(null) });
  forceLinting(view);
}
