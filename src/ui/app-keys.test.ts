import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { KEYS, startHarness, withHarness, type Harness } from '../../test/helpers/screen-harness.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from '../model/process-columns.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

function pidsShown(h: Harness): number[] {
  return h.lines().slice(6).map((l) => /^ +(\d+) /.exec(l)?.[1]).filter((x): x is string => x !== undefined).map(Number);
}

function selectedPid(h: Harness): number {
  return Number(h.highlighted()[0]?.trim().split(/\s+/)[0]);
}

async function withUi(fn: (h: Harness) => Promise<void>): Promise<void> {
  await withHarness(fixture, async (h) => {
    await h.waitFor('total of 6 shown');
    await fn(h);
  });
}

test('F1 and ? open the help; any key closes it', () => withUi(async (h) => {
  for (const key of [KEYS.f1, '?']) {
    await h.press(key);
    const help = await h.waitFor('memtop help');
    assert.match(help, /F9 k +send a signal to the selected process, or to the tagged ones \(asks first\)/);
    assert.match(help, /Enter +drill down/);
    await h.press('x');
    await h.waitFor((t) => !t.includes('memtop help'));
  }
}));

test('the help wraps its long lines instead of cutting them, at 80 columns as at 120', async () => {
  for (const columns of [80, 120]) {
    const h = await startHarness(fixture, {}, { columns, rows: 60 });
    try {
      await h.waitFor('total of 6 shown');
      await h.press(KEYS.f1);
      const help = await h.waitFor('memtop help');
      const box = help.split('\n').filter((l) => l.includes('│')).map((l) => l.slice(l.indexOf('│') + 1, l.lastIndexOf('│')));
      const flat = box.map((l) => l.trim()).join(' ').replace(/\s+/g, ' ');
      assert.match(flat, /click a row to select it, a column title to sort by it \(again: invert\); the wheel scrolls/, `${columns} columns:\n${help}`);
      assert.ok(box.length > 10 && !box.some((l) => l.includes('…')), `${columns} columns: nothing cut in the box`);
    } finally {
      await h.quit();
    }
  }
});

test('arrows, PgDn/PgUp, Home/End move the selection', () => withUi(async (h) => {
  assert.equal(selectedPid(h), 3853);
  await h.press(KEYS.down);
  assert.equal(selectedPid(h), 3852);
  await h.press(KEYS.end);
  assert.equal(selectedPid(h), 1);
  await h.press(KEYS.up);
  assert.equal(selectedPid(h), 3855);
  await h.press(KEYS.home);
  assert.equal(selectedPid(h), 3853);
  await h.press(KEYS.pageDown);
  assert.equal(selectedPid(h), 1);
  await h.press(KEYS.pageUp);
  assert.equal(selectedPid(h), 3853);
}));

test('< and > change the sort column, I inverts it, and the selection follows its process', () => withUi(async (h) => {
  await h.press(KEYS.down); // 3852
  await h.press('<');
  await h.waitFor(/▼SHR/);
  assert.match(h.lines()[4], /sort SHR desc/);
  assert.deepEqual(pidsShown(h), [3853, 1, 3852, 3851, 3858, 3855]);
  assert.equal(selectedPid(h), 3852, 'selection follows pid + start time');
  await h.press('>', '>', '>', '>', '>', '>', '>', '>');
  await h.waitFor(/▲PID/);
  assert.deepEqual(pidsShown(h), [1, 3851, 3852, 3853, 3855, 3858]);
  await h.press('I');
  await h.waitFor(/▼PID/);
  assert.deepEqual(pidsShown(h), [3858, 3855, 3853, 3852, 3851, 1]);
  assert.equal(selectedPid(h), 3852);
}));

test('sorted by the one-cell S column, its header shows the sort mark in place of the title', () => withUi(async (h) => {
  await h.press('>', '>', '>'); // PSS → USS → SWAP → CPU%
  await h.press('>', '>'); // → MEM% → S
  const text = await h.waitFor(/sort S (asc|desc)/);
  assert.match(text.split('\n')[5], /MEM% [▲▼] COMMAND/);
}));

test('F6 picks the sort column from a list', () => withUi(async (h) => {
  await h.press(KEYS.f6);
  await h.waitFor('Sort by');
  await h.press(KEYS.home, KEYS.enter);
  await h.waitFor(/▲PID/);
  assert.doesNotMatch(h.text(), /Sort by/);
}));

test('\\ filters live, Esc in the prompt clears; F4 then Esc outside clears too', () => withUi(async (h) => {
  await h.press('\\', 'm', 'e', 'm', 'h');
  await h.waitFor('total of 2 shown');
  assert.deepEqual(pidsShown(h), [3852, 3858]);
  assert.match(h.lines()[39], /Filter: memh_/);
  await h.press(KEYS.escape);
  await h.waitFor('total of 6 shown');
  await h.press(KEYS.f4, 's', 'l', 'e', 'e', 'p', KEYS.enter);
  await h.waitFor('total of 2 shown');
  assert.match(h.lines()[4], /2 of 7 processes · sort PSS desc · filter "sleep"/);
  await h.press(KEYS.escape);
  await h.waitFor('total of 6 shown');
  assert.match(h.text(), /filter cleared/);
}));

