/**
 * Untrusted names over /metrics: a live process whose comm and command line hold ESC, BEL, a
 * quote, a backslash and a newline. The exposition carries them as visible text in one label
 * value each (no control character reaches a terminal that curls /metrics), promtool accepts it,
 * and scrapes do not trigger samples (the sampler keeps its own interval).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startMemhog } from '../helpers/live-helpers.js';
import { scrape, startServe } from '../helpers/serve-memtop.js';
import { promtool } from '../helpers/prometheus.js';

const COMM = '\x1b[2J"q\\b\x07';
const ARG = 'pass="s3cret"\nnext';
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

test('hostile comm and cmdline: visible text in one label each; promtool accepts the exposition', { timeout: 90_000 }, async (t) => {
  const hog = await startMemhog(['name', COMM, ARG]);
  t.after(() => hog.stop());
  const serve = await startServe(['--delay', '1', '--top', '10000', '--cmdline']);
  try {
    let text = await scrape(serve.metricsUrl);
    const deadline = Date.now() + 30_000;
    while (!text.includes(`pid="${hog.pids[0]}"`) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      text = await scrape(serve.metricsUrl);
    }
    assert.doesNotMatch(text, RAW_CONTROL);
    const line = text.split('\n').find((l) => l.startsWith(`memtop_process_rss_bytes{pid="${hog.pids[0]}"`));
    assert.ok(line, `no series for the helper ${hog.pids[0]}`);
    // \x1b as text, its backslash escaped by the format; the quote and backslash escaped too.
    assert.ok(line.includes('comm="\\\\x1b[2J\\"q\\\\b\\\\x07"'), line);
    assert.ok(line.includes('pass=\\"s3cret\\"\\\\x0anext"'), line);
    const check = promtool(['check', 'metrics'], text);
    assert.equal(check.status, 0, check.output);
  } finally {
    await serve.stop();
  }
});

test('a burst of scrapes sees the same sample: scrapes never sample', { timeout: 60_000 }, async () => {
  const serve = await startServe(['--delay', '30']);
  try {
    await scrape(serve.metricsUrl);
    const stamps = new Set<string>();
    for (let i = 0; i < 20; i++) stamps.add(/^memtop_sample_timestamp_seconds (\S+)$/m.exec(await scrape(serve.metricsUrl))![1]);
    assert.equal(stamps.size, 1, [...stamps].join(' '));
  } finally {
    await serve.stop();
  }
});
