/**
 * Human units for sizes (binary: K = 1024) with three significant digits, as htop's meters show
 * them (Meter_humanUnit): at most four characters plus the unit, e.g. "512B" "8.00K" "123K"
 * "1.23M" "45.6M" "789M" "23.5G" "12.0T".
 */

const UNITS = ['K', 'M', 'G', 'T', 'P'];

export function humanBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '-';
  if (bytes < 0) return `-${humanBytes(-bytes)}`;
  if (bytes < 1024) return `${Math.round(bytes)}B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value < 9.995 ? value.toFixed(2) : value < 99.95 ? value.toFixed(1) : String(Math.round(value));
  return text + UNITS[unit];
}

/** A change in bytes: "+8.00M", "-4.00K", "0" (no change). */
export function signedBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '-';
  return bytes > 0 ? `+${humanBytes(bytes)}` : bytes < 0 ? humanBytes(bytes) : '0';
}

/** The unit humanBytes picks: 0 bytes, 1 K, 2 M, 3 G, 4 T, 5 P. Screens colour sizes by it. */
export function magnitudeOf(bytes: number | null): number {
  if (bytes === null || !Number.isFinite(bytes) || Math.abs(bytes) < 1024) return 0;
  let value = Math.abs(bytes) / 1024;
  let unit = 1;
  while (value >= 999.5 && unit < UNITS.length) {
    value /= 1024;
    unit++;
  }
  return unit;
}

export function percentText(percent: number | null, digits = 1): string {
  if (percent === null || !Number.isFinite(percent)) return '-';
  return percent.toFixed(digits);
}

/** "5s", "3m12s", "2h05m", "3d04h": ages and durations in a few characters. */
export function durationText(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '-';
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${String(Math.floor(s / 60) % 60).padStart(2, '0')}m`;
  return `${Math.floor(s / 86400)}d${String(Math.floor(s / 3600) % 24).padStart(2, '0')}h`;
}
