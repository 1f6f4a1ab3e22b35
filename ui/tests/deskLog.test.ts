/**
 * How corrections, updates and the desk's notes are written: corrections dated in UTC as the export
 * prints them (export/dates.rs), notes by this computer's clock.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shortStamp } from '../src/logic/calendar';
import { correctionLabel, oneParagraph, pageDate } from '../src/logic/deskLog';
import { ADD_NOTE_SHORTCUT, describeShortcut } from '../src/logic/shortcuts';

/** Thu 3 Dec 2026, 17:00 UTC: 18:00 in Stockholm. */
const AT = Date.UTC(2026, 11, 3, 17, 0) / 1000;

// A zone east of UTC, so a local date and a UTC date can differ.
beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Stockholm');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('corrections as the page prints them', () => {
  it('labels a correction and an update as the export does', () => {
    expect(correctionLabel('correction')).toBe('Correction');
    expect(correctionLabel('update')).toBe('Update');
  });

  it('dates them in UTC, RFC 3339 for the machine and "3 December 2026" for people (the export’s own example)', () => {
    expect(pageDate(AT)).toEqual({ iso: '2026-12-03T17:00:00Z', display: '3 December 2026' });
    expect(pageDate(Date.UTC(2026, 2, 12, 10) / 1000)).toEqual({ iso: '2026-03-12T10:00:00Z', display: '12 March 2026' });
    expect(pageDate(Date.UTC(2027, 0, 1) / 1000)?.display).toBe('1 January 2027');
  });

  it('keeps the UTC day when this computer’s calendar has already turned', () => {
    // 00:30 on 4 December in Stockholm is still 3 December on the page.
    const lateEvening = Date.UTC(2026, 11, 3, 23, 30) / 1000;
    expect(new Date(lateEvening * 1000).getDate()).toBe(4);
    expect(pageDate(lateEvening)).toEqual({ iso: '2026-12-03T23:30:00Z', display: '3 December 2026' });
  });

  it('gives no date where RFC 3339 has none (the export then leaves the entry out)', () => {
    expect(pageDate(Date.UTC(9999, 11, 31, 23, 59, 59) / 1000)?.display).toBe('31 December 9999');
    expect(pageDate(Date.UTC(10000, 0, 1) / 1000)).toBeNull();
    expect(pageDate(Number.MAX_SAFE_INTEGER)).toBeNull();
    expect(pageDate(-62_198_755_200)).toBeNull(); // the year -1
  });

  it('joins the text into one paragraph, as the core keeps it', () => {
    expect(oneParagraph('  The vote was\n7-2,\tnot   6-3. ')).toBe('The vote was 7-2, not 6-3.');
    expect(oneParagraph(' \n ')).toBe('');
  });
});

describe('the desk’s notes', () => {
  it('are stamped by this computer’s clock, with the year only when it is not this one', () => {
    expect(shortStamp(AT, AT)).toBe('3 Dec 18:00');
    expect(shortStamp(AT - 3600 * 4 - 55 * 60, AT)).toBe('3 Dec 13:05');
    expect(shortStamp(AT - 365 * 86_400, AT)).toBe('3 Dec 2025 18:00');
  });

  it('are added with Ctrl+Enter, ⌘Enter on a Mac', () => {
    expect(describeShortcut(ADD_NOTE_SHORTCUT, false)).toBe('Ctrl+Enter');
    expect(describeShortcut(ADD_NOTE_SHORTCUT, true)).toBe('⌘Enter');
  });
});
