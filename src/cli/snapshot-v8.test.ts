// Its own file, so its own process: the flag it sets stays set for the rest of the process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNAPSHOT_V8_FLAGS, withoutOptimizingCompiler } from './snapshot-v8.js';
import { v8FlagsForThreads } from '../sampler/v8-flags.js';
import { sharedFor } from '../sampler/read-ahead-layout.js';

test('the flags are left to a starting thread when there is one, else set now (and handed to later threads)', () => {
  assert.deepEqual(SNAPSHOT_V8_FLAGS, ['--no-opt']);
  withoutOptimizingCompiler(true);
  assert.ok(!v8FlagsForThreads().includes('--no-opt'), 'left to the thread');
  withoutOptimizingCompiler(false);
  assert.ok(v8FlagsForThreads().includes('--no-opt'), 'set here');
});

test('a read-ahead thread gets its creator\'s flags, then those it is to set once it runs', () => {
  const shared = sharedFor('/proc', 1, ['--no-opt']);
  assert.deepEqual(shared.v8Flags, [...v8FlagsForThreads(), '--no-opt']);
  assert.deepEqual(sharedFor('/proc', 1).v8Flags, v8FlagsForThreads());
});
