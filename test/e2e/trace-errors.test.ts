/**
 * `memtop trace` refusals: one line, exit 1 (2 for usage), no stack trace, nothing left behind
 * (the helper untraced afterwards): an unknown PID, a kernel thread, a process already traced
 * (the tracer named), strace missing (how to install it), another user's process as nobody.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memtopBin, repoRoot } from '../helpers/paths.js';
import { startTracehog, tracerPid, until } from '../helpers/trace-helpers.js';

function trace(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [memtopBin, 'trace', ...args], { encoding: 'utf8', timeout: 60_000, env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function oneLine(stderr: string, pattern: RegExp): void {
  assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
  assert.match(stderr.trimEnd(), pattern);
  assert.doesNotMatch(stderr, /\n\s+at /);
}

test('an unknown PID: no such process, exit 1', () => {
  const run = trace(['999999999']);
  assert.equal(run.status, 1);
  oneLine(run.stderr, /^memtop: no such process: 999999999$/);
});

test('a kernel thread: said, exit 1', () => {
  const kthread = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).find((n) => {
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      return (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[6]) & 0x00200000) !== 0;
    } catch {
      return false;
    }
  });
  assert.ok(kthread, 'no kernel thread visible');
  const run = trace([kthread]);
  assert.equal(run.status, 1);
  oneLine(run.stderr, new RegExp(`^memtop: .* \\(${kthread}\\) is a kernel thread: it makes no system calls of its own to trace$`));
});

test('a bad --duration is a usage error (exit 2)', () => {
  const run = trace(['1', '--duration', '0']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^memtop: option '-d, --duration <seconds>' argument '0' is invalid\. a number of seconds above 0/);
});

test('strace missing: how to install it, exit 1, the helper untouched', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const run = trace([String(hog.pid)], { PATH: '/nonexistent' });
  assert.equal(run.status, 1);
  oneLine(run.stderr, /^memtop: strace is not installed: install it \(Debian, Ubuntu: apt-get install strace; /);
  assert.ok(hog.runningUntraced());
});

test('already traced: the tracer is named; the other tracer keeps it', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const other = spawn('strace', ['-qq', '-e', 'trace=memory', '-p', String(hog.pid)], { stdio: 'ignore' });
  t.after(() => other.kill('SIGKILL'));
  await until('the other strace attached', () => tracerPid(hog.pid) === other.pid);
  const run = trace([String(hog.pid)]);
  assert.equal(run.status, 1);
  oneLine(run.stderr, new RegExp(`^memtop: tracehog \\(${hog.pid}\\) is already traced by strace \\(${other.pid}\\): a process has one tracer at a time$`));
  assert.equal(tracerPid(hog.pid), other.pid);
  other.kill('SIGINT');
  await until('the other strace detached', () => tracerPid(hog.pid) === 0);
  assert.ok(hog.runningUntraced());
});

const asRoot = process.getuid?.() === 0;
test('as nobody, a root process: not permitted, whose it is, exit 1, the helper untraced', { skip: asRoot ? false : 'the suite is not running as root' }, async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  // The repository may sit in a directory nobody cannot read: run a world-readable copy.
  const dir = mkdtempSync(join(tmpdir(), 'memtop-trace-nobody-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(repoRoot, 'dist', 'bin'), join(dir, 'dist', 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  chmodSync(dir, 0o755);
  const result = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, join(dir, 'dist', 'bin', 'memtop.js'), 'trace', String(hog.pid)],
    { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  assert.equal(result.status, 1, result.stderr);
  oneLine(result.stderr, new RegExp(`^memtop: not permitted to trace tracehog \\(${hog.pid}\\): it belongs to uid 0 \\(trace it as that user or as root\\)$`));
  assert.ok(hog.runningUntraced());
});

test('an --svg or --folded path that cannot be written is said before tracing, exit 1, the helper untraced', async (t) => {
  const hog = await startTracehog();
  t.after(() => hog.stop());
  const run = trace([String(hog.pid), '--svg', '/nonexistent-dir/flame.svg']);
  assert.equal(run.status, 1);
  oneLine(run.stderr, /^memtop: cannot write \/nonexistent-dir\/flame\.svg: ENOENT$/);
  assert.equal(run.stdout, '');
  assert.ok(hog.runningUntraced());
});
