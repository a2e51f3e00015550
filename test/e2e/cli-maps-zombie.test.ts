// memtop maps of a live zombie: said to be one, no mappings, exit 0 (as for a kernel thread).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { runMemtop } from '../helpers/run-memtop.js';

/** The PIDs whose parent is `ppid` (from each /proc/PID/stat). */
function childrenOf(ppid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid) children.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

test('a zombie (a child its parent never reaps): "is a zombie" on stderr, 0 mappings, exit 0', async (t) => {
  // The shell starts `sleep 0`, then becomes `sleep 30`, which never reaps it.
  const parent = spawn('sh', ['-c', 'sleep 0 & exec sleep 30'], { stdio: 'ignore' });
  t.after(() => parent.kill('SIGKILL'));
  let zombie: number | undefined;
  for (let waitedMs = 0; zombie === undefined && waitedMs < 10_000; waitedMs += 50) {
    await sleep(50);
    zombie = childrenOf(parent.pid!).find((pid) => /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')));
  }
  assert.ok(zombie !== undefined, 'a zombie child');
  const run = runMemtop(['maps', String(zombie)]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`^memtop: ${zombie} \\(sleep\\) is a zombie: it has exited and holds no memory`));
  assert.match(run.stdout, /\(0 mappings\)/);
});
