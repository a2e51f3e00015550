import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from '../../test/helpers/screen-harness.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/proc-basic', import.meta.url));

test('an error (here: from the sampler) restores the terminal, exits 1 and leaves a log', async (t) => {
  const log = join(tmpdir(), `memtop-crash-${process.pid}.log`);
  t.after(() => rmSync(log, { force: true }));
  const h = await startHarness(fixture);
  await h.waitFor('total of 6 shown');
  assert.equal(h.term.buffer.active.type, 'alternate');
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => { written.push(String(chunk)); return true; }) as typeof process.stderr.write;
  try {
    h.source.listeners!.onError(new Error('boom from the sampler'));
    assert.equal(await h.exited, 1);
  } finally {
    process.stderr.write = write;
  }
  await h.waitFor(() => h.term.buffer.active.type === 'normal');
  assert.match(written.join(''), /^memtop: internal error: boom from the sampler\nmemtop: details are in .*memtop-crash-\d+\.log\n$/);
  assert.ok(existsSync(log));
  assert.match(readFileSync(log, 'utf8'), /boom from the sampler/);
});
