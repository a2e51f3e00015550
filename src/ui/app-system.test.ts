import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { KEYS, withHarness } from '../../test/helpers/screen-harness.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

test('the System view: free summary, vmstat rates, pressure, a memory chart and every meminfo field with its meaning', async () => {
  await withHarness(fixture, async (h) => {
    await h.waitFor('total of 6 shown');
    await h.press(KEYS.f2, KEYS.end, KEYS.enter);
    let text = await h.waitFor('/proc/meminfo');
    assert.match(text, /^ System +memory chart \(g: next\) · free · vmstat · pressure · meminfo/m);
    assert.match(text, /Memory, MiB \(last 1 sample\)/);
    assert.match(text, /^ +total +used +free +shared +buff\/cache +available$/m);
    assert.match(text, /^Mem: +23\.5G +\S+ +\S+ +\S+ +\S+ +\S+$/m);
    assert.match(text, /^Swap: +0B +0B +0B$/m);
    assert.match(text, /\(rates need a second sample\)/);
    assert.match(text, /^ +avg10 +avg60 +avg300 +total$/m);
    assert.match(text, /^some +0\.00% +0\.00% +0\.00% +\d+\.\d{3}s$/m, 'the same cells as memtop system');
    assert.match(text, /^MemTotal +23\.5G +\d+ kB +usable RAM/m);
    assert.match(text, /^MemAvailable +\S+ +\d+ kB +estimate of RAM available/m);
    await h.tick();
    text = await h.waitFor((t) => !t.includes('rates need'));
    assert.match(text, /^r +b +si +so +bi +bo +in +cs +us +sy +id +wa +st$/m);
    assert.match(text, /^\d+ +\d+ +0B +0B +0B +0B +0 +0 +- +- +- +- +-$/m, 'the same capture twice: no change per second, and no CPU time to share');
    assert.match(text, /Memory, MiB \(last 2 samples, \d+s\)/);
    await h.press(KEYS.end);
    text = await h.waitFor(/DirectMap|Hugepagesize/);
    assert.doesNotMatch(text, /Memory \(free/, 'scrolled down to the last meminfo fields');
    await h.press(KEYS.home);
    await h.waitFor('Memory (free');
    await h.press(KEYS.backspace);
    await h.waitFor('this is the first view');
  });
});
