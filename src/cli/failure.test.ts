import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommanderError } from 'commander';
import { describeFailure } from './failure.js';
import { CliError, usageError } from './cli-error.js';
import { UnknownColumnError } from '../model/column.js';
import { NotAProcRootError } from '../sampler/read-system.js';

test('usage errors exit 2, failures at run time exit 1, help and --version exit 0', () => {
  assert.deepEqual(describeFailure(usageError('--limit takes a whole number')), { message: '--limit takes a whole number', exitCode: 2 });
  assert.deepEqual(describeFailure(new CliError('no such process: 42')), { message: 'no such process: 42', exitCode: 1 });
  assert.equal(describeFailure(new UnknownColumnError('x', [])).exitCode, 2);
  assert.deepEqual(describeFailure(new CommanderError(1, 'commander.unknownOption', 'error: unknown option')), { message: null, exitCode: 2 });
  assert.deepEqual(describeFailure(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)')), { message: null, exitCode: 0 });
});

test('file errors and unexpected errors become one line', () => {
  const enoent = Object.assign(new Error("ENOENT: no such file or directory, scandir '/x'"), { code: 'ENOENT', path: '/x' });
  assert.deepEqual(describeFailure(enoent), { message: 'cannot read /x: no such file or directory', exitCode: 1 });
  assert.equal(describeFailure(new NotAProcRootError('/tmp', 'ENOENT')).exitCode, 1);
  assert.deepEqual(describeFailure(new TypeError('first line\n    at somewhere')), { message: 'first line', exitCode: 1 });
  assert.deepEqual(describeFailure('a string'), { message: 'a string', exitCode: 1 });
});
