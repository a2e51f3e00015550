/**
 * A real Prometheus (Debian's `prometheus` package) for end-to-end tests: on a free loopback
 * port, scraping the given targets every second, with its own temporary storage; stop() ends it
 * and removes the storage. promtool (same package) checks expositions and rule files.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrometheusRun {
  base: string;
  /** The query API's result vector for an instant query. */
  query(expression: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => { for (const child of live) child.kill('SIGKILL'); });

/** A port free on loopback right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPrometheus(targets: readonly string[]): Promise<PrometheusRun> {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, [
    'global:', '  scrape_interval: 1s', '  scrape_timeout: 1s',
    'scrape_configs:', '  - job_name: memtop', '    static_configs:', `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`, '',
  ].join('\n'));
  const port = await freePort();
  const child = spawn('prometheus', [
    `--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`,
    '--storage.tsdb.retention.time=1h', '--log.level=warn',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.on('exit', () => { live.delete(child); resolve(); }));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${base}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`prometheus did not get ready: ${err.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    query: async (expression) => {
      const response = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(expression)}`);
      const json = await response.json() as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      if (json.status !== 'success') throw new Error(`query ${expression}: ${JSON.stringify(json)}`);
      return json.data.result;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs promtool with `input` on standard input; its exit status and output. */
export function promtool(args: readonly string[], input?: string): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { input, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
