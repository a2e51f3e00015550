import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { memtopBin } from '../../test/helpers/paths.js';
import { generateProcTree } from '../../test/helpers/proc-tree.js';
import { chooseRawFs, publicCallsAreDirect, publicFs, rawFs, type RawFs } from './raw-fs.js';

const bothWays: RawFs[] = [chooseRawFs(), publicFs];
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;

function readWhole(fs: RawFs, path: string): string {
  const fd = fs.open(path);
  try {
    let buffer = Buffer.alloc(4096);
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
      const n = fs.read(fd, buffer, length, buffer.length - length);
      if (n === 0) return buffer.toString('utf8', 0, length);
      length += n;
    }
  } finally {
    fs.close(fd);
  }
}

function codeOf(body: () => unknown): string {
  try {
    body();
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'no code';
  }
  return 'no error';
}

test('this Node calls its fs binding directly from openSync, readSync, closeSync and statSync, so memtop does too', () => {
  // Node 20.20 (the version CI installs) is such a Node; an older 20.x passes a context object
  // instead, and memtop then keeps to the public functions.
  assert.equal(rawFs.kind, 'binding', `Node ${process.versions.node}: public calls ${openSync.toString().slice(0, 200)}`);
});

test('the source check refuses the older binding calls that report errors through a context object', () => {
  const direct = { open: openSync.toString(), read: readSync.toString(), close: closeSync.toString(), stat: statSync.toString() };
  assert.equal(publicCallsAreDirect(direct), true);
  // Node 20.0's openSync, as it was.
  const older = `function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  const ctx = { path };
  const result = binding.open(pathModule.toNamespacedPath(path), flagsNumber, mode, undefined, ctx);
  handleErrorFromBinding(ctx);
  return result;
}`;
  assert.equal(publicCallsAreDirect({ ...direct, open: older }), false);
  assert.equal(publicCallsAreDirect({ ...direct, stat: 'function statSync(path) { return fs.statSync(path); }' }), false);
});

test('MEMTOP_PUBLIC_FS=1 and --pending-deprecation (process.binding would warn) keep to the public functions', () => {
  assert.equal(chooseRawFs({}, []).kind, 'binding');
  assert.equal(chooseRawFs({ MEMTOP_PUBLIC_FS: '1' }, []).kind, 'fs');
  assert.equal(chooseRawFs({ NODE_PENDING_DEPRECATION: '1' }, []).kind, 'fs');
  assert.equal(chooseRawFs({}, ['--pending-deprecation']).kind, 'fs');
  assert.equal(chooseRawFs({}, ['--pending_deprecation']).kind, 'fs');
  assert.equal(chooseRawFs({ NODE_OPTIONS: '--max-old-space-size=100 --pending-deprecation' }, []).kind, 'fs');
  assert.equal(chooseRawFs({ NODE_OPTIONS: '--pending_deprecation' }, []).kind, 'fs');
});

