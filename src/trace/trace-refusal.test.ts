import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refusal, type RefusalFacts } from './trace-refusal.js';

// What strace 6.1 prints when the kernel refuses PTRACE_SEIZE (run by its path it prefixes that;
// the runner turns the prefix back into "strace: ").
const EPERM = 'strace: attach: ptrace(PTRACE_SEIZE, 4242): Operation not permitted\n';
const facts: RefusalFacts = {
  pid: 4242, comm: 'app', tracerPid: 0, tracerComm: null, stracePid: 5000, ourUid: 1000, targetUid: 1000, ptraceScope: null, targetGone: false,
};

test('refused: another user\'s process, Yama, another tracer, or the kernel\'s own words', () => {
  assert.equal(refusal(EPERM, { ...facts, targetUid: 0 }), 'not permitted to trace app (4242): it belongs to uid 0 (trace it as that user or as root)');
  assert.equal(refusal(EPERM, { ...facts, ptraceScope: 1 }),
    'not permitted to trace app (4242): kernel.yama.ptrace_scope is 1 (0 lets a user trace their own processes; or run as root)');
  assert.equal(refusal(EPERM, { ...facts, tracerPid: 77, tracerComm: 'gdb' }), 'app (4242) is already traced by gdb (77): a process has one tracer at a time');
  assert.equal(refusal(EPERM, { ...facts, tracerPid: 5000 }), 'not permitted to trace app (4242): attach: ptrace(PTRACE_SEIZE, 4242): Operation not permitted');
  assert.equal(refusal(EPERM, { ...facts, ourUid: 0, targetUid: 1000, ptraceScope: 3 }),
    'not permitted to trace app (4242): kernel.yama.ptrace_scope is 3 (0 lets a user trace their own processes; or run as root)');
});

test('ended on its own: the target exited; other strace messages pass through, made visible', () => {
  assert.equal(refusal('', { ...facts, targetGone: true }), 'app (4242) exited during the trace');
  assert.equal(refusal('', facts), 'app (4242) exited during the trace');
  assert.equal(refusal('strace: attach: ptrace(PTRACE_SEIZE, 4242): No such process\n', facts), 'app (4242) exited during the trace');
  assert.equal(refusal('strace: odd \x1b[2J\n', facts), 'strace: odd \\x1b[2J');
  assert.equal(refusal('', { ...facts, comm: 'x\x1b]0;t\x07', targetGone: true }), 'x\\x1b]0;t\\x07 (4242) exited during the trace');
});
