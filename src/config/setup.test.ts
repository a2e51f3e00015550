import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSetup, setupText, setupToSave } from './setup.js';

const IDS = ['pid', 'user', 'pss', 'uss', 'rss', 'command'];

test('a full setup reads back as written', () => {
  const setup = { sort: { column: 'uss', descending: false }, columns: ['pid', 'uss', 'command'], delaySeconds: 1.5, tree: true, colorScheme: 'light' as const };
  assert.deepEqual(parseSetup(setupText(setup), IDS), { setup });
  assert.deepEqual(parseSetup('{}', IDS), { setup: {} });
});

test('what is wrong with a file is said in one line', () => {
  const error = (text: string) => (parseSetup(text, IDS) as { error: string }).error;
  assert.equal(error('{"sort": '), 'not valid JSON');
  assert.equal(error('[1]'), 'not a JSON object');
  assert.equal(error('{"columns": ["pid", "nope"]}'), '"columns": no column "nope"');
  assert.equal(error('{"columns": []}'), '"columns" must be a non-empty list of column ids');
  assert.equal(error('{"columns": ["pid", "pid"]}'), '"columns": a column is named twice');
  assert.equal(error('{"sort": {"column": "pss"}}'), '"sort" must be {"column": id, "descending": true|false}');
  assert.equal(error('{"delaySeconds": 0}'), '"delaySeconds" must be a number from 0.2 to 3600');
  assert.equal(error('{"colorScheme": "neon"}'), '"colorScheme" must be one of default, monochrome, light');
  assert.equal(error('{"tree": "yes"}'), '"tree" must be true or false');
  assert.equal(error('{"sort": {"column": "\\u001b[2Jx", "descending": true}}'), '"sort": no column "[2Jx"');
});

test('only what the session changed replaces the file\'s values (a one-off flag is not saved)', () => {
  const file = { delaySeconds: 5, columns: ['pid', 'pss'] };
  const initial = { delaySeconds: 1, columns: ['pid', 'pss'], sort: { column: 'pss', descending: true } };
  const current = { delaySeconds: 1, columns: ['pid', 'uss'], sort: { column: 'uss', descending: true } };
  assert.deepEqual(setupToSave(file, initial, current), { delaySeconds: 5, columns: ['pid', 'uss'], sort: { column: 'uss', descending: true } });
  assert.deepEqual(setupToSave(file, initial, initial), file);
});
