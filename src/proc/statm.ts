/** /proc/PID/statm: seven page counts, "size resident shared text lib data dt". */
import { exactCount } from './decimal.js';

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

/** Null unless the text holds at least seven unsigned page counts that a double holds exactly. */
export function parseStatm(text: string): Statm | null {
  const n = text.trim().split(/[ \t\n]+/).map(exactCount);
  if (n.length < 7 || n.some((x) => x === null)) return null;
  return {
    sizePages: n[0]!, residentPages: n[1]!, sharedPages: n[2]!, textPages: n[3]!,
    libPages: n[4]!, dataPages: n[5]!, dirtyPages: n[6]!,
  };
}
