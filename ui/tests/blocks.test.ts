import { describe, expect, it } from 'vitest';
import { BlockPatcher } from '../src/logic/blockPatcher';
import { diffBlocks, sameBlock, sourcepositions, splitBlocks } from '../src/logic/blocks';

/** Preview HTML as comrak writes it: one top-level block per paragraph, lines numbered from 1. */
function render(paragraphs: string[]): string {
  let line = 1;
  return paragraphs
    .map((p) => {
      const html = p.startsWith('- ')
        ? `<ul data-sourcepos="${line}:1-${line}:${p.length}">\n<li data-sourcepos="${line}:1-${line}:${p.length}">${p.slice(2)}</li>\n</ul>`
        : `<p data-sourcepos="${line}:1-${line}:${p.length}">${p}</p>`;
      line += 2;
      return html;
    })
    .join('\n');
}

describe('splitBlocks', () => {
  it('splits top-level elements, nested ones staying inside their block', () => {
    const html = '<h1 data-sourcepos="1:1-1:5">Hi</h1>\n<ul data-sourcepos="3:1-4:3">\n<li><p>a <em>b</em><br />c</p></li>\n</ul>\n<hr />\n<pre><code>&lt;x&gt;\n\n</code></pre>\n';
    const blocks = splitBlocks(html)!;
    expect(blocks.map((b) => b.html)).toEqual([
      '<h1 data-sourcepos="1:1-1:5">Hi</h1>',
      '<ul data-sourcepos="3:1-4:3">\n<li><p>a <em>b</em><br />c</p></li>\n</ul>',
      '<hr />',
      '<pre><code>&lt;x&gt;\n\n</code></pre>',
    ]);
    expect(sameBlock(blocks[0]!, { html: '<h1 data-sourcepos="7:1-7:5">Hi</h1>' })).toBe(true);
    expect(sameBlock(blocks[0]!, { html: '<h1 data-sourcepos="1:1-1:5">Ho</h1>' })).toBe(false);
  });

  it('keeps attribute values holding ">" and top-level comments', () => {
    const html = '<p><a href="/x" title="a>b">link</a></p>\n<!-- raw HTML omitted -->\n<p><img src="x.png" alt="1 > 0"></p>';
    expect(splitBlocks(html)!.map((b) => b.html)).toEqual([
      '<p><a href="/x" title="a>b">link</a></p>',
      '<!-- raw HTML omitted -->',
      '<p><img src="x.png" alt="1 > 0"></p>',
    ]);
  });

  it('refuses what is not a clean run of blocks', () => {
    expect(splitBlocks('loose text <p>x</p>')).toBeNull();
    expect(splitBlocks('<p>unclosed')).toBeNull();
    expect(splitBlocks('<p><em>crossed</p></em>')).toBeNull();
    expect(splitBlocks('</p>')).toBeNull();
    expect(splitBlocks('')).toEqual([]);
  });

  it('reads the source positions in document order', () => {
    expect(sourcepositions('<ul data-sourcepos="3:1-4:3"><li data-sourcepos="3:1-3:3">x</li></ul>')).toEqual(['3:1-4:3', '3:1-3:3']);
  });
});

describe('diffBlocks', () => {
  const blocks = (ps: string[]) => splitBlocks(render(ps))!;

  it('finds the one changed block, ignoring moved source positions', () => {
    expect(diffBlocks(blocks(['a', 'b', 'c']), blocks(['a', 'bx', 'c']))).toEqual({ start: 1, oldEnd: 2, newEnd: 2 });
    // A paragraph inserted at the top shifts every later line; only the insertion differs.
    expect(diffBlocks(blocks(['a', 'b', 'c']), blocks(['new', 'a', 'b', 'c']))).toEqual({ start: 0, oldEnd: 0, newEnd: 1 });
  });

  it('handles deletions, identical documents and repeated blocks', () => {
    expect(diffBlocks(blocks(['a', 'b', 'c']), blocks(['a', 'c']))).toEqual({ start: 1, oldEnd: 2, newEnd: 1 });
    expect(diffBlocks(blocks(['a', 'b']), blocks(['a', 'b']))).toEqual({ start: 2, oldEnd: 2, newEnd: 2 });
    expect(diffBlocks(blocks(['x', 'x']), blocks(['x', 'x', 'x']))).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
  });
});

