/**
 * Whether the terminal stops a background process that writes to it (`stty tostop`, TOSTOP in
 * its local modes): read with `stty -g` on the UI's terminal, whose fourth field is c_lflag in
 * hex. Reading a terminal's modes is allowed from the background. Asked once, when a UI that
 * ends in the background would put its screen modes back (terminal-hold.ts). When it cannot be
 * told, taken as yes: a screen left in the UI's modes is better than a process stopped at exit.
 */
import { spawnSync } from 'node:child_process';

/** TOSTOP in <asm-generic/termbits.h>. */
const TOSTOP = 0o400;

export function backgroundWritesStop(readModes: () => string | null = sttyModes): boolean {
  const fields = readModes()?.trim().split(':');
  const lflag = fields !== undefined && fields.length > 4 ? Number.parseInt(fields[3], 16) : Number.NaN;
  return Number.isNaN(lflag) || (lflag & TOSTOP) !== 0;
}

function sttyModes(): string | null {
  const stty = spawnSync('stty', ['-g'], { stdio: [0, 'pipe', 'ignore'], encoding: 'utf8', timeout: 2_000 });
  return stty.status === 0 ? stty.stdout : null;
}
