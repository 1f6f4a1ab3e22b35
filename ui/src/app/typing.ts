/**
 * The typing path: every keystroke goes two independent ways, to the live preview at once and to
 * the debounced save, and neither makes the editor wait (docs/ARCHITECTURE.md, "data flows").
 * The save indicator in the toolbar shows where the saves are.
 */
import { type ChangeSet, Text } from '@codemirror/state';
import type { Ipc } from '../ipc';
import { LivePreview } from '../logic/livePreview';
import { PreviewSession, type SessionPatch } from '../logic/previewSession';
import { SaveQueue } from '../logic/saveQueue';
import { TypingBase } from '../logic/typingBase';
import type { PreviewPanel } from '../panels/preview';
import { SaveIndicator } from '../panels/saveState';
import type { Toasts } from '../panels/toast';
import type { SaveReceipt } from '../types';
import { recordLetter, recordTyping } from './perf';

/** Debounce between the last keystroke and the save (the preview does not wait for it). */
export const SAVE_DELAY_MS = 200;

interface PendingBody {
  id: number;
  /** The editor's document: made a string only when it is saved. */
  body: Text;
}

export interface TypingDeps {
  ipc: Pick<Ipc, 'previewEdit' | 'saveBody' | 'untrashArticle'>;
  toasts: Toasts;
  preview: Pick<PreviewPanel, 'applyPatch'>;
  /** The article open in the editor, which the typing belongs to. */
  openId(): number | null;
  /** Article `id`'s body was saved as `body`: the open article and the list take the receipt. */
  onSaved(id: number, body: string, receipt: SaveReceipt): void;
  /** The article changed underneath the typing: both versions were kept; the banner offers them. */
  onConflict(): void;
  /** Article `id` came back from the trash so that its typing could be saved: the list shows it again. */
  onRestored(id: number): void;
}

export type Typing = ReturnType<typeof makeTyping>;

export function makeTyping({ ipc, toasts, preview, openId, onSaved, onConflict, onRestored }: TypingDeps) {
  /** What each save's typing started from (see logic/typingBase.ts). */
  const base = new TypingBase();
  let previewFailed = false;
  /** The newest text the editor holds, for a redraw when the preview lost step. */
  let newest = Text.empty;
  /** The core's side of the preview: each render sends only the edit (logic/previewSession.ts). */
  const session = new PreviewSession((change) => ipc.previewEdit(change));
  /** The toolbar's "Saved" / "Saving…" / "Not saved" with its Retry. */
  const indicator = new SaveIndicator({ retry: () => void queue.retry(), restoreAndSave: () => void restoreAndSave() });
  const queue = new SaveQueue<PendingBody>({
    delayMs: SAVE_DELAY_MS,
    save,
    onState: (s) => indicator.update(s),
  });
  const live = new LivePreview<SessionPatch, Text>({
    render: (text) => session.render(text),
    show: ({ patch, redraw }) => {
      previewFailed = false;
      const outcome = preview.applyPatch(patch, redraw);
      if (outcome === 'shown') return;
      // The page does not show what the core thinks: redraw it whole (once, not on and on).
      session.lost();
      if (outcome === 'misfit' && !redraw) live.update(newest);
    },
    onShown: (latencies) => recordTyping(latencies),
    onError: (err) => {
      // Once per run of failures: typing must not raise a toast per keystroke.
      if (!previewFailed) toasts.error(err, 'The preview could not be updated');
      previewFailed = true;
    },
  });

  /** The typing could not be saved because its story is in the trash (trashed elsewhere): bring it back, then save. */
  async function restoreAndSave(): Promise<void> {
    const id = queue.pending?.id;
    if (id === undefined) return;
    try {
      await ipc.untrashArticle(id);
    } catch (err) {
      toasts.error(err, 'The story could not be restored from the trash');
      return;
    }
    onRestored(id);
    await queue.retry();
  }

  async function save(p: PendingBody): Promise<void> {
    // An unknown base (never the case for the open article) is sent as empty: the core then
    // keeps both versions rather than guess.
    const body = p.body.toString();
    const receipt = await ipc.saveBody(p.id, body, base.of(p.id) ?? '');
    base.confirmed(p.id, body);
    if (receipt.conflict) onConflict();
    onSaved(p.id, body, receipt);
  }

  return {
    indicator,

    /**
     * A keystroke: the editor's document is now `doc`, changed by `changes`. The preview renders
     * at once (never waiting for the disk), the save follows the debounce. Neither blocks typing:
     * both are answers the editor does not wait for.
     */
    type(doc: Text, changes: ChangeSet): void {
      const id = openId();
      if (id === null) return;
      performance.mark('keystroke');
      recordLetter();
      newest = doc;
      session.typed(changes);
      live.update(doc);
      queue.schedule({ id, body: doc });
    },

    /** Whether typing is waiting to be saved. */
    get dirty(): boolean {
      return queue.dirty;
    },

    /** Saves whatever is pending now. Resolves whether all is saved. */
    flush(): Promise<boolean> {
      return queue.flush();
    },

    /** Drops the pending typing (its article is gone). */
    discard(): void {
      queue.discard();
    },

    /**
     * Article `id` was opened with `body`, whose preview the core holds at `version`: typing
     * starts from it, and no older render may show.
     */
    opened(id: number, body: string, version: number): void {
      live.cancel();
      newest = session.opened(body, version);
      base.loaded(id, body, queue.dirty);
      indicator.update(queue.state);
    },

    /**
     * The open article's `body` came from elsewhere (its file, another process) and is in the
     * editor; the core holds its preview at `version`. Typing goes on from it. When the editor's
     * text `changed`, the preview is drawn anew from the body and a render of the older text
     * still on its way must not show; otherwise it is the render of this text, and shows.
     */
    tookIn(id: number, body: string, version: number, changed: boolean): void {
      base.confirmed(id, body);
      if (changed) live.cancel();
      newest = session.opened(body, version);
    },
  };
}
