/**
 * The linter's source: the open article's whole body, sent to the shell's `proofread` once typing
 * pauses (the shell checks off the main thread and only the paragraphs that changed). Nothing
 * runs on a keystroke itself: @codemirror/lint waits for the pause, and it drops an answer when
 * the document it was asked about is no longer the editor's (typing went on, another article
 * opened), so a late answer never marks text that moved.
 */
import type { LintSource } from '@codemirror/lint';
import type { Ipc } from '../ipc';
import type { Toasts } from '../panels/toast';
import { toDiagnostics } from './diagnostics';
import type { IgnoreList } from './ignored';

/** The pause in typing after which the text is checked. */
export const CHECK_DELAY_MS = 500;

export interface CheckerHooks {
  ipc: Pick<Ipc, 'proofread'>;
  toasts: Toasts;
  ignored: IgnoreList;
  /** The article in the editor; `null` when none is. */
  articleId(): number | null;
}

export function checker(hooks: CheckerHooks): LintSource {
  let failing = false;
  return async (view) => {
    const id = hooks.articleId();
    if (id === null) return [];
    const doc = view.state.doc;
    try {
      const problems = await hooks.ipc.proofread(id, doc.toString());
      failing = false;
      return toDiagnostics(problems, doc.length, (p) => hooks.ignored.has(id, p));
    } catch (err) {
      // Once per run of failures: a check follows every pause in typing.
      if (!failing) hooks.toasts.error(err, 'Spelling and grammar could not be checked');
      failing = true;
      return [];
    }
  };
}
