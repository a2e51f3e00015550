import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { KEYS, withHarness } from '../../helpers/screen-harness.js';
import { findColumn } from '../../../src/model/column.js';
import { PROCESS_COLUMNS } from '../../../src/model/process-columns.js';

const PID_COLUMN = findColumn(PROCESS_COLUMNS, 'pid')!;

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

test('Space tags three processes; k names all three, and y signals exactly those (re-checked each)', async (t) => {
  const children = [1, 2, 3, 4].map(() => spawn('sleep', ['4244.5'], { stdio: 'ignore' }));
  t.after(() => { for (const c of children) c.kill('SIGKILL'); });
  await Promise.all(children.map((c) => once(c, 'spawn')));
  const exits = children.map((c) => once(c, 'exit'));
  await withHarness('/proc', { sortColumn: PID_COLUMN, reverse: false }, async (h) => {
    await h.press('\\', ...'sleep 4244.5', KEYS.enter);
    await h.waitFor('total of 4 shown');
    await h.press(KEYS.space, KEYS.space, KEYS.space);
    await h.waitFor('3 tagged (U untags)');
    await h.press('k');
    await h.waitFor('Send a signal to 3 tagged processes');
    await h.press(KEYS.enter);
    const question = await h.waitFor('Send SIGTERM to these 3 tagged processes?');
    for (const c of children.slice(0, 3)) assert.match(question, new RegExp(`sleep \\(${c.pid}\\), started`));
    assert.doesNotMatch(question, new RegExp(`\\(${children[3].pid}\\)`));
    await h.press('y');
    await h.waitFor('sent SIGTERM to 3 processes');
    for (const exit of exits.slice(0, 3)) assert.equal((await exit)[1], 'SIGTERM');
    assert.equal(children[3].exitCode, null);
    assert.equal(children[3].signalCode, null);
  });
});

test('U untags all: k then acts on the selected process alone', async (t) => {
  const child = spawn('sleep', ['4245.5'], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  await once(child, 'spawn');
  await withHarness('/proc', async (h) => {
    await h.press('\\', ...'sleep 4245.5', KEYS.enter);
    await h.waitFor('total of 1 shown');
    await h.press(KEYS.space);
    await h.waitFor('1 tagged');
    await h.press('U');
    await h.waitFor('1 untagged');
    await h.press('k');
    await h.waitFor(`Send a signal to sleep (${child.pid})`);
    await h.press(KEYS.escape);
  });
});

test('F8 lowers the priority of the selected process, re-checked (nice +1)', async (t) => {
  const child = spawn('sleep', ['4246.5'], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  await once(child, 'spawn');
  const before = os.getPriority(child.pid);
  await withHarness('/proc', async (h) => {
    await h.press('\\', ...'sleep 4246.5', KEYS.enter);
    await h.waitFor('total of 1 shown');
    await h.press(KEYS.f8);
    await h.waitFor(`nice of sleep (${child.pid}) now ${before + 1}`);
    assert.equal(os.getPriority(child.pid), before + 1);
  });
});
