/**
 * Saves the setup when the session changes it (and on quit), only when the text to write differs
 * from what the file holds, through a save function handed in (config-file.ts's saveSetup).
 */
import { setupText, setupToSave, type Setup } from './setup.js';

export class SetupSaver {
  private held: string;
  private failed = false;

  /** `file`: the setup as read; `initial`: the session's settings at start (flags applied). */
  constructor(private readonly file: Setup, private readonly initial: Setup, private readonly save: (setup: Setup) => string | null) {
    this.held = setupText(file);
  }

  /** Writes if `current` changes the file; returns a failure to show (once), else null. */
  update(current: Setup): string | null {
    const next = setupToSave(this.file, this.initial, current);
    const text = setupText(next);
    if (text === this.held) return null;
    const failure = this.save(next);
    if (failure === null) {
      this.held = text;
      return null;
    }
    if (this.failed) return null;
    this.failed = true;
    return failure;
  }
}
