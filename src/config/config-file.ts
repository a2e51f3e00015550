/**
 * The file behind the saved setup: $XDG_CONFIG_HOME/memtop/config.json (else
 * ~/.config/memtop/config.json). Read once at start; written whole to a temporary file in the
 * same directory and renamed over the old one, so a crash or a full disk never leaves half a file.
 * A file that cannot be used is never written: the user may want what is in it.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSetup, setupText, type Setup } from './setup.js';

export function configPath(env: NodeJS.ProcessEnv, homeDir: string): string {
  // The XDG spec: a relative $XDG_CONFIG_HOME is invalid and is ignored.
  const base = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return join(base, 'memtop', 'config.json');
}

export interface LoadedSetup {
  setup: Setup;
  /** One line when the file exists but cannot be used (then `writable` is false). */
  warning: string | null;
  writable: boolean;
}

export function loadSetup(path: string, columnIds: readonly string[]): LoadedSetup {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { setup: {}, warning: null, writable: true };
    return { setup: {}, warning: unusable(path, code === 'EACCES' ? 'permission denied' : (code ?? String(err))), writable: false };
  }
  const parsed = parseSetup(text, columnIds);
  if ('error' in parsed) return { setup: {}, warning: unusable(path, parsed.error), writable: false };
  return { setup: parsed.setup, warning: null, writable: true };
}

function unusable(path: string, why: string): string {
  return `memtop: ${path}: ${why}; using the defaults, the file is left as it is (--no-config skips it)`;
}

/** Writes atomically; null when done, else why not (one line). */
export function saveSetup(path: string, setup: Setup): string | null {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, setupText(setup), { mode: 0o644 });
    renameSync(temp, path);
    return null;
  } catch (err) {
    rmSync(temp, { force: true });
    return `could not save the setup to ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
}
