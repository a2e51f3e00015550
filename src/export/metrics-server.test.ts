import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { ProcFs } from '../proc/procfs.js';
import { Sampler } from '../sampler/sampler.js';
import { PROC_BASIC } from '../../test/fixtures/fixture-tree.js';
import { MetricsExporter } from './metrics-exporter.js';
import { listen, metricsServer, SERVER_LIMITS } from './metrics-server.js';

const sample = new Sampler({ procfs: new ProcFs(PROC_BASIC), exact: true, needs: new Set(['stat', 'status', 'rollup']) }).sample();

async function started(limits = SERVER_LIMITS) {
  let nowMs = sample.timeMs + 2500;
  const exporter = new MetricsExporter({ topProcesses: 20, topGroups: 50, cmdline: false }, () => nowMs);
  const server = metricsServer(exporter, limits);
  const { port } = await listen(server, '127.0.0.1', 0);
  return {
    exporter, base: `http://127.0.0.1:${port}`, port,
    setNow: (ms: number) => { nowMs = ms; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Sends raw bytes and resolves with everything the server answered before it closed the socket. */
function raw(port: number, bytes: string): Promise<{ answer: string; elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const startMs = Date.now();
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (chunk) => { answer += chunk.toString(); });
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, elapsedMs: Date.now() - startMs }));
  });
}

test('503 with Retry-After before the first sample, then the classic text format', async () => {
  const s = await started();
  try {
    const before = await fetch(`${s.base}/metrics`);
    assert.equal(before.status, 503);
    assert.equal(before.headers.get('retry-after'), '1');
    s.exporter.onSample(sample);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await fetch(`${s.base}/metrics?ignored=1`);
    assert.equal(after.status, 200);
    assert.equal(after.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    const body = await after.text();
    assert.match(body, /^memtop_process_uss_bytes\{pid="\d+",comm="memhog",user="root"\} \d+$/m);
    assert.match(body, /^memtop_sample_age_seconds 2\.5$/m);
    assert.match(body, /^memtop_errors_total\{where="sampler"\} 0$/m);
  } finally {
    await s.close();
  }
});

test('/metrics only: 404 elsewhere, 405 for other methods, 413 for a body, HEAD has no body', async () => {
  const s = await started();
  try {
    s.exporter.onSample(sample);
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const path of ['/', '/metrics/', '/metricsx', '/x/metrics']) assert.equal((await fetch(`${s.base}${path}`)).status, 404, path);
    const post = await fetch(`${s.base}/metrics`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    const withBody = await raw(s.port, 'GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello');
    assert.match(withBody.answer, /^HTTP\/1\.1 413 /);
    const head = await fetch(`${s.base}/metrics`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  } finally {
    await s.close();
  }
});

test('huge headers are refused and a slow client is cut off at the header timeout', async () => {
  const s = await started({ ...SERVER_LIMITS, headersTimeoutMs: 600, requestTimeoutMs: 1000 });
  try {
    const huge = await raw(s.port, `GET /metrics HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(SERVER_LIMITS.maxHeaderBytes * 2)}\r\n\r\n`);
    assert.match(huge.answer, /^HTTP\/1\.1 431 /);
    const slow = await raw(s.port, 'GET /metrics HTTP/1.1\r\nHost: x\r\n');
    assert.ok(slow.elapsedMs < 5_000, `the server held a half-sent request for ${slow.elapsedMs} ms`);
    assert.match(slow.answer, /^HTTP\/1\.1 408 /);
  } finally {
    await s.close();
  }
});

test('concurrent scrapes get the same sample; their durations are counted', async () => {
  const s = await started();
  try {
    s.exporter.onSample(sample);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const bodies = await Promise.all(Array.from({ length: 50 }, () => fetch(`${s.base}/metrics`).then((r) => r.text())));
    const strip = (b: string) => b.replace(/^memtop_scrape_duration_seconds.*$/gm, '');
    assert.equal(new Set(bodies.map(strip)).size, 1);
    const last = await (await fetch(`${s.base}/metrics`)).text();
    assert.match(last, /^memtop_scrape_duration_seconds_count 50$/m);
  } finally {
    await s.close();
  }
});
