import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYS, startHarness, type Harness } from '../../test/helpers/screen-harness.js';
import { copyTree, type TreeCopy } from '../../test/helpers/fixture-copy.js';
import { parseColumnList } from '../model/column.js';
import { PROCESS_COLUMNS } from '../model/process-columns.js';
import type { TuiOptions } from './tui-options.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));
const SSHD = `/usr/sbin/sshd -D${'\u0301'.repeat(100)} --exfiltrate /etc/shadow`;

/** The fixture with hostile names: emoji runs, CJK with emoji, a combining run, invisible characters. */
function hostileTree(): TreeCopy {
  const tree = copyTree(fixture);
  const name = (pid: number, comm: string, cmdline: string) => {
    const dir = join(tree.root, String(pid));
    writeFileSync(join(dir, 'stat'), readFileSync(join(dir, 'stat'), 'utf8').replace(/\(.*\)/s, `(${comm})`));
    writeFileSync(join(dir, 'cmdline'), cmdline);
  };
  name(3851, '😀😀😀', '😀'.repeat(100));
  name(3852, '中文😀😀 x', '中文😀😀 x\0--port\x005432\0');
  name(3853, 'sshd', SSHD);
  name(3858, 'a\u3164b\u115fc', 'a\u3164b\u115fc\u00add\u{e0041}\u{e0042}\u200de');
  return tree;
}

const columns = parseColumnList(PROCESS_COLUMNS, 'pid,comm,rss,state,command');

async function withHostile(change: Partial<TuiOptions>, body: (h: Harness) => Promise<void>): Promise<void> {
  const tree = hostileTree();
  const h = await startHarness(tree.root, { columns, ...change });
  try {
    await h.waitFor(change.filterText ? 'total of 2 shown' : 'total of 6 shown');
    await body(h);
  } finally {
    assert.equal(await h.quit(), 0);
    tree.remove();
  }
}

/** Where each title of the header row starts and ends, in cells. */
function titleSpans(h: Harness, y: number): Map<string, [number, number]> {
  const line = h.cells(y).join('');
  const spans = new Map<string, [number, number]>();
  for (const match of line.matchAll(/[▲▼]?[A-Z%]+/g)) spans.set(match[0].replace(/[▲▼]/, ''), [match.index!, match.index! + match[0].length]);
  return spans;
}

/** The table's rows, below the header row (y), down to the totals. */
function rowYs(h: Harness, header: number): number[] {
  const ys: number[] = [];
  for (let y = header + 1; /^ *\d+ /.test(h.lines()[y] ?? ''); y++) ys.push(y);
  return ys;
}

function assertColumnsInPlace(h: Harness): void {
  const header = h.lines().findIndex((l) => /PID +COMM/.test(l));
  const spans = titleSpans(h, header);
  const [, rssEnd] = spans.get('RSS')!;
  const [stateStart] = spans.get('S')!;
  const ys = rowYs(h, header);
  assert.ok(ys.length >= 4, h.text());
  for (const y of ys) {
    const cells = h.cells(y);
    // RSS right-aligned in its column, the state letter under S, blanks around them.
    assert.match(cells[rssEnd - 1], /[0-9KMGB]/, `RSS ends at ${rssEnd} on row ${y}:\n${h.text()}`);
    assert.equal(cells[rssEnd], ' ', `row ${y}`);
    assert.match(cells[stateStart], /^[RSDTZtXI]$/, `state at ${stateStart} on row ${y}:\n${h.text()}`);
    assert.equal(cells[stateStart + 1], ' ');
    assert.ok(!(h.term.buffer.active.getLine(y + 1)?.isWrapped ?? false), `row ${y} ran over its line`);
  }
}

/** Everything below the header meters (whose own cost figures move), cell by cell. */
function body(h: Harness): string[][] {
  return Array.from({ length: h.term.rows - 5 }, (_, i) => h.cells(i + 5));
}

test('hostile names: every row keeps its columns; hidden text is shown escaped', () => withHostile({}, async (h) => {
  assertColumnsInPlace(h);
  const text = h.text();
  assert.match(text, /--exfiltrate \/etc\/shadow/, 'the text after the combining run is on screen');
  assert.match(text, /sshd -D\u0301\u0301\\u0301×98 --exfiltrate/);
  assert.match(text, /a\\u3164b\\u115fc\\xadd\\u\{e0041\}\\u\{e0042\}\\u200de/);
  assert.match(text, /中文😀😀 x --port 5432/);
  // Cut with an ellipsis at the screen's edge (blessed, counting UTF-16 units, cut it earlier).
  const emojiRow = h.lines().find((l) => /^ +3851 /.test(l))!;
  assert.match(emojiRow, /T (😀)+…$/);
  assert.equal([...emojiRow].reduce((cells, char) => cells + (char === '😀' ? 2 : 1), 0), h.term.cols);
}));

test('a filter, I and the help box leave no cell behind: the screen is what a fresh start in that state draws', async () => {
  let filtered: string[][] = [];
  let inverted: string[][] = [];
  let initial: string[][] = [];
  await withHostile({ filterText: 'port' }, async (h) => { filtered = body(h); });
  await withHostile({ reverse: true }, async (h) => { inverted = body(h); });
  await withHostile({}, async (h) => {
    initial = body(h);
    await h.press('\\', 'p', 'o', 'r', 't', KEYS.enter);
    await h.waitFor('total of 2 shown');
    assert.deepEqual(body(h), filtered);
    await h.press(KEYS.escape);
    await h.waitFor('total of 6 shown');
    await h.press('I');
    await h.waitFor(/sort PSS asc/);
    assertColumnsInPlace(h);
    assert.deepEqual(body(h), inverted);
    await h.press('I');
    await h.waitFor(/sort PSS desc/);
    await h.press(KEYS.f1);
    await h.waitFor('│');
    await h.press(KEYS.escape);
    await h.waitFor((t) => !t.includes('│'));
    assertColumnsInPlace(h);
    assert.deepEqual(body(h).slice(1), initial.slice(1), 'after the help box (the status line aside, which says filter cleared)');
  });
});

test('in a C locale too, wide text is drawn as such (blessed is told the terminal takes UTF-8)', async (t) => {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_CTYPE: process.env.LC_CTYPE, LANGUAGE: process.env.LANGUAGE };
  t.after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  Object.assign(process.env, { LANG: 'C', LC_ALL: 'C', LC_CTYPE: 'C', LANGUAGE: 'C' });
  await withHostile({}, async (h) => {
    assert.match(h.text(), /中文😀😀 x --port 5432/);
    assertColumnsInPlace(h);
  });
});
