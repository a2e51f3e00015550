import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyPatch, diffObject, REMOVED_KEY } from './object-patch.js';

/** Objects like a sample's: nested records of numbers, strings, nulls and arrays, no "-" key. */
const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== REMOVED_KEY && k !== '__proto__');
const leaf = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.boolean());
const { tree } = fc.letrec((tie) => ({
  tree: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, leaf, tie('tree')), { maxKeys: 6 }),
}));

test('applying the diff of two objects to the first gives the second, through JSON as a file carries it', () => {
  fc.assert(fc.property(tree, tree, (before, after) => {
    const patch = diffObject(before, after);
    const carried = JSON.parse(JSON.stringify(patch ?? {}));
    assert.deepEqual(applyPatch(before, carried), JSON.parse(JSON.stringify(after)));
    if (patch === null) assert.deepEqual(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after)));
  }), { numRuns: 500 });
});

test('only the changed fields travel: nested objects are patched, a gone field is listed under "-"', () => {
  const before = { time: 1, meminfo: { MemTotal: 100, MemFree: 50 }, denied: ['smaps'], invalid: ['stat vsize'] };
  const after = { time: 2, meminfo: { MemTotal: 100, MemFree: 40 }, denied: ['smaps'] };
  assert.deepEqual(diffObject(before, after), { time: 2, meminfo: { MemFree: 40 }, [REMOVED_KEY]: ['invalid'] });
  assert.equal(diffObject(before, structuredClone(before)), null);
});

test('applying leaves the old object as it was and shares its unchanged parts', () => {
  const system = { meminfo: { MemFree: 1 }, loadavg: { one: 0.5 } };
  const after = applyPatch(system, { meminfo: { MemFree: 2 } });
  assert.equal(system.meminfo.MemFree, 1);
  assert.equal(after.meminfo.MemFree, 2);
  assert.equal(after.loadavg, system.loadavg);
});

test('a value that turns from an object into null, or back, is replaced whole', () => {
  const before = { pressure: { some: { avg10: 1 } } as { some: { avg10: number } } | null };
  const patch = diffObject(before, { pressure: null })!;
  assert.deepEqual(applyPatch(before, patch), { pressure: null });
  assert.deepEqual(applyPatch({ pressure: null }, diffObject({ pressure: null }, before)!), before);
});

test('a "__proto__" key in a patch (a crafted file) sets no prototype', () => {
  const patched = applyPatch({ a: 1 }, JSON.parse('{"__proto__":{"polluted":true},"a":2}'));
  assert.deepEqual(patched, { a: 2 });
  assert.equal(Object.getPrototypeOf(patched), Object.prototype);
  assert.equal((patched as { polluted?: boolean }).polluted, undefined);
});