test('/ searches the command lines; F3 and n go to the next match', () => withUi(async (h) => {
  await h.press('/', 'm', 'e', 'm', 'h');
  assert.equal(selectedPid(h), 3852);
  await h.press(KEYS.f3);
  assert.equal(selectedPid(h), 3858);
  await h.press(KEYS.enter);
  await h.waitFor((t) => !t.includes('Search:'));
  await h.press('n');
  assert.equal(selectedPid(h), 3852, 'wraps around');
  // F3 starts a new search: what is typed replaces the last one, it is not appended to it.
  await h.press(KEYS.f3, 'j', 'j');
  await h.waitFor('no process matches "jj"');
  await h.press(KEYS.escape);
  assert.equal(selectedPid(h), 3852);
  await h.press(KEYS.f3, 'p', 'y', 't');
  assert.equal(selectedPid(h), 3853, 'python3');
}));

test('Z pauses sampling and resumes it (Space tags)', () => withUi(async (h) => {
  await h.press('Z');
  await h.waitFor('PAUSED');
  assert.equal(h.source.config.paused, true);
  assert.match(h.text(), /paused: Z resumes/);
  await h.press('Z');
  await h.waitFor((t) => !t.includes('PAUSED'));
  assert.equal(h.source.config.paused, false);
}));

test('a key with no binding says so on the status line; the next key clears it', () => withUi(async (h) => {
  await h.press('j');
  await h.waitFor('no such key — F1 for help');
  await h.press(KEYS.down);
  await h.waitFor((t) => !t.includes('no such key'));
  await h.press(KEYS.enter, KEYS.backspace);
  assert.doesNotMatch(h.text(), /no such key/, 'Enter (blessed also reports it as "return") is a bound key');
}));

test('the help says H is History, since no threads are listed', () => withUi(async (h) => {
  await h.press(KEYS.f1);
  await h.waitFor(/H +History of the selected process.*/);
  await h.waitFor(/never threads/);
}));

test('u picks a user from those with processes; "all users" shows everyone again', () => withUi(async (h) => {
  await h.press('u');
  const list = await h.waitFor('Show the processes of');
  // The fixture's six processes are all root's.
  assert.match(list, /all users[\s\S]*root +6 processes/);
  await h.press(KEYS.down, KEYS.enter);
  await h.waitFor('user root (u)');
  await h.press('u', KEYS.home, KEYS.enter);
  await h.waitFor((t) => t.includes('all users shown') && !t.includes('user root (u)'));
}));

test('K shows and hides kernel threads', () => withUi(async (h) => {
  assert.ok(!pidsShown(h).includes(2));
  await h.press('K');
  await h.waitFor('total of 7 shown');
  assert.ok(pidsShown(h).includes(2));
  assert.match(h.text(), /\[kthreadd\]/);
  await h.press('K');
  await h.waitFor('total of 6 shown');
}));

test('the column picker hides PSS/USS/SWAP... and the sampler stops reading smaps_rollup', () => withUi(async (h) => {
  await h.press('c');
  await h.waitFor('Columns — Space toggles');
  // The picker lists the shown columns first, in their order: PSS, then USS.
  const pssAt = DEFAULT_PROCESS_COLUMN_IDS.indexOf('pss');
  assert.equal(DEFAULT_PROCESS_COLUMN_IDS[pssAt + 1], 'uss');
  await h.press(...Array(pssAt).fill(KEYS.down), KEYS.space, KEYS.down, KEYS.space, KEYS.enter);
  await h.waitFor((t) => !t.includes('Columns —'));
  assert.doesNotMatch(h.lines()[5], /PSS|USS/);
  assert.equal(h.source.config.needs.has('rollup'), false);
  // Counted: the next sample opens no smaps_rollup at all.
  h.source.procfs.openCounts = new Map();
  h.source.tick();
  assert.equal(h.source.procfs.openCounts.get('smaps_rollup'), undefined, 'no smaps_rollup read');
  assert.ok(h.source.procfs.openCounts.get('stat')! > 0);
  // Hidden now, PSS is listed after the shown columns, among the hidden ones in the table's order.
  const shownNow = DEFAULT_PROCESS_COLUMN_IDS.filter((id) => id !== 'pss' && id !== 'uss');
  const hiddenNow = PROCESS_COLUMNS.filter((c) => !shownNow.includes(c.id)).map((c) => c.id);
  await h.press('c', ...Array(shownNow.length + hiddenNow.indexOf('pss')).fill(KEYS.down), KEYS.space, KEYS.enter);
  await h.waitFor(/ PSS$/m);
  assert.equal(h.source.config.needs.has('rollup'), true);
  h.source.tick();
  assert.ok(h.source.procfs.openCounts.get('smaps_rollup')! > 0, 'PSS shown again: smaps_rollup read again');
  assert.ok(h.source.sampleRequests > 0, 'PSS is wanted again: a sample is asked for at once');
  await h.press('c', KEYS.down, KEYS.space, KEYS.escape);
  assert.doesNotMatch(h.lines()[5], /PPID/, 'Esc cancels');
}));

test('F10 quits with status 0', async () => {
  const h = await startHarness(fixture);
  await h.waitFor('total of 6 shown');
  await h.press(KEYS.f10);
  assert.equal(await h.exited, 0);
});
