/**
 * `memtop serve`: a Prometheus exporter. The sampler runs in its worker on its own interval and
 * publishes each sample once (SampleStream); the exporter renders it; a scrape serves the latest
 * rendering and never reads /proc. Listens on loopback unless told otherwise; command lines are
 * left out of labels unless --cmdline.
 */
import type { Command } from 'commander';
import { CliError } from './cli-error.js';
import { secondsInRange, wholeNumber } from './option-values.js';
import { openProcRoot } from './proc-root.js';
import { authority, DEFAULT_SERVE_HOST, DEFAULT_SERVE_PORT, listenAddress, type ListenAddress } from './listen-address.js';
import type { ReadNeed } from '../sampler/read-needs.js';
import { quietRepeats } from './quiet-repeats.js';

interface ServeFlags {
  listen?: ListenAddress;
  top: number;
  topGroups: number;
  cmdline?: boolean;
  delay: number;
  maxStaleness: number;
  proc?: string;
}

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'the address is already in use',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EADDRNOTAVAIL: 'no such address on this machine',
  ENOTFOUND: 'no such host',
};

export function addServeCommand(program: Command): void {
  program.command('serve')
    .description('Serve Prometheus metrics on /metrics: system memory, pressure, the top processes, programs, users and cgroups')
    .option('--listen <host:port>', `address to listen on (default: ${DEFAULT_SERVE_HOST}:${DEFAULT_SERVE_PORT}; 0.0.0.0 for every interface)`,
      listenAddress)
    .option('--top <n>', 'processes with their own series: the N largest by PSS', wholeNumber('--top', 0, 10000), 20)
    .option('--top-groups <n>', 'programs, users and cgroups with their own series: the N largest of each by PSS', wholeNumber('--top-groups', 0, 10000), 50)
    .option('--cmdline', 'add each process\'s command line as a label (command lines can carry secrets)')
    .option('-d, --delay <seconds>', 'seconds between samples, 0.2 to 3600', secondsInRange('--delay', 0.2, 3600), 5)
    .option('--max-staleness <seconds>', 'the oldest a PSS/USS figure may get (incremental sampling)', secondsInRange('--max-staleness', 1, 3600), 30)
    .option('--proc <dir>', 'read this /proc instead (default: $MEMTOP_PROC, else /proc)')
    .action(async (flags: ServeFlags) => {
      const procRoot = openProcRoot(flags.proc).root;
      const where = flags.listen ?? { host: DEFAULT_SERVE_HOST, port: DEFAULT_SERVE_PORT };
      const { MetricsExporter } = await import('../export/metrics-exporter.js');
      const { metricsServer, listen } = await import('../export/metrics-server.js');
      const { WorkerSampleSource } = await import('../sampler/worker/sampler-host.js');
      const { SampleStream } = await import('../model/sample-stream.js');
      const { ProcessHistory } = await import('../model/process-history.js');
      const { growthGauges } = await import('../export/growth-gauges.js');
      const history = new ProcessHistory({ intervalMs: flags.delay * 1000 });
      const exporter = new MetricsExporter({
        topProcesses: flags.top, topGroups: flags.topGroups, cmdline: flags.cmdline === true, extraGauges: growthGauges(history),
      });
      const server = metricsServer(exporter);
      let address;
      try {
        address = await listen(server, where.host, where.port);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        throw new CliError(`cannot listen on ${authority(where)}: ${LISTEN_ERRORS[code] ?? (error as Error).message}`);
      }
      const warn = quietRepeats((text) => process.stderr.write(`memtop serve: ${text.split('\n')[0]}\n`));
      const samples = new SampleStream((error) => warn(error instanceof Error ? error.message : String(error)));
      // The history first: the exporter's growth figures are of the sample it renders.
      samples.subscribe((sample) => history.push(sample));
      samples.subscribe((sample) => exporter.onSample(sample));
      const needs = new Set<ReadNeed>(['stat', 'status', 'rollup', 'cgroup', ...(flags.cmdline ? ['cmdline' as const] : [])]);
      const source = new WorkerSampleSource(procRoot, {
        needs, exact: false, maxStalenessMs: flags.maxStaleness * 1000, intervalMs: flags.delay * 1000, paused: false, mappingsOf: null,
      });
      source.start({
        onReady: () => {},
        onSample: (sample) => samples.publish(sample),
        onMappings: () => {},
        onError: (error) => { exporter.noteError('sampler'); warn(error.message); },
      });
      process.stdout.write(`memtop serve: metrics on http://${authority({ host: address.address, port: address.port })}/metrics, sampling every ${flags.delay} s\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.removeListener('SIGINT', stop);
          process.removeListener('SIGTERM', stop);
          server.close();
          server.closeAllConnections();
          void source.stop().finally(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
