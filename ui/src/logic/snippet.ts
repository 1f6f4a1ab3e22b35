/** Search snippets arrive as plain text with matches between « and »; they become text + <mark> parts. */

export interface SnippetPart {
  text: string;
  match: boolean;
}

export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf('«');
    if (open < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    const close = rest.indexOf('»', open + 1);
    if (close < 0) {
      // An unbalanced marker is shown as text rather than highlighting the rest of the snippet.
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    if (close > open + 1) parts.push({ text: rest.slice(open + 1, close), match: true });
    rest = rest.slice(close + 1);
  }
  return parts;
}

/** Renders parts into `into` with text nodes and <mark> elements (never innerHTML). */
export function renderSnippet(into: HTMLElement, snippet: string): void {
  into.replaceChildren(
    ...parseSnippet(snippet).map((p) => {
      if (!p.match) return document.createTextNode(p.text);
      const mark = document.createElement('mark');
      mark.textContent = p.text;
      return mark;
    }),
  );
}
