/**
 * A C helper of test/helpers compiled with gcc once per test process, into a temporary directory
 * removed when the process exits.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

const built = new Map<string, string>();

/** The path of `NAME` built from test/helpers/NAME.c with gcc -O1 -Wall. */
export function compiledHelper(name: string): string {
  let bin = built.get(name);
  if (bin === undefined) {
    const dir = mkdtempSync(join(tmpdir(), `memtop-${name}-`));
    bin = join(dir, name);
    execFileSync('gcc', ['-O1', '-Wall', '-o', bin, join(repoRoot, 'test', 'helpers', `${name}.c`)], { stdio: 'pipe' });
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    built.set(name, bin);
  }
  return bin;
}
