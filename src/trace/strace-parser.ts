/**
 * A pure, incremental parser of `strace -f -k` output: text in, whole calls out. A call is
 * complete once its result is known (an `<unfinished ...>` line waits for its `<... NAME
 * resumed>` on the same task) and its stack lines (` > path(func+0x12) [0x...]`, printed right
 * after the completed line) have ended, i.e. at the next line that is no stack line, or flush().
 */

export interface StackFrame {
  /** The function (demangled by strace), or "" when the object has no symbol there. */
  func: string;
  /** The object file's path as strace printed it ("" for an unexpected_backtracing_error). */
  module: string;
}

export interface StraceCall {
  /** The task (thread) that made the call: strace's `[pid N]` prefix, or the traced PID. */
  tid: number;
  name: string;
  /** The argument text as printed, split at the top-level commas. */
  args: string[];
  /** The return value; null when strace printed `?` (the task died inside the call). */
  returnValue: number | null;
  /** The errno name of a failed call (`= -1 ENOMEM (...)`), else null. */
  error: string | null;
  /** Innermost frame first; empty without -k. */
  stack: StackFrame[];
}

const PREFIX = /^(?:\[pid\s+(\d+)\]|(\d+))\s+/;
const FRAME = /^ > (.*)\(([^()]*)\) \[0x[0-9a-f]+\]$/;
const BARE_FRAME = /^ > (\S+) \[0x[0-9a-f]+\]$/;
const RESULT = /\)\s+= (-?\d+|0x[0-9a-f]+|\?)(?: ([A-Z][A-Z0-9_]*)(?: \(.*\))?)?(?: <[0-9.]+>)?$/;

/** Splits `a, b|c, {x, y}` at commas outside brackets, braces and quotes. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out;
}

function frameOf(line: string): StackFrame | null {
  const m = FRAME.exec(line);
  if (m) return { module: m[1], func: m[2].replace(/\+0x[0-9a-f]+$/, '') };
  const bare = BARE_FRAME.exec(line);
  return bare ? { module: '', func: '' } : null;
}

export class StraceParser {
  /** The PID given to `-p`: lines without a prefix are its main thread's. */
  private readonly defaultTid: number;
  private partial = '';
  private pending: StraceCall | null = null;
  /** `NAME(args` of each task's unfinished call. */
  private readonly unfinished = new Map<number, { name: string; argsText: string }>();
  /** Lines that were neither calls nor frames nor strace's own notes (for tests and debugging). */
  unknownLines = 0;

  constructor(defaultTid: number) {
    this.defaultTid = defaultTid;
  }

  /** Feeds a chunk of output; returns the calls completed by it. */
  push(chunk: string): StraceCall[] {
    const text = this.partial + chunk;
    const lines = text.split('\n');
    this.partial = lines.pop()!;
    const done: StraceCall[] = [];
    for (const line of lines) this.line(line, done);
    return done;
  }

  /** True while the last completed call has no stack line yet (with -k, strace prints them after unwinding). */
  get awaitingStack(): boolean {
    return this.pending !== null && this.pending.stack.length === 0;
  }

  /** The call whose stack may still be arriving, as it is now (and any unterminated last line). */
  flush(): StraceCall[] {
    const done: StraceCall[] = [];
    if (this.partial !== '') {
      this.line(this.partial, done);
      this.partial = '';
    }
    if (this.pending) done.push(this.pending);
    this.pending = null;
    return done;
  }

  private line(raw: string, done: StraceCall[]): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith(' > ')) {
      const frame = frameOf(line);
      if (frame && this.pending) this.pending.stack.push(frame);
      else if (!frame) this.unknownLines++;
      return;
    }
    if (this.pending) done.push(this.pending);
    this.pending = null;
    if (line.trim() === '') return;
    const prefix = PREFIX.exec(line);
    const tid = prefix ? Number(prefix[1] ?? prefix[2]) : this.defaultTid;
    const body = prefix ? line.slice(prefix[0].length) : line;
    if (body.startsWith('+++') || body.startsWith('---') || /^(?:\S*\/)?strace: /.test(body)) return;
    if (body.endsWith(' <unfinished ...>')) {
      const open = body.indexOf('(');
      if (open > 0) this.unfinished.set(tid, { name: body.slice(0, open), argsText: body.slice(open + 1, -' <unfinished ...>'.length) });
      else this.unknownLines++;
      return;
    }
    let name: string;
    let argsText: string;
    let rest: string;
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(body);
    if (resumed) {
      const started = this.unfinished.get(tid);
      this.unfinished.delete(tid);
      name = resumed[1];
      const close = resumed[2].lastIndexOf(')');
      argsText = (started?.name === name ? started.argsText : '') + (close >= 0 ? resumed[2].slice(0, close) : '');
      rest = resumed[2];
    } else {
      const open = body.indexOf('(');
      const close = body.lastIndexOf(') ');
      if (open <= 0 || close < open || !/^\w+$/.test(body.slice(0, open))) {
        this.unknownLines++;
        return;
      }
      name = body.slice(0, open);
      argsText = body.slice(open + 1, close);
      rest = body.slice(close);
    }
    const result = RESULT.exec(rest);
    if (!result) {
      this.unknownLines++;
      return;
    }
    const value = result[1] === '?' ? null : Number(result[1]);
    this.pending = { tid, name, args: splitArgs(argsText), returnValue: value, error: result[2] ?? null, stack: [] };
  }
}
