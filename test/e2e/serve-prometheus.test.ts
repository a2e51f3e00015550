/**
 * Issue 14's acceptance for `memtop serve`: a real Prometheus scrapes it every second, and its
 * query API gives a helper's USS within 2 % of the memory the helper wrote; promtool accepts the
 * exposition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { startMemhog } from '../helpers/live-helpers.js';
import { scrape, startServe } from '../helpers/serve-memtop.js';
import { promtool, startPrometheus } from '../helpers/prometheus.js';

const HELPER_MIB = 64;

test('Prometheus scrapes memtop serve and reads a helper\'s USS within 2 %', { timeout: 170_000 }, async () => {
  const helper = await startMemhog(['private', String(HELPER_MIB)]);
  // --top large enough that the helper has its series on a busy machine.
  const serve = await startServe(['--delay', '1', '--top', '2000']);
  const prometheus = await startPrometheus([new URL(serve.metricsUrl).host]);
  try {
    const expression = `memtop_process_uss_bytes{pid="${helper.pids[0]}",comm="memhog"}`;
    const deadline = Date.now() + 90_000;
    let result = await prometheus.query(expression);
    while (result.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      result = await prometheus.query(expression);
    }
    assert.equal(result.length, 1, `Prometheus has no ${expression} after 90 s`);
    const ussBytes = Number(result[0].value[1]);
    const expected = HELPER_MIB * 1024 * 1024;
    assert.ok(Math.abs(ussBytes - expected) / expected <= 0.02, `USS ${ussBytes} is not within 2 % of ${expected}`);
    assert.equal(result[0].metric.job, 'memtop');
    assert.equal(result[0].metric.user, userInfo().username);
    const up = await prometheus.query('up{job="memtop"}');
    assert.equal(up[0]?.value[1], '1');
  } finally {
    await prometheus.stop();
    assert.equal(await serve.stop(), 0, serve.stderr());
    helper.stop();
  }
});

test('promtool check metrics accepts the exposition', { timeout: 60_000 }, async () => {
  const serve = await startServe(['--delay', '1', '--cmdline']);
  try {
    const text = await scrape(serve.metricsUrl);
    assert.match(text, /^memtop_process_rss_bytes\{/m);
    const check = promtool(['check', 'metrics'], text);
    assert.equal(check.status, 0, check.output);
  } finally {
    await serve.stop();
  }
});
