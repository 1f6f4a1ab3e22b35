/**
 * The story budget's rules (logic/budget.ts): the day a date field means on this computer (clock
 * changes included), the order a header click gives, and how each cell of a story reads.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ORDER, ariaSort, dateValue, dayOf, dayRule, emptySentence, longDay, nextOrder, noteCell, plannedCell, shiftDate, storyCount, timeCell, wordsCell } from '../src/logic/budget';
import { statusLabel } from '../src/panels/library';
import type { BudgetRow } from '../src/types';
import { DESK_NOW } from './fakeIpc';

const HOUR = 3_600;
/** Thursday 3 December 2026 in Stockholm: 23:00 UTC the day before to 23:00 UTC on the 3rd. */
const THURSDAY = { start: Date.UTC(2026, 11, 2, 23) / 1000, end: Date.UTC(2026, 11, 3, 23) / 1000 };

beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Stockholm');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

function row(extra: Partial<BudgetRow> = {}): BudgetRow {
  return {
    id: 1, slug: 'council-vote', headline: 'Council vote', section: 'Politics', status: 'ready', words_planned: 600, word_count: 580,
    time: DESK_NOW + HOUR, time_kind: 'embargo', byline: 'Ana Ruiz', photos_ready: true, last_note: null, ...extra,
  };
}

describe('the day a date field names', () => {
  it('runs from this computer’s midnight to the next', () => {
    expect(dayOf('2026-12-03')).toEqual(THURSDAY);
    expect(dateValue(DESK_NOW)).toBe('2026-12-03');
    // 23:30 UTC on the 3rd is already the 4th in Stockholm.
    expect(dateValue(Date.UTC(2026, 11, 3, 23, 30) / 1000)).toBe('2026-12-04');
    expect(longDay('2026-12-03')).toBe('Thursday 3 December 2026');
  });

  it('lasts 23 or 25 hours on the days the clocks change', () => {
    const spring = dayOf('2026-03-29')!;
    const autumn = dayOf('2026-10-25')!;
    expect(spring.end - spring.start).toBe(23 * HOUR);
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
    expect(shiftDate('2026-03-28', 1)).toBe('2026-03-29');
    expect(shiftDate('2026-03-29', 1)).toBe('2026-03-30');
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('is no day for an empty field or a date that does not exist', () => {
    for (const bad of ['', '2026-02-30', '3 December', '2026-13-01']) expect(dayOf(bad)).toBeNull();
    expect(shiftDate('', 1)).toBeNull();
    expect(longDay('')).toBe('every day');
  });

  it('comes with the rule that puts a story in it, in this computer’s zone', () => {
    expect(dayRule()).toBe(
      'A story belongs to the day of its embargo; without one, the day it was published; otherwise the day it was last changed. Days run from midnight to midnight, Europe/Stockholm time.',
    );
  });
});

describe('the order', () => {
  it('starts by time, and a header click sorts by its column, again reverses', () => {
    expect(DEFAULT_ORDER).toEqual({ sort: 'time', descending: false });
    let order = nextOrder(DEFAULT_ORDER, 'headline');
    expect(order).toEqual({ sort: 'headline', descending: false });
    expect(ariaSort(order, 'headline')).toBe('ascending');
    expect(ariaSort(order, 'time')).toBe('none');
    order = nextOrder(order, 'headline');
    expect(ariaSort(order, 'headline')).toBe('descending');
    expect(nextOrder(order, 'byline')).toEqual({ sort: 'byline', descending: false });
  });
});

describe('a story’s cells', () => {
  it('say what the time is: the clock on the day shown, the date on another', () => {
    expect(timeCell(row(), THURSDAY, DESK_NOW)).toEqual({
      text: 'Embargo 19:00',
      title: 'Embargoed until Thursday 3 December 2026, 19:00 (Europe/Stockholm time)',
    });
    const published = row({ time: DESK_NOW - 24 * HOUR, time_kind: 'published' });
    expect(timeCell(published, THURSDAY, DESK_NOW).text).toBe('Published 2 Dec 18:00');
    expect(timeCell(row({ time_kind: 'updated' }), null, DESK_NOW)).toMatchObject({ text: 'Changed 3 Dec 19:00' });
    expect(timeCell(row({ time_kind: 'updated' }), null, DESK_NOW).title).toMatch(/^Last changed Thursday/);
  });

  it('count the words against the plan, amber past a tenth off', () => {
    expect(wordsCell(row())).toEqual({ text: '580', state: 'on', title: 'Within 10 % of the planned 600 words' });
    expect(wordsCell(row({ word_count: 1_200 }))).toMatchObject({ text: '1,200', state: 'over' });
    expect(wordsCell(row({ word_count: 100 })).state).toBe('under');
    expect(wordsCell(row({ words_planned: null }))).toEqual({ text: '580', state: null, title: 'No length planned' });
    expect(plannedCell(row())).toBe('600');
    expect(plannedCell(row({ words_planned: null }))).toBe('—');
  });

  it('show the last note on one line, with when it was written in its tooltip', () => {
    const note = row({ last_note: { text: 'Legal to check para 4.\nCall Ana', at: DESK_NOW } });
    expect(noteCell(note, DESK_NOW)).toEqual({ text: 'Legal to check para 4. Call Ana', title: '3 Dec 18:00: Legal to check para 4.\nCall Ana' });
    expect(noteCell(row(), DESK_NOW).text).toBe('');
  });
});

describe('what the budget says about itself', () => {
  it('names the day and the filters when nothing matches', () => {
    expect(emptySentence('2026-12-03', '', '', statusLabel)).toBe('No stories for Thursday 3 December 2026. Choose another day or clear a filter.');
    expect(emptySentence('2026-12-03', 'Politics', 'editing', statusLabel)).toBe(
      'No stories for Thursday 3 December 2026 in Politics with the status In edit. Choose another day or clear a filter.',
    );
    expect(emptySentence('', '', '', statusLabel)).toBe('No stories yet: the library is empty.');
    expect(storyCount(1)).toBe('1 story');
    expect(storyCount(12_000)).toBe('12,000 stories');
  });
});
