import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, withHarness } from '../../test/helpers/screen-harness.js';
import { parseColumnList } from '../model/column.js';
import { PROCESS_COLUMNS } from '../model/process-columns.js';
import { cellWidth } from './text-cell.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

test('header, breadcrumb, windowed table sorted by PSS, totals and footer', async () => {
  await withHarness(fixture, async (h) => {
    const lines = (await h.waitFor('memhog')).split('\n');
    assert.match(lines[0], /^ Mem\[\|+ +\d+(\.\d+)?[KMG]\/23\.5G\] +Tasks: 6, 20 thr, 1 kthr; 0 running$/);
    assert.match(lines[1], /^ Swp\[ +0B\/0B\] +Load average: 0\.06 0\.04 0\.00$/);
    assert.match(lines[2], /^ PSI mem avg10: some 0\.00% full 0\.00% +Uptime: 00:05:10$/);
    assert.match(lines[3], /^ memtop: (-|[\d.]+%) CPU [\d.]+[KMG] · sample \d+ ms every 2 s/);
    assert.match(lines[4], /^ Processes +6 of 7 processes · sort PSS desc · holding row 1 \(F follows\)$/);
    assert.equal(lines[5].trimEnd(), '    PID USER         VSS    RSS    SHR   ▼PSS    USS   SWAP  CPU%  MEM% S COMMAND');
    const pids = lines.slice(6, 12).map((l) => Number(l.slice(0, 7)));
    assert.deepEqual(pids, [3853, 3852, 3858, 3851, 3855, 1], 'PSS descending, unknown PSS last');
    assert.match(lines[11], /^ +1 root +37\.2M +9\.21M +6\.27M +- +- +0B .* \/process_api/, 'refused PSS/USS shown as -, not 0');
    // PID 1's rollup is refused (unknown PSS/USS): those two sums are lower bounds, marked.
    assert.match(lines[38], /^ +111M +45\.8M +19\.6M +23\.6M\+ +14\.4M\+ +0B .* total of 6 shown \(\+: some values unknown\)$/);
    assert.match(lines[39], /^F1Help  F2Views F3SearchF4FilterF6SortByF9Kill  F10Quit/);
    assert.deepEqual(h.highlighted().map((l) => l.trim().split(/\s+/)[0]), ['3853'], 'the first row is selected');
  });
});

test('a terminal smaller than 80x24 shows "terminal too small" until it grows', async () => {
  await withHarness(fixture, async (h) => {
    await h.resize(60, 20);
    const small = await h.waitFor('terminal too small');
    assert.match(small, /terminal too small: 60×20/);
    assert.doesNotMatch(small, /3852/);
    await h.press('\x1b[B'); // keys other than quit are ignored meanwhile
    await h.resize(100, 30);
    const back = await h.waitFor('total of 6 shown');
    assert.doesNotMatch(back, /too small/);
    assert.match(back.split('\n')[29], /^F1Help/, 'the footer moved to the new last line');
  });
});

test('names with escape sequences and blessed tags are shown as inert text', async () => {
  const root = mkdtempSync(join(tmpdir(), 'memtop-proc-'));
  try {
    cpSync(fixture, root, { recursive: true });
    // cmdline: NUL-separated arguments with an OSC title sequence, a colour and tag braces.
    writeFileSync(join(root, '3851/cmdline'), 'evil\u0000\u001b]0;owned\u0007{bold}x{/bold}\u001b[31mred\u0000');
    await withHarness(root, async (h) => {
      const text = await h.waitFor('evil');
      const line = text.split('\n').find((l) => l.includes('evil'))!;
      assert.match(line, /evil \\x1b\]0;owned\\x07\{bold\}x\{\/bold\}\\x1b\[31mred/);
      assert.match(text, /a\) b \(c\)\\x1b\[1m\\x0a|python3/, 'the comm with ESC and a newline of the fixture');
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('at 80×24 the command keeps room to be read: SHR, VSS and SWAP step aside, and the status line says so', async () => {
  const h = await startHarness(fixture, {}, { columns: 80, rows: 24 });
  try {
    const text = await h.waitFor('total of 6 shown');
    const lines = text.split('\n');
    assert.match(lines[4], /narrow: SHR VSS SWAP hidden/);
    assert.match(lines[5], /^ +PID USER +RSS +▼PSS +USS +CPU% +MEM% S COMMAND/);
    // The memhog rows show ~25 cells of their command (with all columns: a 1-cell stump).
    assert.ok(lines.some((l) => /\/tmp\/memtop-fixtures\/memho/.test(l)), text);
    await h.resize(160, 40);
    const wide = await h.waitFor(/SHR +▼PSS/);
    assert.doesNotMatch(wide.split('\n')[4], /narrow/);
  } finally {
    assert.equal(await h.quit(), 0);
  }
});

test('a process named in Chinese shows its name, and the columns after it stay aligned', async () => {
  const root = mkdtempSync(join(tmpdir(), 'memtop-cjk-'));
  try {
    cpSync(fixture, root, { recursive: true });
    const dir = join(root, '3851');
    writeFileSync(join(dir, 'stat'), readFileSync(join(dir, 'stat'), 'utf8').replace('(sleep)', '(数据库服务)'));
    writeFileSync(join(dir, 'cmdline'), '数据库服务\0--port\x005432\0');
    const columns = parseColumnList(PROCESS_COLUMNS, 'pid,comm,rss,command');
    await withHarness(root, { columns }, async (h) => {
      const text = await h.waitFor('数据库服务 --port 5432');
      const rows = text.split('\n').slice(6, 12);
      const cjk = rows.find((l) => l.includes('数据库服务'))!;
      const plain = rows.find((l) => /^ +3852 /.test(l))!;
      // Where the RSS column ends, in terminal cells: the same on both rows.
      const rssEnd = (line: string) => cellWidth(/^ +\d+ +\S+ +\S+/.exec(line)![0]);
      assert.equal(rssEnd(cjk), rssEnd(plain), `${cjk}\n${plain}`);
      assert.doesNotMatch(cjk, /\?\?/, 'not question marks');
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
