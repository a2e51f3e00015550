/**
 * `memtop maps --diff` on a copy of the captured tree whose smaps is swapped between the two
 * readings for the second real reading (test/fixtures/smaps-diff), or whose process goes away.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeMapsDiffReport } from './maps-diff-report.js';
import { CliError } from './cli-error.js';
import { copyTree } from '../../test/helpers/fixture-copy.js';
import { fixturesDir, procBasic } from '../../test/helpers/paths.js';
import type { MappingsDiffJson } from '../model/mapping-diff-json.js';

const KIB = 1024;
const MIB = 1024 * KIB;
/** `sleep 1000` in the capture: its smaps is replaced by growhog's readings. */
const PID = 3851;
const reading = (name: string) => join(fixturesDir, 'smaps-diff', `growhog-${name}.smaps`);

/** Runs the report on a tree copy: growhog's first reading, then `between` changes the tree. */
async function diff(flags: Record<string, unknown>, between: (dir: string) => void = (dir) => copyFileSync(reading('after'), join(dir, 'smaps'))): Promise<{ out: string; notes: string[]; sleptMs: number[] }> {
  const tree = copyTree(procBasic);
  const dir = join(tree.root, String(PID));
  copyFileSync(reading('before'), join(dir, 'smaps'));
  const chunks: string[] = [];
  const sleptMs: number[] = [];
  let clock = 1000;
  try {
    const notes = await writeMapsDiffReport(PID, { proc: tree.root, diff: 5, ...flags }, (text) => chunks.push(text), {
      sleep: async (ms) => { sleptMs.push(ms); clock += ms; between(dir); }, nowMs: () => clock,
    });
    return { out: chunks.join(''), notes, sleptMs };
  } catch (err) {
    assert.deepEqual(chunks, [], 'nothing printed before the error');
    throw err;
  } finally {
    tree.remove();
  }
}

test('--json: the changed mappings, largest RSS growth first, with new and gone ones and the totals\' change', async () => {
  const { out, sleptMs } = await diff({ json: true });
  assert.deepEqual(sleptMs, [5000]);
  const json = JSON.parse(out) as MappingsDiffJson;
  assert.equal(json.pid, PID);
  assert.equal(json.seconds, 5);
  assert.deepEqual(json.mappings.slice(0, 3).map((m) => [m.path || m.kind, m.change, m.drss]),
    [['anon', 'kept', 16 * MIB - 4 * KIB], ['[heap]', 'kept', 8 * MIB], ['anon', 'new', 2 * MIB]]);
  assert.deepEqual(json.mappings.at(-1)!.change, 'gone');
  assert.equal(json.mappings.at(-1)!.drss, -1 * MIB);
  assert.equal(json.mappings.at(-1)!.rss, 0);
  assert.ok(json.mappings.every((m) => m.change !== 'kept' || m.dsize !== 0 || m.drss !== 0 || m.dpss !== 0 || m.duss !== 0 || m.dswap !== 0), 'only what changed');
  assert.equal(json.totals.drss, json.mappings.reduce((sum, m) => sum + m.drss, 0));
  assert.equal(json.totals.drss, 8 * MIB + 16 * MIB - 4 * KIB + 1 * MIB);
});

test('the table: a title with the counts, Δ columns with signs, totals; --group path by group', async () => {
  const { out } = await diff({});
  const lines = out.split('\n');
  assert.match(lines[0], /^3851: sleep: 8 mappings changed in 5 s \(29 mappings now, 29 before\)$/);
  assert.match(lines[1], /^ADDRESS +PERMS KIND CHG +ΔSIZE +ΔRSS +ΔPSS +ΔUSS +ΔSWAP +RSS PATH$/);
  assert.match(lines[2], /rw-p +anon +0 \+16\.0M \+16\.0M \+16\.0M +0 16\.0M$/);
  assert.match(lines[3], / heap +\+8\.00M \+8\.00M \+8\.00M \+8\.00M +0 .* \[heap\]$/);
  assert.ok(lines.some((l) => /rw-p +anon +gone +-1\.00M -1\.00M -1\.00M -1\.00M/.test(l)), out);
  assert.ok(lines.some((l) => /rw-p +anon new +\+2\.00M \+2\.00M/.test(l)), out);
  assert.match(lines.at(-2)!, /^total +\+9\.00M \+25\.0M \+25\.0M \+25\.0M +0 27\.6M$/);
  const grouped = (await diff({ group: 'path' })).out.split('\n');
  assert.match(grouped[0], /: 3 groups changed in 5 s/);
  assert.match(grouped[2], /^anon +8 +\+1\.00M \+17\.0M .* \[anon\]$/);
  assert.match(grouped[4], /^file +5 +0 +0 -11\.0K -16\.0K .* \/usr\/lib\/x86_64-linux-gnu\/libc\.so\.6$/);
});

test('--csv: ids as the header, raw signed bytes', async () => {
  const { out } = await diff({ csv: true, columns: 'change,drss,path', sort: 'drss', reverse: true });
  const lines = out.trimEnd().split('\n');
  assert.equal(lines[0], 'change,drss,path');
  assert.equal(lines[1], `gone,${-1 * MIB},`);
  assert.equal(lines.at(-1), `total,${8 * MIB + 16 * MIB - 4 * KIB + 1 * MIB},`);
});

test('a process that exits between the readings: one line, exit 1, nothing printed', async () => {
  await assert.rejects(diff({ json: true }, (dir) => rmSync(dir, { recursive: true })),
    (err: unknown) => err instanceof CliError && err.exitCode === 1 && /^process 3851 exited during the 5 s between the two readings/.test(err.message));
  // Its PID taken by another process (another start time) is the same: the process is gone.
  await assert.rejects(diff({}, (dir) => {
    const stat = readFileSync(join(dir, 'stat'), 'latin1').split(' ');
    stat[21] = String(Number(stat[21]) + 100);
    writeFileSync(join(dir, 'stat'), stat.join(' '));
  }), /exited during the 5 s/);
});
