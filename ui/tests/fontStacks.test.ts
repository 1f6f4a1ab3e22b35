import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { families, presentFamilies, EXPORT_STACKS } from '../src/logic/fontStacks';

/**
 * A machine's fonts as a canvas would measure them: `installed` maps a family (as written in the
 * stack) to its width; an absent family falls through to the next one, as in CSS.
 */
function machine(installed: Record<string, number>): (font: string) => number {
  const generic: Record<string, number> = { monospace: 600, serif: 480, 'sans-serif': 500 };
  return (font) => {
    const stack = families(font.replace(/^40px /, ''));
    for (const family of stack) {
      const width = installed[family] ?? generic[family];
      if (width !== undefined) return width;
    }
    throw new Error(`nothing drawn for ${font}`);
  };
}

describe('families', () => {
  it('splits at commas outside quotes and keeps the quotes', () => {
    expect(families(` Charter, "Iowan Old Style", 'A, B', serif `)).toEqual(['Charter', '"Iowan Old Style"', "'A, B'", 'serif']);
  });

  it('ignores empty entries', () => {
    expect(families('Georgia,, serif,')).toEqual(['Georgia', 'serif']);
  });
});

describe('presentFamilies', () => {
  it('drops the families the machine lacks and keeps the order of the rest', () => {
    const widthOf = machine({ '"Noto Serif"': 470, '"DejaVu Serif"': 520 });
    expect(presentFamilies('Charter, "Noto Serif", Cambria, "DejaVu Serif", serif', widthOf))
      .toEqual('"Noto Serif", "DejaVu Serif", serif');
  });

  it('keeps a family as wide as one fallback, since it differs from the other', () => {
    // DejaVu Sans Mono is often the machine's monospace itself.
    const widthOf = machine({ '"DejaVu Sans Mono"': 600 });
    expect(presentFamilies('Menlo, "DejaVu Sans Mono", monospace', widthOf)).toEqual('"DejaVu Sans Mono", monospace');
  });

  it('keeps the generic family without measuring it, and never returns an empty stack', () => {
    const widthOf = machine({});
    expect(presentFamilies('Charter, Georgia, serif', widthOf)).toEqual('serif');
    expect(presentFamilies('Charter, Georgia', widthOf)).toEqual('Georgia');
  });

  it('does not take a quoted generic name for the generic family', () => {
    const widthOf = machine({});
    expect(presentFamilies('"serif", sans-serif', widthOf)).toEqual('sans-serif');
  });
});

describe('the export stylesheet', () => {
  it('declares every stack property settled in the preview, each ending in a generic family', () => {
    const css = readFileSync(resolve(__dirname, '../../crates/newsroom/src/export/templates/style.css'), 'utf8');
    for (const property of EXPORT_STACKS) {
      const value = new RegExp(`${property}:([^;]+);`).exec(css)?.[1];
      expect(value, property).toBeDefined();
      expect(families(value!).at(-1)).toMatch(/^(serif|sans-serif|monospace)$/);
    }
  });
});
