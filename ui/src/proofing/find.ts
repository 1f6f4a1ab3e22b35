/** The problems the editor shows, looked up by position (where their underlines are now). */
import { forEachDiagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import { isProblem, type ProblemDiagnostic } from './diagnostics';

/** A problem shown in the editor and the range it underlines. */
export interface Shown {
  diagnostic: ProblemDiagnostic;
  from: number;
  to: number;
}

/** Every problem shown, in order of position. */
export function shownProblems(state: EditorState): Shown[] {
  const shown: Shown[] = [];
  forEachDiagnostic(state, (diagnostic, from, to) => {
    if (isProblem(diagnostic)) shown.push({ diagnostic, from, to });
  });
  return shown;
}

/** The problem whose underline holds `pos` (its ends included). */
export function problemAt(state: EditorState, pos: number): Shown | null {
  return shownProblems(state).find((s) => s.from <= pos && pos <= s.to) ?? null;
}

/** The problem at `pos`, else the nearest one on its line: what Mod-. opens with the cursor beside a word. */
export function problemNear(state: EditorState, pos: number): Shown | null {
  const line = state.doc.lineAt(pos);
  const distance = (s: Shown) => (pos < s.from ? s.from - pos : pos > s.to ? pos - s.to : 0);
  let best: Shown | null = null;
  for (const s of shownProblems(state)) {
    if (s.to < line.from || s.from > line.to) continue;
    if (!best || distance(s) < distance(best)) best = s;
  }
  return best;
}
