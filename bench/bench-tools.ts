/**
 * What the benchmarks share: the C yardstick (bench/yardstick/procread.c, built into $TMPDIR),
 * the load generator (bench/yardstick/load.sh), medians, timing whole commands, and writing a
 * section of bench/RESULTS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../test/helpers/paths.js';

export const sharedBench = process.env.MEMTOP_SHARED_BENCH ?? join(repoRoot, 'bench', 'yardstick');
export const memtopMain = join(repoRoot, 'dist', 'bin', 'memtop.js');

/**
 * How `memtop` runs: node with the flags of memtop.js's shebang, if any (`#!/usr/bin/env -S node
 * ...`), then memtop.js. Benchmarks start it this way, as the installed command does.
 */
export function memtopCommand(...args: string[]): string[] {
  const shebang = readFileSync(memtopMain, 'utf8').split('\n', 1)[0];
  const flags = shebang.replace(/^#!\/usr\/bin\/env (-S )?node/, '').trim().split(/\s+/).filter(Boolean);
  return [process.execPath, ...flags, memtopMain, ...args];
}

export function buildProcread(): string {
  const bin = join(tmpdir(), 'memtop-procread');
  execFileSync('gcc', ['-O2', '-o', bin, join(sharedBench, 'procread.c')]);
  return bin;
}

/** bench/tick-floor.c: the incremental tick's reads in plain C (see the file). */
export function buildTickFloor(): string {
  const bin = join(tmpdir(), 'memtop-tick-floor');
  execFileSync('gcc', ['-O2', '-o', bin, join(repoRoot, 'bench', 'tick-floor.c')]);
  return bin;
}

/** tick-floor's median tick, ms, over `ticks` ticks each after `pauseMs` of sleep. */
export function tickFloorMs(bin: string, ticks: number, pauseMs: number): number {
  return Number(execFileSync(bin, [String(ticks), String(pauseMs)], { encoding: 'utf8' }).trim());
}

/** procread's own per-sample median over `loops` samples (PROCREAD_TIMING=1), ms. */
export function procreadMedianMs(bin: string, loops: number, extraArgs: string[] = []): number {
  const run = spawnSync(bin, [String(loops), ...extraArgs], { env: { ...process.env, PROCREAD_TIMING: '1' }, encoding: 'utf8' });
  const match = /median=([\d.]+)/.exec(run.stderr);
  if (!match) throw new Error(`procread printed no timing: ${run.stderr}`);
  return Number(match[1]);
}

export interface Load {
  count: number;
  stop(): void;
}

/** N extra sleeping processes that share memory (load.sh); stop() kills only them. */
export function startLoad(count: number): Load {
  const pidfile = execFileSync(join(sharedBench, 'load.sh'), ['start', String(count)], { encoding: 'utf8' }).trim();
  const stop = () => { execFileSync(join(sharedBench, 'load.sh'), ['stop', pidfile]); };
  process.once('exit', () => { if (existsSync(pidfile)) stop(); });
  return { count, stop };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface CommandRun {
  wallMs: number;
  /** User + system CPU time (GNU time's %U + %S, 10 ms resolution). */
  cpuMs: number;
  maxRssKiB: number;
  status: number | null;
}

/** Runs a command to completion with output discarded; wall time, CPU time and peak RSS (GNU time). */
export function timeCommand(argv: string[]): CommandRun {
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - start;
  const lines = run.stderr.trim().split('\n');
  const [userSeconds, systemSeconds, maxRssKiB] = lines[lines.length - 1].split(' ').map(Number);
  return { wallMs, cpuMs: (userSeconds + systemSeconds) * 1000, maxRssKiB, status: run.status };
}

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Replaces the part of bench/RESULTS.md between this benchmark's markers (or appends it). */
export function writeResultsSection(name: string, markdown: string): string {
  const path = join(repoRoot, 'bench', 'RESULTS.md');
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n\nEach section is written by the benchmark named in it; rerun it to update.\n';
  const at = old.indexOf(begin);
  const next = at >= 0 ? old.slice(0, at) + block + old.slice(old.indexOf(end) + end.length) : `${old.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
  return path;
}

export function machineLine(): string {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0;
  const kernel = readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim();
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus} CPUs, Linux ${kernel}, Node ${process.version}, uid ${process.getuid?.()}`;
}