describe('BlockPatcher', () => {
  function setup(ps: string[]) {
    const container = document.createElement('div');
    const patcher = new BlockPatcher(container);
    patcher.reset(render(ps));
    return { container, patcher };
  }
  const positions = (c: Element) => [...c.querySelectorAll('[data-sourcepos]')].map((e) => e.getAttribute('data-sourcepos'));
  const expectSameAs = (c: Element, html: string) => {
    const fresh = document.createElement('div');
    fresh.innerHTML = html;
    const texts = (e: Element) => [...e.children].map((b) => `${b.tagName}:${b.textContent!.trim()}`);
    expect(texts(c)).toEqual(texts(fresh));
    expect(positions(c)).toEqual(positions(fresh));
  };

  it('replaces only the changed block and keeps the others as they were', () => {
    const { container, patcher } = setup(['alpha', 'beta', 'gamma']);
    const [first, , third] = [...container.children];
    const html = render(['alpha', 'beta and more', 'gamma']);
    expect(patcher.update(html)).toEqual({ full: false, inserted: 1, removed: 1 });
    expect(container.children[0]).toBe(first);
    expect(container.children[2]).toBe(third);
    expectSameAs(container, html);
  });

  it('rewrites the source positions of blocks after an inserted paragraph, nested ones too', () => {
    const { container, patcher } = setup(['alpha', '- item', 'gamma']);
    const list = container.children[1];
    const html = render(['new', 'alpha', '- item', 'gamma']);
    expect(patcher.update(html)).toEqual({ full: false, inserted: 1, removed: 0 });
    expect(container.children[2]).toBe(list);
    expect(list!.querySelector('li')!.getAttribute('data-sourcepos')).toBe('5:1-5:6');
    expectSameAs(container, html);
  });

  it('follows a sequence of edits, deletions included', () => {
    const { container, patcher } = setup(['a', 'b', 'c', 'd']);
    for (const ps of [['a', 'c', 'd'], ['a', 'c', 'd', 'e', 'f'], ['z'], [], ['a', 'b']]) {
      const html = render(ps);
      patcher.update(html);
      expectSameAs(container, html);
      expect(container.children.length).toBe(ps.length);
    }
  });

  it('falls back to replacing everything for HTML it cannot split', () => {
    const { container, patcher } = setup(['a']);
    expect(patcher.update('just text').full).toBe(true);
    expect(container.textContent).toBe('just text');
    // And recovers block patching once the HTML is clean again.
    patcher.update(render(['a', 'b']));
    expect(patcher.update(render(['a', 'bb'])).full).toBe(false);
    expectSameAs(container, render(['a', 'bb']));
  });
});

describe('BlockPatcher in stages', () => {
  const many = Array.from({ length: 10 }, (_, i) => `para ${i}`);

  it('shows the first blocks now and the rest when finished', () => {
    const container = document.createElement('div');
    const patcher = new BlockPatcher(container);
    expect(patcher.resetInStages(render(many), 3)).toEqual({ full: true, inserted: 3, removed: 0 });
    expect(container.children.length).toBe(3);
    expect(patcher.finish()).toBe(true);
    expect(container.children.length).toBe(10);
    expect([...container.children].map((c) => c.textContent)).toEqual(many);
    expect(patcher.finish()).toBe(false);
    // Patching goes on from the whole article.
    const edited = [...many];
    edited[8] = 'para 8 edited';
    expect(patcher.update(render(edited))).toEqual({ full: false, inserted: 1, removed: 1 });
    expect(container.children[8]!.textContent).toBe('para 8 edited');
  });

  it('an edit before the rest arrives finishes first, and a reset drops the rest', () => {
    const container = document.createElement('div');
    const patcher = new BlockPatcher(container);
    patcher.resetInStages(render(many), 2);
    const edited = [...many, 'para 10'];
    patcher.update(render(edited));
    expect(container.children.length).toBe(11);
    patcher.resetInStages(render(many), 2);
    patcher.reset(render(['only']));
    expect(patcher.finish()).toBe(false);
    expect(container.children.length).toBe(1);
  });

  it('a short article is shown whole at once', () => {
    const container = document.createElement('div');
    const patcher = new BlockPatcher(container);
    patcher.resetInStages(render(['a', 'b']), 5);
    expect(container.children.length).toBe(2);
    expect(patcher.finish()).toBe(false);
  });
});
