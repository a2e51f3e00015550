import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FOREGROUND_POLL_MS, TerminalHold, type HeldProgram } from './hold.js';

/** blessed's Program as far as TerminalHold uses it, recording what reaches the "terminal". */
function fakeProgram() {
  const log: string[] = [];
  const input = {
    isTTY: true,
    reading: true,
    setRawMode(raw: boolean) { log.push(`raw ${raw}`); return input; },
    pause() { input.reading = false; },
    resume() { input.reading = true; },
  };
  class Output { write(text: string) { log.push(`write ${text}`); return true; } }
  const output = new Output();
  const program: HeldProgram & { paused: number } = {
    input, output, useBuffer: true, paused: 0, mouseEnabled: true,
    put: { keypad_xmit: () => output.write('keypad on'), keypad_local: () => output.write('keypad off') },
    enableMouse() { output.write('mouse on'); },
    flush() { log.push('flush'); },
    // As blessed: the screen codes go out, then writes are dropped until resume().
    pause() {
      program.paused++;
      output.write('normal screen');
      input.setRawMode(false);
      input.pause();
      return undefined;
    },
    resume() { program.paused--; input.setRawMode(true); input.resume(); },
    alternateBuffer() { output.write('alternate screen'); },
    hideCursor() { output.write('hide cursor'); },
  };
  return { program, input, output, log };
}

test('in the foreground: handed back once, however many stops come; taken again with its modes and a redraw', () => {
  const { program, input, log } = fakeProgram();
  let taken = 0;
  const hold = new TerminalHold(program, () => taken++, () => true);
  hold.release();
  hold.release(); // a second SIGTSTP while handed back (blessed's pause twice lost its writer)
  assert.equal(program.paused, 1);
  assert.equal(hold.held, false);
  assert.equal(input.reading, false);
  assert.equal(hold.take(), true);
  assert.equal(program.paused, 0);
  assert.equal(hold.held, true);
  assert.equal(taken, 1);
  assert.ok(log.indexOf('write keypad off') < log.indexOf('write normal screen'), 'the keypad\'s application mode off first');
  assert.deepEqual(log.slice(-6), ['raw false', 'raw true', 'write alternate screen', 'write keypad on', 'write hide cursor', 'write mouse on'],
    'modes set again');
});

test('in the background: not a word to the terminal, no keys read, raw mode left alone; all back in the foreground', () => {
  const { program, input, output, log } = fakeProgram();
  let foreground = false;
  let taken = 0;
  const hold = new TerminalHold(program, () => taken++, () => foreground);
  try {
    assert.equal(hold.take(), false, 'a SIGCONT in the background');
    assert.equal(hold.held, false);
    assert.equal(input.reading, false);
    log.length = 0;
    output.write('a frame');
    input.setRawMode(false); // blessed's clean-up at exit
    assert.deepEqual(log, [], 'nothing reached the terminal');
    hold.release(); // a SIGTSTP meanwhile: nothing to hand back
    assert.equal(program.paused, 0);
    foreground = true;
    assert.equal(hold.take(), true);
    assert.equal(taken, 1);
    assert.equal(input.reading, true);
    assert.equal(Object.hasOwn(output, 'write'), false, 'the writer is the prototype\'s again');
    assert.deepEqual(log, ['raw false', 'raw true', 'write alternate screen', 'write keypad on', 'write hide cursor', 'write mouse on']);
  } finally {
    hold.end();
  }
});

test('running in the background, the UI finds itself in the foreground by looking (fg sends no signal)', async () => {
  const { program } = fakeProgram();
  let foreground = false;
  let taken = 0;
  const hold = new TerminalHold(program, () => taken++, () => foreground);
  try {
    hold.release();
    assert.equal(hold.take(), false);
    foreground = true;
    await new Promise((resolve) => setTimeout(resolve, FOREGROUND_POLL_MS * 2.5));
    assert.equal(taken, 1, 'taken once');
    assert.equal(hold.held, true);
    await new Promise((resolve) => setTimeout(resolve, FOREGROUND_POLL_MS * 2));
    assert.equal(taken, 1, 'and no longer looking');
  } finally {
    hold.end();
  }
});

test('ending in the background unseen (SIGTERM handled before its SIGCONT): raw mode left alone, the screen codes may go out', () => {
  const { program, input, output, log } = fakeProgram();
  const hold = new TerminalHold(program, () => undefined, () => false, () => false);
  hold.end();
  input.setRawMode(false); // blessed's clean-up
  output.write('normal screen'); // blessed's leave
  assert.deepEqual(log, ['write normal screen'], 'no mode change from the background; the screen put back');
  assert.equal(Object.hasOwn(output, 'write'), false);
});

test('ending while handed back: blessed has put the screen back already and writes nothing more', () => {
  const { program, output, log } = fakeProgram();
  let foreground = true;
  const hold = new TerminalHold(program, () => undefined, () => foreground);
  hold.release();
  foreground = false; // `kill %1` on the stopped job
  log.length = 0;
  hold.end();
  assert.equal(program.paused, 1, 'still paused: blessed drops its writes');
  assert.deepEqual(log, []);
  assert.equal(Object.hasOwn(output, 'write'), false, 'no writer of TerminalHold\'s left');
});

test('ending in the background under `stty tostop`: not a word written (the write would stop the process)', () => {
  const { program, input, output, log } = fakeProgram();
  const hold = new TerminalHold(program, () => undefined, () => false, () => true);
  hold.end();
  input.setRawMode(false);
  output.write('normal screen');
  assert.deepEqual(log, []);
});
