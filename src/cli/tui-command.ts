/**
 * The interactive UI, started by `memtop` with no command. This file stays light: it defines
 * the flags and checks them; the sampler worker is started before the UI (blessed) is imported,
 * so the first sample is taken while blessed loads, and the one-shot commands never load either.
 */
import type { Command } from 'commander';
import { columnNeeds } from '../model/column.js';
import { DEFAULT_PROCESS_COLUMN_IDS, PROCESS_COLUMNS } from '../model/process-columns.js';
import { procFsAt } from '../host/proc-access.js';
import { usageError } from './cli-error.js';
import { homedir } from 'node:os';
import { configPath, loadSetup, saveSetup } from '../config/config-file.js';
import { COLOR_SCHEMES, type ColorScheme } from '../config/setup.js';
import { chooseColumns, chooseSort } from './column-choice.js';
import { checkUserName, pidList, procRoot, secondsInRange, userValue, wholeNumber } from './option-values.js';
import { UserNames } from '../sampler/user-names.js';
import { openProcRoot } from './proc-root.js';
import { terminalReady } from './terminal-ready.js';
import type { TuiOptions } from '../ui/tui-options.js';
import type { ReadNeed } from '../sampler/read-needs.js';
import { colorAllowed } from '../terminal/capability.js';

interface TuiFlags {
  delay?: number;
  sort?: string;
  reverse?: boolean;
  pid?: number[];
  user?: string;
  filter?: string;
  columns?: string;
  exact?: boolean;
  maxStaleness: number;
  kernel?: boolean;
  proc?: string;
  mouse: boolean;
  color: boolean;
  history: number;
  colorScheme?: string;
  config: boolean;
}

export const NOT_A_TERMINAL = 'memtop: the interactive monitor needs a terminal; for a report to a file or a pipe, use `memtop snapshot` (see memtop snapshot --help)\n';

export function configureTui(program: Command): void {
  program
    .option('-d, --delay <seconds>', 'seconds between updates, 0.2 to 3600 (default: 2)', secondsInRange('--delay', 0.2, 3600))
    .option('-s, --sort <column>', 'sort by this column id (default: pss)')
    .option('-r, --reverse', 'reverse the sort order')
    .option('-p, --pid <list>', 'only these PIDs, comma-separated (repeatable)', pidList)
    .option('-u, --user <name>', 'only this user\'s processes (name or uid)', userValue)
    .option('-f, --filter <text>', 'start with this live filter (F4 edits it)')
    .option('-c, --columns <list>', `column ids, comma-separated (default: ${DEFAULT_PROCESS_COLUMN_IDS.join(',')})`)
    .option('--exact', 're-read stat and smaps_rollup of every process each update (default: incremental)')
    .option('--max-staleness <seconds>', 'incremental mode: the oldest a PSS/USS figure may get', secondsInRange('--max-staleness', 1, 3600), 10)
    .option('-k, --kernel', 'show kernel threads (K toggles)')
    .option('--proc <dir>', 'read this /proc instead (default: $MEMTOP_PROC, else /proc)')
    .option('--history <minutes>', 'minutes of full-resolution per-process history (then one point a minute, 6 hours)', wholeNumber('--history', 1, 360), 10)
    .option('--no-mouse', 'ignore the mouse')
    .option('--no-color', 'no colours (bold and inverse only)')
    .option('--color-scheme <name>', `colours: ${COLOR_SCHEMES.join(', ')} (default: the saved one, else default)`)
    .option('--no-config', `ignore the saved setup (${configPath(process.env, homedir())}) and save nothing`)
    .action(async (flags: TuiFlags) => {
      const options = tuiOptions(flags);
      // Printed before the screen opens, so it is still there after memtop ends; the status line shows it too.
      if (options.config?.warning) process.stderr.write(`${options.config.warning}\n`);
      if (!terminalReady(NOT_A_TERMINAL)) return;
      const { terminalDescriptors, exitWhenTerminalGoes, exitUi } = await import('../terminal/gone.js');
      const terminal = terminalDescriptors();
      exitWhenTerminalGoes(terminal);
      const { WorkerSampleSource, RelayListeners } = await import('../sampler/worker/sampler-host.js');
      const { Sampler } = await import('../sampler/sampler.js');
      // What the shown and sorted columns need read, with what the UI always shows or filters on.
      const needs = new Set<ReadNeed>(['stat', 'status', 'cmdline', ...columnNeeds([...options.columns, options.sortColumn])]);
      const source = new WorkerSampleSource(options.procRoot, {
        needs, exact: options.exact, maxStalenessMs: options.maxStalenessMs, intervalMs: options.delayMs, paused: false, mappingsOf: null,
      });
      // The worker boots while this thread takes the first sample; then blessed loads. The
      // worker's own ticks start one interval later.
      const relay = new RelayListeners();
      source.start(relay, options.delayMs);
      relay.onSample(new Sampler({ procfs: procFsAt(options.procRoot), needs, exact: true }).sample());
      const { runTui } = await import('../ui/run-tui.js');
      const code = await runTui(options, { input: process.stdin, output: process.stdout, source, attach: (l) => relay.attach(l) });
      exitUi(code, terminal);
    });
}

