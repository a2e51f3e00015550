import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { KEYS, withHarness } from '../../test/helpers/screen-harness.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

test('s on a copy of /proc says tracing needs the live one, and traces nothing', () => withHarness(fixture, async (h) => {
  await h.waitFor('total of 6 shown');
  await h.press('s');
  await h.waitFor(`tracing needs the live /proc (memtop reads ${fixture})`);
  assert.doesNotMatch(h.text(), /› Trace/);
}));

test('F2 lists Trace of the selected process; s in the System view says where it acts', () => withHarness(fixture, async (h) => {
  await h.waitFor('total of 6 shown');
  await h.press(KEYS.f2);
  await h.waitFor(/Trace +memory syscalls of .+ \(\d+\) \(strace\)/);
  await h.press(KEYS.escape);
  await h.waitFor((t) => !t.includes('memory syscalls of'));
  await h.press(KEYS.f2, KEYS.end, KEYS.enter);
  await h.waitFor(/^ System/m);
  await h.press('s');
  await h.waitFor('s traces the selected process: in the Processes view (F2 or Backspace)');
}));
