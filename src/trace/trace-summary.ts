/**
 * A trace's tally as plain data: the JSON of `memtop trace --json`, and what the text report and
 * the Trace view print. Bytes are exact; net = mapped − unmapped.
 */
import type { StackTally, SyscallTally, TraceTally } from './trace-tally.js';

export interface SyscallSummary {
  name: string;
  calls: number;
  errors: number;
  mapped: number;
  unmapped: number;
  net: number;
}

export interface StackSummary {
  /** Outermost frame first. */
  frames: string[];
  calls: number;
  mapped: number;
  unmapped: number;
  net: number;
}

export interface TraceSummary {
  pid: number;
  comm: string;
  durationSeconds: number;
  stackTraces: boolean;
  calls: number;
  syscalls: SyscallSummary[];
  totals: { calls: number; errors: number; mapped: number; unmapped: number; net: number; brkGrowth: number };
  topStacks: StackSummary[];
}

function syscallSummary(s: SyscallTally): SyscallSummary {
  return { name: s.name, calls: s.calls, errors: s.errors, mapped: s.mappedBytes, unmapped: s.unmappedBytes, net: s.mappedBytes - s.unmappedBytes };
}

export function stackSummary(s: StackTally): StackSummary {
  return { frames: s.frames, calls: s.calls, mapped: s.mappedBytes, unmapped: s.unmappedBytes, net: s.mappedBytes - s.unmappedBytes };
}

export function summarize(tally: TraceTally, about: { pid: number; comm: string; durationMs: number; stackTraces: boolean }, stackCount = 10): TraceSummary {
  const syscalls = tally.syscallRows().map(syscallSummary);
  const sum = (pick: (s: SyscallSummary) => number) => syscalls.reduce((total, s) => total + pick(s), 0);
  return {
    pid: about.pid,
    comm: about.comm,
    durationSeconds: Math.round(about.durationMs) / 1000,
    stackTraces: about.stackTraces,
    calls: tally.calls,
    syscalls,
    totals: { calls: sum((s) => s.calls), errors: sum((s) => s.errors), mapped: sum((s) => s.mapped), unmapped: sum((s) => s.unmapped), net: sum((s) => s.net), brkGrowth: tally.brkGrowthBytes },
    topStacks: about.stackTraces ? tally.topStacks(stackCount).map(stackSummary) : [],
  };
}

/** A stack as one line, innermost frame first: `map_five ← main ← _start`. */
export function stackLine(frames: readonly string[]): string {
  return [...frames].reverse().join(' ← ');
}
