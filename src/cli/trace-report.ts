/** The text of `memtop trace`: the tally per syscall, its totals and brk growth, the top stacks. */
import { humanBytes } from '../model/human-units.js';
import { visibleText } from '../model/untrusted-text.js';
import { stackLine, type TraceSummary } from '../trace/trace-summary.js';

const signed = (bytes: number) => (bytes > 0 ? `+${humanBytes(bytes)}` : humanBytes(bytes));

export function traceReport(summary: TraceSummary, width = 100): string {
  const lines: string[] = [];
  lines.push(`${visibleText(summary.comm)} (${summary.pid}): ${summary.calls} memory syscalls in ${summary.durationSeconds.toFixed(1)} s`);
  lines.push('');
  const row = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(10) : String(c).padStart(i === 1 || i === 2 ? 8 : 10))).join(' ');
  lines.push(row(['SYSCALL', 'CALLS', 'ERRORS', 'MAPPED', 'UNMAPPED', 'NET', 'NET BYTES']));
  for (const s of summary.syscalls) lines.push(row([s.name, s.calls, s.errors, humanBytes(s.mapped), humanBytes(s.unmapped), signed(s.net), s.net]));
  const t = summary.totals;
  lines.push(row(['total', t.calls, t.errors, humanBytes(t.mapped), humanBytes(t.unmapped), signed(t.net), t.net]));
  lines.push(`brk growth: ${signed(t.brkGrowth)} (${t.brkGrowth} bytes)`);
  lines.push('');
  if (!summary.stackTraces) lines.push('no stacks (--no-stacks, or this strace cannot print them: -k)');
  else if (summary.topStacks.length === 0) lines.push('no stack mapped or unmapped memory');
  else {
    lines.push('TOP STACKS BY NET BYTES (innermost frame first)');
    for (const s of summary.topStacks) {
      const head = `${signed(s.net).padStart(8)} ${String(s.net).padStart(11)} B ${String(s.calls).padStart(6)} calls  `;
      const text = visibleText(stackLine(s.frames));
      lines.push(head + (head.length + text.length > width ? `${text.slice(0, Math.max(10, width - head.length - 1))}…` : text));
    }
  }
  return `${lines.join('\n')}\n`;
}
