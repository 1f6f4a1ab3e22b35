/**
 * Font stacks cut down to the families this machine has: the export stylesheet's in the preview,
 * the app's own in the window.
 *
 * Exported pages name every system's faces (Charter for macOS, Cambria for Windows, DejaVu for
 * Linux…) because a reader's browser picks from them. WebKitGTK asks fontconfig for each family
 * it lacks once per size, weight and style drawn, and the preview draws many: on Linux the
 * window's and the preview's stacks made 118 lookups of ~1.3 ms in a launch, 68 once settled
 * (BENCHMARKS.md, issue 12). Measuring each family once and
 * keeping the present ones, in their order, with the stack's generic family last, draws exactly
 * what the full stack draws, glyph fallback included, since the families dropped matched nothing.
 * A font installed while the app runs is taken at the next launch (or when the preview reloads).
 */

/** The CSS generic families: always kept, never probed (each engine resolves them itself). */
const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'math', 'emoji', 'fangsong']);

/** Two fallbacks of different widths: a family measuring the same as both is absent. */
const FALLBACKS = ['monospace', 'serif'];

/** Wide and narrow letters, so two different faces cannot measure alike by chance. */
const SAMPLE = 'mmmwwwiiilll QWXY 0123 @&';

/** The families of a `font-family` value, as written (quotes kept), split at commas outside quotes. */
export function families(stack: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote = '';
  for (const ch of stack) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ',') {
      out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current.trim());
  return out.filter((f) => f !== '');
}

/**
 * The stack with its absent families left out. `widthOf(font)` measures SAMPLE in a CSS `font`
 * shorthand (a canvas's `measureText`); a family is present when it changes the width of either
 * fallback. A stack without a generic family keeps at least its last family, so it is never empty.
 */
export function presentFamilies(stack: string, widthOf: (font: string) => number): string {
  const all = families(stack);
  const base = FALLBACKS.map((fallback) => widthOf(`40px ${fallback}`));
  const kept = all.filter((family) =>
    GENERIC.has(family.toLowerCase()) ||
    FALLBACKS.some((fallback, i) => widthOf(`40px ${family}, ${fallback}`) !== base[i]));
  if (kept.length === 0 && all.length > 0) kept.push(all[all.length - 1]!);
  return kept.join(', ');
}

/** The custom properties of the export stylesheet (style.css) that hold font stacks. */
export const EXPORT_STACKS = ['--font-text', '--font-ui', '--font-code'];

/**
 * The app's own stacks (styles/app.css). They name few families, but on Linux `system-ui` is
 * often absent (a GNOME font like Cantarell, not installed) and so are the macOS and Windows
 * monospace faces: each a lookup per style drawn, in the window's first layout.
 */
export const APP_STACKS = ['--font-ui', '--font-source'];

/**
 * Sets each stack property on `doc`'s root to the families present, measured once with a canvas
 * of that document. Does nothing where a canvas cannot measure (a test DOM), or for a property
 * the document's stylesheets do not declare (yet).
 */
export function settleFontStacks(doc: Document, properties: string[]): void {
  const root = doc.documentElement;
  const context = doc.createElement('canvas').getContext('2d');
  if (!context) return;
  const widthOf = (font: string): number => {
    context.font = font;
    return context.measureText(SAMPLE).width;
  };
  const style = doc.defaultView?.getComputedStyle(root);
  for (const property of properties) {
    const stack = style?.getPropertyValue(property).trim();
    if (stack) root.style.setProperty(property, presentFamilies(stack, widthOf));
  }
}
