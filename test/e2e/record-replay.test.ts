/**
 * `memtop record` on the live system, then `memtop snapshot --from` and `memtop leaks --from` on
 * what it wrote: helpers of known memory show their figures at the moments they had them, and a
 * recorder killed with SIGKILL leaves a file that reads to its last whole sample.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMemhog } from '../helpers/live-helpers.js';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';
import { recordedLines, startRecorder, untilSamples } from '../helpers/record-memtop.js';
import type { SnapshotJson } from '../helpers/snapshot-types.js';

const MIB = 1024 * 1024;

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-record-e2e-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function within(actual: number | null, expected: number, fraction: number, what: string): void {
  assert.ok(actual !== null && Math.abs(actual - expected) <= expected * fraction,
    `${what}: ${actual === null ? 'null' : (actual / MIB).toFixed(2)} MiB, expected ${(expected / MIB).toFixed(2)} MiB ± ${fraction * 100} %`);
}

for (const name of ['r.ndjson', 'r.ndjson.gz']) {
  test(`${name}: 20 s recorded with helpers of known memory; snapshot --from --at shows their figures at each moment`, async (t) => {
    const dir = tempDir(t);
    const path = join(dir, name);
    const stays = await startMemhog(['private', '64']);
    const goes = await startMemhog(['private', '96']);
    t.after(() => { stays.stop(); goes.stop(); });
    const recorder = startRecorder(['-o', path, '-d', '1', '--duration', '20']);
    t.after(() => recorder.child.kill('SIGKILL'));
    await untilSamples(path, 1);
    goes.stop();
    const stoppedAtMs = Date.now();
    const { code, stderr } = await recorder.ended;
    assert.equal(code, 0, stderr);
    assert.match(stderr, /memtop record: \d+ samples, .* in .*r\.ndjson/);

    const pids = `${stays.pids[0]},${goes.pids[0]}`;
    const first = memtopJson<SnapshotJson>(['snapshot', '--from', path, '--at', '+0', '--json', '--pid', pids]);
    assert.deepEqual(first.processes!.map((p) => p.pid).sort(), [stays.pids[0], goes.pids[0]].sort());
    within(first.processes!.find((p) => p.pid === stays.pids[0])!.uss, 64 * MIB, 0.02, 'USS of the 64 MiB helper, first sample');
    within(first.processes!.find((p) => p.pid === goes.pids[0])!.uss, 96 * MIB, 0.02, 'USS of the 96 MiB helper, first sample');

    const last = runMemtop(['snapshot', '--from', path, '--at', 'end', '--json', '--pid', pids]);
    const lastJson = JSON.parse(last.stdout) as SnapshotJson;
    assert.ok(Date.parse(lastJson.time!) > stoppedAtMs, 'the last sample is after the 96 MiB helper was killed');
    assert.deepEqual(lastJson.processes!.map((p) => p.pid), [stays.pids[0]]);
    within(lastJson.processes![0].uss, 64 * MIB, 0.02, 'USS of the 64 MiB helper, last sample');
    const live = memtopJson<SnapshotJson>(['snapshot', '--json', '--pid', String(stays.pids[0])]).processes![0];
    // Recorded incrementally, a PSS/USS figure may be up to --max-staleness (30 s) old: the helper's
    // own few pages touched after its first reading can be missing from it.
    within(lastJson.processes![0].uss, live.uss!, 0.02, 'recorded USS against a live snapshot of the idle helper');
    within(lastJson.processes![0].rss, live.rss!, 0.02, 'recorded RSS against a live snapshot of the idle helper');
    assert.match(last.stderr, new RegExp(`no process ${goes.pids[0]} in the recorded sample`));

    const table = runMemtop(['snapshot', '--from', path, '--pid', String(stays.pids[0]), '--columns', 'pid,uss,command']);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, new RegExp(`${stays.pids[0]} +6[45]\\.\\dM .*memhog private 64`));
    assert.match(table.stderr, /memtop: the sample of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(\d+ of \d+\) from /);
    const csv = runMemtop(['snapshot', '--from', path, '--csv', '--pid', String(stays.pids[0]), '--columns', 'pid,uss']);
    assert.equal(csv.stdout.split('\n')[0], 'pid,uss');

    const leaks = runMemtop(['leaks', '--from', path, '--json']);
    assert.equal(leaks.status, 0, leaks.stderr);
    assert.match(leaks.stderr, /samples from .*r\.ndjson/);
  });
}

for (const name of ['k.ndjson', 'k.ndjson.gz']) {
  test(`${name}: a recorder killed with SIGKILL mid-recording leaves a file that reads to its last whole sample`, async (t) => {
    const dir = tempDir(t);
    const path = join(dir, name);
    const recorder = startRecorder(['-o', path, '-d', '0.2']);
    t.after(() => recorder.child.kill('SIGKILL'));
    await untilSamples(path, 3);
    recorder.child.kill('SIGKILL');
    await recorder.ended;
    const whole = recordedLines(path).filter((l) => /^\{"type":"(keyframe|delta)"/.test(l)).length;
    const run = runMemtop(['snapshot', '--from', path, '--at', 'end', '--json', '--limit', '1']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /(cut short|has no end record)/);
    assert.match(run.stderr, new RegExp(`\\(${whole} of ${whole}\\)`), 'every whole sample is read');
    assert.equal((JSON.parse(run.stdout) as SnapshotJson).processes!.length, 1);
  });
}
