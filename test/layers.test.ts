// The layer rules of DESIGN.md hold on this tree: any import that breaks one and is not on the
// config's known list fails `npm test` (the rules and the list: .dependency-cruiser.cjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cruiseLayers, describeViolations } from './helpers/layer-cruise.js';

test('no import breaks a layer rule, and every entry of the known list still names a real violation', () => {
  const cruise = cruiseLayers();
  // Both trees were read: a checker that parsed nothing would find nothing.
  for (const module of ['src/proc/procfs.ts', 'src/sampler/sampler.ts', 'src/model/store.ts', 'src/ui/app.ts', 'src/cli/program.ts', 'dist/src/model/store.js']) {
    assert.ok(cruise.modules.includes(module), `${module} was not cruised`);
  }
  assert.equal(cruise.errors.length, 0, `layer violations:\n${describeViolations(cruise.errors)}`);
  assert.equal(cruise.stale.length, 0,
    `these known violations are gone: remove them from knownViolations in .dependency-cruiser.cjs\n${describeViolations(cruise.stale)}`);
});
