import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, anyText } from '../../test/helpers/proc-arbitraries.js';
import { parseCmdline, cmdlineText } from './cmdline.js';

test('any text: the arguments, and the joined text agrees with them', () => {
  fc.assert(fc.property(anyText('sleep\u00001000\u0000'), (text) => {
    assert.equal(cmdlineText(text), parseCmdline(text).join(' '));
  }), { numRuns: RUNS });
});

test('arguments written NUL-separated read back exactly', () => {
  const arg = fc.string({ unit: 'binary', maxLength: 20 }).filter((s) => !s.includes('\0'));
  fc.assert(fc.property(fc.array(arg, { minLength: 1, maxLength: 6 }), (args) => {
    assert.deepEqual(parseCmdline(`${args.join('\0')}\0`), args);
  }), { numRuns: RUNS });
});
