/**
 * A process that exits while its Mappings view is open: a reading made during the exit (cut
 * short, empty, or of a zombie) never replaces the last whole one. Real processes killed while
 * their smaps is read, and a fixture tree whose process turns into a zombie under the worker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProcFs, type ReadFailure } from '../../../src/proc/procfs.js';
import { isExitingReading, readMappings, type MappingsOutcome } from '../../../src/sampler/read-mappings.js';
import { WorkerSampleSource } from '../../../src/sampler/worker/sampler-host.js';
import { Store } from '../../../src/model/store.js';
import type { MappingsReading, ProcessIdentity } from '../../../src/model/store.js';
import { memhogBinary } from '../../helpers/live-helpers.js';
import { copyTree } from '../../helpers/fixture-copy.js';
import { procBasic } from '../../helpers/paths.js';

/** Kills `pid` once the first chunk of its smaps has been read: it exits during the read. */
class KillingProcFs extends ProcFs {
  constructor(private readonly victim: number) {
    super('/proc');
  }

  override readChunks(relPath: string, onChunk: (chunk: Buffer, length: number) => void): ReadFailure | null {
    let first = true;
    return super.readChunks(relPath, (chunk, length) => {
      onChunk(chunk, length);
      if (first && relPath === `${this.victim}/smaps`) process.kill(this.victim, 'SIGKILL');
      first = false;
    });
  }
}

/**
 * memhog with COUNT mappings under a parent that never reaps it (sh exec'ing sleep): killed,
 * it stays a zombie. Returns its PID and a stop() that ends the parent (init then reaps it).
 */
async function unreapedMemhog(count: number): Promise<{ pid: number; stop(): void }> {
  const parent = spawn('sh', ['-c', `"$0" maps ${count} & exec sleep 600`, memhogBinary()], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
  const pid = Number(/^ready (\d+)/.exec(line.toString())?.[1]);
  assert.ok(pid > 0, `memhog said ${line.toString()}`);
  return { pid, stop: () => parent.kill('SIGKILL') };
}

function stateOf(pid: number): string {
  const stat = new ProcFs().readSingle(`${pid}/stat`);
  return typeof stat === 'string' ? stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) : 'gone';
}

test('a real process killed while its smaps is read: "exited", never a cut-off table; then a zombie reading that must not replace the last', async (t) => {
  const helper = await unreapedMemhog(20_000);
  t.after(() => helper.stop());
  const whole = readMappings(new ProcFs(), helper.pid);
  assert.ok(whole.kind === 'ok' && whole.mappings.count >= 20_000 && whole.addressSpace, 'a whole reading first');
  const during = readMappings(new KillingProcFs(helper.pid), helper.pid);
  assert.equal(during.kind, 'exited', `read during the exit: ${during.kind}${during.kind === 'ok' ? ` with ${during.mappings.count} mappings` : ''}`);
  const deadline = Date.now() + 10_000;
  while (stateOf(helper.pid) !== 'Z') {
    assert.ok(Date.now() < deadline, 'the killed helper never became a zombie');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const after = readMappings(new ProcFs(), helper.pid);
  assert.ok(after.kind === 'ok' && after.zombie && !after.addressSpace && after.mappings.count === 0, 'a zombie reads as no mappings');
  assert.equal(isExitingReading(after, true), true, 'after a whole reading, that is the exit: it does not replace it');
  assert.equal(isExitingReading(after, false), false, 'opened on a zombie: its (empty) reading is the reading');
  assert.equal(isExitingReading(whole, true), false);
});

test('the worker, on a fixture process that turns into a zombie: the last whole reading stays in the store', async (t) => {
  const tree = copyTree(procBasic);
  t.after(() => tree.remove());
  const pid = 3852;
  const store = new Store();
  const readings: MappingsReading[] = [];
  let target: ProcessIdentity | null = null;
  const source = new WorkerSampleSource(tree.root, { needs: new Set(['stat', 'status', 'cmdline']), exact: false, maxStalenessMs: 10_000, intervalMs: 200, paused: false, mappingsOf: null });
  let wake = () => {};
  source.start({
    onReady: () => {},
    onSample: (sample) => {
      store.push(sample);
      if (target === null) {
        const p = sample.processes.find((x) => x.pid === pid)!;
        target = { pid, startTimeTicks: p.startTimeTicks };
        store.watchMappings(target);
        source.configure({ mappingsOf: target });
      }
      wake();
    },
    onMappings: (of, reading, atMs) => { readings.push(reading); store.setMappings(of, reading, atMs); wake(); },
    onError: (err) => assert.fail(err),
  });
  const until = async (ok: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!ok()) {
      assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
      await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, 100); });
    }
  };
  try {
    await until(() => readings.some((r) => r.kind === 'ok'), 'a whole reading');
    const count = store.mappings!.mappings!.count;
    assert.ok(count > 20);
    // The process exits: a zombie, its smaps empty (the kernel's view once its memory is gone).
    const stat = join(tree.root, String(pid), 'stat');
    const text = readFileSync(stat, 'utf8');
    const close = text.lastIndexOf(')');
    writeFileSync(stat, `${text.slice(0, close + 2)}Z${text.slice(close + 3)}`);
    writeFileSync(join(tree.root, String(pid), 'smaps'), '');
    const seen = readings.length;
    await until(() => readings.length >= seen + 3, 'three readings after the exit');
    const afterExit = readings.slice(seen + 1); // the first may have been read before the change
    assert.ok(afterExit.every((r) => r.kind === 'gone'), `after the exit: ${afterExit.map((r) => r.kind).join(' ')}`);
    assert.equal(store.mappings!.exited, true);
    assert.equal(store.mappings!.mappings!.count, count, 'the last whole reading stays');
  } finally {
    await source.stop();
  }
});

test('isExitingReading: only a reading with no mappings or no address space after one with mappings', () => {
  const ok = (count: number, addressSpace: boolean): MappingsOutcome =>
    ({ kind: 'ok', comm: 'x', startTimeTicks: 1, kernelThread: false, zombie: !addressSpace, addressSpace, mappings: { count } as never });
  assert.equal(isExitingReading(ok(10, true), true), false);
  assert.equal(isExitingReading(ok(0, true), true), true);
  assert.equal(isExitingReading(ok(0, false), true), true);
  assert.equal(isExitingReading(ok(0, false), false), false);
  assert.equal(isExitingReading({ kind: 'gone' }, true), false);
});
