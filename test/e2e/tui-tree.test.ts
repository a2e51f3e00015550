import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';
import { memtopJson } from '../helpers/run-memtop.js';
import { rollupBytes, startFamily } from '../helpers/family.js';
import { formatValue } from '../../src/model/format-cell.js';
import { findColumn } from '../../src/model/column.js';
import { TREE_COLUMNS } from '../../src/model/tree-columns.js';

const PAGE = 4096;

interface TreeJson { processes: { pid: number; depth: number; uss: number; subtree: { count: number; uss: number; pss: number } }[] }

test('Tree: a parent with 3 children of known private memory; its subtree USS is the sum of the four, collapse keeps it', async (t) => {
  const family = await startFamily('private', '2', ['4', '8', '12']);
  t.after(() => family.stop());
  const ussSum = family.all.reduce((sum, pid) => sum + rollupBytes(pid).ussBytes, 0);
  assert.ok(ussSum >= 26 * 1024 * 1024, `the helpers touched their memory (${ussSum})`);

  // The exact figure: snapshot --group tree, bytes.
  const json = memtopJson<TreeJson>(['snapshot', '--group', 'tree', '--json', '--pid', family.all.join(',')]);
  const parent = json.processes.find((p) => p.pid === family.parent)!;
  assert.equal(parent.depth, 0);
  assert.equal(parent.subtree.count, 4);
  assert.ok(Math.abs(parent.subtree.uss - ussSum) <= PAGE, `subtree USS ${parent.subtree.uss} vs the four summed ${ussSum}`);
  assert.deepEqual(json.processes.filter((p) => p.depth === 1).map((p) => p.pid).sort(), [...family.children].sort());
  assert.deepEqual(json.processes.slice(1).map((p) => p.uss), [...json.processes.slice(1).map((p) => p.uss)].sort((a, b) => b - a),
    'children heaviest first');

  // The screen: F5 from the Processes view.
  const tmux = new Tmux(memtopCommand(['--pid', family.all.join(',')]), { columns: 150 });
  try {
    await tmux.waitFor(/total of 4 shown/);
    tmux.send('F5');
    const subUss = formatValue(findColumn(TREE_COLUMNS, 'subUss')!, parent.subtree.uss, { memTotalBytes: 0, nowEpochMs: 0 });
    const row = new RegExp(`^ *${family.parent} +root .* 4 +\\S+ +\\S+ +${subUss.replace('.', '\\.')} +\\S+ [-+] \\S*memhog private 2`, 'm');
    const open = await tmux.waitForAll([/Processes › Tree/, row, ...family.children.map((pid) => new RegExp(`^ *${pid} .*[├└]─ +\\S*memhog private`, 'm'))]);
    assert.match(open, /SUBRSS\* over-counts/);
    tmux.send('-');
    const closed = await tmux.waitForAll([row, /1 shown · 1 collapsed/]);
    for (const pid of family.children) assert.doesNotMatch(closed, new RegExp(`^ *${pid} `, 'm'), 'children hidden');
    assert.match(closed, new RegExp(`^ *${family.parent} .* \\+ \\S*memhog private 2`, 'm'), 'a + marks the collapsed branch');
    tmux.send('+');
    await tmux.waitFor(/4 shown · 0 collapsed/);
    tmux.send('F5');
    await tmux.waitFor(/^ Processes +4 of/m);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});
