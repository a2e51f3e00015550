import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePasswd } from './passwd.js';

test('names by uid; the first entry of a uid wins', () => {
  const names = parsePasswd([
    'root:x:0:0:root:/root:/bin/bash',
    'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
    'toor:x:0:0:another root:/root:/bin/sh',
    'alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash',
    'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
    '',
  ].join('\n'));
  assert.deepEqual([...names], [[0, 'root'], [1, 'daemon'], [1000, 'alice'], [65534, 'nobody']]);
});

test('comments, NIS lines, empty and junk uids name nobody (not uid 0)', () => {
  const names = parsePasswd([
    '# a comment:x:0:0',
    '+::::::',
    '+@netgroup:x:::::',
    'emptyuid:x::0::/:/bin/sh',
    'neg:x:-1:0::/:/bin/sh',
    'hex:x:0x10:0::/:/bin/sh',
    'short:x',
    ':x:5:5::/:/bin/sh',
    'bob:x:1001:1001::/home/bob:/bin/sh',
  ].join('\n'));
  assert.deepEqual([...names], [[1001, 'bob']]);
  assert.equal(parsePasswd('').size, 0);
});

test('this machine\'s /etc/passwd has root as uid 0', () => {
  const names = parsePasswd(readFileSync('/etc/passwd', 'utf8'));
  assert.equal(names.get(0), 'root');
});

test('found by fast-check: a uid beyond what a double holds exactly names nobody', () => {
  assert.equal(parsePasswd('root:x:9007199254740993:0:root:/root:/bin/bash\n').size, 0);
});
