import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit } from '../helpers/tmux-memtop.js';

test('a real process whose argv hides text behind 100 combining marks: the hidden text is on the screen', async (t) => {
  const name = `/usr/sbin/sshd -D${'\u0301'.repeat(100)} --exfiltrate /etc/shadow`;
  // bash's exec -a sets argv[0]: the command line is that name, then sleep's own argument.
  const helper = spawn('bash', ['-c', 'exec -a "$0" sleep 600', name], { stdio: 'ignore' });
  t.after(() => helper.kill('SIGKILL'));
  const deadline = Date.now() + 10_000;
  while (!readFileSync(`/proc/${helper.pid}/cmdline`, 'utf8').startsWith('/usr/sbin/sshd')) {
    if (Date.now() > deadline) throw new Error('the helper never took its name');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const tmux = new Tmux(memtopCommand());
  try {
    await tmux.waitFor(/total of [1-9]\d* shown/);
    tmux.send('\\');
    tmux.type('exfiltrate');
    const isRow = (line: string) => new RegExp(`^ *${helper.pid} `).test(line);
    const screen = await tmux.waitFor((s) => s.includes('total of 1 shown') && s.split('\n').some(isRow));
    const row = screen.split('\n').find(isRow)!;
    assert.match(row, /\/usr\/sbin\/sshd -D\u0301\u0301\\u0301×98 --exfiltrate \/etc\/shadow 600/, row);
    tmux.send('Enter');
    await tmux.waitFor((s) => !s.includes('Filter:'));
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});
