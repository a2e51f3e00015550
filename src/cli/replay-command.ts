/**
 * `memtop replay FILE`: the interactive UI on a recording (memtop record). This file defines the
 * flags and checks them; replay-run.ts opens the file and runs the UI. Every bad input is one
 * line: a bad flag exits 2, a file that cannot be replayed 1, no terminal 2 (as `memtop`).
 */
import type { Command } from 'commander';
import { usageError } from './cli-error.js';
import { wholeNumber } from './option-values.js';
import { COLOR_SCHEMES } from '../config/setup.js';
import { timePointValue } from './recording-source.js';
import type { TimePoint } from '../record/time-point.js';

export interface ReplayFlags {
  at?: TimePoint;
  speed: 1 | 10 | 60;
  sort?: string;
  reverse?: boolean;
  columns?: string;
  history: number;
  mouse: boolean;
  color: boolean;
  colorScheme?: string;
  config: boolean;
}

function speedValue(text: string): 1 | 10 | 60 {
  const speed = Number(text.trim().replace(/^x/i, ''));
  if (speed !== 1 && speed !== 10 && speed !== 60) throw usageError(`--speed takes 1, 10 or 60, not '${text}'`);
  return speed;
}

export function addReplayCommand(program: Command): void {
  program.command('replay')
    .description('The interactive UI on a recording (memtop record): step, jump, go to a time, play at ×1, ×10 or ×60')
    .argument('<file>', 'a recording written by memtop record (plain or .gz)')
    .option('--at <time>', 'start at this moment, as snapshot --from takes it: HH:MM:SS (local), an ISO time, +SECONDS or end (default: the first sample)', timePointValue)
    .option('--speed <n>', 'playing speed: 1, 10 or 60 (x changes it)', speedValue, 1)
    .option('-s, --sort <column>', 'sort by this column id (default: the saved one, else pss)')
    .option('-r, --reverse', 'reverse the sort order')
    .option('-c, --columns <list>', 'column ids, comma-separated (default: the saved ones)')
    .option('--history <minutes>', 'minutes of full-resolution per-process history (growth, leak marks); a step back replays that much again', wholeNumber('--history', 1, 360), 10)
    .option('--no-mouse', 'ignore the mouse')
    .option('--no-color', 'no colours (bold and inverse only)')
    .option('--color-scheme <name>', `colours: ${COLOR_SCHEMES.join(', ')}`)
    .option('--no-config', 'ignore the saved setup')
    .addHelpText('after', '\nKeys: ← → (or , .) one sample, [ ] a minute, g or t go to a time, Z play/pause, x speed; F1 lists them all.\nMappings, Libraries, Trace, signals and nice are live-only: a replay never touches a live process.\n')
    .action(async (file: string, flags: ReplayFlags) => {
      const { runReplay } = await import('./replay-run.js');
      await runReplay(file, flags);
    });
}
