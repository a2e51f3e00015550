/**
 * Runs the layer checker (dependency-cruiser with .dependency-cruiser.cjs over src/ and dist/src/)
 * in a directory laid out like the repository, and sorts what it found.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export interface LayerViolation {
  rule: string;
  from: string;
  to: string;
}

export interface LayerCruise {
  /** Violations not on the config's known list: each fails the check. */
  errors: LayerViolation[];
  /** Violations the known list allows. */
  known: LayerViolation[];
  /** Entries of the known list that no import matches any more. */
  stale: LayerViolation[];
  /** Every module cruised (sources and emitted JS). */
  modules: string[];
}

interface CruiseJson {
  modules: { source: string }[];
  summary: {
    violations: { from: string; to: string; rule: { name: string; severity: string } }[];
    optionsUsed: { knownViolations?: { from: string; to: string; rule: { name: string } }[] };
  };
}

const depcruise = join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const key = (v: LayerViolation): string => `${v.rule}: ${v.from} -> ${v.to}`;

/** `dir` holds .dependency-cruiser.cjs, src/ and dist/src/; node_modules are resolved from the repository. */
export function cruiseLayers(dir = repoRoot): LayerCruise {
  const run = spawnSync(process.execPath, [depcruise, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src', 'dist/src'],
    { cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error || (run.status !== 0 && !run.stdout.startsWith('{'))) {
    throw new Error(`dependency-cruiser failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
  }
  const result = JSON.parse(run.stdout) as CruiseJson;
  const found = result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, severity: v.rule.severity }));
  const knownList = (result.summary.optionsUsed.knownViolations ?? []).map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  const foundKeys = new Set(found.map(key));
  return {
    errors: found.filter((v) => v.severity !== 'ignore').map(({ rule, from, to }) => ({ rule, from, to })),
    known: found.filter((v) => v.severity === 'ignore').map(({ rule, from, to }) => ({ rule, from, to })),
    stale: knownList.filter((v) => !foundKeys.has(key(v))),
    modules: result.modules.map((m) => m.source),
  };
}

export function describeViolations(list: LayerViolation[]): string {
  return list.map(key).join('\n');
}
