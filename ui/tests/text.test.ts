import { describe, expect, it } from 'vitest';
import { formatBytes, formatWordStats, headlineHint } from '../src/logic/text';
import { formatRelative } from '../src/logic/relativeTime';
import { parseSnippet } from '../src/logic/snippet';
import { parseTags } from '../src/logic/tags';

describe('word stats', () => {
  it('shows words and reading time', () => {
    // The minutes are the core's (model.rs `reading_minutes`); the page only writes them.
    expect(formatWordStats(0, 0)).toBe('0 words · 0 min read');
    expect(formatWordStats(1, 1)).toBe('1 word · 1 min read');
    expect(formatWordStats(1234, 6)).toBe('1,234 words · 6 min read');
  });
});

describe('headline hint', () => {
  it('counts characters and warns past 70', () => {
    expect(headlineHint('   ').level).toBe('empty');
    expect(headlineHint('Short and sharp')).toEqual({ length: 15, level: 'ok', message: '15/70' });
    const long = headlineHint('x'.repeat(82));
    expect(long.level).toBe('long');
    expect(long.message).toContain('12 over');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(headlineHint('😀😀').length).toBe(2);
  });
});

describe('formatting helpers', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(12 * 1024 * 1024)).toBe('12 MB');
  });

  it('says how long ago', () => {
    const now = 1_700_000_000;
    expect(formatRelative(now - 10, now)).toBe('just now');
    expect(formatRelative(now - 300, now)).toBe('5 min ago');
    expect(formatRelative(now - 3 * 3600, now)).toBe('3 h ago');
    expect(formatRelative(now - 30 * 3600, now)).toBe('yesterday');
    expect(formatRelative(now - 4 * 86400, now)).toBe('4 days ago');
    expect(formatRelative(now - 40 * 86400, now)).toMatch(/\d{4}/);
  });

  it('splits snippets into text and matches, tolerating stray markers', () => {
    expect(parseSnippet('the «troops» moved «north»')).toEqual([
      { text: 'the ', match: false },
      { text: 'troops', match: true },
      { text: ' moved ', match: false },
      { text: 'north', match: true },
    ]);
    expect(parseSnippet('open « only')).toEqual([{ text: 'open « only', match: false }]);
    expect(parseSnippet('«»x')).toEqual([{ text: 'x', match: false }]);
  });

  it('parses typed tags', () => {
    expect(parseTags(' economy, Sweden;  trade  wars ,,')).toEqual(['economy', 'Sweden', 'trade wars']);
  });
});
