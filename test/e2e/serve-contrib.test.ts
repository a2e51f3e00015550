/**
 * The examples shipped in contrib/: promtool accepts the scrape config and the alert rules, the
 * rules' unit tests pass (the alerts fire when they should, and only then), and every metric the
 * rules and the Grafana dashboard name is one memtop serves — the dashboard's queries run on a
 * real Prometheus scraping memtop.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { promtool, startPrometheus } from '../helpers/prometheus.js';
import { scrape, startServe } from '../helpers/serve-memtop.js';

const PROMETHEUS_DIR = join(repoRoot, 'contrib', 'prometheus');
const DASHBOARD = join(repoRoot, 'contrib', 'grafana', 'memtop-dashboard.json');

interface Dashboard { panels: { title: string; targets: { expr: string }[] }[] }

/** The memtop metric families an expression names (a histogram's _sum/_count/_bucket are its family). */
function familiesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\bmemtop_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(sum|count|bucket)$/, '')))];
}

test('promtool accepts the rules and the scrape config, and the rules\' unit tests pass', () => {
  for (const args of [['check', 'rules', 'memtop-rules.yml'], ['test', 'rules', 'memtop-rules.test.yml'], ['check', 'config', 'scrape-memtop.yml']]) {
    const run = promtool(args.slice(0, -1).concat(join(PROMETHEUS_DIR, args[args.length - 1])));
    assert.equal(run.status, 0, `promtool ${args.join(' ')}: ${run.output}`);
  }
});

test('the rules and the dashboard name only metrics memtop serves; the dashboard\'s queries run', { timeout: 120_000 }, async () => {
  const serve = await startServe(['--delay', '1']);
  const prometheus = await startPrometheus([new URL(serve.metricsUrl).host]);
  try {
    const exposition = await scrape(serve.metricsUrl);
    const served = new Set([...exposition.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
    const expressions = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    const named = familiesIn(readFileSync(join(PROMETHEUS_DIR, 'memtop-rules.yml'), 'utf8') + expressions.join('\n'));
    assert.ok(named.length >= 8);
    for (const family of named) assert.ok(served.has(family), `${family} is named in contrib/ but memtop does not serve it`);
    // Two scrapes in, so rates and derivatives have points.
    const deadline = Date.now() + 60_000;
    const points = async () => Number((await prometheus.query('count_over_time(memtop_total_processes[1m])'))[0]?.value[1] ?? 0);
    while (await points() < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const expr of expressions) {
      const result = await prometheus.query(expr.replaceAll('$instance', '.+'));
      assert.ok(Array.isArray(result), expr);
    }
    const top = await prometheus.query(expressions.find((e) => e.includes('memtop_process_pss_bytes'))!.replaceAll('$instance', '.+'));
    assert.ok(top.length > 0, 'the top-processes panel shows nothing');
  } finally {
    await prometheus.stop();
    await serve.stop();
  }
});
