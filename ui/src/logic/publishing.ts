/**
 * The Publish dialog's logic, which needs no window: the post status the editor chose (a
 * scheduled time read from a datetime-local field, in this computer's time zone, as Unix seconds)
 * and the run of a publish as a reducer (its progress lines and how it ended).
 */
import type { PublishOutcome, StatusChoice, UiError } from '../types';
import { localDateTimeToUnix } from './localTime';
import { postStatusLabel } from './publishWords';

/** The three choices the Publish dialog offers. */
export type StatusKind = StatusChoice['status'];

/** A sensible first suggestion for a scheduled post: the next full hour at least an hour away. */
export function suggestedScheduleTime(now: number): number {
  return Math.ceil((now + 3600) / 3600) * 3600;
}

/**
 * The status the editor chose, checked: a scheduled post needs a real time in the future (a
 * minute ahead at least, so it is still ahead once sent). `now` in Unix seconds.
 */
export function statusChoice(kind: StatusKind, when: string, now: number): { ok: StatusChoice } | { error: string } {
  if (kind !== 'scheduled') return { ok: { status: kind } };
  if (when.trim() === '') return { error: 'Choose the date and time the post goes live.' };
  const at = localDateTimeToUnix(when);
  if (at === null) return { error: 'That is not a date and time; choose one in the field’s calendar.' };
  if (at < now + 60) return { error: 'That time has passed; choose a time in the future.' };
  return { ok: { status: 'scheduled', at } };
}

/** Where a publish stands. */
export type PublishPhase = 'idle' | 'running' | 'cancelling' | 'published' | 'web_edit' | 'stopped';

export interface PublishRun {
  phase: PublishPhase;
  /** One line per step, in order (the core's sentences). */
  lines: string[];
  /** Set once published. */
  outcome: PublishOutcome | null;
  /** Why the publish stopped (`stopped`): the core's sentence, and whether it is a failure. */
  message: { text: string; failed: boolean } | null;
}

export type PublishEvent =
  | { type: 'start' }
  | { type: 'progress'; line: string }
  | { type: 'cancel' }
  | { type: 'published'; outcome: PublishOutcome }
  | { type: 'web_edit' }
  | { type: 'web_kept'; site: string }
  | { type: 'failed'; error: UiError };

export const IDLE: PublishRun = { phase: 'idle', lines: [], outcome: null, message: null };

const RUNNING: ReadonlySet<PublishPhase> = new Set(['running', 'cancelling']);

/** The run after `event`. Steps that arrive once the run has ended are dropped. */
export function publishReducer(run: PublishRun, event: PublishEvent): PublishRun {
  switch (event.type) {
    case 'start':
      // An overwrite after a web edit continues the same run's lines.
      return { phase: 'running', lines: run.phase === 'web_edit' ? run.lines : [], outcome: null, message: null };
    case 'progress':
      return RUNNING.has(run.phase) ? { ...run, lines: [...run.lines, event.line] } : run;
    case 'cancel':
      return run.phase === 'running' ? { ...run, phase: 'cancelling' } : run;
    case 'published':
      return { ...run, phase: 'published', outcome: event.outcome, message: null };
    case 'web_edit':
      return { ...run, phase: 'web_edit' };
    case 'web_kept':
      return { ...run, phase: 'stopped', message: { text: `Nothing was sent: the post on ${event.site} keeps the changes made there.`, failed: false } };
    case 'failed':
      return { ...run, phase: 'stopped', message: { text: event.error.message, failed: event.error.kind !== 'cancelled' } };
  }
}

/** Whether a publish is under way (its dialog offers Cancel, not Publish). */
export function isRunning(run: PublishRun): boolean {
  return RUNNING.has(run.phase);
}

/** What the end of a publish says before the post's link: what the post now is, and where. */
export function outcomeSentence(outcome: PublishOutcome): string {
  switch (postStatusLabel(outcome.status)) {
    case 'draft':
      return `Saved as a draft on ${outcome.site}, not shown to readers:`;
    case 'published':
      return `Published on ${outcome.site}:`;
    case 'scheduled':
      return `Scheduled on ${outcome.site}:`;
    default:
      return `Sent to ${outcome.site} (${postStatusLabel(outcome.status)}):`;
  }
}

