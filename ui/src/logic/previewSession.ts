/**
 * The page's side of the live preview's exchange with the core (`newsroom::live_preview`): each
 * render sends only the edit from the text the core last rendered, and gets back only the blocks
 * that changed.
 *
 * The core keeps the text at a version, from the opening of an article (`ArticleView.preview`)
 * on. The page names its base by that version; when it has none (the core answered
 * `out_of_step`, or an exchange failed) it names the text the preview shows instead, and after a
 * patch it could not apply it names the empty text, so that the answer redraws every block.
 */
import { isUiError } from '../ipc';
import type { PreviewBase, PreviewChange, PreviewPatch, TextEdit } from '../types';

/** A patch, and whether the preview must be emptied before it is applied. */
export interface SessionPatch {
  patch: PreviewPatch;
  redraw: boolean;
}

/** Where the core is: at a version of `text`, or (version `null`) the base is `text` itself. */
interface Base {
  version: number | null;
  text: string;
  redraw: boolean;
}

export class PreviewSession {
  private base: Base = { version: null, text: '', redraw: true };
  /** Bumped by `opened`: an exchange begun before it does not move the base. */
  private epoch = 0;

  constructor(private readonly send: (change: PreviewChange) => Promise<PreviewPatch>) {}

  /**
   * The preview shows the render of `text`, which the core holds at `version` (an article was
   * opened, or its text came from elsewhere).
   */
  opened(text: string, version: number): void {
    this.epoch++;
    this.base = { version, text, redraw: false };
  }

  /** The preview could not take a patch: the next render redraws it whole. */
  lost(): void {
    this.base = { version: null, text: '', redraw: true };
  }

  /** Renders `text`: the patch that brings the preview to it. */
  async render(text: string): Promise<SessionPatch> {
    const base = this.base;
    try {
      return await this.exchange(base, text);
    } catch (err) {
      if (!isUiError(err) || err.kind !== 'out_of_step' || base.version === null) throw err;
      // The core has moved from the version the page knows: name the text instead, once.
      return await this.exchange({ ...base, version: null }, text);
    }
  }

  private async exchange(base: Base, text: string): Promise<SessionPatch> {
    const from: PreviewBase = base.version === null ? { text: base.text } : { version: base.version };
    const epoch = this.epoch;
    try {
      const patch = await this.send({ base: from, edit: textEdit(base.text, text) });
      if (epoch === this.epoch) this.base = { version: patch.version, text, redraw: false };
      return { patch, redraw: base.redraw };
    } catch (err) {
      // Whether the core took the edit is unknown: the next render names its base by text.
      if (epoch === this.epoch) this.base = { ...base, version: null };
      throw err;
    }
  }
}

/**
 * The one edit that turns `before` into `after`: what lies between their common start and common
 * end, in UTF-16 code units (as the core reads them), never between the halves of a surrogate pair.
 */
export function textEdit(before: string, after: string): TextEdit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isLowSurrogate(before.charCodeAt(start))) start--;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
