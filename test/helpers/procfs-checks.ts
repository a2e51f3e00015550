/** Small helpers of the ProcFs tests: a read's text (or the test fails), a temporary directory. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFailure, type ReadResult } from '../../src/proc/procfs.js';

export function text(result: ReadResult): string {
  if (isFailure(result)) assert.fail(`${result.path}: ${result.code}`);
  return result;
}

export function withTempDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-procfs-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
