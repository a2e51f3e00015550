/**
 * The record → replay round trip in a real terminal (tmux): `memtop record` writes 20 s of
 * helpers of known memory while live snapshots are taken; `memtop replay`, sent to each
 * snapshot's moment with g HH:MM:SS, shows the helper rows with the snapshot's figures. A
 * recorder killed with SIGKILL leaves a file that replays to its last whole sample, and says so.
 * The proc root shows the helpers alone (symbolic links into the live /proc, narrow-proc.ts), so
 * a 1 s recording keeps its pace on a machine busy with thousands of other processes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tmux } from '../helpers/tmux.js';
import { memtopCommand, memtopExit, MEMTOP } from '../helpers/tmux-memtop.js';
import { memtopJson, runMemtop } from '../helpers/run-memtop.js';
import { startMemhog } from '../helpers/live-helpers.js';
import { startLeakhog } from '../helpers/leak-helpers.js';
import { narrowProc } from '../helpers/narrow-proc.js';
import type { SnapshotJson } from '../helpers/snapshot-types.js';
import { humanBytes } from '../../src/model/human-units.js';

const TZ = { TZ: 'UTC' };
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** A live snapshot of the helpers and the moment it was taken (the middle of its run). */
function snapshot(root: string, pids: number[]) {
  const beforeMs = Date.now();
  const json = memtopJson<SnapshotJson>(['snapshot', '--json', '--proc', root, '-p', pids.join(',')]);
  return { atMs: Math.round((beforeMs + Date.now()) / 2), beforeMs, json };
}

/** RSS, PSS and USS of a process's row as the table shows them (pid user vss rss shr pss uss ...). */
function rowFigures(screen: string, pid: number): string[] {
  const line = screen.split('\n').find((l) => new RegExp(`^ *${pid} `).test(l));
  assert.ok(line, `no row for ${pid}:\n${screen}`);
  const cells = line.trim().split(/\s+/);
  return [cells[3], cells[5], cells[6]];
}

function figures(p: { rss: number | null; pss: number | null; uss: number | null }): string[] {
  return [humanBytes(p.rss), humanBytes(p.pss), humanBytes(p.uss)];
}

test('memtop replay shows the helpers with the figures a live snapshot gave at the same moments', { timeout: 170_000 }, async (t) => {
  const fixed = await startMemhog(['private', '48']);
  const grows = await startLeakhog(['once', '40', '8']);
  const pids = [fixed.pids[0], grows.pid];
  const proc = narrowProc(pids);
  const dir = mkdtempSync(join(tmpdir(), 'memtop-replay-'));
  t.after(() => { fixed.stop(); grows.stop(); proc.remove(); rmSync(dir, { recursive: true, force: true }); });
  const file = join(dir, 'twenty.ndjson');
  const recorder = spawn(process.execPath, [MEMTOP, 'record', '-o', file, '-d', '1', '--duration', '20', '--max-staleness', '1', '--proc', proc.root],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...TZ } });
  let recorderErr = '';
  recorder.stderr!.on('data', (chunk: Buffer) => { recorderErr += chunk.toString(); });
  const ended = new Promise<number | null>((resolve) => recorder.on('exit', (code) => resolve(code)));
  // Before the helper's growth (at 8 s) and well after it, each in the middle of a second.
  const takeAt = async (ms: number) => {
    while (Date.now() % 1000 < 400 || Date.now() % 1000 > 600) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  };
  await new Promise((resolve) => setTimeout(resolve, 3500));
  await takeAt(0);
  const early = snapshot(proc.root, pids);
  await new Promise((resolve) => setTimeout(resolve, 9000));
  await takeAt(0);
  const late = snapshot(proc.root, pids);
  assert.equal(await ended, 0, recorderErr);
  const samples = readFileSync(file, 'utf8').split('\n').filter((l) => /^\{"type":"(keyframe|delta)"/.test(l)).length;
  assert.ok(samples >= 15, `${samples} samples in 20 s at -d 1`);

  const tmux = new Tmux(memtopCommand(['replay', file, '-c', 'pid,user,vss,rss,shr,pss,uss,swap,command']), { columns: 150, rows: 30, env: TZ });
  t.after(() => tmux.kill());
  await tmux.waitFor(new RegExp(`sample 1 of ${samples} `));
  for (const [moment, which] of [[early, 'early'], [late, 'late']] as const) {
    tmux.send('g');
    await tmux.waitFor('go to time');
    tmux.type(clock(moment.atMs));
    tmux.send('Enter');
    const screen = await tmux.waitFor(`at ${clock(moment.atMs)}`);
    for (const pid of pids) {
      const live = moment.json.processes!.find((p) => p.pid === pid)!;
      const [shown, said] = [rowFigures(screen, pid), figures(live)];
      // leakhog maps the shared libc: its PSS moves as other processes map it and exit (a shared
      // machine); memhog is static, so all three of its figures are its own.
      if (pid === grows.pid) [shown, said].forEach((f) => f.splice(1, 1));
      assert.deepEqual(shown, said, `${which} ${pid} (RSS PSS USS, or RSS USS):\n${screen}`);
    }
  }
  const [earlyUss, lateUss] = [early, late].map((m) => m.json.processes!.find((p) => p.pid === grows.pid)!.uss!);
  assert.ok(lateUss - earlyUss >= 39 * 1024 * 1024, 'the helper grew between the two moments, so the moments matter');
  tmux.send('q');
  assert.equal(await memtopExit(tmux), 0);

  // --at names the same sample as snapshot --from --at does.
  const from = runMemtop(['snapshot', '--from', file, '--at', clock(late.atMs)], { env: { ...process.env, ...TZ } });
  assert.equal(from.status, 0, from.stderr);
  const which = /\((\d+) of (\d+)\) from/.exec(from.stderr);
  assert.ok(which, from.stderr);
  const atPane = new Tmux(memtopCommand(['replay', file, '--at', clock(late.atMs)]), { columns: 150, rows: 30, env: TZ });
  t.after(() => atPane.kill());
  await atPane.waitFor(`sample ${which[1]} of ${which[2]} `);
  atPane.send('q');
  assert.equal(await memtopExit(atPane), 0);
});

