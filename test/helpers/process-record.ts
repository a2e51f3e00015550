/** A ProcessSample with plausible defaults, for unit tests of what is built from samples. */
import type { ProcessSample } from '../../src/sampler/sample.js';

export function processRecord(fields: Partial<ProcessSample> & { pid: number }): ProcessSample {
  return {
    ppid: 1, uid: 0, user: 'root', state: 'S', threads: 1, startTimeTicks: 100, startTimeMs: 0,
    comm: 'proc', cmdline: '', vssBytes: 0, rssBytes: 0, shrBytes: 0, pssBytes: 0, ussBytes: 0,
    swapBytes: 0, swapPssBytes: 0, peakRssBytes: 0, cpuTicks: 0, cpuPercent: 0, kernelThread: false, pssReadAtMs: 0, denied: [], cmdlineTruncated: false, cgroupPath: null,
    ...fields,
  };
}
