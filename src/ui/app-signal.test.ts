import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { KEYS, withHarness } from '../../test/helpers/screen-harness.js';

test('F9/k: the signal dialog names the process; n cancels, y sends (to a child started here)', async (t) => {
  const child = spawn('sleep', ['4242.5'], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  await once(child, 'spawn');
  const exited = once(child, 'exit');
  await withHarness('/proc', async (h) => {
    await h.press('\\', ...'sleep 4242.5', KEYS.enter);
    await h.waitFor('total of 1 shown');
    await h.press(KEYS.f9);
    let text = await h.waitFor(`Send a signal to sleep (${child.pid})`);
    assert.match(text, /SIGTERM[\s\S]*SIGKILL/);
    await h.press(KEYS.enter);
    text = await h.waitFor(`Send SIGTERM to sleep (${child.pid})?`);
    assert.match(text, /command: sleep 4242\.5/);
    await h.press('n');
    await h.waitFor('cancelled');
    assert.equal(child.exitCode, null);
    assert.equal(child.signalCode, null);
    await h.press('k', KEYS.enter, 'y');
    await h.waitFor(`sent SIGTERM to sleep (${child.pid})`);
    const [, signal] = await exited;
    assert.equal(signal, 'SIGTERM');
  });
});

test('Esc closes the signal picker without sending anything', async (t) => {
  const child = spawn('sleep', ['4243.5'], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  await once(child, 'spawn');
  await withHarness('/proc', async (h) => {
    await h.press('\\', ...'sleep 4243.5', KEYS.enter);
    await h.waitFor('total of 1 shown');
    await h.press('k');
    await h.waitFor('Send a signal to');
    await h.press(KEYS.escape);
    await h.waitFor((text) => !text.includes('Send a signal to'));
    assert.equal(child.exitCode, null);
  });
});
