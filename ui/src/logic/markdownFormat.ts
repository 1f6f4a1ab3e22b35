/**
 * Markdown formatting commands as pure text edits (bold, italic, link, headings), so they are unit
 * tested without an editor; editor.ts turns them into CodeMirror transactions.
 */

export interface Change {
  from: number;
  to: number;
  insert: string;
}

export interface Edit {
  changes: Change[];
  /** Selection after the edit, in the new document's positions. */
  anchor: number;
  head: number;
}

/** Wraps the selection in `marker` (`**`, `_`), or unwraps it when it already is. */
export function toggleWrap(doc: string, from: number, to: number, marker: string): Edit {
  const m = marker.length;
  const before = doc.slice(Math.max(0, from - m), from);
  const after = doc.slice(to, to + m);
  if (from !== to && before === marker && after === marker) {
    return {
      changes: [
        { from: from - m, to: from, insert: '' },
        { from: to, to: to + m, insert: '' },
      ],
      anchor: from - m,
      head: to - m,
    };
  }
  const selected = doc.slice(from, to);
  if (selected.length > 2 * m && selected.startsWith(marker) && selected.endsWith(marker)) {
    return {
      changes: [{ from, to, insert: selected.slice(m, -m) }],
      anchor: from,
      head: to - 2 * m,
    };
  }
  // Keep surrounding spaces outside the markers: "**word **" is not bold in Markdown.
  const lead = selected.length - selected.trimStart().length;
  const trail = selected.length - selected.trimEnd().length;
  const innerFrom = from + lead;
  const innerTo = Math.max(innerFrom, to - trail);
  return {
    changes: [
      { from: innerFrom, to: innerFrom, insert: marker },
      { from: innerTo, to: innerTo, insert: marker },
    ],
    anchor: innerFrom + m,
    head: innerTo + m,
  };
}

const URL_LIKE = /^(https?:\/\/|mailto:|www\.)\S+$/i;

/** Turns the selection into a link: selected text becomes the label (URL selected next), a selected URL the target. */
export function insertLink(doc: string, from: number, to: number): Edit {
  const selected = doc.slice(from, to);
  if (URL_LIKE.test(selected.trim())) {
    const insert = `[](${selected.trim()})`;
    return { changes: [{ from, to, insert }], anchor: from + 1, head: from + 1 };
  }
  const label = selected || 'link text';
  const insert = `[${label}](https://)`;
  const urlStart = from + label.length + 3;
  if (!selected) return { changes: [{ from, to, insert }], anchor: from + 1, head: from + 1 + label.length };
  return { changes: [{ from, to, insert }], anchor: urlStart, head: urlStart + 'https://'.length };
}

const HEADING = /^(#{1,6})[ \t]+/;

/** The heading level of a line (0 for none). */
export function headingLevel(line: string): number {
  return HEADING.exec(line)?.[1]?.length ?? 0;
}

/**
 * Sets the heading level of the line starting at `lineFrom` (0 removes it); asking for the
 * level it already has removes it, so the shortcut toggles.
 */
export function setHeading(lineText: string, lineFrom: number, level: number): Change {
  const current = HEADING.exec(lineText);
  const prefixLength = current ? current[0].length : 0;
  const target = current && current[1]!.length === level ? 0 : level;
  const insert = target > 0 ? `${'#'.repeat(target)} ` : '';
  return { from: lineFrom, to: lineFrom + prefixLength, insert };
}

/** Mod-Shift-H cycles a line through ## → ### → paragraph (the headline is the article's only H1). */
export function nextHeadingLevel(current: number): number {
  if (current === 0 || current === 1) return 2;
  if (current === 2) return 3;
  return 0;
}

/** Markdown for a photo placed in the body: `![alt](photo:ID "caption")`, quotes and brackets escaped. */
export function photoMarkdown(id: number, alt: string, caption: string): string {
  const safeAlt = alt.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
  const safeCaption = caption.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
  return safeCaption ? `![${safeAlt}](photo:${id} "${safeCaption}")` : `![${safeAlt}](photo:${id})`;
}

/** Where to put a block (a photo) at `pos`: on its own paragraph, with blank lines around it. */
export function blockInsertion(doc: string, pos: number, block: string): Change & { cursor: number } {
  const before = doc.slice(0, pos);
  const after = doc.slice(pos);
  const lead = before.length === 0 || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : after.length === 0 ? '\n' : '\n\n';
  const insert = `${lead}${block}${trail}`;
  return { from: pos, to: pos, insert, cursor: pos + lead.length + block.length };
}
