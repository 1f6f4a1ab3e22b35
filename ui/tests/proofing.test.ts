import { describe, expect, it } from 'vitest';
import { toDiagnostics } from '../src/proofing/diagnostics';
import { IgnoreList } from '../src/proofing/ignored';
import { problemItems } from '../src/proofing/problemMenu';
import { shortcutRows } from '../src/panels/shortcutsDialog';
import { describeShortcut } from '../src/logic/shortcuts';
import type { Problem } from '../src/types';
import { AN_MESSAGE, fakeProblems } from './fakeIpc';

const teh: Problem = { from: 15, to: 18, kind: 'spelling', message: '“teh” is not in the dictionary.', word: 'teh', suggestions: ['the', 'ten'] };
const an: Problem = { from: 8, to: 10, kind: 'grammar', message: AN_MESSAGE, word: 'an', suggestions: ['a'] };
const none = () => false;

describe('problems as diagnostics', () => {
  it('marks spelling as an error and grammar as a warning, each with its own underline class and the message', () => {
    const [spelling, grammar] = toDiagnostics([teh, an], 40, none);
    expect(spelling).toMatchObject({ from: 15, to: 18, severity: 'error', markClass: 'cm-proof-spelling', source: 'Spelling', message: teh.message, problem: teh });
    expect(grammar).toMatchObject({ from: 8, to: 10, severity: 'warning', markClass: 'cm-proof-grammar', source: 'Grammar', message: AN_MESSAGE, problem: an });
  });

  it('drops ranges that do not fit the text, and what is ignored', () => {
    const outside = [{ ...teh, from: 38, to: 41 }, { ...teh, from: 5, to: 5 }, { ...teh, from: -1, to: 2 }];
    expect(toDiagnostics([...outside, teh], 40, none).map((d) => d.from)).toEqual([15]);
    expect(toDiagnostics([teh, an], 40, (p) => p.kind === 'spelling').map((d) => d.problem)).toEqual([an]);
  });

  it('the fake checker counts UTF-16 units, as the core and CodeMirror do', () => {
    const text = 'The 😀 mayor said teh council would meet. This is an test.';
    const problems = fakeProblems(text, []);
    expect(problems.map((p) => [p.kind, text.slice(p.from, p.to)])).toEqual([['spelling', 'teh'], ['grammar', 'an']]);
    expect(fakeProblems(text, ['teh']).map((p) => p.word)).toEqual(['an']);
  });
});

describe('ignoring', () => {
  it('ignores a misspelt word everywhere in one article, and a grammar problem only with that message at that text', () => {
    const ignored = new IgnoreList();
    ignored.add(1, teh);
    ignored.add(1, an);
    expect(ignored.has(1, { ...teh, from: 30, to: 33 })).toBe(true);
    expect(ignored.has(2, teh)).toBe(false);
    expect(ignored.has(1, { ...teh, word: 'Teh' })).toBe(false);
    expect(ignored.has(1, { ...an, from: 40, to: 42 })).toBe(true);
    expect(ignored.has(1, { ...an, word: 'An' })).toBe(false);
    expect(ignored.has(1, { ...an, message: 'Another rule.' })).toBe(false);
  });
});

describe('the problem menu', () => {
  const act = { replace: () => undefined, addToDictionary: () => undefined, ignore: () => undefined };

  it('offers the suggestions (at most five), then adding a misspelt word to the dictionary, then ignoring', () => {
    const many = { ...teh, suggestions: ['the', 'ten', 'tech', 'tea', 'eh', 'tee'] };
    expect(problemItems(many, act).map((i) => i.label)).toEqual(['the', 'ten', 'tech', 'tea', 'eh', 'Add “teh” to dictionary', 'Ignore']);
  });

  it('offers no dictionary for grammar, and names a deletion', () => {
    expect(problemItems(an, act).map((i) => i.label)).toEqual(['a', 'Ignore']);
    const repeated: Problem = { ...an, word: 'the', suggestions: [''], message: 'Did you mean to repeat this word?' };
    expect(problemItems(repeated, act).map((i) => i.label)).toEqual(['Delete “the”', 'Ignore']);
  });

  it('is in the shortcut list, with moving between problems', () => {
    const rows = shortcutRows(false).map((r) => [r.keys.map((k) => describeShortcut(k, false)).join(', '), r.what]);
    expect(rows).toContainEqual(['Ctrl+.', expect.stringMatching(/^Suggestions for the underlined word/)]);
    expect(rows).toContainEqual(['F8, Shift+F8', 'Next / previous spelling or grammar problem']);
    expect(shortcutRows(true).map((r) => r.keys.map((k) => describeShortcut(k, true)).join(', '))).toContain('⌘.');
  });
});
