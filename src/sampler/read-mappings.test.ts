/**
 * readMappings on a copy of a captured process, whose files a test changes right after smaps is
 * read: what the kernel shows of a process that exits (or is replaced) while its smaps is read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcFs, type ReadFailure } from '../proc/procfs.js';
import { MAPPINGS_READ_SHARE, readMappings, rereadEveryMs } from './read-mappings.js';
import { procBasic } from '../../test/helpers/paths.js';

const PID = 3851;

/** A copy of proc-basic/3851 (and what readMappings needs besides), removed after the test. */
function copyOfProcess(t: { after(fn: () => void): void }): string {
  const root = mkdtempSync(join(tmpdir(), 'memtop-read-mappings-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  cpSync(join(procBasic, String(PID)), join(root, String(PID)), { recursive: true });
  return root;
}

/** The stat line with its state (field 3), start time (field 22) or virtual size (23) replaced. */
function statWith(root: string, changes: { state?: string; startTimeTicks?: number; vsizeBytes?: number }): string {
  const text = readFileSync(join(root, String(PID), 'stat'), 'utf8');
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).trimEnd().split(' ');
  if (changes.state !== undefined) fields[0] = changes.state;
  if (changes.startTimeTicks !== undefined) fields[19] = String(changes.startTimeTicks);
  if (changes.vsizeBytes !== undefined) fields[20] = String(changes.vsizeBytes);
  return `${text.slice(0, close + 2)}${fields.join(' ')}\n`;
}

/** A ProcFs that runs `afterSmaps` once smaps has been read: the process changes meanwhile. */
class ChangingProcFs extends ProcFs {
  constructor(root: string, private readonly afterSmaps: () => void) {
    super(root);
  }

  override readChunks(relPath: string, onChunk: (chunk: Buffer, length: number) => void): ReadFailure | null {
    const result = super.readChunks(relPath, onChunk);
    if (relPath.endsWith('/smaps')) this.afterSmaps();
    return result;
  }
}

test('a process that stays: its mappings', (t) => {
  const root = copyOfProcess(t);
  const outcome = readMappings(new ProcFs(root), PID);
  assert.equal(outcome.kind, 'ok');
  assert.ok(outcome.kind === 'ok' && outcome.mappings.count > 0 && !outcome.zombie && outcome.addressSpace);
});

test('a process gone, turned zombie, exiting, or replaced by another under its PID while smaps was read: "exited", not a cut-off list', (t) => {
  const root = copyOfProcess(t);
  const stat = join(root, String(PID), 'stat');
  const original = readFileSync(stat, 'utf8');
  const cases: [string, () => void][] = [
    ['gone', () => rmSync(stat)],
    ['a zombie now', () => writeFileSync(stat, statWith(root, { state: 'Z' }))],
    ['another process', () => writeFileSync(stat, statWith(root, { startTimeTicks: 99999 }))],
    // Between releasing its memory and becoming a zombie: still R, with a virtual size of 0.
    ['exiting, its memory released', () => writeFileSync(stat, statWith(root, { state: 'R', vsizeBytes: 0 }))],
  ];
  for (const [what, change] of cases) {
    writeFileSync(stat, original);
    assert.deepEqual(readMappings(new ChangingProcFs(root, change), PID), { kind: 'exited' }, what);
  }
});

test('a zombie from the start: no mappings, and said to be a zombie', (t) => {
  const root = copyOfProcess(t);
  writeFileSync(join(root, String(PID), 'stat'), statWith(root, { state: 'Z' }));
  writeFileSync(join(root, String(PID), 'smaps'), '');
  const outcome = readMappings(new ProcFs(root), PID);
  assert.ok(outcome.kind === 'ok', outcome.kind);
  assert.equal(outcome.zombie, true);
  assert.equal(outcome.addressSpace, false);
  assert.equal(outcome.mappings.count, 0);
});

test('a smaps that takes long to read is read again no sooner than ten times its read time', () => {
  assert.equal(MAPPINGS_READ_SHARE, 0.1);
  assert.equal(rereadEveryMs(2000, 20), 2000, 'a quick read: every interval');
  assert.equal(rereadEveryMs(2000, 350), 3500, 'a slow read: a tenth of the time at most');
  assert.equal(rereadEveryMs(200, 1200), 12_000);
});
