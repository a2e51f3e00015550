import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authority, listenAddress } from './listen-address.js';
import { CliError, EXIT_USAGE } from './cli-error.js';

test('--listen takes IPv4, bracketed IPv6 and a bare port (loopback)', () => {
  assert.deepEqual(listenAddress('127.0.0.1:9733'), { host: '127.0.0.1', port: 9733 });
  assert.deepEqual(listenAddress('[::1]:0'), { host: '::1', port: 0 });
  assert.deepEqual(listenAddress(':8080'), { host: '127.0.0.1', port: 8080 });
  assert.equal(authority({ host: '::1', port: 9 }), '[::1]:9');
});

test('a bad --listen is a usage error that says what is wrong', () => {
  for (const [text, why] of [['9733', 'no port'], ['host:99999', 'from 0 to 65535'], ['::1:80', 'brackets'], ['a b:80', 'no valid host'], ['h:', 'no port']]) {
    assert.throws(() => listenAddress(text), (err: unknown) => err instanceof CliError && err.exitCode === EXIT_USAGE && err.message.includes(why), text);
  }
});
