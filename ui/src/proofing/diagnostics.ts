/**
 * The core's problems as CodeMirror diagnostics. Spelling is an error and grammar a warning, each
 * with its own mark class (`cm-proof-spelling`, `cm-proof-grammar`) that app.css draws as a red
 * wavy and a blue dashed underline; each diagnostic keeps its problem for the suggestions menu.
 */
import type { Diagnostic } from '@codemirror/lint';
import type { Problem } from '../types';

/** A diagnostic made from one of the core's problems. */
export interface ProblemDiagnostic extends Diagnostic {
  problem: Problem;
}

export function isProblem(d: Diagnostic): d is ProblemDiagnostic {
  return 'problem' in d;
}

/**
 * `problems` of a text `length` code units long as diagnostics, without those `ignored` says to
 * leave out. A range that does not fit the text is dropped: @codemirror/lint stops drawing at
 * the first mark past the end, which would hide the rest.
 */
export function toDiagnostics(
  problems: readonly Problem[],
  length: number,
  ignored: (problem: Problem) => boolean,
): ProblemDiagnostic[] {
  return problems
    .filter((p) => p.from >= 0 && p.from < p.to && p.to <= length && !ignored(p))
    .map((problem) => ({
      from: problem.from,
      to: problem.to,
      severity: problem.kind === 'spelling' ? 'error' : 'warning',
      markClass: `cm-proof-${problem.kind}`,
      source: problem.kind === 'spelling' ? 'Spelling' : 'Grammar',
      message: problem.message,
      problem,
    }));
}
