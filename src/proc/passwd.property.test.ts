import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, neverThrowsAndOnlyFigures } from '../../test/helpers/proc-arbitraries.js';
import { parsePasswd } from './passwd.js';

test('any text: uids are exact', () => {
  neverThrowsAndOnlyFigures(parsePasswd, ['root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534::/:/usr/sbin/nologin\n']);
});

test('a user line reads back exactly', () => {
  const name = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,30}$/);
  fc.assert(fc.property(name, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (user, uid) => {
    assert.equal(parsePasswd(`${user}:x:${uid}:0::/home:/bin/sh\n`).get(uid), user);
  }), { numRuns: RUNS });
});
