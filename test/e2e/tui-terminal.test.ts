import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tmux, type TmuxOptions } from '../helpers/tmux.js';
import { MEMTOP, memtopCommand, memtopExit, memtopPid } from '../helpers/tmux-memtop.js';

test('resizing to 60x20 shows "terminal too small", and back to 160x48 the table again', async () => {
  const tmux = new Tmux(memtopCommand());
  try {
    await tmux.waitFor(/total of [1-9]\d* shown/);
    tmux.resize(60, 20);
    await tmux.waitForAll([/terminal too small: 60×20/, /memtop needs at least 80×24/]);
    tmux.resize(160, 48);
    const back = await tmux.waitFor((s) => /total of [1-9]\d* shown/.test(s) && !s.includes('too small') && /^F1Help/.test(s.split('\n')[47] ?? ''));
    assert.equal(back.split('\n').length >= 48, true);
    tmux.send('q');
    assert.equal(await memtopExit(tmux), 0);
  } finally {
    tmux.kill();
  }
});

// SIGTERM and SIGQUIT end memtop as q does (as htop); SIGHUP with the terminal still there (`kill -HUP`) too, with a
// shell's status for a hang-up.
for (const [signal, status] of [['SIGTERM', 0], ['SIGQUIT', 0], ['SIGHUP', 129]] as const) {
  test(`${signal} ends memtop with status ${status} and the terminal restored`, async () => {
    const tmux = new Tmux(memtopCommand());
    try {
      await tmux.waitFor(/total of [1-9]\d* shown/);
      process.kill(memtopPid(tmux), signal);
      assert.equal(await memtopExit(tmux), status);
      assert.equal(await tmux.waitForInfo('#{alternate_on}', '0'), '0');
      assert.equal(await tmux.waitForInfo('#{cursor_flag}', '1'), '1');
      assert.equal(await tmux.waitForInfo('#{mouse_any_flag}', '0'), '0');
    } finally {
      tmux.kill();
    }
  });
}

test('standard output not a terminal: one line pointing to memtop snapshot, exit 2', () => {
  const result = spawnSync(process.execPath, [MEMTOP], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
  assert.equal(result.status, 2);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /memtop snapshot/);
});

test('--delay outside 0.2..3600 and an unknown --sort column are usage errors (exit 2)', () => {
  for (const args of [['--delay', '0.1'], ['-d', '3601'], ['--delay', 'soon'], ['--sort', 'nosuch'], ['--columns', 'pid,bogus']]) {
    const result = spawnSync(process.execPath, [MEMTOP, ...args], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /^memtop: /);
  }
});

/**
 * The terminal goes away (its window is closed): memtop runs as an interactive shell's
 * foreground job would, and the shell, hung up, passes SIGHUP on; every use of the terminal
 * fails with EIO from then on. memtop used to die of SIGSEGV there (status 139, after Node's
 * "Assertion failed" in ResetStdio and memtop's own "cannot write the output").
 */
