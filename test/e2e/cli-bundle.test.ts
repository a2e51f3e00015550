// The built bundle (scripts/bundle.mjs) as npm runs it: CommonJS files, strict, each report running
// only its own modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { memtopBin, procBasic, repoRoot } from '../helpers/paths.js';
import { runMemtop } from '../helpers/run-memtop.js';

const bundles = ['memtop.js', 'sampler-worker.js', 'libraries-worker.js'].map((name) => join(dirname(memtopBin), name));

test('each bundle is one strict CommonJS file: "use strict" is its first statement, and Node takes it as CommonJS', () => {
  for (const path of bundles) {
    const text = readFileSync(path, 'utf8');
    assert.match(text.replace(/^#!.*\n/, ''), /^'use strict';\n/, path);
    assert.doesNotMatch(text, /^\s*(import|export)\s/m, `${path}: no ES module syntax left`);
  }
  const scope = JSON.parse(readFileSync(join(dirname(memtopBin), 'package.json'), 'utf8')) as { type?: string };
  assert.equal(scope.type, 'commonjs');
});

test('a one-shot report never requires blessed, and finds its version from the bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-bundle-'));
  try {
    // Lists every file required, at exit (memtop ends with process.exit(): 'exit' handlers still run).
    const hook = join(dir, 'list-required.cjs');
    writeFileSync(hook, "process.on('exit', () => require('node:fs').writeSync(2, Object.keys(require.cache).join('\\n') + '\\n'));\n");
    const run = runMemtop(['snapshot', '--json', '--proc', procBasic], { env: { NODE_OPTIONS: `--require ${hook}` } });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(JSON.parse(run.stdout).processes.length > 0);
    const required = run.stderr.trim().split('\n');
    assert.ok(required.some((path) => path.endsWith('/dist/bin/memtop.js')), required.join(' '));
    assert.deepEqual(required.filter((path) => path.includes('/node_modules/')), []);
    // The version comes from the project's package.json, above dist/bin's own (which has no name).
    const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(runMemtop(['--version']).stdout.trim(), version.version);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
