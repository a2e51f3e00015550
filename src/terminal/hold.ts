/**
 * Who has the UI's terminal through job control: the UI; the shell, handed back before a stop
 * (blessed paused: normal screen, cursor, line mode, no mouse reporting, nothing written, no keys
 * read); or nobody, while the process runs in the background ("quiet": nothing written, no keys
 * read, the terminal's modes left alone).
 *
 * In the background the kernel stops a process that sets its terminal's modes (SIGTTOU), reads
 * it (SIGTTIN) or, under `stty tostop`, writes to it: so the UI hands the terminal back only
 * while in the foreground, and otherwise goes quiet until it is there again. `fg` of a stopped
 * job continues it (SIGCONT: App.resume calls take()); `fg` of a job running in the background
 * sends no signal, so while quiet the process looks for itself every FOREGROUND_POLL_MS (and
 * keeps sampling, so its history has no hole).
 */
import { inTerminalForeground } from './foreground.js';
import { backgroundWritesStop as backgroundWritesStopOnTerminal } from './tostop.js';

/** How often a UI running in the background looks whether it has been brought to the foreground. */
export const FOREGROUND_POLL_MS = 200;

/** The parts of blessed's Program used here. */
export interface HeldProgram {
  input: unknown;
  output: unknown;
  useBuffer: boolean;
  /** Whether blessed has mouse reporting on (its pause and resume turn it off and on). */
  mouseEnabled?: boolean;
  /** terminfo capabilities: keypad_xmit / keypad_local turn the keypad's application mode on / off. */
  put: { keypad_xmit(): unknown; keypad_local(): unknown };
  flush(): void;
  pause(): unknown;
  resume(): void;
  alternateBuffer(): void;
  hideCursor(): void;
  enableMouse(): void;
}

interface TtyInput {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
  pause(): void;
  resume(): void;
}

export class TerminalHold {
  private state: 'ui' | 'handed-back' | 'quiet' = 'ui';
  /** While quiet: how to give blessed its writer back, and the rest (raw mode, keys). */
  private undoQuietWrite: (() => void) | null = null;
  private undoQuietRest: (() => void) | null = null;
  private watch: NodeJS.Timeout | null = null;
  private readonly input: TtyInput;

  /**
   * `onTaken` runs each time the UI takes the terminal again (to redraw it all and look at its
   * size). `inForeground` is asked before each move (terminal-foreground.ts by default).
   */
  constructor(private readonly program: HeldProgram, private readonly onTaken: () => void,
    private readonly inForeground: () => boolean = () => !(program.input as TtyInput).isTTY || inTerminalForeground(),
    private readonly backgroundWritesStop: () => boolean = backgroundWritesStopOnTerminal) {
    this.input = program.input as TtyInput;
  }

  /** True while the UI has the terminal (and may draw). */
  get held(): boolean {
    return this.state === 'ui';
  }

  /**
   * Before a stop: the terminal handed back as it was found, when this process is in the
   * foreground; in the background (the shell took it already: a stop sent to the whole job) the
   * UI only goes quiet. Nothing to do when the UI does not have it.
   */
  release(): void {
    if (this.state !== 'ui') return;
    if (!this.inForeground()) {
      this.goQuiet();
      return;
    }
    // blessed buffers what it writes until its next tick, which would come only after the stop:
    // the normal screen, cursor and mouse codes must be out before it.
    const program = this.program;
    program.flush();
    const buffered = program.useBuffer;
    program.useBuffer = false;
    try {
      // (blessed's pause leaves the keypad's application mode on: the shell's keypad digits
      // and arrows would arrive as escape sequences.)
      program.put.keypad_local();
      program.pause();
    } finally {
      program.useBuffer = buffered;
    }
    this.state = 'handed-back';
  }

  /**
   * Takes the terminal for the UI when this process is in the foreground: its modes set again
   * (the shell may have changed them, and a SIGSTOP left no chance to hand it over), then
   * onTaken. In the background: quiet, and looking for the foreground. Returns whether the UI
   * has the terminal now.
   */
  take(): boolean {
    if (!this.inForeground()) {
      if (this.state === 'ui') this.goQuiet();
      this.watch ??= setInterval(() => this.take(), FOREGROUND_POLL_MS).unref();
      return false;
    }
    this.stopWatch();
    if (this.state === 'handed-back') this.program.resume();
    this.endQuiet();
    this.state = 'ui';
    // Off and on again: libuv remembers the mode it set and skips setting the same one.
    if (this.input.isTTY && this.input.setRawMode) {
      this.input.setRawMode(false);
      this.input.setRawMode(true);
    }
    // The screen modes again too: the terminal may have been reset meanwhile (`reset`, another
    // full-screen program, or the shell's own use of it after a SIGSTOP).
    this.program.alternateBuffer();
    this.program.put.keypad_xmit();
    this.program.hideCursor();
    if (this.program.mouseEnabled) this.program.enableMouse();
    this.onTaken();
    return true;
  }

  /**
   * Before the UI's clean-up (blessed's: normal screen, cursor, no mouse or keypad modes, raw
   * mode off). A process that finds itself in the background here without having seen it (a
   * SIGTERM is handled before the SIGCONT that comes with it) goes quiet first. Quiet, the UI
   * left the terminal in its screen modes (a SIGSTOP allowed no handing over): blessed's clean-up
   * may write again, to put them back, unless the terminal stops a background process that
   * writes (`stty tostop`: memtop would stay stopped instead of ending); raw mode stays as it is
   * (the exit leaves it to the shell: exitUi).
   */
  end(): void {
    this.stopWatch();
    const foreground = this.inForeground();
    if (this.state === 'ui' && !foreground) this.goQuiet();
    if (this.state !== 'quiet' || foreground || !this.backgroundWritesStop()) {
      this.undoQuietWrite?.();
      this.undoQuietWrite = null;
    }
  }

  /**
   * Not a word to the terminal: blessed's writes dropped, no keys read, and raw mode left as it
   * is (blessed's clean-up turns it off at exit: from the background that would stop the process
   * again; exitUi and Node put the modes back without that risk).
   */
  private goQuiet(): void {
    const output = this.program.output as { write: unknown };
    this.undoQuietWrite = override(output, 'write', () => true);
    const undoRawMode = this.input.setRawMode ? override(this.input, 'setRawMode', () => this.input) : () => undefined;
    this.input.pause();
    this.undoQuietRest = () => {
      undoRawMode();
      this.input.resume();
    };
    this.state = 'quiet';
  }

  private endQuiet(): void {
    this.undoQuietWrite?.();
    this.undoQuietRest?.();
    this.undoQuietWrite = null;
    this.undoQuietRest = null;
  }

  private stopWatch(): void {
    if (this.watch !== null) clearInterval(this.watch);
    this.watch = null;
  }
}

/** Sets `target[key]` to `value` as its own property; returns how to put back what was there. */
function override<T extends object>(target: T, key: keyof T & string, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  return () => {
    if (own !== undefined) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  };
}
