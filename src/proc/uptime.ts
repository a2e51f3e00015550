/** /proc/uptime: "350735.47 234388.90" — seconds since boot, and idle seconds summed over CPUs. */

export interface Uptime {
  uptimeSeconds: number;
  idleSeconds: number;
}

export function parseUptime(text: string): Uptime | null {
  const [up, idle] = text.trim().split(/\s+/).map(Number);
  return Number.isFinite(up) && Number.isFinite(idle) ? { uptimeSeconds: up, idleSeconds: idle } : null;
}
