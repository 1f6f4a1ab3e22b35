/**
 * Spell and grammar checking in the editor (issue 11): problems underlined after each pause in
 * typing (the checking is the shell's, off the main thread), their menu on right-click or Mod-.,
 * F8 / Shift-F8 from one to the next, the message on hover, and a count in the status bar.
 * @codemirror/lint's panel and gutter are left out: the underlines and the menu are the interface.
 * The app loads this module after the first screen is painted and turns it on through the
 * editor's compartment (EditorPanel.setProofing), so none of it weighs on the launch.
 */
import { linter, nextDiagnostic, previousDiagnostic } from '@codemirror/lint';
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, tooltips } from '@codemirror/view';
import type { Ipc } from '../ipc';
import { NEXT_PROBLEM_SHORTCUT, PREVIOUS_PROBLEM_SHORTCUT, PROBLEM_MENU_SHORTCUT, type ShortcutLabel } from '../logic/shortcuts';
import type { Toasts } from '../panels/toast';
import { CHECK_DELAY_MS, checker } from './checker';
import { problemAt, problemNear } from './find';
import { IgnoreList } from './ignored';
import { openProblemMenu, type MenuHooks } from './problemMenu';
import { needsRecheck, recheck } from './recheck';
import { problemStatus } from './status';

export interface ProofingHooks {
  ipc: Pick<Ipc, 'proofread' | 'addToDictionary'>;
  toasts: Toasts;
  keys: ShortcutLabel;
  /** The article in the editor; `null` when none is. */
  articleId(): number | null;
}

export interface Proofing {
  /** For the editor, kept across the articles it opens. */
  extension: Extension;
  /** The problem count, for the status bar. */
  status: HTMLElement;
  /** Checks again at once (the article's language or the dictionary changed). */
  recheck(view: EditorView): void;
}

export function proofing(hooks: ProofingHooks): Proofing {
  const ignored = new IgnoreList();
  const menu: MenuHooks = { ...hooks, ignored };
  const status = problemStatus(hooks.keys(NEXT_PROBLEM_SHORTCUT));

  /** Mod-.: the menu of the problem at the cursor, or the nearest on its line, under its word. */
  const openAtCursor = (view: EditorView): boolean => {
    const shown = problemNear(view.state, view.state.selection.main.head);
    if (!shown) return false;
    view.dispatch({ effects: EditorView.scrollIntoView(shown.from, { y: 'nearest' }) });
    view.requestMeasure({
      read: () => view.coordsAtPos(shown.from) ?? view.contentDOM.getBoundingClientRect(),
      write: ({ left, top, bottom }) => openProblemMenu(view, shown, { left, top, bottom }, menu),
    });
    return true;
  };

  return {
    status: status.root,
    recheck,
    extension: [
      linter(checker({ ...hooks, ignored }), { delay: CHECK_DELAY_MS, needsRefresh: needsRecheck }),
      Prec.high(keymap.of([
        { key: PROBLEM_MENU_SHORTCUT, run: openAtCursor },
        { key: NEXT_PROBLEM_SHORTCUT, run: nextDiagnostic },
        { key: PREVIOUS_PROBLEM_SHORTCUT, run: previousDiagnostic },
      ])),
      EditorView.domEventHandlers({
        contextmenu: (event, view) => {
          const mark = event.target instanceof Element ? event.target.closest('.cm-proof-spelling, .cm-proof-grammar') : null;
          const shown = mark && problemAt(view.state, view.posAtDOM(mark));
          if (!shown) return false;
          event.preventDefault();
          openProblemMenu(view, shown, { left: event.clientX, top: event.clientY, bottom: event.clientY }, menu);
          return true;
        },
      }),
      // The message on hover, drawn over the whole window: the page's CSP refuses CodeMirror's own
      // stylesheet, so the editor is not the positioned box its tooltips would otherwise assume.
      tooltips({ parent: document.body }),
      // The webview's own checker (on macOS and Windows) would underline the same words again.
      Prec.high(EditorView.contentAttributes.of({ spellcheck: 'false' })),
      status.extension,
    ],
  };
}
