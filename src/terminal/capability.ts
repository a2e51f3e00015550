/**
 * What the environment says about the terminal, before the screen opens. NO_COLOR (no-color.org):
 * set and not empty, no colours, as --no-color. TERM=dumb: a terminal that cannot place the
 * cursor nor switch to the alternate screen, which a full-screen monitor needs; memtop says so in
 * one line and exits 2 (as with no terminal at all) rather than draw garbage there.
 */

export function colorAllowed(env: NodeJS.ProcessEnv): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}

export const DUMB_TERMINAL = 'memtop: the interactive monitor needs a terminal that can move the cursor, and TERM=dumb cannot; set TERM (for example TERM=xterm-256color), or use `memtop snapshot` for a report\n';

/** The one-line reason the UI cannot run on this terminal, or null. */
export function terminalRefusal(env: NodeJS.ProcessEnv): string | null {
  return env.TERM === 'dumb' ? DUMB_TERMINAL : null;
}
