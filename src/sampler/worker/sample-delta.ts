/**
 * Samples cross from the sampler worker to the UI thread as deltas: only the records that are not
 * the same object as last time (new, changed, or re-read processes; an idle process keeps its
 * record from tick to tick) are copied by postMessage, with the PIDs in sample order. At 1,000
 * mostly idle processes that is a few dozen records a tick instead of all of them.
 */
import type { ProcessSample, Sample } from '../sample.js';

export interface SampleDelta {
  /** The sample without its processes. */
  sample: Omit<Sample, 'processes'>;
  /** Records that differ from the last delta's (by identity on the sending side). */
  changed: ProcessSample[];
  /** Every PID of the sample, in its order. */
  order: Int32Array;
}

/** The worker's side: remembers what it sent. */
export class SampleDeltaWriter {
  private sent = new Map<number, ProcessSample>();

  write(sample: Sample): SampleDelta {
    const { processes, ...rest } = sample;
    const changed: ProcessSample[] = [];
    const order = new Int32Array(processes.length);
    const next = new Map<number, ProcessSample>();
    processes.forEach((p, i) => {
      order[i] = p.pid;
      if (this.sent.get(p.pid) !== p) changed.push(p);
      next.set(p.pid, p);
    });
    this.sent = next;
    return { sample: rest, changed, order };
  }
}

/** The UI's side: rebuilds whole samples; unchanged records keep their identity here too. */
export class SampleDeltaReader {
  private records = new Map<number, ProcessSample>();

  read(delta: SampleDelta): Sample {
    for (const p of delta.changed) this.records.set(p.pid, p);
    const processes: ProcessSample[] = new Array(delta.order.length);
    const next = new Map<number, ProcessSample>();
    for (let i = 0; i < delta.order.length; i++) {
      const pid = delta.order[i];
      const record = this.records.get(pid);
      if (record === undefined) throw new Error(`sample delta: no record for PID ${pid}`);
      processes[i] = record;
      next.set(pid, record);
    }
    this.records = next;
    return { ...delta.sample, processes };
  }
}
