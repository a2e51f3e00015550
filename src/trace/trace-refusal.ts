/**
 * Why strace ended on its own, in one line for the user, from what it said on stderr and the
 * facts around it (pure: the session gathers the facts). Names are made visible (untrusted).
 */
import { visibleText } from '../model/untrusted-text.js';

export interface RefusalFacts {
  pid: number;
  comm: string;
  /** The target's tracer now (null: the target is gone), and its name. */
  tracerPid: number | null;
  tracerComm: string | null;
  /** strace's own PID: a tracer that is our strace is no other tracer. */
  stracePid: number;
  ourUid: number | null;
  targetUid: number | null;
  /** kernel.yama.ptrace_scope, null without Yama. */
  ptraceScope: number | null;
  targetGone: boolean;
}

/** "comm (pid)" with the comm made visible. */
export function processLabel(comm: string, pid: number): string {
  return `${visibleText(comm)} (${pid})`;
}

export function refusal(straceMessages: string, facts: RefusalFacts): string {
  const said = straceMessages.split('\n').find((line) => line.startsWith('strace: ')) ?? '';
  const name = processLabel(facts.comm, facts.pid);
  if (/Operation not permitted/.test(said)) {
    const tracer = facts.tracerPid;
    if (tracer !== null && tracer !== 0 && tracer !== facts.stracePid) {
      return `${name} is already traced by ${processLabel(facts.tracerComm ?? 'process', tracer)}: a process has one tracer at a time`;
    }
    if (facts.targetUid !== null && facts.ourUid !== null && facts.ourUid !== 0 && facts.targetUid !== facts.ourUid) {
      return `not permitted to trace ${name}: it belongs to uid ${facts.targetUid} (trace it as that user or as root)`;
    }
    if (facts.ptraceScope !== null && facts.ptraceScope > 0) {
      return `not permitted to trace ${name}: kernel.yama.ptrace_scope is ${facts.ptraceScope} (0 lets a user trace their own processes; or run as root)`;
    }
    return `not permitted to trace ${name}: ${said.slice('strace: '.length)}`;
  }
  if (facts.targetGone || /No such process/.test(said) || said === '') return `${name} exited during the trace`;
  return visibleText(said);
}
