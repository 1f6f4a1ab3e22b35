/**
 * The status bar's count of the problems shown, "2 spelling · 1 grammar", each word underlined
 * as in the text; a button that moves to the next problem, as F8 does. Hidden when there is none.
 * Counted again only when the underlines change (a check's answer, an edit that removed one),
 * not on every keystroke.
 */
import { diagnosticCount, nextDiagnostic, setDiagnosticsEffect } from '@codemirror/lint';
import type { EditorState, Extension } from '@codemirror/state';
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view';
import { button, h } from '../dom';
import type { ProblemKind } from '../types';
import { shownProblems } from './find';

export interface ProblemStatus {
  root: HTMLButtonElement;
  extension: Extension;
}

/** `nextKey`: the next problem's shortcut as this platform writes it, for the tooltip. */
export function problemStatus(nextKey: string): ProblemStatus {
  let editor: EditorView | null = null;
  const root = button('', () => {
    if (!editor) return;
    nextDiagnostic(editor);
    editor.focus();
  }, { class: 'proof-status', hidden: true, title: `Go to the next problem (${nextKey})`, 'data-testid': 'proof-status' });

  const show = (state: EditorState) => {
    const counts: Record<ProblemKind, number> = { spelling: 0, grammar: 0 };
    for (const shown of shownProblems(state)) counts[shown.diagnostic.problem.kind] += 1;
    const parts = (['spelling', 'grammar'] as const)
      .filter((kind) => counts[kind] > 0)
      .map((kind) => h('span', { class: `proof-count-${kind}` }, `${counts[kind]} ${kind}`));
    root.replaceChildren(...parts.flatMap((part, i) => (i > 0 ? [' · ', part] : [part])));
    root.hidden = parts.length === 0;
  };
  const changed = (u: ViewUpdate) =>
    u.transactions.some((tr) => tr.effects.some((e) => e.is(setDiagnosticsEffect))) ||
    diagnosticCount(u.state) !== diagnosticCount(u.startState);

  const extension = ViewPlugin.define((view) => {
    editor = view;
    show(view.state);
    return {
      update: (u) => {
        if (changed(u)) show(u.state);
      },
    };
  });
  return { root, extension };
}
