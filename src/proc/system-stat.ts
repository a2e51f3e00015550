/**
 * /proc/stat: CPU time per state (in clock ticks, USER_HZ), context switches, interrupts,
 * boot time, and running/blocked task counts.
 */
import { exactCount } from './decimal.js';

export interface CpuTicks {
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
  guest: number;
  guestNice: number;
}

export interface SystemStat {
  /** False when there was no /proc/stat (or no "cpu" line in it): every figure below is then 0 and means unknown. */
  present: boolean;
  /** The aggregate "cpu" line. */
  cpu: CpuTicks;
  /** One entry per "cpuN" line, in order. */
  cpus: CpuTicks[];
  /** Context switches since boot ("ctxt"). */
  contextSwitches: number;
  /** Interrupts serviced since boot (first number of "intr"). */
  interrupts: number;
  /** Boot time, seconds since the epoch ("btime"); null when the line is missing or not a number. */
  bootTimeSeconds: number | null;
  /** Forks since boot ("processes"). */
  forks: number;
  procsRunning: number;
  procsBlocked: number;
}

const CPU_FIELDS: (keyof CpuTicks)[] = [
  'user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guestNice',
];

export function parseCpuTicks(numbers: string[]): CpuTicks {
  const ticks = {} as CpuTicks;
  // A field an older kernel does not print (steal, guest) is 0; one that is not a whole unsigned
  // number is corrupt, and 0 too: the sums stay figures, never NaN or negative.
  CPU_FIELDS.forEach((name, i) => {
    ticks[name] = exactCount(numbers[i] ?? '') ?? 0;
  });
  return ticks;
}

/**
 * "intr" and "softirq" list a count per interrupt line after their total (hundreds of numbers,
 * read every tick): only the name and the total are kept.
 */
function firstWords(line: string): string {
  if (!line.startsWith('intr ') && !line.startsWith('softirq ')) return line;
  const afterTotal = line.indexOf(' ', line.indexOf(' ') + 1);
  return afterTotal < 0 ? line : line.slice(0, afterTotal);
}

export function parseSystemStat(text: string): SystemStat {
  const stat: SystemStat = {
    present: false,
    cpu: parseCpuTicks([]),
    cpus: [],
    contextSwitches: 0,
    interrupts: 0,
    bootTimeSeconds: null,
    forks: 0,
    procsRunning: 0,
    procsBlocked: 0,
  };
  for (const full of text.split('\n')) {
    const words = firstWords(full).trim().split(/\s+/);
    const key = words[0];
    if (key === 'cpu') {
      stat.cpu = parseCpuTicks(words.slice(1));
      stat.present = true;
    }
    else if (key.startsWith('cpu')) stat.cpus.push(parseCpuTicks(words.slice(1)));
    else if (key === 'ctxt') stat.contextSwitches = exactCount(words[1] ?? '') ?? 0;
    else if (key === 'intr') stat.interrupts = exactCount(words[1] ?? '') ?? 0;
    else if (key === 'btime') stat.bootTimeSeconds = exactCount(words[1] ?? '');
    else if (key === 'processes') stat.forks = exactCount(words[1] ?? '') ?? 0;
    else if (key === 'procs_running') stat.procsRunning = exactCount(words[1] ?? '') ?? 0;
    else if (key === 'procs_blocked') stat.procsBlocked = exactCount(words[1] ?? '') ?? 0;
  }
  return stat;
}