test('the terminal goes away: memtop ends with 129 and prints nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-hangup-'));
  const statusFile = join(dir, 'status');
  const stderrFile = join(dir, 'stderr');
  const script = 'trap \'kill -HUP $pid 2>/dev/null\' HUP; "$@" </dev/tty >/dev/tty 2>"$ERRFILE" & pid=$!; '
    + 'wait $pid; st=$?; while kill -0 $pid 2>/dev/null; do wait $pid; st=$?; done; echo $st > "$STATUSFILE"';
  const tmux = new Tmux(['bash', '-c', script, 'bash', process.execPath, MEMTOP], { env: { ERRFILE: stderrFile, STATUSFILE: statusFile } });
  try {
    await tmux.waitFor(/total of [1-9]\d* shown/);
    tmux.kill();
    const deadline = Date.now() + 15_000;
    while (!existsSync(statusFile) || readFileSync(statusFile, 'utf8') === '') {
      assert.ok(Date.now() < deadline, 'memtop ended');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(readFileSync(statusFile, 'utf8').trim(), '129');
    assert.equal(readFileSync(stderrFile, 'utf8'), '');
  } finally {
    tmux.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an uncaught error: the terminal restored, one line and the crash log\'s path on stderr, no stack trace, status 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-crash-'));
  const stderrFile = join(dir, 'stderr');
  // A module loaded before memtop throws from a timer once the UI has drawn its table (or after
  // 20 s), and again every millisecond after (errors while memtop shuts down must not come out
  // raw either). Armed by what memtop writes, so a slow first sample on a busy machine is no race.
  const thrower = 'data:text/javascript,' + [
    'const write = process.stdout.write.bind(process.stdout); let armed = false;',
    'const arm = () => { if (!armed) { armed = true; setTimeout(() => setInterval(() => { throw new Error("planted failure"); }, 1), 300); } };',
    'process.stdout.write = (chunk, ...rest) => { const done = write(chunk, ...rest); if (String(chunk).includes("shown")) arm(); return done; };',
    'setTimeout(arm, 20000).unref()',
  ].join(' '); // no ';' at the end: tmux would take a trailing one as its command separator
  const script = 'TERM=xterm-256color; export TERM; "$@" 2>"$ERRFILE"; echo "memtop exited with status $?"; exec sleep 600';
  const tmux = new Tmux(['sh', '-c', script, 'sh', process.execPath, '--import', thrower, MEMTOP], { env: { ERRFILE: stderrFile } });
  try {
    await tmux.waitFor(/total of [1-9]\d* shown/);
    assert.equal(await memtopExit(tmux), 1);
    assert.equal(await tmux.waitForInfo('#{alternate_on}', '0'), '0');
    const stderr = readFileSync(stderrFile, 'utf8');
    const log = /^memtop: internal error: planted failure\nmemtop: details are in (\S+memtop-crash-\d+\.log)\n$/.exec(stderr);
    assert.ok(log, `stderr: ${stderr}`);
    assert.match(readFileSync(log[1], 'utf8'), /planted failure/);
    rmSync(log[1], { force: true });
  } finally {
    tmux.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The key bar of the processes view, whole (from 96 columns on). */
const KEY_BAR = 'F1Help  F2Views F3SearchF4FilterF6SortByF9Kill  F10Quit  EnterMaps  HHist  SpcTag   ZPause KKthr  cCols';

/**
 * memtop's screen drawn for a pane of `rows` rows: the header on the first row, the totals on
 * the one before the last, the key bar on the last (drawn for an old size, the rows are wrapped
 * and shifted: the first once began "9Swp[r; 1 running").
 */
function drawnFor(screen: string, rows: number): boolean {
  const lines = screen.split('\n');
  // The key bar as wide as the pane allows: all of it, or as many whole keys as fit.
  const bar = (lines[rows - 1] ?? '').trimEnd();
  return lines[0].startsWith(' Mem[') && /total of [1-9]\d* shown/.test(lines[rows - 2] ?? '') && bar.length >= 60 && KEY_BAR.startsWith(bar);
}

/**
 * memtop started from an interactive bash in a pane, as a user would (or through `sh -c`, as
 * `npm start` runs it); its PID.
 */
async function memtopUnderBash(tmux: Tmux, wrapped = false): Promise<number> {
  await tmux.waitFor('PROMPT$');
  const command = `"${process.execPath}" "${MEMTOP}"`;
  tmux.type(wrapped ? `sh -c '${command}; echo "memtop ended: $?"'` : command);
  tmux.send('Enter');
  await tmux.waitFor(/total of [1-9]\d* shown/);
  const pid = memtopPid(tmux);
  if (!wrapped) return pid;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  assert.equal(children.length, 1, 'memtop under sh');
  return Number(children[0]);
}

/** Stops memtop by `signal`, waits for the shell to say so, and continues it in the background. */
async function stopThenBg(tmux: Tmux, pid: number, signal: 'SIGTSTP' | 'SIGSTOP'): Promise<void> {
  process.kill(pid, signal);
  await tmux.waitFor(/Stopped[\s\S]*PROMPT\$/);
  shell(tmux, 'bg');
  // (After a SIGSTOP memtop's screen stays under the shell's lines: the job line alone is looked for.)
  await tmux.waitFor(/^\[1\]\+ .*memtop\.js" &/m);
}

/** Types a command line at the pane's shell. */
function shell(tmux: Tmux, line: string): void {
  tmux.type(line);
  tmux.send('Enter');
}

/**
 * Waits until memtop's screen is back, drawn whole for a pane of `rows` rows, then quits it with q
 * (raw mode: no Enter needed).
 */
async function backAndQuit(tmux: Tmux, pid: number, rows = 48): Promise<void> {
  assert.equal(await tmux.waitForInfo('#{alternate_on}', '1'), '1', 'memtop\'s screen again');
  await tmux.waitFor((screen) => drawnFor(screen, rows));
  tmux.send('q');
  assert.equal(await tmux.waitForInfo('#{alternate_on}', '0'), '0', 'q quit without Enter');
  await waitForState(pid, (s) => s === null, 'gone');
}

// Without TMUX in its environment memtop draws as in any other terminal (blessed takes some
// tmux-only paths that flush its output buffer early, which once hid a bug here).
const INTERACTIVE_BASH = ['env', '-u', 'TMUX', 'PS1=PROMPT$ ', 'bash', '--norc', '--noprofile', '-i'];

/** Runs `body` with an interactive bash in a tmux pane of its own, ended afterwards whatever happens. */
async function withShell(body: (tmux: Tmux) => Promise<void>, options?: TmuxOptions): Promise<void> {
  const tmux = new Tmux(INTERACTIVE_BASH, options);
  try {
    await body(tmux);
  } finally {
    tmux.kill();
  }
}

/**
 * Job control under an interactive shell: `kill -TSTP` gives the terminal back (the shell's
 * prompt shows on the normal screen) and stops memtop; `fg` continues it, and it takes the
 * terminal again: its screen, and raw mode (q quits at once; in the shell's line mode it waited
 * for Enter).
 */
test('kill -TSTP hands the terminal back to the shell; fg brings memtop back, keys work at once', async () => {
  await withShell(async (tmux) => {
    process.kill(await memtopUnderBash(tmux), 'SIGTSTP');
    assert.equal(await tmux.waitForInfo('#{alternate_on}', '0'), '0', 'the normal screen again');
    assert.equal(await tmux.waitForInfo('#{cursor_flag}', '1'), '1', 'the cursor shown');
    assert.equal(await tmux.waitForInfo('#{mouse_any_flag}', '0'), '0', 'no mouse reporting');
    await tmux.waitFor(/Stopped[\s\S]*PROMPT\$/);
    // The window changes size while memtop is stopped (the shell in the foreground is told).
    tmux.resize(100, 30);
    tmux.type('fg');
    tmux.send('Enter');
    assert.equal(await tmux.waitForInfo('#{alternate_on}', '1'), '1', 'memtop\'s screen again');
    await tmux.waitFor((screen) => drawnFor(screen, 30));
    tmux.send('q');
    assert.equal(await tmux.waitForInfo('#{alternate_on}', '0'), '0', 'q quit without Enter');
    await tmux.waitFor(/^PROMPT\$\s*$/m);
  });
});

test('kill -STOP (no chance to hand the terminal over), then fg: memtop takes raw mode back, q quits at once', async () => {
  await withShell(async (tmux) => {
    process.kill(await memtopUnderBash(tmux), 'SIGSTOP');
    await tmux.waitFor(/Stopped/);
    tmux.type('fg');
    tmux.send('Enter');
    await tmux.waitFor(/total of [1-9]\d* shown/);
    tmux.send('q');
    assert.equal(await tmux.waitForInfo('#{alternate_on}', '0'), '0', 'q quit without Enter');
  });
});

/** The state letter of a process (R, S, T…), or null once it is gone (reaped by the shell). */
function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

async function waitForState(pid: number, wanted: (state: string | null) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const state = processState(pid);
    if (wanted(state)) return;
    if (Date.now() > deadline) assert.fail(`memtop (${pid}) should be ${what}; its state is ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A stopped memtop is in the background: `bg` lets it run there, leaving the terminal to the shell
 * (not stopped again by SIGTTOU for touching the terminal's modes, and drawing nothing over the
 * shell's screen); `fg` brings it back.
 */
test('kill -TSTP, then bg: memtop runs in the background without taking the terminal; fg brings it back', async () => {
  await withShell(async (tmux) => {
    const pid = await memtopUnderBash(tmux);
    await stopThenBg(tmux, pid, 'SIGTSTP');
    // Long enough for a few samples, each of which would draw.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const state = processState(pid);
    assert.ok(state === 'S' || state === 'R', `running in the background (state ${state})`);
    assert.equal(tmux.info('#{alternate_on}'), '0', 'the shell\'s normal screen stays');
    assert.doesNotMatch(tmux.capture(), /total of \d+ shown|F1Help/, 'nothing of memtop drawn over the shell');
    // Resized while in the background (the shell in the foreground is told, not memtop).
    tmux.resize(100, 30);
    shell(tmux, 'fg');
    await backAndQuit(tmux, pid, 30);
  });
});

/** `kill %1` on a stopped job sends SIGTERM, then SIGCONT: memtop ends (status 0) in the background. */
test('kill %1 on a stopped memtop ends it at once, the shell\'s screen left as it is', async () => {
  await withShell(async (tmux) => {
    const pid = await memtopUnderBash(tmux);
    process.kill(pid, 'SIGTSTP');
    await tmux.waitFor(/Stopped[\s\S]*PROMPT\$/);
    tmux.type('kill %1');
    tmux.send('Enter');
    await waitForState(pid, (s) => s === null || s === 'Z', 'gone');
    tmux.type('jobs -l; echo "jobs: done"');
    tmux.send('Enter');
    const screen = await tmux.waitFor(/^jobs: done/m);
    const jobs = screen.slice(screen.lastIndexOf('PROMPT$ jobs -l;'), screen.lastIndexOf('jobs: done'));
    assert.doesNotMatch(jobs, /Stopped/, `no stopped job left:\n${jobs}`);
    assert.equal(tmux.info('#{alternate_on}'), '0');
  });
});

test('kill -STOP, then bg: memtop runs in the background quietly (the shell reads its keys); kill %1 ends it', async () => {
  await withShell(async (tmux) => {
    const pid = await memtopUnderBash(tmux);
    await stopThenBg(tmux, pid, 'SIGSTOP');
    // Keys typed now are the shell's: memtop reading them would be stopped (SIGTTIN).
    shell(tmux, 'echo "typed at the $((6 * 7)) shell"');
    await tmux.waitFor(/^typed at the 42 shell/m);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const state = processState(pid);
    assert.ok(state === 'S' || state === 'R', `running in the background (state ${state})`);
    // Ending it from the background must not touch the terminal's modes (SIGTTOU would stop it).
    shell(tmux, 'kill %1');
    await waitForState(pid, (s) => s === null || s === 'Z', 'gone');
  });
});

// Stopped by a signal it handles (TSTP: the terminal handed back) or cannot (STOP), continued in
// the background, then stopped again there: one fg must bring it back (a second stop while the
// terminal was handed back once lost blessed's writer; one in the background was stopped twice).
for (const first of ['SIGTSTP', 'SIGSTOP'] as const) {
  test(`${first}, bg, then kill -TSTP %1: stopped once, and one fg brings memtop's screen back`, async () => {
    await withShell(async (tmux) => {
      const pid = await memtopUnderBash(tmux);
      await stopThenBg(tmux, pid, first);
      shell(tmux, 'kill -TSTP %1');
      await waitForState(pid, (s) => s === 'T', 'stopped again');
      shell(tmux, 'fg');
      await backAndQuit(tmux, pid);
    });
  });
}

test('Ctrl-Z suspends memtop to the shell; fg brings it back', async () => {
  await withShell(async (tmux) => {
    const pid = await memtopUnderBash(tmux);
    tmux.send('C-z');
    assert.equal(await tmux.waitForInfo('#{alternate_on}', '0'), '0', 'the normal screen again');
    await tmux.waitFor(/Stopped[\s\S]*PROMPT\$/);
    assert.equal(processState(pid), 'T');
    shell(tmux, 'fg');
    await backAndQuit(tmux, pid);
  });
});

test('started through sh -c (as npm start does), kill -TSTP stops the whole job: the shell gets its prompt back', async () => {
  await withShell(async (tmux) => {
    const pid = await memtopUnderBash(tmux, true);
    process.kill(pid, 'SIGTSTP');
    await tmux.waitFor(/Stopped\s+sh -c[\s\S]*PROMPT\$/);
    shell(tmux, 'fg');
    await backAndQuit(tmux, pid);
    await tmux.waitFor(/^memtop ended: 0/m);
  });
});

/**
 * memtop drawn on another pane's terminal (not its controlling one: job control does not apply
 * there), started in the background of this pane's shell: a SIGCONT must not make it think it
 * is in the background of that terminal.
 */
test('on a terminal other than its controlling one, memtop keeps drawing and reading keys after SIGCONT', async () => {
  await withShell(async (tmux) => {
    await tmux.waitFor('PROMPT$');
    tmux.tmux(['split-window', '-t', 'e2e', '-v', 'sleep 600']);
    const other = tmux.tmux(['display-message', '-p', '-t', 'e2e.1', '#{pane_tty}']).trim();
    const otherScreen = () => tmux.tmux(['capture-pane', '-p', '-t', 'e2e.1']);
    tmux.tmux(['select-pane', '-t', 'e2e.0']);
    shell(tmux, `"${process.execPath}" "${MEMTOP}" <${other} >${other} 2>&1 & echo "started $!"`);
    const pid = Number(/started (\d+)/.exec(await tmux.waitFor(/started \d+/))![1]);
    const deadline = Date.now() + 15_000;
    while (!/total of [1-9]\d* shown/.test(otherScreen())) {
      if (Date.now() > deadline) assert.fail(`memtop never drew on ${other}:\n${otherScreen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.kill(pid, 'SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    tmux.tmux(['send-keys', '-t', 'e2e.1', 'F1']);
    const helpDeadline = Date.now() + 10_000;
    while (!/this help/.test(otherScreen())) {
      if (Date.now() > helpDeadline) assert.fail(`F1 showed no help on ${other}:\n${otherScreen()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.kill(pid, 'SIGTERM');
    await waitForState(pid, (s) => s === null || s === 'Z', 'gone');
  }, { rows: 60 });
});

/** The pane terminal's modes as `stty -g` gives them (read from outside, while the shell waits). */
function terminalModes(tmux: Tmux): string {
  const tty = tmux.info('#{pane_tty}');
  const stty = spawnSync('stty', ['-F', tty, '-g'], { encoding: 'utf8' });
  assert.equal(stty.status, 0, stty.stderr);
  return stty.stdout.trim();
}

// Ended in the background (`kill %1` on the stopped job), memtop must leave the shell a usable
// terminal: its own screen modes undone (after a SIGSTOP they were never handed over), the
// keypad's application mode off, and the shell's line-editing modes untouched (Node's exit used
// to put back the modes it found at start: readline then echoed every line twice).
for (const how of ['C-z', 'SIGSTOP'] as const) {
  test(`stopped by ${how}, then kill %1: memtop ends, the terminal left as the shell had it`, async () => {
    await withShell(async (tmux) => {
      await tmux.waitFor('PROMPT$');
      const shellModes = terminalModes(tmux);
      const pid = await memtopUnderBash(tmux);
      if (how === 'C-z') tmux.send('C-z');
      else process.kill(pid, 'SIGSTOP');
      await tmux.waitFor(/Stopped[\s\S]*PROMPT\$/);
      shell(tmux, 'kill %1');
      await waitForState(pid, (s) => s === null || s === 'Z', 'gone');
      shell(tmux, 'echo "after: $((6 * 7))"');
      await tmux.waitFor(/^after: 42/m);
      const modes = ['#{alternate_on}', '#{cursor_flag}', '#{mouse_any_flag}', '#{keypad_flag}', '#{keypad_cursor_flag}'];
      assert.deepEqual(modes.map((m) => tmux.info(m)), ['0', '1', '0', '0', '0'], modes.join(' '));
      assert.equal(terminalModes(tmux), shellModes, 'the shell\'s terminal modes');
    });
  });
}

test('Ctrl-Z with a dialog open suspends too; twice at once stops memtop once', async () => {
  await withShell(async (tmux) => {
    const pid = await memtopUnderBash(tmux);
    tmux.send('F1');
    await tmux.waitFor(/this help/);
    tmux.send('C-z', 'C-z');
    await tmux.waitFor(/Stopped[\s\S]*PROMPT\$/);
    assert.equal(processState(pid), 'T');
    shell(tmux, 'fg');
    assert.equal(await tmux.waitForInfo('#{alternate_on}', '1'), '1', 'memtop\'s screen again');
    await tmux.waitFor(/this help/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.notEqual(processState(pid), 'T', 'not stopped again by the second Ctrl-Z');
    tmux.send('Escape');
    await backAndQuit(tmux, pid);
  });
});

test('under stty tostop, kill -STOP then kill %1 still ends memtop (it writes nothing from the background)', async () => {
  await withShell(async (tmux) => {
    await tmux.waitFor('PROMPT$');
    shell(tmux, 'stty tostop');
    const pid = await memtopUnderBash(tmux);
    process.kill(pid, 'SIGSTOP');
    await tmux.waitFor(/Stopped[\s\S]*PROMPT\$/);
    shell(tmux, 'kill %1');
    await waitForState(pid, (s) => s === null || s === 'Z', 'gone');
  });
});
