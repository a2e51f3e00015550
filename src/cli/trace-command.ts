/**
 * `memtop trace PID`: attaches strace to the process and its threads, tallies their memory
 * syscalls until Ctrl-C, --duration or the target's exit, then prints the tally and the top
 * stacks (text or --json) and writes --folded / --svg. The target is always left running and
 * untraced: strace detaches on SIGINT and SIGTERM, and memtop waits for it to end.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { pidArgument } from './maps-command.js';

export interface TraceFlags {
  duration?: number;
  json?: boolean;
  folded?: string;
  svg?: string;
  /** --no-stacks */
  stacks?: boolean;
}

function secondsArgument(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) throw new InvalidArgumentError('a number of seconds above 0');
  return value;
}

export function addTraceCommand(program: Command): void {
  program.command('trace')
    .description('Tally the memory syscalls (mmap, munmap, mremap, brk, ...) of one process and its threads with strace: calls, bytes, errors, the top stacks; Ctrl-C stops')
    .argument('<pid>', 'process ID', pidArgument)
    .option('-d, --duration <seconds>', 'stop after this many seconds (default: at Ctrl-C)', secondsArgument)
    .option('--json', 'JSON: bytes exact')
    .option('--folded <file>', 'write folded stacks weighted by net bytes (flamegraph.pl, inferno, speedscope)')
    .option('--svg <file>', 'write a flame graph SVG of the net bytes by stack (hover: frame and bytes)')
    .option('--no-stacks', 'the tally alone, without strace -k: the target slows far less (stacks cost strace a walk of the target\'s maps after every call that changes them)')
    .addHelpText('after', '\nNeeds strace (with -k for stacks) and permission to trace the process. Tracing slows the target while it runs; on any ending the target is left running, untraced.\n')
    .action(async (pid: number, flags: TraceFlags) => {
      const { runTrace } = await import('./trace-run.js');
      await runTrace(pid, flags);
    });
}
