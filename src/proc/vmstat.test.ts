import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVmstat } from './vmstat.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';

test('every counter of the captured vmstat, as the text says', () => {
  const text = fixtureText('proc-basic/vmstat');
  const vmstat = parseVmstat(text);
  const lines = text.trimEnd().split('\n');
  assert.ok(lines.length > 100, `only ${lines.length} lines`);
  assert.equal(Object.keys(vmstat).length, lines.length);
  for (const line of lines) {
    const [name, value] = line.split(' ');
    assert.equal(vmstat[name], Number(value), name);
  }
  assert.ok(vmstat.pgfault > 0);
  assert.ok('pswpin' in vmstat && 'pgmajfault' in vmstat);
});

test('truncated and junk lines are not counters of 0', () => {
  const vmstat = parseVmstat('nr_free_pages 6080209\npgfault \npgmajfault 12x\nnoval\n\n pswpin 3\npswpout 4');
  assert.deepEqual(vmstat, { nr_free_pages: 6080209, pswpout: 4 });
  assert.deepEqual(parseVmstat(''), {});
});

test('found by fast-check: a negative or rounded counter is left out', () => {
  assert.deepEqual(parseVmstat('nr_free_pages -1\npgfault 9007199254740992\npgmajfault 7\n'), { pgmajfault: 7 });
});
