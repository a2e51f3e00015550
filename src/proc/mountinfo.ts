/**
 * /proc/self/mountinfo: "id parent major:minor root mountpoint options [optional...] - fstype
 * source superoptions" per mount (proc(5)). memtop reads it for one thing: whether the proc
 * root is mounted with hidepid, which hides other users' processes (fs/proc/root.c).
 */

/** hidepid as the kernel prints it: "noaccess" (1: directories listed, files refused), "invisible" (2: not listed), "ptraceable" (4). */
export type Hidepid = 'noaccess' | 'invisible' | 'ptraceable';

const NAMES: Record<string, Hidepid> = { 1: 'noaccess', noaccess: 'noaccess', 2: 'invisible', invisible: 'invisible', 4: 'ptraceable', ptraceable: 'ptraceable' };

/** Octal escapes ("\040" for a space) as mountinfo writes them in paths. */
function unescape(path: string): string {
  return path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/**
 * The hidepid of the proc mount at `mountPoint` (the last one listed there: mounts stack), or
 * null when it has none (hidepid=0 / off), is not a proc mount, or is not listed.
 */
export function hidepidOf(mountinfo: string, mountPoint: string): Hidepid | null {
  let found: Hidepid | null = null;
  let listed = false;
  for (const line of mountinfo.split('\n')) {
    const fields = line.split(' ');
    const dash = fields.indexOf('-', 6);
    if (dash < 0 || fields.length < dash + 4 || unescape(fields[4]) !== mountPoint) continue;
    listed = fields[dash + 1] === 'proc';
    found = null;
    if (!listed) continue;
    for (const option of fields[dash + 3].split(',')) {
      if (option.startsWith('hidepid=')) found = NAMES[option.slice(8)] ?? null;
    }
  }
  return listed ? found : null;
}
