/**
 * Checking as you type, on or off (the library's setting): the app holds this small part from
 * the start, and it loads the checking itself (./index, with @codemirror/lint) only when it is
 * on, after the first screen is painted. Off, the editor carries no checking at all.
 */
import type { Ipc } from '../ipc';
import type { EditorPanel } from '../panels/editor';
import type { Proofing, ProofingHooks } from './index';

export interface SwitchDeps extends ProofingHooks {
  ipc: ProofingHooks['ipc'] & Pick<Ipc, 'checksAsYouType' | 'setChecksAsYouType'>;
  editor: Pick<EditorPanel, 'setProofing' | 'view'>;
  /** Puts the problem count in the status bar. */
  placeStatus(status: HTMLElement): void;
}

export class ProofingSwitch {
  private loaded: Promise<Proofing> | null = null;
  private shown: Proofing | null = null;

  constructor(private readonly deps: SwitchDeps) {}

  /** Turns checking on if the library says so. */
  async start(): Promise<void> {
    try {
      if (await this.deps.ipc.checksAsYouType()) await this.show(true);
    } catch (err) {
      this.deps.toasts.error(err, 'Spelling and grammar checking could not start');
    }
  }

  /** The editor's choice, kept for the library: throws when it could not be stored or loaded. */
  async set(on: boolean): Promise<void> {
    await this.deps.ipc.setChecksAsYouType(on);
    await this.show(on);
  }

  /** Checks the open article again at once (its language or the dictionary changed). */
  recheck(): void {
    this.shown?.recheck(this.deps.editor.view);
  }

  private async show(on: boolean): Promise<void> {
    if (!on) {
      this.deps.editor.setProofing([]);
      if (this.shown) this.shown.status.hidden = true;
      this.shown = null;
      return;
    }
    this.loaded ??= import('./index').then(({ proofing }) => {
      const checking = proofing(this.deps);
      this.deps.placeStatus(checking.status);
      return checking;
    });
    const checking = await this.loaded.catch((err: unknown) => {
      this.loaded = null; // a module that failed to load is asked for again next time
      throw err;
    });
    this.deps.editor.setProofing(checking.extension);
    this.shown = checking;
  }
}
