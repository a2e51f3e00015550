/**
 * /proc/PID/cgroup: "hierarchy-ID:controller-list:cgroup-path" per line.
 * cgroup v2 has the single line "0::/path"; v1 has one line per hierarchy
 * ("4:memory:/docker/abc..."), and hybrid systems have both. Paths are untrusted.
 */

export interface CgroupLine {
  hierarchyId: number;
  /** Empty for the v2 line; ["cpu", "cpuacct"] or ["name=systemd"] on v1. */
  controllers: string[];
  path: string;
}

export function parseCgroup(text: string): CgroupLine[] {
  const lines: CgroupLine[] = [];
  for (const line of text.split('\n')) {
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first <= 0 || second < 0) continue;
    // Digits only: Number() would read " 1" or "0x1" as a hierarchy.
    if (!/^\d{1,9}$/.test(line.slice(0, first))) continue;
    const hierarchyId = Number(line.slice(0, first));
    const list = line.slice(first + 1, second);
    lines.push({ hierarchyId, controllers: list ? list.split(',') : [], path: line.slice(second + 1) });
  }
  return lines;
}

/**
 * The cgroup that accounts a process's memory. A controller is bound to one hierarchy at a
 * time, so when a v1 line lists "memory" (v1, or a hybrid system whose unified hierarchy has no
 * controllers) that line's path is the one; otherwise (pure v2) the "0::" line's path.
 */
export function memoryCgroupPath(lines: CgroupLine[]): string | null {
  const v1 = lines.find((l) => l.hierarchyId !== 0 && l.controllers.includes('memory'));
  if (v1) return v1.path;
  const v2 = lines.find((l) => l.hierarchyId === 0 && l.controllers.length === 0);
  return v2?.path ?? null;
}
