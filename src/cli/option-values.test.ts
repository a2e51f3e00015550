import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CliError, EXIT_USAGE } from './cli-error.js';
import { checkUserName, pidList, pidValue, procRoot, regexValue, secondsInRange, userValue, wholeNumber } from './option-values.js';
import { UserNames } from '../sampler/user-names.js';

function usage(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (err: unknown) => err instanceof CliError && err.exitCode === EXIT_USAGE && message.test(err.message));
}

test('seconds within a range', () => {
  const delay = secondsInRange('--delay', 0.2, 3600);
  assert.equal(delay('2'), 2);
  assert.equal(delay('0.2'), 0.2);
  assert.equal(delay('.5'), 0.5);
  for (const bad of ['0.1', '3601', 'abc', '', '-1', 'NaN', 'Infinity', '0x1', '0b1', '1e1', '+2']) usage(() => delay(bad), /--delay takes a number of seconds from 0.2 to 3600/);
});

test('PIDs and PID lists', () => {
  assert.equal(pidValue('1234'), 1234);
  assert.deepEqual(pidList('1, 2,3'), [1, 2, 3]);
  for (const bad of ['abc', '0', '-5', '1.5', '99999999']) usage(() => pidValue(bad), /is not a process ID/);
  usage(() => pidList('1,x'), /'x' is not a process ID/);
  // A repeated --pid adds to the list; an empty list or item is refused, not taken as "all".
  assert.deepEqual(pidList('4,5', pidList('1')), [1, 4, 5]);
  for (const bad of ['', ',', '1,,2', '1,', ' ']) usage(() => pidList(bad), /--pid takes PIDs separated by commas/);
});

test('--user: a name or a uid in digits; a name must be in /etc/passwd', () => {
  assert.equal(userValue('alice'), 'alice');
  assert.equal(userValue(' 00 '), '0');
  assert.equal(userValue('1000'), '1000');
  usage(() => userValue(''), /--user takes a user name or a uid/);
  assert.equal(userValue('4294967294'), '4294967294');
  usage(() => userValue('99999999999'), /--user: 99999999999 is no uid \(uids go up to 4294967294\)/);
  usage(() => userValue('nobody', 'root'), /--user takes one user; it was given twice/);
  const known = new UserNames(new Map([[0, 'root'], [1000, 'alice']]));
  checkUserName('alice', known);
  checkUserName('99999', known);
  checkUserName(undefined, known);
  usage(() => checkUserName('nosuchuser', known), /no user named 'nosuchuser'/);
  usage(() => checkUserName('ROOT', known), /no user named 'ROOT'/);
});

test('whole numbers, patterns and the proc root', () => {
  assert.equal(wholeNumber('--limit', 1)('10'), 10);
  usage(() => wholeNumber('--limit', 1)('0'), /--limit takes a whole number from 1 to 4194304/);
  assert.equal(wholeNumber('--limit', 1)('4194304'), 4194304);
  usage(() => wholeNumber('--limit', 1)('99999999999999999999999999'), /--limit takes a whole number from 1 to 4194304/);
  assert.ok(regexValue('--filter')('fire.*fox').test('FIREFOX'));
  usage(() => regexValue('--filter')('('), /--filter: not a valid regular expression/);
  assert.equal(procRoot('/host/proc', {}), '/host/proc');
  assert.equal(procRoot(undefined, { MEMTOP_PROC: '/x' }), '/x');
  assert.equal(procRoot(undefined, {}), '/proc');
});
