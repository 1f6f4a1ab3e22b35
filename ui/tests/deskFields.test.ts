/** The desk's fields, their pure logic: the word target, the embargo's words, local times and the SEO counter. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { embargoBadge, embargoHolds, embargoLine, readEmbargo } from '../src/logic/embargo';
import { localDateTimeToUnix, localTimeZone, unixToLocalDateTime } from '../src/logic/localTime';
import { SEO_HEADLINE_LIMIT, formatWordStats, seoHeadlineHint } from '../src/logic/text';
import { readPlannedWords, wordTarget } from '../src/logic/wordTarget';

/** Thu 3 Dec 2026, 18:00 in Stockholm (17:00 UTC). */
const EMBARGO = Date.UTC(2026, 11, 3, 17, 0) / 1000;
const HOUR = 3600;

// Times are this computer's: the tests pin its zone to one with summer time.
beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Stockholm');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('the word target', () => {
  it('counts toward the plan', () => {
    expect(wordTarget(820, 900)).toEqual({
      state: 'on',
      text: '820 / 900 words',
      label: '820 of 900 planned words',
      detail: 'Within 10 % of the planned 900 words',
    });
    expect(wordTarget(1234, 1200).text).toBe('1,234 / 1,200 words');
    expect(wordTarget(0, 1)).toMatchObject({ text: '0 / 1 word', label: '0 of 1 planned word' });
  });

  it('is on target within 10 % either way and amber beyond it', () => {
    expect(wordTarget(810, 900).state).toBe('on');
    expect(wordTarget(990, 900).state).toBe('on');
    expect(wordTarget(809, 900).state).toBe('under');
    expect(wordTarget(991, 900).state).toBe('over');
    // Whole-number arithmetic: 110 % of 900 is exactly 990, not 990.0000000000001.
    expect(wordTarget(990, 900).state).toBe('on');
    expect(wordTarget(0, 900).state).toBe('under');
    expect(wordTarget(809, 900).detail).toBe('91 words short of the planned 900 words');
    expect(wordTarget(1001, 900).detail).toBe('101 words over the planned 900 words');
    expect(wordTarget(1, 10).detail).toBe('9 words short of the planned 10 words');
    expect(wordTarget(12, 10).detail).toBe('2 words over the planned 10 words');
  });

  it('reads the Words planned field: a whole number, or empty for none', () => {
    expect(readPlannedWords('900', false)).toEqual({ ok: 900 });
    expect(readPlannedWords(' 1200 ', false)).toEqual({ ok: 1200 });
    expect(readPlannedWords('', false)).toEqual({ ok: null });
    for (const bad of ['0', '-5', '2.5', '1e12']) expect(readPlannedWords(bad, false), bad).toHaveProperty('error');
    // Letters in a number field: the browser reports bad input and an empty value. Not "none".
    expect(readPlannedWords('', true)).toEqual({
      error: 'Write the planned length as a whole number of words, 1 or more (900, say); leave it empty for none.',
    });
  });

  it('says an empty article reads in 0 minutes', () => {
    expect(formatWordStats(0, 0)).toBe('0 words · 0 min read');
  });
});

describe('times in a datetime-local field', () => {
  it('are read and written in this computer’s time zone, named as it is', () => {
    expect(localTimeZone()).toBe('Europe/Stockholm');
    expect(localDateTimeToUnix('2026-12-03T18:00')).toBe(EMBARGO);
    expect(unixToLocalDateTime(EMBARGO)).toBe('2026-12-03T18:00');
    // Summer time: 18:00 in July is 16:00 UTC.
    expect(localDateTimeToUnix('2026-07-01T18:00')).toBe(Date.UTC(2026, 6, 1, 16, 0) / 1000);
    expect(unixToLocalDateTime(Date.UTC(2026, 6, 1, 16, 0) / 1000)).toBe('2026-07-01T18:00');
    // The field holds minutes: seconds are dropped when one is shown.
    expect(unixToLocalDateTime(EMBARGO + 59)).toBe('2026-12-03T18:00');
  });

  it('refuse a time the clocks skip and dates that do not exist', () => {
    expect(localDateTimeToUnix('2026-03-29T02:30')).toBeNull();
    expect(localDateTimeToUnix('2026-02-30T10:00')).toBeNull();
    expect(localDateTimeToUnix('')).toBeNull();
  });
});

