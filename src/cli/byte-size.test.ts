import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CliError, EXIT_USAGE } from './cli-error.js';
import { byteSize } from './byte-size.js';

test('bytes, or K, M, G 1024-based; anything else is a usage error naming the flag', () => {
  const size = byteSize('--max-size', 4096);
  assert.equal(size('5000'), 5000);
  assert.equal(size('64K'), 65536);
  assert.equal(size('1.5M'), 1572864);
  assert.equal(size('2g'), 2 * 1024 ** 3);
  assert.equal(size('10MiB'), 10 * 1024 ** 2);
  for (const bad of ['100', '', 'lots', '-5M', '1T', '1e9', '0x1000', 'M']) {
    assert.throws(() => size(bad), (e: unknown) => e instanceof CliError && e.exitCode === EXIT_USAGE && /--max-size takes a size/.test(e.message), bad);
  }
});
