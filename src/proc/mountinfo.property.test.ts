import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, anyText } from '../../test/helpers/proc-arbitraries.js';
import { hidepidOf } from './mountinfo.js';

test('any text: one of the hidepid names, or null', () => {
  fc.assert(fc.property(anyText('66 48 0:40 / /proc rw,relatime - proc proc rw,hidepid=invisible\n'), (text) => {
    assert.ok([null, 'noaccess', 'invisible', 'ptraceable'].includes(hidepidOf(text, '/proc')));
  }), { numRuns: RUNS });
});
