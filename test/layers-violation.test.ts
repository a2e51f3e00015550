// The layer checker fails on a new violation, naming the rule: a private copy of src/ and
// dist/src/ gets one new import per rule (in new files, so the copy's own code does not matter)
// and the checker must report exactly those; a known-list entry that matches no import is
// reported as stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './helpers/paths.js';
import { cruiseLayers, describeViolations } from './helpers/layer-cruise.js';

const probeFiles: Record<string, string> = {
  'src/proc/layer-probe-target.ts': 'export const procProbe = 1;\nexport interface ProcProbe { n: number }\n',
  'src/sampler/layer-probe-target.ts': 'export const samplerProbe = 1;\nexport interface SamplerProbe { n: number }\n',
  'src/model/layer-probe-target.ts': 'export interface ModelProbe { n: number }\n',
  'src/ui/layer-probe-target.ts': 'export const uiProbe = 1;\n',
  'src/proc/layer-probe.ts': "import { samplerProbe } from '../sampler/layer-probe-target.js';\nexport const p = samplerProbe;\n",
  // a type-only import counts for the sampler
  'src/sampler/layer-probe.ts': "import type { ModelProbe } from '../model/layer-probe-target.js';\nexport const p: ModelProbe = { n: 1 };\n",
  // the model may take the sampler's types (not an error), never the UI
  'src/model/layer-probe.ts': "import type { SamplerProbe } from '../sampler/layer-probe-target.js';\n"
    + "import { uiProbe } from '../ui/layer-probe-target.js';\nexport const p: SamplerProbe = { n: uiProbe };\n",
  'src/model/layer-probe-blessed.ts': "import blessed from 'blessed';\nexport const p = blessed;\n",
  // what tsc would emit for a model file taking a function from the sampler
  'dist/src/sampler/layer-probe-target.js': 'export const samplerProbe = 1;\n',
  'dist/src/model/layer-probe.js': "import { samplerProbe } from '../sampler/layer-probe-target.js';\nexport const p = samplerProbe;\n",
  // the UI may name a proc data type (gone from the emitted JS), never run proc code or read files
  'src/ui/layer-probe.ts': "import { readFileSync } from 'node:fs';\nimport type { ProcProbe } from '../proc/layer-probe-target.js';\n"
    + 'export const p: [unknown, ProcProbe] = [readFileSync, { n: 1 }];\n',
  'dist/src/proc/layer-probe-target.js': 'export const procProbe = 1;\n',
  'dist/src/ui/layer-probe.js': "import { procProbe } from '../proc/layer-probe-target.js';\nexport const p = procProbe;\n",
  'src/host/layer-probe.ts': "import { uiProbe } from '../ui/layer-probe-target.js';\nexport const p = uiProbe;\n",
  'src/cli/layer-probe.ts': "import { readFile } from 'fs/promises';\nexport const p = readFile;\n",
  // a view may name the sampler's data types (as the source's import type), never run its code
  'src/ui/views/layer-probe.ts': "import type { SamplerProbe } from '../../sampler/layer-probe-target.js';\nexport const p: SamplerProbe = { n: 1 };\n",
  'dist/src/ui/views/layer-probe.js': "import { samplerProbe } from '../../sampler/layer-probe-target.js';\nexport const p = samplerProbe;\n",
};

const STALE_FROM = 'dist/src/ui/views/no-such-view.js';

const expected = [
  'blessed-only-in-ui: src/model/layer-probe-blessed.ts',
  'model-imports-only-data-below: src/model/layer-probe.ts -> src/ui/layer-probe-target.ts',
  'model-imports-sampler-proc-types-only: dist/src/model/layer-probe.js -> dist/src/sampler/layer-probe-target.js',
  'proc-imports-nothing-of-ours: src/proc/layer-probe.ts -> src/sampler/layer-probe-target.ts',
  'sampler-imports-only-proc: src/sampler/layer-probe.ts -> src/model/layer-probe-target.ts',
  'services-below-ui-cli: src/host/layer-probe.ts -> src/ui/layer-probe-target.ts',
  'ui-cli-never-fs: src/cli/layer-probe.ts -> fs/promises',
  'ui-cli-never-fs: src/ui/layer-probe.ts -> fs',
  'ui-cli-never-proc: dist/src/ui/layer-probe.js -> dist/src/proc/layer-probe-target.js',
  'views-never-sampler: dist/src/ui/views/layer-probe.js -> dist/src/sampler/layer-probe-target.js',
];

test('a copy of the tree with one new violating import per rule fails the check with each rule named; a stale known entry is named too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-layers-'));
  try {
    cpSync(join(repoRoot, 'src'), join(dir, 'src'), { recursive: true });
    cpSync(join(repoRoot, 'dist', 'src'), join(dir, 'dist', 'src'), { recursive: true });
    // The copy's known list also names an import that does not exist: the check calls it stale.
    const config = readFileSync(join(repoRoot, '.dependency-cruiser.cjs'), 'utf8');
    const withStale = config.replace('knownViolations: [', `knownViolations: [{ type: 'dependency', rule: { name: 'views-never-sampler', severity: 'error' }, from: '${STALE_FROM}', to: 'dist/src/sampler/sample.js' },`);
    assert.notEqual(withStale, config, 'the config has a knownViolations list');
    writeFileSync(join(dir, '.dependency-cruiser.cjs'), withStale);
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
    const clean = cruiseLayers(dir);
    assert.equal(clean.errors.length, 0, `the unchanged copy already fails:\n${describeViolations(clean.errors)}`);
    assert.deepEqual(clean.stale.map((v) => v.from), [STALE_FROM]);

    for (const [path, text] of Object.entries(probeFiles)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const cruise = cruiseLayers(dir);
    const found = cruise.errors
      .map((v) => (v.rule === 'blessed-only-in-ui' ? `${v.rule}: ${v.from}` : `${v.rule}: ${v.from} -> ${v.to}`))
      .sort();
    assert.deepEqual(found, expected);
    const blessed = cruise.errors.find((v) => v.rule === 'blessed-only-in-ui');
    assert.match(blessed!.to, /(^|\/)blessed(\/|$)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
