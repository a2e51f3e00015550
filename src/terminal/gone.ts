/**
 * The terminal going away under the UI (its window closed, an ssh connection dropped): the
 * kernel hangs the terminal up, so from then on reads on it return end-of-file and writes and
 * mode changes fail with EIO, and the process gets SIGHUP (as the session leader or a shell's
 * foreground job). memtop then ends with 129, as a shell reports a hang-up, and says nothing:
 * there is nowhere left to say it.
 *
 * One trap: at exit Node puts back the terminal modes it found at start, on every standard
 * stream that was a terminal, and aborts the process if that fails with anything but EPERM
 * (node::ResetStdio: a hung-up terminal gives EIO, and memtop died of SIGSEGV, status 139). A
 * stream that is no longer the file it was at start is skipped there, so a hung-up terminal's
 * descriptors are closed before the exit.
 */
import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { inTerminalForeground } from './foreground.js';

/** The exit status after a hang-up: 128 + SIGHUP, as a shell reports it. */
export const EXIT_HANGUP = 129;

/** The standard descriptors (0, 1, 2) that are a terminal now, at start. */
export function terminalDescriptors(): number[] {
  return [0, 1, 2].filter((fd) => isatty(fd));
}

/**
 * Closes those of `fds` that are no longer a usable terminal (isatty asks the terminal for its
 * modes: a hung-up one answers EIO); returns them.
 */
export function releaseLostTerminals(fds: readonly number[]): number[] {
  const lost = fds.filter((fd) => !isatty(fd));
  releaseTerminals(lost);
  return lost;
}

/** True when the UI's own terminal (its input or its output) is among `lost`. */
function uiTerminalLost(lost: readonly number[]): boolean {
  return lost.includes(0) || lost.includes(1);
}

/**
 * Ends the UI's process: with `code`, or with EXIT_HANGUP when its terminal has gone (another
 * terminal that went, say one stderr was sent to, is only let go of).
 *
 * The input's terminal handle is closed first. At exit libuv puts back the modes it found when
 * raw mode was first set (uv_tty_reset_mode), on that handle's own descriptor and without
 * guarding against SIGTTOU, by which the kernel stops a process in the background that sets its
 * terminal's modes: `kill %1` on a stopped memtop (SIGTERM, then SIGCONT, the job still in the
 * background) stopped it again instead of ending it. With the descriptor closed that call fails
 * harmlessly; the modes are back already (blessed), and Node's own reset of the standard
 * descriptors blocks SIGTTOU.
 */
export function exitUi(code: number, fds: readonly number[], inForeground: () => boolean = inTerminalForeground): never {
  const status = uiTerminalLost(releaseLostTerminals(fds)) ? EXIT_HANGUP : code;
  if (process.stdin.isTTY) process.stdin.destroy();
  // Ended in the background (`kill %1`), the terminal is the shell's, in the shell's modes: Node's
  // reset would put back those it found at start under it (readline then echoed every line
  // twice). Its descriptors closed, the terminal is left alone.
  if (!inForeground()) releaseTerminals(fds);
  process.exit(status);
}

function releaseTerminals(fds: readonly number[]): void {
  for (const fd of fds) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
}

/**
 * From now on an error on the UI's input or output ends it at once and quietly when its terminal
 * has gone (blessed's own clean-up meets such errors too: setRawMode on a hung-up terminal emits
 * one on stdin); any other error there is the UI's failure, thrown to its uncaught-error handler
 * (run-tui.ts: the terminal restored, the message and a crash log). Errors on stderr, where the
 * UI writes nothing while it runs, are let pass. The one-shot commands' handlers for their output
 * (failure.ts) are removed first.
 */
export function exitWhenTerminalGoes(fds: readonly number[],
  streams: { input: NodeJS.EventEmitter; output: NodeJS.EventEmitter; errors: NodeJS.EventEmitter } = { input: process.stdin, output: process.stdout, errors: process.stderr }): void {
  for (const stream of [streams.input, streams.output]) {
    stream.removeAllListeners('error');
    stream.on('error', (error: unknown) => {
      if (uiTerminalLost(releaseLostTerminals(fds))) process.exit(EXIT_HANGUP);
      setImmediate(() => {
        throw error;
      });
    });
  }
  streams.errors.removeAllListeners('error');
  streams.errors.on('error', () => undefined);
}
