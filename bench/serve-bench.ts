/**
 * `memtop serve` under load: autocannon with 200 connections for 30 s against /metrics, on the
 * real /proc. Reports the scrape latency (p50, p99, max), the request rate, errors and non-200
 * answers, and memtop's RSS before, at its peak during, and after the load (RSS must stay
 * bounded). Prints a Markdown section and writes it to bench/RESULTS.md.
 *
 * Usage: npm run build && node dist/bench/serve-bench.js [--connections 200] [--seconds 30] [--delay 1]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../test/helpers/paths.js';
import { scrape, startServe } from '../test/helpers/serve-memtop.js';
import { machineLine, writeResultsSection } from './bench-tools.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const connections = Number(option('--connections', '200'));
const seconds = Number(option('--seconds', '30'));
const delay = option('--delay', '1');

function rssBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return kb ? Number(kb[1]) * 1024 : NaN;
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { average: number; total: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

const serve = await startServe(['--delay', delay]);
const body = await scrape(serve.metricsUrl);
// Let the first samples settle (the worker starts, the heap grows to its working size).
await sleep(5_000);
const rssBefore = rssBytes(serve.pid);
let rssPeak = rssBefore;
// RSS every second of the load: a plateau (not a climb) is what "bounded" means here.
const rssTrace: number[] = [];
const poll = setInterval(() => { const rss = rssBytes(serve.pid); rssPeak = Math.max(rssPeak, rss); rssTrace.push(rss); }, 1000);
const autocannon = join(repoRoot, 'node_modules', 'autocannon', 'autocannon.js');
// Asynchronously, so that the RSS poll runs while the load does.
const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
  const child = spawn(process.execPath, [autocannon, '-c', String(connections), '-d', String(seconds), '-j', serve.metricsUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.on('exit', (status) => resolve({ status, stdout, stderr }));
});
clearInterval(poll);
await sleep(3_000);
const rssAfter = rssBytes(serve.pid);
await serve.stop();
if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr}`);
const result = JSON.parse(run.stdout) as AutocannonResult;

const markdown = `## memtop serve under load (bench/serve-bench.ts)

${machineLine()}. **The machine is shared** with other engineers' builds and tests while this runs: latencies
include their load. \`memtop serve --delay ${delay}\` on the real /proc (exposition ${(body.length / 1024).toFixed(0)} KiB, ${body.split('\n').filter((l) => l && !l.startsWith('#')).length} series);
autocannon ${connections} connections for ${seconds} s on /metrics.

| requests | req/s | p50 | p99 | max | errors | timeouts | non-200 | RSS before | RSS peak | RSS after |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| ${result.requests.total} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.latency.max} ms | ${result.errors} | ${result.timeouts} | ${result.non2xx} | ${mib(rssBefore)} | ${mib(rssPeak)} | ${mib(rssAfter)} |

RSS during the load, at each quarter of it: ${[1, 2, 3, 4].map((q) => mib(rssTrace[Math.min(rssTrace.length - 1, Math.floor((rssTrace.length * q) / 4) - 1)])).join(', ')}.
`;
process.stdout.write(`${markdown}\n`);
process.stdout.write(`written to ${writeResultsSection('serve-bench', markdown)}\n`);
