import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, withHarness, type Harness } from '../../test/helpers/screen-harness.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

/** Selects memhog (3852, second by PSS) and drills down. */
async function openMemhog(h: Harness): Promise<string> {
  await h.waitFor('total of 6 shown');
  await h.press(KEYS.down, KEYS.enter);
  return h.waitFor('total of 33 maps');
}

test('Enter opens the Mappings of the selected process: pmap -x rows, PSS first, totals equal to its row', async () => {
  await withHarness(fixture, async (h) => {
    const lines = (await openMemhog(h)).split('\n');
    assert.match(lines[4], /^ Processes › memhog \(3852\) › Mappings +33 mappings · sort PSS desc$/);
    assert.match(lines[5], /^ Δ since the mark, taken 0s ago at \d\d:\d\d:\d\d · m resets the mark/);
    // At 120 columns DIRTY, SWAP and ΔPSS step aside for the path.
    assert.equal(lines[6].trimEnd(), 'ADDRESS                   PERMS KIND    SIZE    RSS   ▼PSS    USS   ΔRSS   ΔUSS CHG  PATH');
    assert.ok(lines.some((l) => /rw-p +heap .* \[heap\]$/.test(l)), 'the heap');
    assert.ok(lines.some((l) => / r-xp +file .* \/tmp\/memtop-fixtures\/memhog$/.test(l)), 'the binary');
    assert.ok(lines.some((l) => l.includes(' /tmp/memtop fixture (1).dat (dele')), 'a path with spaces and parentheses');
    // The process's row said VSS 28M, RSS 12M, PSS 6.3M, USS 2.1M (smaps_rollup of the same capture).
    assert.match(lines[38], /^total of 33 maps +all +28\.4M +11\.5M +6\.31M +2\.08M +0 +0 +\(all mappings\)/);
    assert.match(h.text(), /F1Help .* gGroup +mMark +BkspBack/);
    assert.deepEqual(h.source.config.mappingsOf?.pid, 3852, 'smaps is read while the view is open');
  });
});

test('g groups by path; sort keys and I work in the Mappings view', async () => {
  await withHarness(fixture, async (h) => {
    await openMemhog(h);
    await h.press('g');
    const grouped = await h.waitFor('grouped by path');
    assert.match(grouped, /5 mappings +mixed +file .* \/usr\/lib\/x86_64-linux-gnu\/libc\.so\.6/);
    assert.match(grouped, /13 paths · sort PSS desc · grouped by path \(g\)/);
    assert.match(grouped.split('\n')[38], /^total of 33 maps +all +28\.4M +11\.5M +6\.31M +2\.08M .*\(13 groups\)/);
    await h.press('>', '>', '>', '>', '>');
    await h.waitFor(/▼DIRTY/);
    await h.press('I');
    await h.waitFor(/▲DIRTY/);
    await h.press('g');
    await h.waitFor('33 mappings · sort DIRTY asc');
  });
});

test('Backspace returns to the Processes view with the same process selected; smaps is no longer read', async () => {
  await withHarness(fixture, async (h) => {
    await openMemhog(h);
    await h.press(KEYS.backspace);
    await h.waitFor('total of 6 shown');
    assert.match(h.lines()[4], /^ Processes +6 of 7/);
    assert.match(h.highlighted()[0], /^ +3852 /);
    assert.equal(h.source.config.mappingsOf, null);
    await h.press(KEYS.backspace);
    await h.waitFor('this is the first view');
  });
});

test('when the process exits, its last mappings stay with a note', async () => {
  const root = mkdtempSync(join(tmpdir(), 'memtop-proc-'));
  try {
    cpSync(fixture, root, { recursive: true });
    await withHarness(root, async (h) => {
      await openMemhog(h);
      rmSync(join(root, '3852'), { recursive: true });
      await h.tick();
      const text = await h.waitFor('process exited');
      assert.match(text, /process exited: the last data, read at .*, stays below/);
      assert.match(text, /\[heap\]/);
      assert.match(text, /total of 33 maps/);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('when smaps is refused, it says so and shows what status gives', async () => {
  await withHarness(fixture, async (h) => {
    h.source.mappingsOverride = () => ({ kind: 'denied' });
    await h.waitFor('total of 6 shown');
    await h.press(KEYS.down, KEYS.enter);
    const text = await h.waitFor('not readable');
    assert.match(text, /\/proc\/3852\/smaps is not readable: permission denied/);
    assert.match(text, /From \/proc\/3852\/status: VSS 28\.4M  RSS 11\.5M  SHR 2\.33M  Swap 0B/);
  });
});

test('F2 lists the views; picking one replaces the top of the stack', async () => {
  await withHarness(fixture, async (h) => {
    await h.waitFor('total of 6 shown');
    await h.press(KEYS.down, KEYS.f2);
    const picker = await h.waitFor('Views');
    assert.match(picker, /Processes +one row per process/);
    assert.match(picker, /Mappings +of memhog \(3852\)/);
    assert.match(picker, /System +meminfo, free, vmstat, pressure/);
    await h.press(KEYS.down, KEYS.enter);
    await h.waitFor(/^ memhog \(3852\) › Mappings/m);
    await h.press(KEYS.f2, KEYS.end, KEYS.enter);
    await h.waitFor(/^ System /m);
    assert.equal(h.source.config.mappingsOf, null);
    await h.press(KEYS.f2, KEYS.home, KEYS.enter);
    await h.waitFor(/^ Processes +6 of 7/m);
    assert.match(h.highlighted()[0], /^ +3852 /, 'the Processes view kept its state');
  });
});

test('F2 → Processes from a drilled-down Mappings view goes back to it, not the same view twice', async () => {
  await withHarness(fixture, async (h) => {
    await openMemhog(h);
    assert.match(h.lines()[4], /^ Processes › memhog \(3852\) › Mappings/);
    await h.press(KEYS.f2, KEYS.home, KEYS.enter);
    const text = await h.waitFor(/^ Processes +6 of 7/m);
    assert.doesNotMatch(text, /Processes › Processes/);
    assert.equal(h.source.config.mappingsOf, null, 'the Mappings view was closed: smaps no longer read');
    await h.press(KEYS.backspace);
    await h.waitFor('this is the first view');
  });
});

test('the footer offers only the keys that act in the view; a Processes key pressed elsewhere says where it works', async () => {
  await withHarness(fixture, async (h) => {
    await openMemhog(h);
    const footer = () => h.lines()[39];
    assert.equal(footer(), 'F1Help  F2Views <>Sort  gGroup mMark  BkspBack  ZPause F10Quit');
    assert.doesNotMatch(footer(), /F3|F4|F6|F9/);
    await h.press(KEYS.f3);
    await h.waitFor('F3 searches in the Processes view (F2 or Backspace)');
    await h.press(KEYS.f6);
    await h.waitFor('here, < and > choose the sort column');
    await h.press(KEYS.f2, KEYS.end, KEYS.enter);
    await h.waitFor(/^ Processes › System +memory chart/m);
    assert.equal(h.lines()[39], 'F1Help  F2Views gChart BkspBack  ZPause F10Quit');
    await h.press(KEYS.f9);
    await h.waitFor('F9 sends a signal in the Processes view');
  });
  // System as the only view: nothing to go back to, so no Backspace in the footer.
  await withHarness(fixture, async (h) => {
    await h.waitFor('total of 6 shown');
    await h.press(KEYS.f2, KEYS.end, KEYS.enter);
    await h.waitFor(/^ System +memory chart/m);
    assert.equal(h.lines()[39], 'F1Help  F2Views gChart ZPause F10Quit', 'nothing to go back to: no Backspace');
  });
});
