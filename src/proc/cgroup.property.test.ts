import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RUNS, anyText, neverThrowsAndOnlyFigures } from '../../test/helpers/proc-arbitraries.js';
import { fixtureText } from '../../test/fixtures/fixture-tree.js';
import { parseCgroup, memoryCgroupPath } from './cgroup.js';

const samples = ['v2-only', 'hybrid-docker', 'hybrid-v1-memory'].map((name) => fixtureText(`cgroup/${name}`));

test('any text: lines with exact hierarchy ids; the memory path is a string or null', () => {
  neverThrowsAndOnlyFigures(parseCgroup, samples);
  fc.assert(fc.property(anyText(...samples), (text) => {
    const path = memoryCgroupPath(parseCgroup(text));
    assert.ok(path === null || typeof path === 'string');
  }), { numRuns: RUNS });
});

test('a v2 line keeps any path exactly, colons and all', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }).filter((s) => !s.includes('\n')), (path) => {
    assert.equal(memoryCgroupPath(parseCgroup(`0::${path}\n`)), path);
  }), { numRuns: RUNS });
});
