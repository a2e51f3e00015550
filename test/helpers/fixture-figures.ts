/**
 * Expected figures read straight from the fixture files with a few regular expressions, not with
 * memtop's parsers, so that the end-to-end tests check memtop against the kernel's own text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const KIB = 1024;

function kbField(text: string, key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(text);
  if (!m) throw new Error(`no ${key} line`);
  return Number(m[1]) * KIB;
}

export function fileText(root: string, relPath: string): string {
  return readFileSync(join(root, relPath), 'latin1');
}

/** Rss, Pss, USS, Swap, SwapPss from smaps_rollup, in bytes. */
export function rollupFigures(root: string, pid: number) {
  const t = fileText(root, `${pid}/smaps_rollup`);
  return {
    rss: kbField(t, 'Rss'), pss: kbField(t, 'Pss'), uss: kbField(t, 'Private_Clean') + kbField(t, 'Private_Dirty'),
    swap: kbField(t, 'Swap'), swapPss: kbField(t, 'SwapPss'),
  };
}

/** VmSize, VmRSS, RssFile + RssShmem, VmSwap from status, in bytes. */
export function statusFigures(root: string, pid: number) {
  const t = fileText(root, `${pid}/status`);
  return { vss: kbField(t, 'VmSize'), rss: kbField(t, 'VmRSS'), shr: kbField(t, 'RssFile') + kbField(t, 'RssShmem'), swap: kbField(t, 'VmSwap') };
}

/** Each mapping of smaps: its header words and its kB counters, in bytes. */
export function smapsMappings(root: string, pid: number) {
  const mappings: { start: string; end: string; path: string; counters: Record<string, number> }[] = [];
  for (const line of fileText(root, `${pid}/smaps`).split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+ ?\s*(.*)$/.exec(line);
    if (header) {
      mappings.push({ start: header[1], end: header[2], path: header[3], counters: {} });
      continue;
    }
    const counter = /^(\w+):\s+(\d+) kB$/.exec(line);
    if (counter && mappings.length > 0) mappings[mappings.length - 1].counters[counter[1]] = Number(counter[2]) * KIB;
  }
  return mappings;
}

export function summedSmaps(root: string, pid: number, key: string): number {
  return smapsMappings(root, pid).reduce((sum, m) => sum + (m.counters[key] ?? 0), 0);
}

/** comm as stat holds it: from the first "(" to the last ")". */
export function statComm(root: string, pid: number): string {
  const t = readFileSync(join(root, `${pid}/stat`), 'utf8');
  return t.slice(t.indexOf('(') + 1, t.lastIndexOf(')'));
}
