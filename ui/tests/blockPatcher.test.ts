import { describe, expect, it } from 'vitest';
import { BlockPatcher } from '../src/logic/blockPatcher';
import type { PreviewPatch } from '../src/types';

/** The core's blocks of preview HTML as comrak writes it: one per paragraph, lines numbered from 1. */
function blocksOf(paragraphs: string[]): string[] {
  let line = 1;
  return paragraphs.map((p) => {
    const html = p.startsWith('- ')
      ? `<ul data-sourcepos="${line}:1-${line}:${p.length}">\n<li data-sourcepos="${line}:1-${line}:${p.length}">${p.slice(2)}</li>\n</ul>`
      : `<p data-sourcepos="${line}:1-${line}:${p.length}">${p}</p>`;
    line += 2;
    return html;
  });
}

/** The whole preview HTML of `paragraphs`. */
function render(paragraphs: string[]): string {
  return blocksOf(paragraphs).join('\n');
}

describe('BlockPatcher', () => {
  function setup(ps: string[]) {
    const container = document.createElement('div');
    const patcher = new BlockPatcher(container);
    patcher.reset(blocksOf(ps));
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

  /** The patch the core sends: `blocks` replace `removed` blocks at `start`. */
  const patch = (start: number, removed: number, blocks: string[], total: number, line_shift = 0): PreviewPatch => ({
    version: 1,
    whole: false,
    start,
    removed,
    blocks,
    line_shift,
    total,
  });
  /** Paragraph `i` (0-based) of `render`'s output: on line 2i+1. */
  const paragraph = (text: string, i: number) => blocksOf(['', text])[1]!.replaceAll('3:', `${2 * i + 1}:`);

  it('replaces only the changed block and keeps the others as they were', () => {
    const { container, patcher } = setup(['alpha', 'beta', 'gamma']);
    const [first, , third] = [...container.children];
    expect(patcher.apply(patch(1, 1, [paragraph('beta and more', 1)], 3))).toEqual({ full: false, inserted: 1, removed: 1 });
    expect(container.children[0]).toBe(first);
    expect(container.children[2]).toBe(third);
    expectSameAs(container, render(['alpha', 'beta and more', 'gamma']));
  });

  it('moves the source positions of the blocks after the inserted ones, nested ones too', () => {
    const { container, patcher } = setup(['alpha', '- item', 'gamma']);
    const list = container.children[1];
    expect(patcher.apply(patch(0, 0, [paragraph('new', 0)], 4, 2))).toEqual({ full: false, inserted: 1, removed: 0 });
    expect(container.children[2]).toBe(list);
    expect(list!.querySelector('li')!.getAttribute('data-sourcepos')).toBe('5:1-5:6');
    expectSameAs(container, render(['new', 'alpha', '- item', 'gamma']));
    // Lines removed above: the positions move up.
    patcher.apply(patch(0, 1, [], 3, -2));
    expectSameAs(container, render(['alpha', '- item', 'gamma']));
  });

  it('leaves positions it cannot read, and any that would fall before the first line, as the core does', () => {
    const container = document.createElement('div');
    const patcher = new BlockPatcher(container);
    patcher.reset(['<p data-sourcepos="1:1-1:1">a</p>', '<p data-sourcepos="2:1-2:1">b</p>', '<p data-sourcepos="x">c</p>']);
    patcher.apply(patch(0, 1, [], 2, -2));
    expect(positions(container)).toEqual(['2:1-2:1', 'x']);
  });

  it('refuses a patch that does not fit the blocks shown, changing nothing', () => {
    const { container, patcher } = setup(['a', 'b']);
    const before = container.innerHTML;
    expect(patcher.apply(patch(1, 1, [paragraph('bb', 1)], 3))).toBeNull();
    expect(patcher.apply(patch(2, 1, [], 2))).toBeNull();
    // HTML that does not parse into as many blocks as it says.
    expect(patcher.apply(patch(1, 1, [paragraph('b', 1) + paragraph('c', 2)], 2))).toBeNull();
    expect(container.innerHTML).toBe(before);
  });

  it('redraws from nothing, and takes a whole patch for HTML it cannot split, recovering after', () => {
    const { container, patcher } = setup(['a']);
    expect(patcher.apply(patch(0, 0, [paragraph('x', 0), paragraph('y', 1)], 2), true)).toEqual({ full: false, inserted: 2, removed: 0 });
    expectSameAs(container, render(['x', 'y']));
    expect(patcher.apply({ ...patch(0, 0, ['just text'], 1), whole: true })?.full).toBe(true);
    expect(container.textContent).toBe('just text');
    // Blocks that cannot be told apart cannot be patched: the caller redraws.
    expect(patcher.apply(patch(0, 1, [paragraph('a', 0)], 1))).toBeNull();
    patcher.apply({ ...patch(0, 0, [paragraph('a', 0), paragraph('b', 1)], 2), whole: true });
    expect(patcher.apply(patch(1, 1, [paragraph('bb', 1)], 2))?.full).toBe(false);
    expectSameAs(container, render(['a', 'bb']));
  });
});

describe('BlockPatcher in stages', () => {
  const many = Array.from({ length: 10 }, (_, i) => `para ${i}`);

  it('shows the first blocks now and the rest when finished', () => {
    const container = document.createElement('div');
    const patcher = new BlockPatcher(container);
    expect(patcher.resetInStages(blocksOf(many), 3)).toEqual({ full: true, inserted: 3, removed: 0 });
    expect(container.children.length).toBe(3);
    expect(patcher.finish()).toBe(true);
    expect(container.children.length).toBe(10);
    expect([...container.children].map((c) => c.textContent)).toEqual(many);
    expect(patcher.finish()).toBe(false);
    // Patching goes on from the whole article.
    const edited = blocksOf([...many.slice(0, 8), 'para 8 edited']).at(-1)!;
    expect(patcher.apply({ version: 1, whole: false, start: 8, removed: 1, blocks: [edited], line_shift: 0, total: 10 })).toEqual({ full: false, inserted: 1, removed: 1 });
    expect(container.children[8]!.textContent).toBe('para 8 edited');
  });

  it('an edit before the rest arrives finishes first, and a reset drops the rest', () => {
    const container = document.createElement('div');
    const patcher = new BlockPatcher(container);
    patcher.resetInStages(blocksOf(many), 2);
    const added = blocksOf([...many, 'para 10']).at(-1)!;
    patcher.apply({ version: 1, whole: false, start: 10, removed: 0, blocks: [added], line_shift: 0, total: 11 });
    expect(container.children.length).toBe(11);
    patcher.resetInStages(blocksOf(many), 2);
    patcher.reset(blocksOf(['only']));
    expect(patcher.finish()).toBe(false);
    expect(container.children.length).toBe(1);
  });

  it('a short article is shown whole at once', () => {
    const container = document.createElement('div');
    const patcher = new BlockPatcher(container);
    patcher.resetInStages(blocksOf(['a', 'b']), 5);
    expect(container.children.length).toBe(2);
    expect(patcher.finish()).toBe(false);
  });
});
