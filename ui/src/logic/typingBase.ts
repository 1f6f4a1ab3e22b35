/**
 * The text the editor's typing started from, per article: the body as the library last had it
 * to the editor's knowledge (loaded, taken in from outside, or confirmed saved). Each typing
 * save sends it along, so the core writes the new text only over that base; when the article
 * changed in between (its file was edited, another process wrote it), the core keeps both and
 * marks a conflict instead of letting the editor's text silently win.
 *
 * Saves run one at a time, so the base of a save is read when it starts, never when it was
 * scheduled: text typed while an earlier save is in flight starts from that save's text.
 */
export class TypingBase {
  private readonly bases = new Map<number, string>();

  /**
   * Article `id` was loaded into the editor with `body`. The bases of other articles are
   * forgotten, except when `keepOthers` (a save of theirs is still pending and needs its base).
   */
  loaded(id: number, body: string, keepOthers = false): void {
    if (!keepOthers) this.bases.clear();
    this.bases.set(id, body);
  }

  /** The library now holds `body` for article `id`, as the editor shows it (a save, an outside change taken in). */
  confirmed(id: number, body: string): void {
    this.bases.set(id, body);
  }

  /** The base for a save of article `id`; `null` when the editor never had that article. */
  of(id: number): string | null {
    return this.bases.get(id) ?? null;
  }
}
