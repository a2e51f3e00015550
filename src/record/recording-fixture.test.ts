/**
 * A real recording (test/fixtures/recording/small-v1.ndjson, made by make-recording.sh on the live
 * kernel: a handful of processes, one growing, two exiting, one starting), kept as format version 1:
 * this reader must read it whole, and every prefix of it to its last whole sample.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../test/helpers/paths.js';
import { readRecording } from './recording-text.js';
import { RecordingError } from './recording-error.js';

const text = readFileSync(join(fixturesDir, 'recording', 'small-v1.ndjson'));
const full = readRecording('small-v1.ndjson', text);

test('the version 1 recording reads whole: its samples, a process growing, exits and a start', () => {
  assert.deepEqual(full.notes, []);
  assert.equal(full.length, 8);
  assert.equal(full.header.version, 1);
  assert.equal(full.sessions[0].endReason, 'count');
  const first = full.sampleAt(0);
  const last = full.sampleAt(7);
  const python = (s: typeof first) => s.processes.find((p) => p.comm === 'python3')!;
  assert.ok(python(last).ussBytes! - python(first).ussBytes! >= 2 * 1024 * 1024, 'the python process grew by megabytes');
  const pids = (s: typeof first) => s.processes.map((p) => p.cmdline);
  assert.ok(pids(first).includes('sleep 1.4') && !pids(last).includes('sleep 1.4'), 'sleep 1.4 exited');
  assert.ok(!pids(first).includes('sleep 31') && pids(last).includes('sleep 31'), 'sleep 31 started');
  assert.ok(last.timeMs > first.timeMs && last.system.meminfo.MemTotal > 0);
});

test('every prefix of the real recording reads back to its last whole sample', () => {
  const lineEnds: number[] = [];
  for (let at = text.indexOf(0x0a); at >= 0; at = text.indexOf(0x0a, at + 1)) lineEnds.push(at + 1);
  for (let cut = 1; cut < text.length; cut++) {
    const prefix = text.subarray(0, cut);
    if (cut < lineEnds[0] - 1) {
      assert.throws(() => readRecording('cut', prefix), RecordingError);
      continue;
    }
    // A record is whole once its JSON is (its newline may be what was cut); the first line is the header.
    const whole = Math.min(full.length, lineEnds.filter((end) => end - 1 <= cut).length - 1);
    const recording = readRecording('cut', prefix);
    assert.equal(recording.length, whole, `cut at ${cut}`);
    if (whole > 0 && (cut % 97 === 0 || lineEnds.includes(cut + 1) || lineEnds.includes(cut))) {
      assert.deepEqual(recording.sampleAt(whole - 1), full.sampleAt(whole - 1), `cut at ${cut}`);
    }
  }
});
