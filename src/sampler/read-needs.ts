/**
 * What the sampler reads for each process, beyond listing it. A column (model/) or a view says
 * which of these it needs; the shown columns' and views' needs are OR-ed into one set, and the
 * sampler reads exactly the files that set names (as htop's Process_fields flags decide its scans).
 */
export type ReadNeed =
  /** /proc/PID/stat: state, ppid, threads, start time, CPU times, vsize, rss pages. */
  | 'stat'
  /** /proc/PID/status: uid, VmSize, VmRSS, RssFile + RssShmem, VmSwap, VmHWM. */
  | 'status'
  /** /proc/PID/smaps_rollup (smaps summed where there is none): PSS, USS, SwapPss. The expensive read. */
  | 'rollup'
  /** /proc/PID/cmdline: the command line. */
  | 'cmdline'
  /** /proc/PID/cgroup: the cgroup path. */
  | 'cgroup'
  /**
   * /proc/PID/status even where smaps_rollup gives the sizes (status is otherwise skipped then):
   * for VmHWM, the PEAK column. Its reads count as status reads.
   */
  | 'peak';

export type ReadNeeds = ReadonlySet<ReadNeed>;

/** The union of several needs lists (columns shown, sort column, open views). */
export function unionNeeds(lists: Iterable<Iterable<ReadNeed>>): Set<ReadNeed> {
  const all = new Set<ReadNeed>();
  for (const list of lists) for (const need of list) all.add(need);
  return all;
}
