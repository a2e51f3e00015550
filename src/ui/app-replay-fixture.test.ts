import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startHarness } from '../../test/helpers/screen-harness.js';
import { openRecording } from '../record/open-recording.js';
import { humanBytes } from '../model/human-units.js';
import { DEFAULT_NEEDS } from '../sampler/sampler.js';
import { ReplaySource } from './replay/replay-source.js';
import { ReplayController } from './replay/replay-controller.js';

const recordingFile = fileURLToPath(new URL('../../../test/fixtures/recording/small-v1.ndjson', import.meta.url));
const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));
const RIGHT = '\x1b[C';
const LEFT = '\x1b[D';

test('the committed real recording replays: each step shows that sample\'s figures of the growing process', async () => {
  const recording = openRecording(recordingFile);
  const timeline = { count: recording.length, timeMs: (i: number) => recording.timeMs(i), sampleAt: (i: number) => recording.sampleAt(i) };
  const source = new ReplaySource(timeline, {
    startIndex: 0, speed: 1, rebuildWindowMs: 600_000, pageSizeBytes: recording.header.pageSizeBytes,
    config: { needs: DEFAULT_NEEDS, exact: true, maxStalenessMs: 0, intervalMs: recording.header.intervalMs, paused: true, mappingsOf: null },
  });
  const h = await startHarness(fixture, { delayMs: recording.header.intervalMs }, { columns: 140, rows: 30 }, new ReplayController(source));
  try {
    const grower = (index: number) => recording.sampleAt(index).processes.find((p) => p.comm === 'python3')!;
    const uss = (index: number) => humanBytes(grower(index).ussBytes);
    const row = (text: string) => text.split('\n').find((l) => new RegExp(`^ *${grower(0).pid} `).test(l)) ?? '';
    const seen: string[] = [];
    for (let i = 0; i < recording.length; i++) {
      const screen = await h.waitFor(`sample ${i + 1} of ${recording.length} `);
      assert.match(row(screen), new RegExp(` ${uss(i).replace('.', '\\.')} `), `sample ${i + 1}:\n${screen}`);
      seen.push(uss(i));
      if (i < recording.length - 1) await h.press(RIGHT);
    }
    assert.ok(new Set(seen).size >= 6, `the process grew from sample to sample: ${seen.join(' ')}`);
    await h.press(LEFT, LEFT, LEFT);
    const back = await h.waitFor(`sample ${recording.length - 3} of ${recording.length} `);
    assert.match(row(back), new RegExp(` ${uss(recording.length - 4).replace('.', '\\.')} `));
  } finally {
    assert.equal(await h.quit(), 0);
  }
});