test('either way, the same bytes, the same error codes and the same owner', () => {
  assert.deepEqual(bothWays.map((fs) => fs.kind), ['binding', 'fs'], 'both ways are compared');
  const dir = mkdtempSync(join(tmpdir(), 'memtop-raw-fs-'));
  try {
    const big = join(dir, 'big');
    writeFileSync(big, 'x'.repeat(100_000) + '\n');
    const owned = join(dir, 'owned');
    writeFileSync(owned, '');
    if (isRoot) chownSync(owned, 65534, 65534);
    for (const fs of bothWays) {
      assert.equal(readWhole(fs, '/etc/passwd'), readFileSync('/etc/passwd', 'utf8'), fs.kind);
      assert.ok(readWhole(fs, big) === readFileSync(big, 'utf8'), `${fs.kind}: a file larger than one read`);
      assert.equal(readWhole(fs, '/proc/self/cmdline'), readFileSync('/proc/self/cmdline', 'utf8'), fs.kind);
      assert.equal(codeOf(() => fs.open(join(dir, 'missing'))), 'ENOENT', fs.kind);
      assert.equal(codeOf(() => fs.open('/proc/1/../999999999/stat')), 'ENOENT', fs.kind);
      assert.equal(codeOf(() => fs.read(987654, Buffer.alloc(16), 0, 16)), 'EBADF', fs.kind);
      assert.equal(fs.read(0, Buffer.alloc(4), 4, 0), 0, `${fs.kind}: nothing asked, nothing read (the binding would abort)`);
      assert.throws(() => fs.read(0, Buffer.alloc(4), 2, 4), RangeError, `${fs.kind}: past the end of the buffer`);
      assert.throws(() => fs.read(0, Buffer.alloc(4), -1, 2), RangeError, fs.kind);
      assert.throws(() => fs.open(`${dir}/owned\0/x`), /argument|path/i, `${fs.kind}: a NUL in the path`);
      assert.equal(fs.ownerUid(owned), statSync(owned).uid, fs.kind);
      if (isRoot) assert.equal(fs.ownerUid(owned), 65534, fs.kind);
      assert.equal(fs.ownerUid(join(dir, 'missing')), null, fs.kind);
      assert.equal(fs.ownerUid(`/proc/${process.pid}`), process.geteuid?.(), fs.kind);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a refused open throws EACCES either way (as nobody, when the suite runs as root)', { skip: !isRoot ? 'the suite is not running as root' : !hasSetpriv ? 'setpriv is not installed' : false }, () => {
  // raw-fs.js imports nothing of memtop's: a copy in a directory nobody can read serves.
  const dir = mkdtempSync(join(tmpdir(), 'memtop-raw-fs-nobody-'));
  try {
    chmodSync(dir, 0o755);
    copyFileSync(new URL('./raw-fs.js', import.meta.url), join(dir, 'raw-fs.mjs'));
    const script = `
      const { chooseRawFs, publicFs } = await import(${JSON.stringify(join(dir, 'raw-fs.mjs'))});
      const codes = [chooseRawFs(), publicFs].map((fs) => { try { fs.open('/proc/1/smaps_rollup'); return 'opened'; } catch (err) { return fs.kind + ':' + err.code; } });
      console.log(codes.join(' '));`;
    const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'binding:EACCES fs:EACCES');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('memtop snapshot under --pending-deprecation, in every spelling, prints no deprecation warning, its read-ahead thread included', () => {
  // 400 processes: enough for the read-ahead thread, which calls the binding on its own.
  const tree = generateProcTree(400);
  try {
    const ways: { args: string[]; env: NodeJS.ProcessEnv }[] = [
      { args: ['--pending-deprecation'], env: {} },
      { args: ['--pending_deprecation'], env: {} },
      { args: [], env: { NODE_OPTIONS: '--pending_deprecation' } },
      { args: [], env: { NODE_PENDING_DEPRECATION: '1' } },
    ];
    for (const { args, env } of ways) {
      for (const root of [tree.root, '/proc']) {
        const run = spawnSync(process.execPath, [...args, memtopBin, 'snapshot', '--json', '--proc', root], {
          encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024,
        });
        const how = `${args.join(' ')} ${JSON.stringify(env)} ${root}`;
        assert.equal(run.status, 0, `${how}: ${run.stderr}`);
        assert.equal(run.stderr, '', how);
        assert.ok((JSON.parse(run.stdout) as { processes: unknown[] }).processes.length >= (root === '/proc' ? 1 : 400), how);
      }
    }
  } finally {
    tree.remove();
  }
});

test('a snapshot whose read-ahead thread calls the binding reads the same as one on the public functions', () => {
  const tree = generateProcTree(400);
  try {
    const run = (env: NodeJS.ProcessEnv) => {
      const result = spawnSync(process.execPath, [memtopBin, 'snapshot', '--json', '--proc', tree.root], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
      assert.equal(result.status, 0, result.stderr);
      return (JSON.parse(result.stdout) as { processes: unknown[] }).processes;
    };
    const viaBinding = run({});
    assert.equal(viaBinding.length, 400);
    assert.deepEqual(viaBinding, run({ MEMTOP_PUBLIC_FS: '1' }));
  } finally {
    tree.remove();
  }
});
