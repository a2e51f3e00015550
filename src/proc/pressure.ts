/**
 * /proc/pressure/memory (PSI, Linux 4.20+ with CONFIG_PSI):
 *   some avg10=0.00 avg60=0.00 avg300=0.00 total=0
 *   full avg10=0.00 avg60=0.00 avg300=0.00 total=0
 * avgN: share of wall time (percent) some/all tasks stalled on memory; total: stall time in µs.
 */

export interface PressureLine {
  avg10: number;
  avg60: number;
  avg300: number;
  totalMicroseconds: number;
}

export interface Pressure {
  some: PressureLine | null;
  full: PressureLine | null;
}

/** "12.34" (avgN, a percentage) or "123456" (total, µs). */
const PRESSURE_VALUE = /^(?:\d{1,3}\.\d{2}|\d{1,15})$/;

export function parsePressure(text: string): Pressure {
  const pressure: Pressure = { some: null, full: null };
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/);
    const kind = words[0];
    if (kind !== 'some' && kind !== 'full') continue;
    const values: Record<string, number> = {};
    for (const word of words.slice(1)) {
      const eq = word.indexOf('=');
      // Only the kernel's own forms: Number() would read "" (cut short) as 0, and take "0x10" or "-1".
      if (eq > 0 && PRESSURE_VALUE.test(word.slice(eq + 1))) values[word.slice(0, eq)] = Number(word.slice(eq + 1));
    }
    if ([values.avg10, values.avg60, values.avg300, values.total].every(Number.isFinite)) {
      pressure[kind] = { avg10: values.avg10, avg60: values.avg60, avg300: values.avg300, totalMicroseconds: values.total };
    }
  }
  return pressure;
}
