// What `memtop snapshot --json` sets up before it reads /proc: nothing the JSON does not use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { procBasic } from '../helpers/paths.js';
import { runMemtop } from '../helpers/run-memtop.js';

test('snapshot --json makes no grapheme segmenter (creating one loads ICU\'s break rules); the human table neither, for plain names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-segmenter-'));
  try {
    // Counts the Intl.Segmenter constructions of the whole run and prints the count at exit.
    const hook = join(dir, 'count-segmenters.cjs');
    writeFileSync(hook, [
      'let made = 0;',
      'const Original = Intl.Segmenter;',
      'Intl.Segmenter = class extends Original { constructor(...args) { super(...args); made++; } };',
      "process.on('exit', () => require('node:fs').writeSync(2, `segmenters ${made}\\n`));",
    ].join('\n'));
    const env = { NODE_OPTIONS: `--require ${hook}` };
    const json = runMemtop(['snapshot', '--json', '--proc', procBasic], { env });
    assert.equal(json.status, 0, json.stderr);
    assert.ok(JSON.parse(json.stdout).processes.length > 0);
    assert.match(json.stderr, /^segmenters 0$/m);
    const table = runMemtop(['snapshot', '--proc', procBasic], { env });
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stderr, /^segmenters 0$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
