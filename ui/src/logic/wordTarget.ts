/**
 * The planned length against the words written: what the status bar shows when the desk planned
 * one ("820 / 900 words" and a bar), and how the Words planned field is read.
 */
import { formatCount } from './text';

/**
 * How far from the plan a story may be and still count as on target: a tenth either way, the
 * slack a page layout absorbs. Beyond it the count turns amber.
 */
export const TARGET_TOLERANCE_PERCENT = 10;

export interface WordTarget {
  /** `under`/`over`: more than the tolerance short of or past the plan. */
  state: 'under' | 'on' | 'over';
  /** "820 / 900 words". */
  text: string;
  /** The bar's accessible name: "820 of 900 planned words". */
  label: string;
  /** The sentence a pointer's tooltip gives: where the story stands against the plan. */
  detail: string;
}

/** The count against the plan (`planned` ≥ 1 words). */
export function wordTarget(words: number, planned: number): WordTarget {
  const gap = words - planned;
  // Whole numbers only: 990 of 900 is on target, where 900 * 1.1 would say 990.0000000000001.
  const off = Math.abs(gap) * 100 > planned * TARGET_TOLERANCE_PERCENT;
  const state = !off ? 'on' : gap < 0 ? 'under' : 'over';
  const plan = `${formatCount(planned)} ${planned === 1 ? 'word' : 'words'}`;
  const detail =
    state === 'on'
      ? `Within ${TARGET_TOLERANCE_PERCENT} % of the planned ${plan}`
      : `${formatCount(Math.abs(gap))} ${Math.abs(gap) === 1 ? 'word' : 'words'} ${state === 'under' ? 'short of' : 'over'} the planned ${plan}`;
  return {
    state,
    text: `${formatCount(words)} / ${plan}`,
    label: `${formatCount(words)} of ${formatCount(planned)} planned ${planned === 1 ? 'word' : 'words'}`,
    detail,
  };
}

/**
 * The Words planned field as the patch's value: a whole number of words, or `null` to drop the
 * plan when the field was emptied. `badInput`: the field holds something that is not a number.
 */
export function readPlannedWords(value: string, badInput: boolean): { ok: number | null } | { error: string } {
  const text = value.trim();
  if (text === '' && !badInput) return { ok: null };
  const n = Number(text);
  // The core keeps the plan as a 32-bit count: a longer number is a slip of the keyboard.
  if (text === '' || !Number.isInteger(n) || n < 1 || n > 0xffff_ffff) return { error: 'Write the planned length as a whole number of words, 1 or more (900, say); leave it empty for none.' };
  return { ok: n };
}