test('a recording killed with SIGKILL replays to its last whole sample and says so; one cut mid-record too', { timeout: 120_000 }, async (t) => {
  const fixed = await startMemhog(['private', '16']);
  const proc = narrowProc([fixed.pids[0]]);
  const dir = mkdtempSync(join(tmpdir(), 'memtop-replay-kill-'));
  t.after(() => { fixed.stop(); proc.remove(); rmSync(dir, { recursive: true, force: true }); });
  const file = join(dir, 'killed.ndjson');
  const recorder = spawn(process.execPath, [MEMTOP, 'record', '-o', file, '-d', '0.2', '--proc', proc.root], { stdio: 'ignore' });
  const wholeSamples = () => {
    try {
      return readFileSync(file, 'utf8').split('\n').filter((l) => /^\{"type":"(keyframe|delta)".*\}$/.test(l)).length;
    } catch {
      return 0;
    }
  };
  const deadline = Date.now() + 60_000;
  while (wholeSamples() < 8 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  recorder.kill('SIGKILL');
  await new Promise((resolve) => recorder.on('exit', resolve));
  const text = readFileSync(file, 'utf8');
  const whole = wholeSamples();
  assert.ok(whole >= 8);

  const killedPane = new Tmux(memtopCommand(['replay', file, '--at', 'end']), { columns: 150, rows: 30, env: TZ });
  t.after(() => killedPane.kill());
  await killedPane.waitForAll([new RegExp(`sample ${whole} of ${whole} `), /the file ends early: replayed to its last whole sample/]);
  killedPane.send('q');
  assert.equal(await memtopExit(killedPane), 0);

  // Cut inside the last sample's record, as a crash in the middle of a write leaves it.
  const cut = join(dir, 'cut.ndjson');
  const lastRecordAt = text.lastIndexOf('\n{"type":"', text.length - 2) + 1;
  writeFileSync(cut, text.slice(0, lastRecordAt + 25));
  const cutPane = new Tmux(memtopCommand(['replay', cut, '--at', 'end']), { columns: 150, rows: 30, env: TZ });
  t.after(() => cutPane.kill());
  const lastIsSample = /^\{"type":"(keyframe|delta)"/.test(text.slice(lastRecordAt));
  const expected = lastIsSample ? whole - 1 : whole;
  await cutPane.waitForAll([new RegExp(`sample ${expected} of ${expected} `), /the file ends early: replayed to its last whole sample/,
    new RowPresent(fixed.pids[0])]);
  cutPane.send('q');
  const screen = cutPane.capture();
  assert.equal(await memtopExit(cutPane), 0);
  // The note was printed before the screen opened, so it stays after memtop ends.
  assert.match(cutPane.capture(), /ends in a record cut short/, screen);
});

/** A pattern that matches a screen with a row for that PID. */
class RowPresent extends RegExp {
  constructor(pid: number) {
    super(`^ *${pid} `, 'm');
  }
}
