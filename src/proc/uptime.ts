/** /proc/uptime: "350735.47 234388.90" — seconds since boot, and idle seconds summed over CPUs. */

export interface Uptime {
  uptimeSeconds: number;
  idleSeconds: number;
}

/** Seconds as the kernel prints them: digits, a point, two digits. */
const SECONDS = /^\d{1,15}\.\d{2}$/;

/** Null unless both figures are there whole (Number() would take "", "0x10", "1e9" and "-1"). */
export function parseUptime(text: string): Uptime | null {
  const words = text.trim().split(/[ \t\n]+/);
  if (words.length < 2 || !SECONDS.test(words[0]) || !SECONDS.test(words[1])) return null;
  return { uptimeSeconds: Number(words[0]), idleSeconds: Number(words[1]) };
}
