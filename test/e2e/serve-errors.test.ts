/**
 * `memtop serve`'s bad input: one line and the right exit code, never a stack trace; loopback
 * unless told otherwise; SIGTERM ends it cleanly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { runMemtop } from '../helpers/run-memtop.js';
import { scrape, startServe } from '../helpers/serve-memtop.js';

function assertOneLine(stderr: string, pattern: RegExp): void {
  assert.match(stderr.split('\n')[0], pattern, stderr);
  assert.doesNotMatch(stderr, /^\s+at |Error:|node:internal/m, stderr);
}

test('a bad --listen, --top or --delay is a usage error, exit 2', () => {
  for (const [args, pattern] of [
    [['--listen', '9733'], /^memtop: --listen takes HOST:PORT .*'9733' has no port$/],
    [['--listen', '127.0.0.1:70000'], /^memtop: --listen takes HOST:PORT .* has no port from 0 to 65535$/],
    [['--top', '-1'], /^memtop: --top takes a whole number from 0 to 10000, not '-1'$/],
    [['--delay', '0'], /^memtop: --delay takes a number of seconds from 0.2 to 3600, not '0'$/],
  ] as const) {
    const run = runMemtop(['serve', ...args], { timeout: 60_000 });
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assertOneLine(run.stderr, pattern);
  }
});

test('a port already taken, or an address not on this machine: one line, exit 1', async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as { port: number };
  try {
    const taken = runMemtop(['serve', '--listen', `127.0.0.1:${port}`], { timeout: 60_000 });
    assert.equal(taken.status, 1);
    assert.equal(taken.stderr, `memtop: cannot listen on 127.0.0.1:${port}: the address is already in use\n`);
  } finally {
    holder.close();
  }
  const foreign = runMemtop(['serve', '--listen', '192.0.2.1:0'], { timeout: 60_000 });
  assert.equal(foreign.status, 1);
  assert.equal(foreign.stderr, 'memtop: cannot listen on 192.0.2.1:0: no such address on this machine\n');
});

test('with no --listen it takes 127.0.0.1:9733 (shown by holding that port first)', async () => {
  const holder = createServer();
  // Whoever holds 9733 (this test, or another program), memtop must fail on exactly that address.
  await new Promise<void>((resolve) => { holder.once('error', () => resolve()); holder.listen(9733, '127.0.0.1', resolve); });
  try {
    const run = runMemtop(['serve'], { timeout: 60_000 });
    assert.equal(run.status, 1);
    assert.equal(run.stderr, 'memtop: cannot listen on 127.0.0.1:9733: the address is already in use\n');
  } finally {
    holder.close();
  }
});

test('a wrong --proc is refused before listening', () => {
  const run = runMemtop(['serve', '--listen', '127.0.0.1:0', '--proc', '/nonexistent'], { timeout: 60_000 });
  assert.equal(run.status, 1);
  assertOneLine(run.stderr, /^memtop: \/nonexistent: no such directory \(proc root from --proc\)$/);
});

test('loopback when no host is given, command lines only with --cmdline, SIGTERM exits 0', { timeout: 60_000 }, async () => {
  const serve = await startServe(['--delay', '0.5', '--listen', ':0']);
  try {
    assert.match(serve.metricsUrl, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const text = await scrape(serve.metricsUrl);
    assert.match(text, /^memtop_process_pss_bytes\{pid="\d+",comm="[^"]*",user="[^"]*"\} \d+$/m);
    assert.doesNotMatch(text, /cmdline=/);
  } finally {
    assert.equal(await serve.stop(), 0, serve.stderr());
  }
});
