/**
 * One trace of one process: strace attached (strace-runner.ts), its output parsed as it arrives
 * (strace-parser.ts) into a tally (trace-tally.ts), per-second rates, and how it ended. This is
 * the service the CLI and the UI are handed; it holds the only timers of a trace (the end of a
 * quiet stack, the rates' second, the change notices).
 */
import { StraceParser } from './strace-parser.js';
import { TraceTally } from './trace-tally.js';
import { findStrace, spawnStrace, type StraceProcess } from './strace-runner.js';
import { TargetError, TraceTarget, type TargetInfo } from './trace-target.js';
import { rateOf, type Rates } from './trace-rates.js';
import { processLabel, refusal } from './trace-refusal.js';

export { TargetError as TraceError };

export const STRACE_MISSING = 'strace is not installed: install it (Debian, Ubuntu: apt-get install strace; Fedora: dnf install strace; Alpine: apk add strace)';
export const NO_STACKS = 'this strace prints no stacks (-k needs strace built with libunwind or libdw): the tally works, the stacks stay empty';

export type TraceState = 'attaching' | 'tracing' | 'ended';

export interface TraceOptions {
  /** Ask strace for stacks (-k) when it can print them; false: the tally alone, far cheaper for the target. */
  stacks?: boolean;
  /** How often the onChange listener is called at most. */
  noticeMs?: number;
  onChange?: () => void;
  procRoot?: string;
}

/** A call's stack ends at the next line; a pause this long in strace's output ends it too. */
const QUIET_MS = 50;
/**
 * With -k strace prints a call's stack only after unwinding it (it reads the target's maps
 * first), which on a busy machine can take far longer than QUIET_MS: a call with no stack line
 * yet is held this long before it is counted stackless.
 */
const STACK_WAIT_MS = 2000;

export class TraceSession {
  readonly pid: number;
  readonly target: TargetInfo;
  readonly tally: TraceTally;
  readonly stackTraces: boolean;
  state: TraceState = 'attaching';
  /** Why the trace ended when it was not asked to (target exited, strace failed); null otherwise. */
  endReason: string | null = null;
  startedMs = Date.now();
  endedMs: number | null = null;
  /** The last second's rates per syscall. */
  rates: Rates = new Map();
  /** Bumped whenever the tally changes. */
  version = 0;
  /** Resolves once the trace is attached (or has failed to be). */
  readonly attached: Promise<void>;
  /** Resolves once strace has exited and the target is untraced. */
  readonly ended: Promise<void>;
  private readonly parser: StraceParser;
  private readonly strace: StraceProcess;
  private readonly checks: TraceTarget;
  private readonly options: TraceOptions;
  private quietTimer: NodeJS.Timeout | null = null;
  private lastOutputMs = 0;
  private noticeTimer: NodeJS.Timeout | null = null;
  private readonly secondTimer: NodeJS.Timeout;
  private lastSecond: { atMs: number; counts: Map<string, { calls: number; bytes: number }> };
  private stopping = false;

  /** Checks the target and starts strace; throws TraceError (one line) when it cannot. */
  constructor(pid: number, options: TraceOptions = {}) {
    this.options = options;
    this.checks = new TraceTarget(options.procRoot);
    // Its own memory syscalls would each make strace write a line that memtop must read: a loop.
    if (pid === process.pid) throw new TargetError(`memtop cannot trace itself (${pid})`);
    this.target = this.checks.inspect(pid);
    if (this.target.tracerPid !== 0) {
      const tracer = this.checks.commOf(this.target.tracerPid);
      throw new TargetError(`${processLabel(this.target.comm, pid)} is already traced by ${processLabel(tracer ?? 'process', this.target.tracerPid)}: a process has one tracer at a time`);
    }
    const build = findStrace();
    if (build === null) throw new TargetError(STRACE_MISSING);
    this.pid = pid;
    this.stackTraces = build.stackTraces && options.stacks !== false;
    this.tally = new TraceTally(this.checks.breakOf(pid));
    this.parser = new StraceParser(pid);
    this.lastSecond = { atMs: Date.now(), counts: new Map() };
    this.strace = spawnStrace({ ...build, stackTraces: this.stackTraces }, pid, (text) => this.onOutput(text));
    this.secondTimer = setInterval(() => this.tick(), 1000);
    this.ended = this.strace.exited.then((result) => this.onExit(result));
    this.attached = this.waitAttached();
  }

  private async waitAttached(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (this.state === 'attaching' && Date.now() < deadline) {
      if (this.checks.tracerPid(this.pid) === this.strace.pid) {
        this.state = 'tracing';
        this.notify();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private onOutput(text: string): void {
    for (const call of this.parser.push(text)) this.tally.add(call);
    this.lastOutputMs = Date.now();
    // One timer per quiet spell, not one per chunk (strace writes a line at a time).
    if (this.quietTimer === null) this.armQuietTimer(QUIET_MS);
    this.changed();
  }

  private armQuietTimer(ms: number): void {
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      const quietForMs = Date.now() - this.lastOutputMs;
      const waitMs = this.stackTraces && this.parser.awaitingStack ? STACK_WAIT_MS : QUIET_MS;
      if (quietForMs < waitMs) return this.armQuietTimer(waitMs - quietForMs);
      for (const call of this.parser.flush()) this.tally.add(call);
      this.changed();
    }, ms);
  }

  private changed(): void {
    this.version++;
    if (this.noticeTimer === null) this.noticeTimer = setTimeout(() => { this.noticeTimer = null; this.notify(); }, this.options.noticeMs ?? 200);
  }

  private notify(): void {
    this.options.onChange?.();
  }

  private tick(): void {
    const now = Date.now();
    const counts = new Map<string, { calls: number; bytes: number }>();
    for (const s of this.tally.syscalls.values()) counts.set(s.name, { calls: s.calls, bytes: s.mappedBytes + s.unmappedBytes });
    this.rates = rateOf(this.lastSecond.counts, counts, now - this.lastSecond.atMs);
    this.lastSecond = { atMs: now, counts };
    this.notify();
  }

  private onExit(result: { code: number | null; signal: NodeJS.Signals | null; stderr: string }): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    clearInterval(this.secondTimer);
    for (const call of this.parser.flush()) this.tally.add(call);
    this.version++;
    this.state = 'ended';
    this.endedMs = Date.now();
    if (!this.stopping) this.endReason = this.failure(result.stderr);
    this.notify();
  }

  /** Why strace ended by itself, in one line. */
  private failure(stderr: string): string {
    const tracerPid = this.checks.tracerPid(this.pid);
    return refusal(stderr, {
      pid: this.pid, comm: this.target.comm, tracerPid, tracerComm: tracerPid ? this.checks.commOf(tracerPid) : null,
      stracePid: this.strace.pid, ourUid: process.geteuid?.() ?? null, targetUid: this.target.uid,
      ptraceScope: this.checks.ptraceScope(), targetGone: !this.checks.exists(this.pid),
    });
  }

  /** Detaches (strace leaves every task running, untraced) and resolves once strace is gone. */
  stop(): Promise<void> {
    this.stopping = this.state !== 'ended' || this.stopping;
    this.strace.detach();
    return this.ended;
  }

  get stracePid(): number {
    return this.strace.pid;
  }
}
