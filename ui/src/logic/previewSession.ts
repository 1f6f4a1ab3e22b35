/**
 * The page's side of the live preview's exchange with the core (`newsroom::live_preview`): each
 * render sends only the edit from the text the core last rendered, and gets back only the blocks
 * that changed.
 *
 * The edit comes from the editor's own record of its changes (CodeMirror's change sets, composed
 * from keystroke to keystroke), never from comparing texts: on a 10,000-word article that
 * comparison took a millisecond or more of every keystroke, before the letter could be drawn.
 *
 * The core keeps the text at a version, from the opening of an article (`ArticleView.preview`)
 * on. The page names its base by that version; when it has none (the core answered
 * `out_of_step`, or an exchange failed) it names the text the preview shows instead, and after a
 * patch it could not apply it names the empty text, so that the answer redraws every block.
 */
import { ChangeSet, Text } from '@codemirror/state';
import { isUiError } from '../ipc';
import type { PreviewBase, PreviewChange, PreviewPatch, TextEdit } from '../types';

/** A patch, and whether the preview must be emptied before it is applied. */
export interface SessionPatch {
  patch: PreviewPatch;
  redraw: boolean;
}

/** Where the core is: at a version of `doc`, or (version `null`) the base is `doc` itself. */
interface Base {
  version: number | null;
  doc: Text;
  redraw: boolean;
}

/** `text` as the editor holds it: CodeMirror splits lines at `\r\n`, `\r` and `\n` alike. */
export function docOf(text: string): Text {
  return Text.of(text.split(/\r\n?|\n/));
}

export class PreviewSession {
  private base: Base = { version: null, doc: Text.empty, redraw: true };
  /** The changes from the base to the newest text typed; `null`: not known, send the whole text. */
  private unsent: ChangeSet | null = null;
  /** Bumped by `opened`: an exchange begun before it does not move the base. */
  private epoch = 0;

  constructor(private readonly send: (change: PreviewChange) => Promise<PreviewPatch>) {}

  /**
   * The preview shows the render of `text`, which the core holds at `version` (an article was
   * opened, or its text came from elsewhere); the editor holds the same text. Returns that text
   * as the editor's document.
   */
  opened(text: string, version: number): Text {
    this.epoch++;
    const doc = docOf(text);
    // Line breaks other than `\n` are the core's, not the editor's: the first edit then names
    // the editor's text, so that both go on from the same one.
    this.base = { version: text.includes('\r') ? null : version, doc, redraw: false };
    this.unsent = ChangeSet.empty(doc.length);
    return doc;
  }

  /** The editor's text changed by `changes` (a keystroke; one or more transactions). */
  typed(changes: ChangeSet): void {
    const unsent = this.unsent;
    this.unsent = unsent !== null && unsent.newLength === changes.length ? unsent.compose(changes) : null;
  }

  /** The preview could not take a patch: the next render redraws it whole. */
  lost(): void {
    this.base = { version: null, doc: Text.empty, redraw: true };
    this.unsent = null;
  }

  /** Renders `doc`, the newest text typed: the patch that brings the preview to it. */
  async render(doc: Text): Promise<SessionPatch> {
    const base = this.base;
    const sent = this.unsent;
    this.unsent = ChangeSet.empty(doc.length);
    const fits = sent !== null && sent.length === base.doc.length && sent.newLength === doc.length;
    const edit: TextEdit = fits ? coveringEdit(sent, doc) : { from: 0, to: base.doc.length, insert: doc.toString() };
    const epoch = this.epoch;
    try {
      try {
        return await this.exchange(base, doc, edit);
      } catch (err) {
        if (!isUiError(err) || err.kind !== 'out_of_step' || base.version === null) throw err;
        // The core has moved from the version the page knows: name the text instead, once.
        return await this.exchange({ ...base, version: null }, doc, edit);
      }
    } catch (err) {
      // Whether the core took the edit is unknown: the next render names its base by text, with
      // this edit and those typed since.
      if (epoch === this.epoch) {
        this.base = { ...base, version: null };
        this.unsent = fits && this.unsent !== null ? sent.compose(this.unsent) : null;
      }
      throw err;
    }
  }

  private async exchange(base: Base, doc: Text, edit: TextEdit): Promise<SessionPatch> {
    const from: PreviewBase = base.version === null ? { text: base.doc.toString() } : { version: base.version };
    const epoch = this.epoch;
    const patch = await this.send({ base: from, edit });
    if (epoch === this.epoch) this.base = { version: patch.version, doc, redraw: false };
    return { patch, redraw: base.redraw };
  }
}

/**
 * The one edit that covers every change of `changes` (from the core's text to `doc`): from the
 * first changed position to the last, in UTF-16 code units (as CodeMirror and the core count).
 */
export function coveringEdit(changes: ChangeSet, doc: Text): TextEdit {
  let from = -1;
  let to = 0;
  let fromB = 0;
  let toB = 0;
  changes.iterChangedRanges((fromA, toA, rangeFromB, rangeToB) => {
    if (from < 0) {
      from = fromA;
      fromB = rangeFromB;
    }
    to = toA;
    toB = rangeToB;
  });
  if (from < 0) return { from: 0, to: 0, insert: '' };
  return { from, to, insert: doc.sliceString(fromB, toB) };
}
