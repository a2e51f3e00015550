/** /proc/PID/statm: seven page counts, "size resident shared text lib data dt". */

export interface Statm {
  sizePages: number;
  residentPages: number;
  /** resident file-backed and shmem pages (RssFile + RssShmem). */
  sharedPages: number;
  textPages: number;
  /** always 0 since Linux 2.6. */
  libPages: number;
  /** data + stack. */
  dataPages: number;
  /** always 0 since Linux 2.6. */
  dirtyPages: number;
}

export function parseStatm(text: string): Statm | null {
  const n = text.trim().split(/\s+/).map(Number);
  if (n.length < 7 || n.some((x) => !Number.isInteger(x))) return null;
  return {
    sizePages: n[0], residentPages: n[1], sharedPages: n[2], textPages: n[3],
    libPages: n[4], dataPages: n[5], dirtyPages: n[6],
  };
}