describe('the embargo in words', () => {
  const before = EMBARGO - 5 * HOUR;

  it('holds until its moment, as the core decides', () => {
    expect(embargoHolds(EMBARGO, before)).toBe(true);
    expect(embargoHolds(EMBARGO, EMBARGO)).toBe(false);
    expect(embargoHolds(null, before)).toBe(false);
  });

  it('says under the field until when the story must wait, or that it ended', () => {
    expect(embargoLine(EMBARGO, before)).toEqual({ text: 'Embargoed until Thu 3 Dec, 18:00 — must not go out before then.', holds: true });
    expect(embargoLine(EMBARGO, EMBARGO + HOUR)).toEqual({ text: 'The embargo ended Thu 3 Dec, 18:00; the story may go out.', holds: false });
    expect(embargoLine(null, before)).toBeNull();
    // Another year is written out.
    expect(embargoLine(EMBARGO, Date.UTC(2025, 11, 1) / 1000)!.text).toBe('Embargoed until Thu 3 Dec 2026, 18:00 — must not go out before then.');
  });

  it('puts a short badge on the library row, with the full date, time and zone in its tooltip', () => {
    expect(embargoBadge(EMBARGO, before)).toEqual({
      text: 'Embargo 3 Dec 18:00',
      title: 'Embargoed until Thursday 3 December 2026, 18:00 (Europe/Stockholm time)',
    });
    expect(embargoBadge(EMBARGO, Date.UTC(2025, 11, 1) / 1000)!.text).toBe('Embargo 3 Dec 2026 18:00');
    expect(embargoBadge(EMBARGO, EMBARGO)).toBeNull();
    expect(embargoBadge(null, before)).toBeNull();
  });

  it('reads the Embargo field: a whole date and time, or empty to lift it', () => {
    expect(readEmbargo('2026-12-03T18:00', false)).toEqual({ ok: EMBARGO });
    expect(readEmbargo('', false)).toEqual({ ok: null });
    // A half-typed date is empty to scripts but flagged: it must never lift the embargo.
    expect(readEmbargo('', true)).toHaveProperty('error');
    expect(readEmbargo('2026-03-29T02:30', false)).toEqual({
      error: 'That is not a whole date and time: fill in the day, month, year, hour and minute, or use Lift embargo.',
    });
  });
});

describe('the SEO headline counter', () => {
  it('counts the SEO headline against 60 characters and warns past them', () => {
    expect(SEO_HEADLINE_LIMIT).toBe(60);
    expect(seoHeadlineHint('Ferry timetable approved', 'Council approves the new ferry timetable')).toEqual({ length: 24, level: 'ok', message: '24/60' });
    expect(seoHeadlineHint('x'.repeat(60), '')).toMatchObject({ level: 'ok', message: '60/60' });
    expect(seoHeadlineHint('x'.repeat(61), '')).toEqual({ length: 61, level: 'long', message: '61/60 — 1 over; search engines may cut it' });
  });

  it('counts the headline while the SEO headline is empty, since search engines get it then', () => {
    expect(seoHeadlineHint('  ', 'Council approves the new ferry timetable')).toEqual({
      length: 40,
      level: 'ok',
      message: 'Search engines get the headline: 40/60',
    });
    expect(seoHeadlineHint('', 'y'.repeat(75))).toEqual({ length: 75, level: 'long', message: 'Search engines get the headline: 75/60 — 15 over; they may cut it' });
  });
});
