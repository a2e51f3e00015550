import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { findColumn, parseColumnList } from '../model/column.js';
import { PROCESS_COLUMNS } from '../model/process-columns.js';
import { startHarness, withHarness } from '../../test/helpers/screen-harness.js';
import { Sampler } from '../sampler/sampler.js';
import { ProcFs } from '../proc/procfs.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

test('--pid, --user and --filter select the rows; --sort and --reverse order them; --columns picks them', async () => {
  const options = {
    pids: [3851, 3852, 3858], user: 'root', filterText: 'memhog',
    sortColumn: findColumn(PROCESS_COLUMNS, 'pid')!, reverse: true,
    columns: parseColumnList(PROCESS_COLUMNS, 'pid,ppid,rss,command'),
  };
  await withHarness(fixture, options, async (h) => {
    const text = await h.waitFor('total of 2 shown');
    const lines = text.split('\n');
    assert.equal(lines[5], '   ▼PID    PPID    RSS COMMAND');
    assert.match(lines[6], /^ +3858 +3852 +9\.55M \/tmp\/memtop-fixtures\/memhog/);
    assert.match(lines[7], /^ +3852 +3839 +11\.5M /);
    assert.equal(h.source.config.needs.has('rollup'), false, 'no PSS/USS column: smaps_rollup is not read');
  });
});

test('--sort by a column that is not shown: PSS/USS are read for it, and the rows follow it', async () => {
  const options = { sortColumn: findColumn(PROCESS_COLUMNS, 'uss')!, columns: parseColumnList(PROCESS_COLUMNS, 'pid,rss,command') };
  await withHarness(fixture, options, async (h) => {
    const text = await h.waitFor('total of 6 shown');
    assert.equal(h.source.config.needs.has('rollup'), true, 'smaps_rollup is read for the sort');
    const pids = text.split('\n').slice(6, 12).map((l) => Number(/^ +(\d+) /.exec(l)?.[1]));
    const truth = new Sampler({ procfs: new ProcFs(fixture), exact: true }).sample().processes;
    const uss = new Map(truth.map((p) => [p.pid, p.ussBytes ?? -1]));
    const order = pids.map((pid) => uss.get(pid)!);
    assert.deepEqual(order, [...order].sort((a, b) => b - a), `rows by USS, largest first: ${pids.join(' ')}`);
  });
});

test('--no-color: sizes are not coloured, the selection is inverse', async () => {
  const colour = await startHarness(fixture);
  const mono = await startHarness(fixture, { color: false });
  try {
    await colour.waitFor('total of 6 shown');
    await mono.waitFor('total of 6 shown');
    // Row 8 (3858) is not selected; its RSS "9.5M" is at columns 24..27: cyan for M in colour.
    const cell = (h: typeof colour) => h.term.buffer.active.getLine(8)!.getCell(26)!;
    assert.equal(cell(colour).getFgColor(), 6);
    assert.equal(cell(mono).isFgDefault(), true);
    const selected = mono.term.buffer.active.getLine(6)!.getCell(3)!;
    assert.ok(selected.isInverse() !== 0);
  } finally {
    await colour.quit();
    await mono.quit();
  }
});
