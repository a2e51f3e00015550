/**
 * Runs the UI until the user quits: store, views and app around a sample source (the worker,
 * started by the caller before blessed loads, so the first sample and blessed's start overlap).
 * The terminal is restored on q, F10, Ctrl-C, SIGINT, SIGTERM, SIGQUIT, SIGHUP and on any uncaught
 * error; after an error the message and the path of a log file are printed.
 */
import { Store } from '../model/store.js';
import { SampleStream } from '../model/sample-stream.js';
import { ProcessHistory } from '../model/process-history.js';
import type { SampleSource } from '../sampler/worker/sampler-host.js';
import { periodicFullGc } from '../sampler/periodic-gc.js';
import { startLibrariesRead } from '../sampler/worker/libraries-host.js';
import { App } from './app.js';
import { ProcessesView } from './views/processes-view.js';
import { signalSender } from '../host/send-signal.js';
import { reniceSender } from '../host/renice.js';
import { writeCrashLog } from '../host/crash-log.js';
import { EXIT_HANGUP } from '../terminal/gone.js';
import type { TuiOptions } from './tui-options.js';
import type { ScreenStreams } from './screen-setup.js';
import { TraceError, TraceSession } from '../trace/trace-session.js';
import { SetupSaver } from '../config/setup-saver.js';
import type { Setup } from '../config/setup.js';
import type { ReplayController } from './replay/replay-controller.js';
import { forgetSamples } from './replay/forget-samples.js';

export interface RunDeps extends ScreenStreams {
  source: SampleSource;
  /** The listeners the source calls (the caller may have started it before). */
  attach(listeners: Parameters<SampleSource['start']>[0]): void;
  /** A replay (source is its ReplaySource): no live process is read or acted on. */
  replay?: ReplayController;
}

/** Resolves with the exit code once the UI has ended and the terminal is restored. */
export function runTui(options: TuiOptions, deps: RunDeps): Promise<number> {
  return new Promise<number>((resolve) => {
    const store = new Store();
    const processes = new ProcessesView({
      columns: options.columns,
      sort: { column: options.sortColumn, descending: options.sortColumn.descendingByDefault !== options.reverse },
      selection: { pids: options.pids, user: options.user, kernel: options.kernel },
      filterText: options.filterText,
    });
    // The setup as the session has it now; saved when it changes what the file holds.
    const currentSetup = (): Setup => ({
      sort: { column: processes.sort.column.id, descending: processes.sort.descending },
      columns: processes.columns.map((c) => c.id),
      delaySeconds: options.delayMs / 1000,
      tree: options.tree ?? false,
      colorScheme: options.colorScheme ?? 'default',
    });
    const save = options.config?.save ?? null;
    const saver = save === null ? null : new SetupSaver(options.config?.file ?? {}, currentSetup(), save);
    // Every trace the UI started: ended (strace detached, and waited for) before memtop exits.
    const traces = new Set<TraceSession>();
    const startTrace = (request: { pid: number }, onChange: () => void): TraceSession | string => {
      // A PID read from a copy of /proc (--proc) names some other process here, or none.
      if (options.procRoot !== '/proc') return `tracing needs the live /proc (memtop reads ${options.procRoot})`;
      try {
        const session = new TraceSession(request.pid, { onChange });
        traces.add(session);
        void session.ended.then(() => traces.delete(session));
        return session;
      } catch (error) {
        if (error instanceof TraceError) return error.message;
        throw error;
      }
    };
    let app: App | null = null;
    let finished = false;
    const finish = (code: number, error?: unknown) => {
      if (finished) return;
      finished = true;
      app?.destroy();
      if (error !== undefined) {
        const path = writeCrashLog(error);
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`memtop: internal error: ${message}\nmemtop: details are in ${path}\n`);
      }
      // The handlers stay until the end: a second error or signal while shutting down is let
      // pass (finish runs once), not printed raw by Node nor left to the signal's default action.
      void Promise.all([deps.source.stop(), ...[...traces].map((t) => t.stop())]).finally(() => {
        for (const [signal, handler] of handlers) process.removeListener(signal, handler);
        process.removeListener('uncaughtException', onError);
        process.removeListener('unhandledRejection', onError);
        resolve(code);
      });
    };
    const onError = (error: unknown) => finish(1, error);
    // Job control: SIGTSTP (kill -TSTP, a shell's suspend) and Ctrl-Z give the terminal back,
    // then stop the process group by the same signal with no handler left for it here (its
    // default action: kill() returns once the process is continued). The whole group, as vim
    // does: started through a wrapper (sh -c, npm start) memtop is not the job the shell waits
    // for. SIGCONT, whoever stopped it, takes the terminal again.
    const stopNow = () => {
      process.removeListener('SIGTSTP', onStop);
      try {
        process.kill(0, 'SIGTSTP');
      } finally {
        process.on('SIGTSTP', onStop);
      }
    };
    const onStop = () => {
      if (app === null) stopNow();
      else app.suspend(stopNow);
    };
    const onContinue = () => app?.resume();
    const handlers: [NodeJS.Signals, () => void][] = [['SIGINT', () => finish(0)], ['SIGTERM', () => finish(0)], ['SIGQUIT', () => finish(0)],
      ['SIGHUP', () => finish(EXIT_HANGUP)], ['SIGTSTP', onStop], ['SIGCONT', onContinue]];
    for (const [signal, handler] of handlers) process.on(signal, handler);
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    const replay = deps.replay;
    const liveOnly = () => 'live-only: not in a replay';
    try {
      app = new App({
        input: deps.input, output: deps.output, store, source: deps.source, processes,
        color: options.color, colorScheme: options.colorScheme, mouse: options.mouse,
        startMessage: options.config?.warning ?? undefined,
        settingsChanged: () => saver?.update(currentSetup()) ?? null,
        sendSignal: replay ? liveOnly : signalSender(options.procRoot),
        renice: replay ? undefined : reniceSender(options.procRoot),
        startTrace: replay ? undefined : startTrace,
        startLibraries: replay ? undefined : (pids, onMessage) => startLibrariesRead(options.procRoot, pids, onMessage),
        replay,
        ownRssBytes: () => process.memoryUsage.rss(),
        onQuit: () => finish(0),
        onSuspendKey: () => onStop(),
        // Node looks at the terminal's size again on SIGWINCH (and blessed follows).
        onTerminalTaken: () => process.kill(process.pid, 'SIGWINCH'),
      });
      const ui = app;
      const collectGarbage = periodicFullGc();
      // The store first, then the screen; later consumers (recorder, exporter) subscribe here too.
      const samples = new SampleStream(onError);
      samples.subscribe((sample) => store.push(sample));
      const newHistory = () => new ProcessHistory({ intervalMs: options.delayMs, fullWindowMs: (options.historyMinutes ?? 10) * 60_000 });
      let history = newHistory();
      store.processHistory = history;
      samples.subscribe((sample) => history.push(sample));
      // A replay moving back starts the store and the history again, then publishes forward.
      replay?.source.onRewind(() => {
        forgetSamples(store);
        history = newHistory();
        store.processHistory = history;
      });
      samples.subscribe(() => { ui.storeChanged(); collectGarbage(); });
      deps.attach({
        onReady: (pageSizeBytes) => { store.pageSizeBytes = pageSizeBytes; },
        onSample: (sample) => samples.publish(sample),
        onMappings: (target, reading, readAtMs) => { store.setMappings(target, reading, readAtMs); ui.storeChanged(); },
        onError,
      });
    } catch (error) {
      finish(1, error);
    }
  });
}
