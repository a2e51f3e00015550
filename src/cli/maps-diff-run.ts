/** `memtop maps PID --diff SECONDS` on the real terminal: a real timer, a progress line on stderr when it is a terminal. */
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { writeMapsDiffReport } from './maps-diff-report.js';
import type { MapsFlags } from './maps-command.js';

export async function runMapsDiff(pid: number, flags: MapsFlags & { diff: number }): Promise<void> {
  const progress = process.stderr.isTTY ? (text: string) => { process.stderr.write(`\r\x1b[K${text}`); } : undefined;
  const notes = await writeMapsDiffReport(pid, flags, (text) => process.stdout.write(text), {
    ttyWidth: process.stdout.isTTY ? process.stdout.columns : undefined, prettyJson: process.stdout.isTTY,
    sleep: (ms) => sleep(ms), nowMs: () => performance.now(), progress,
  });
  for (const note of notes) process.stderr.write(`memtop: ${note}\n`);
}
