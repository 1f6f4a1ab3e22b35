/**
 * The menu of one problem (right-click on its underline, or Mod-. beside it): its replacements,
 * "Add “word” to dictionary" for a misspelling, and "Ignore". It is the app's menu
 * (panels/menu.ts), opened at the word, titled with the problem's message; choosing or Escape
 * gives the focus back to the editor.
 */
import { isolateHistory } from '@codemirror/commands';
import { setDiagnosticsEffect } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import type { Ipc } from '../ipc';
import { showMenu, type MenuItem, type MenuPlace } from '../panels/menu';
import type { Toasts } from '../panels/toast';
import type { Problem } from '../types';
import { shownProblems, type Shown } from './find';
import type { IgnoreList } from './ignored';
import { recheck } from './recheck';

export interface MenuHooks {
  ipc: Pick<Ipc, 'addToDictionary'>;
  toasts: Toasts;
  ignored: IgnoreList;
  articleId(): number | null;
}

export interface ProblemActions {
  replace(text: string): void;
  addToDictionary(): void;
  ignore(): void;
}

/** What the menu offers for `problem`, in order. */
export function problemItems(problem: Problem, act: ProblemActions): MenuItem[] {
  const items: MenuItem[] = problem.suggestions.slice(0, 5).map((text) => ({
    label: text === '' ? `Delete “${problem.word}”` : text,
    run: () => act.replace(text),
  }));
  if (problem.kind === 'spelling') items.push({ label: `Add “${problem.word}” to dictionary`, run: act.addToDictionary });
  items.push({ label: 'Ignore', run: act.ignore });
  return items;
}

/** Opens the menu of `shown`, under `rect` (on screen). */
export function openProblemMenu(view: EditorView, shown: Shown, rect: MenuPlace['rect'], hooks: MenuHooks): void {
  const { problem } = shown.diagnostic;
  const article = hooks.articleId();
  const act: ProblemActions = {
    replace: (text) => {
      // The text may have moved on while the menu was open (a file edited elsewhere came in):
      // only the very word the menu was opened on is replaced.
      if (hooks.articleId() !== article || view.state.sliceDoc(shown.from, shown.to) !== problem.word) return;
      const changes = view.state.changes({ from: shown.from, to: shown.to, insert: text });
      // The word's underline goes at once: kept, it would be mapped onto the replacement until
      // the next check. The others move with the text.
      const others = shownProblems(view.state)
        .filter((s) => s.to <= shown.from || s.from >= shown.to)
        .map(({ diagnostic, from, to }) => ({ ...diagnostic, from: changes.mapPos(from, 1), to: changes.mapPos(to, -1) }));
      // Typing's path, so the fix is saved like any edit; one step of the undo history of its own.
      view.dispatch({
        changes,
        effects: setDiagnosticsEffect.of(others),
        selection: { anchor: shown.from + text.length },
        annotations: isolateHistory.of('full'),
        userEvent: 'input.replace',
        scrollIntoView: true,
      });
    },
    addToDictionary: () => {
      hooks.ipc.addToDictionary(problem.word).then(
        () => recheck(view),
        (err: unknown) => hooks.toasts.error(err, `“${problem.word}” could not be added to the dictionary`),
      );
    },
    ignore: () => {
      if (article !== null) hooks.ignored.add(article, problem);
      recheck(view);
    },
  };
  showMenu(view.contentDOM, problemItems(problem, act), { rect, label: problem.message });
}
