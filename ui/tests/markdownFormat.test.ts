import { describe, expect, it } from 'vitest';
import { blockInsertion, headingLevel, insertLink, nextHeadingLevel, photoMarkdown, setHeading, toggleWrap, type Change } from '../src/logic/markdownFormat';
import { moveItem, keyboardTarget, renumber } from '../src/logic/reorder';

function apply(doc: string, changes: Change[]): string {
  // Changes are in original positions: apply from the end.
  return [...changes].sort((a, b) => b.from - a.from).reduce((d, c) => d.slice(0, c.from) + c.insert + d.slice(c.to), doc);
}

describe('markdown formatting', () => {
  it('wraps and unwraps bold', () => {
    const doc = 'the quick fox';
    const e = toggleWrap(doc, 4, 9, '**');
    const bolded = apply(doc, e.changes);
    expect(bolded).toBe('the **quick** fox');
    expect(bolded.slice(e.anchor, e.head)).toBe('quick');
    const back = toggleWrap(bolded, e.anchor, e.head, '**');
    expect(apply(bolded, back.changes)).toBe(doc);
    const inner = toggleWrap(bolded, 4, 13, '**');
    expect(apply(bolded, inner.changes)).toBe(doc);
  });

  it('keeps spaces outside the markers and puts the cursor inside an empty pair', () => {
    const e = toggleWrap('a word here', 1, 7, '_');
    expect(apply('a word here', e.changes)).toBe('a _word_ here');
    const empty = toggleWrap('ab', 1, 1, '**');
    expect(apply('ab', empty.changes)).toBe('a****b');
    expect(empty.anchor).toBe(3);
  });

  it('makes links from text or from a URL', () => {
    const doc = 'see the report';
    const e = insertLink(doc, 8, 14);
    const out = apply(doc, e.changes);
    expect(out).toBe('see the [report](https://)');
    expect(out.slice(e.anchor, e.head)).toBe('https://');
    const u = insertLink('https://example.com', 0, 19);
    expect(apply('https://example.com', u.changes)).toBe('[](https://example.com)');
    expect(u.anchor).toBe(1);
  });

  it('sets, changes and toggles headings', () => {
    expect(apply('Title', [setHeading('Title', 0, 2)])).toBe('## Title');
    expect(apply('## Title', [setHeading('## Title', 0, 3)])).toBe('### Title');
    expect(apply('## Title', [setHeading('## Title', 0, 2)])).toBe('Title');
    expect(headingLevel('#### x')).toBe(4);
    expect(headingLevel('#hashtag')).toBe(0);
    expect([0, 2, 3].map(nextHeadingLevel)).toEqual([2, 3, 0]);
  });

  it('writes photo markdown with escaping', () => {
    expect(photoMarkdown(12, 'Troops [file]', 'He said "go"')).toBe('![Troops \\[file\\]](photo:12 "He said \\"go\\"")');
    expect(photoMarkdown(3, '', '')).toBe('![](photo:3)');
  });

  it('puts a block on its own paragraph', () => {
    const c = blockInsertion('one\ntwo', 3, '![](photo:1)');
    expect(apply('one\ntwo', [c])).toBe('one\n\n![](photo:1)\n\ntwo');
    expect(apply('', [blockInsertion('', 0, 'X')])).toBe('X\n');
    const mid = blockInsertion('para one\n\npara two', 10, 'X');
    expect(apply('para one\n\npara two', [mid])).toBe('para one\n\nX\n\npara two');
  });
});

describe('reorder', () => {
  const items = [{ position: 1, t: 'a' }, { position: 2, t: 'b' }, { position: 3, t: 'c' }];

  it('moves and renumbers', () => {
    expect(moveItem(items, 2, 0).map((i) => `${i.position}${i.t}`)).toEqual(['1c', '2a', '3b']);
    expect(moveItem(items, 0, 1).map((i) => i.t)).toEqual(['b', 'a', 'c']);
    expect(moveItem(items, 0, 5)).toEqual(items);
    expect(renumber([{ position: 7 }])).toEqual([{ position: 1 }]);
  });

  it('maps keys to targets', () => {
    expect(keyboardTarget('ArrowUp', 0, 3)).toBeNull();
    expect(keyboardTarget('ArrowDown', 0, 3)).toBe(1);
    expect(keyboardTarget('End', 0, 3)).toBe(2);
    expect(keyboardTarget('Home', 2, 3)).toBe(0);
    expect(keyboardTarget('x', 1, 3)).toBeNull();
  });
});
