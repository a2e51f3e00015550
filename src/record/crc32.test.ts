import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { crc32 } from './crc32.js';

test('the CRC is the one zlib writes into a gzip trailer, in one piece or continued', () => {
  const data = Buffer.from('{"type":"header","format":"memtop-recording"}\n'.repeat(50) + 'ü€\n');
  const zipped = gzipSync(data);
  const trailerCrc = zipped.readUInt32LE(zipped.length - 8);
  assert.equal(crc32(data), trailerCrc);
  assert.equal(crc32(data.subarray(1000), crc32(data.subarray(0, 1000))), trailerCrc);
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926); // the standard check value
});
