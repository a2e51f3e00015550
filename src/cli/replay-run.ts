/**
 * Runs `memtop replay`: opens the recording (src/record), checks the flags against it, then the
 * terminal, and runs the same UI as `memtop` with a ReplaySource in place of the sampler. The
 * reader's notes (a file cut short) go to stderr before the screen opens, and to the screen.
 */
import { homedir } from 'node:os';
import { CliError, usageError } from './cli-error.js';
import { openRecordingOrFail } from './recording-source.js';
import { terminalReady } from './terminal-ready.js';
import { resolveTimePoint, type TimePoint } from '../record/time-point.js';
import { chooseColumns, chooseSort } from './column-choice.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from '../model/process-columns.js';
import { configPath, loadSetup } from '../config/config-file.js';
import { COLOR_SCHEMES, type ColorScheme } from '../config/setup.js';
import { colorAllowed } from '../terminal/capability.js';
import { DEFAULT_HISTORY_POINTS } from '../model/store.js';
import type { Timeline } from '../ui/replay/timeline.js';
import type { Recording } from '../record/recording.js';
import type { TuiOptions } from '../ui/tui-options.js';
import type { ReplayFlags } from './replay-command.js';
import type { ReadNeed } from '../sampler/read-needs.js';

export const REPLAY_NOT_A_TERMINAL = 'memtop: replay is the interactive UI on a recording: it needs a terminal\n';

export async function runReplay(file: string, flags: ReplayFlags): Promise<void> {
  const recording = openRecordingOrFail(file);
  const sessionStarts = new Set(recording.sessions.map((s) => s.firstIndex));
  const timeline: Timeline = {
    count: recording.length, timeMs: (i) => recording.timeMs(i), sampleAt: (i) => recording.sampleAt(i), startsSession: (i) => sessionStarts.has(i),
  };
  const startIndex = flags.at === undefined ? 0 : atIndex(flags.at, recording);
  const options = replayOptions(flags, recording.header.intervalMs);
  for (const note of recording.notes) process.stderr.write(`memtop: ${note}\n`);
  if (!terminalReady(REPLAY_NOT_A_TERMINAL)) return;
  const { terminalDescriptors, exitWhenTerminalGoes, exitUi } = await import('../terminal/gone.js');
  const terminal = terminalDescriptors();
  exitWhenTerminalGoes(terminal);
  const { ReplaySource } = await import('../ui/replay/replay-source.js');
  const { ReplayController } = await import('../ui/replay/replay-controller.js');
  const source = new ReplaySource(timeline, {
    startIndex, speed: flags.speed, pageSizeBytes: recording.header.pageSizeBytes,
    // The history's full window, and as many samples as the store's system history holds.
    rebuildWindowMs: Math.max(options.historyMinutes! * 60_000, DEFAULT_HISTORY_POINTS * options.delayMs),
    config: { needs: new Set<ReadNeed>(['stat', 'status', 'cmdline']), exact: true, maxStalenessMs: 0, intervalMs: options.delayMs, paused: true, mappingsOf: null },
  });
  const cut = recording.notes.some((note) => note.includes('last whole sample'));
  const replay = new ReplayController(source, cut ? 'the file ends early: replayed to its last whole sample' : null);
  const { runTui } = await import('../ui/run-tui.js');
  const code = await runTui(options, { input: process.stdin, output: process.stdout, source, attach: (l) => source.start(l), replay });
  exitUi(code, terminal);
}

/** --at: the sample `memtop snapshot --from` shows for the same TIME; a moment outside the recording is one line (exit 1). */
function atIndex(at: TimePoint, recording: Recording): number {
  const intervalMs = recording.sessionOf(recording.length - 1).header.intervalMs;
  const index = resolveTimePoint(at, recording, { beforeMs: 1000, afterMs: Math.max(1000, 2 * intervalMs) });
  if (typeof index === 'string') throw new CliError(`--at: ${index}`);
  return index;
}

/** The UI's options: the flags, then the saved setup (read, never written by a replay). */
function replayOptions(flags: ReplayFlags, intervalMs: number): TuiOptions {
  if (flags.colorScheme !== undefined && !(COLOR_SCHEMES as readonly string[]).includes(flags.colorScheme)) {
    throw usageError(`--color-scheme takes one of ${COLOR_SCHEMES.join(', ')}`);
  }
  const loaded = flags.config ? loadSetup(configPath(process.env, homedir()), PROCESS_COLUMNS.map((c) => c.id)) : null;
  const saved = loaded?.setup ?? {};
  const columns = chooseColumns(PROCESS_COLUMNS, flags.columns ?? saved.columns?.join(','), DEFAULT_PROCESS_COLUMN_IDS);
  const sortColumn = chooseSort(PROCESS_COLUMNS, flags.sort ?? saved.sort?.column, 'pss').column;
  const fromSaved = flags.sort === undefined && flags.reverse === undefined && saved.sort !== undefined;
  const reverse = fromSaved ? sortColumn.descendingByDefault !== saved.sort!.descending : flags.reverse === true;
  return {
    // No proc root: a replay reads none (run-tui.ts hands it no live service).
    procRoot: '', delayMs: Math.max(1, intervalMs), exact: true, maxStalenessMs: 0,
    columns, sortColumn, reverse, pids: [], filterText: '', kernel: false,
    mouse: flags.mouse !== false, color: flags.color !== false && colorAllowed(process.env), historyMinutes: flags.history,
    colorScheme: (flags.colorScheme as ColorScheme | undefined) ?? saved.colorScheme ?? 'default', tree: saved.tree ?? false,
    config: loaded ? { file: loaded.setup, warning: loaded.warning, save: null } : undefined,
  };
}
