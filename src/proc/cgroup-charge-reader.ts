/**
 * Reads a cgroup's charge from a cgroup filesystem root (/sys/fs/cgroup, or a fixture tree): the
 * v1 memory controller at ROOT/memory/PATH, else v2 at ROOT/PATH or, on a hybrid system,
 * ROOT/unified/PATH. null when none of them has the files (the cgroup is gone, or the path is
 * outside what this root shows, as in a container). Paths never climb out of the root.
 */
import { isFailure, type ProcFs } from './procfs.js';
import { parsePressure } from './pressure.js';
import { parseCount, parseFlatKeyed, parseV1Limit, parseV2Max, type CgroupCharge } from './cgroup-memory.js';

function safePath(path: string): string | null {
  if (!path.startsWith('/') || path.split('/').some((part) => part === '..')) return null;
  return path === '/' ? '' : path;
}

function readText(fs: ProcFs, relPath: string): string | null {
  const text = fs.readSingle(relPath, 64 * 1024);
  return isFailure(text) ? null : text;
}

export function readCgroupCharge(fs: ProcFs, path: string): CgroupCharge | null {
  const at = safePath(path);
  if (at === null) return null;
  const v1 = `memory${at}`;
  const usage = readText(fs, `${v1}/memory.usage_in_bytes`);
  if (usage !== null && parseCount(usage) !== null) {
    const limit = readText(fs, `${v1}/memory.limit_in_bytes`);
    const failcnt = readText(fs, `${v1}/memory.failcnt`);
    return {
      path, version: 1, usageBytes: parseCount(usage)!, limitBytes: limit === null ? null : parseV1Limit(limit),
      failcnt: failcnt === null ? null : parseCount(failcnt), oomEvents: null, oomKills: null, pressure: null,
    };
  }
  for (const dir of [at.slice(1), `unified${at}`]) {
    const base = dir === '' ? '' : `${dir}/`;
    const current = readText(fs, `${base}memory.current`);
    if (current === null || parseCount(current) === null) continue;
    const max = readText(fs, `${base}memory.max`);
    const events = parseFlatKeyed(readText(fs, `${base}memory.events`) ?? '');
    const pressure = readText(fs, `${base}memory.pressure`);
    return {
      path, version: 2, usageBytes: parseCount(current)!, limitBytes: max === null ? null : parseV2Max(max), failcnt: null,
      oomEvents: events.get('oom') ?? null, oomKills: events.get('oom_kill') ?? null, pressure: pressure === null ? null : parsePressure(pressure),
    };
  }
  return null;
}
