/**
 * The terminal going away under the UI (its window closed, an ssh connection dropped): the
 * kernel hangs the terminal up, so every read, write and mode change on it fails with EIO from
 * then on, and the process gets SIGHUP (as the session leader or a shell's foreground job).
 * memtop then ends with 129, as a shell reports a hang-up, and says nothing: there is nowhere
 * left to say it.
 *
 * One trap: at exit Node puts back the terminal modes it found at start, on every standard
 * stream that was a terminal, and aborts the process if that fails with anything but EPERM
 * (node::ResetStdio: a hung-up terminal gives EIO, and memtop died of SIGSEGV, status 139). A
 * stream that is no longer the file it was at start is skipped there, so a hung-up terminal's
 * descriptors are closed before the exit.
 */
import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';

/** The exit status after a hang-up: 128 + SIGHUP, as a shell reports it. */
export const EXIT_HANGUP = 129;

/** The standard descriptors (0, 1, 2) that are a terminal now, at start. */
export function terminalDescriptors(): number[] {
  return [0, 1, 2].filter((fd) => isatty(fd));
}

/**
 * Closes those of `fds` that are no longer a usable terminal (isatty asks the terminal for its
 * modes: a hung-up one answers EIO); true when there were any: the terminal has gone.
 */
export function releaseLostTerminal(fds: readonly number[]): boolean {
  let lost = false;
  for (const fd of fds) {
    if (isatty(fd)) continue;
    lost = true;
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
  return lost;
}

/** Ends the UI's process: with `code`, or with EXIT_HANGUP when its terminal has gone. */
export function exitUi(code: number, fds: readonly number[]): never {
  process.exit(releaseLostTerminal(fds) ? EXIT_HANGUP : code);
}

/**
 * From now on an error on a standard stream (EIO: the terminal hung up; EPIPE, EBADF) ends the
 * UI at once, quietly; the one-shot commands' handlers for their output (failure.ts) are
 * removed first. Blessed's own clean-up meets the same errors (setRawMode on a hung-up terminal
 * emits one on stdin), and they come here too.
 */
export function exitWhenTerminalGoes(fds: readonly number[], streams: readonly NodeJS.EventEmitter[] = [process.stdin, process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.removeAllListeners('error');
    stream.on('error', () => exitUi(EXIT_HANGUP, fds));
  }
}