/** The flags checked and resolved: a bad column or a wrong proc root is an error before the screen opens. */
export function tuiOptions(flags: TuiFlags, env: NodeJS.ProcessEnv = process.env): TuiOptions {
  const colorScheme = flags.colorScheme === undefined ? undefined : chooseScheme(flags.colorScheme);
  const config = flags.config === false ? undefined : readConfig(env);
  const saved = config?.file ?? {};
  // Flags override the saved setup, setting by setting.
  const columns = chooseColumns(PROCESS_COLUMNS, flags.columns ?? saved.columns?.join(','), DEFAULT_PROCESS_COLUMN_IDS);
  const sortColumn = chooseSort(PROCESS_COLUMNS, flags.sort ?? saved.sort?.column, 'pss').column;
  const fromSaved = flags.sort === undefined && flags.reverse === undefined && saved.sort !== undefined;
  const reverse = fromSaved ? sortColumn.descendingByDefault !== saved.sort!.descending : flags.reverse === true;
  // The same checks and messages as the one-shot commands (no such directory, permission, ...).
  const procfs = openProcRoot(flags.proc, env);
  const root = procfs.root;
  // /etc/passwd only for a --user name (the sampler's thread reads it for itself).
  if (flags.user !== undefined) checkUserName(flags.user, UserNames.load(procfs));
  return {
    procRoot: root, delayMs: (flags.delay ?? saved.delaySeconds ?? 2) * 1000, exact: flags.exact === true, maxStalenessMs: flags.maxStaleness * 1000,
    columns, sortColumn, reverse, pids: flags.pid ?? [], user: flags.user,
    filterText: flags.filter ?? '', kernel: flags.kernel === true, mouse: flags.mouse !== false,
    color: flags.color !== false && colorAllowed(env), historyMinutes: flags.history,
    colorScheme: colorScheme ?? saved.colorScheme ?? 'default', tree: saved.tree ?? false, config,
  };
}

function chooseScheme(name: string): ColorScheme {
  if (!(COLOR_SCHEMES as readonly string[]).includes(name)) throw usageError(`--color-scheme takes one of ${COLOR_SCHEMES.join(', ')}`);
  return name as ColorScheme;
}

/** The saved setup, and the service that saves it (none when the file could not be used). */
function readConfig(env: NodeJS.ProcessEnv): NonNullable<TuiOptions['config']> {
  const path = configPath(env, homedir());
  const loaded = loadSetup(path, PROCESS_COLUMNS.map((c) => c.id));
  return { file: loaded.setup, warning: loaded.warning, save: loaded.writable ? (setup) => saveSetup(path, setup) : null };
}
