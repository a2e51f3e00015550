/**
 * A growth rate in a few characters, signed, binary units per minute: "+3.1M/m", "+60M/m",
 * "-512K/m", "0/m". Two significant digits at most: a rate is an estimate, not a count.
 */
const UNITS = ['B', 'K', 'M', 'G', 'T'];

export function growthText(bytesPerMinute: number | null): string {
  if (bytesPerMinute === null || !Number.isFinite(bytesPerMinute)) return '-';
  const sign = bytesPerMinute > 0 ? '+' : bytesPerMinute < 0 ? '-' : '';
  let value = Math.abs(bytesPerMinute);
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0 && Math.round(value) === 0) return '0/m';
  const digits = value < 9.95 && unit > 0 ? value.toFixed(1) : String(Math.round(value));
  return `${sign}${digits}${UNITS[unit]}/m`;
}
