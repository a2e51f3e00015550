/**
 * Samples to records and back. The encoder writes a keyframe (the whole Sample) first and then
 * whenever keyframeEveryMs has passed since the last one, and deltas in between: the sample's
 * changed fields, processes started, changed (only their changed fields) and exited. The decoder
 * rebuilds each Sample exactly from the previous one; unchanged process records are shared.
 */
import type { ProcessSample, Sample } from '../sampler/sample.js';
import { applyPatch, diffObject, type Patch } from './object-patch.js';
import { RecordProblem, type DeltaRecord, type KeyframeRecord } from './record-format.js';

export class SampleEncoder {
  private previous: Sample | null = null;
  private keyframeAtMs = 0;

  constructor(private readonly keyframeEveryMs: number) {}

  encode(sample: Sample): KeyframeRecord | DeltaRecord {
    const previous = this.previous;
    this.previous = sample;
    const due = sample.timeMs - this.keyframeAtMs;
    if (previous === null || due >= this.keyframeEveryMs || due < 0) {
      this.keyframeAtMs = sample.timeMs;
      return { type: 'keyframe', timeMs: sample.timeMs, sample };
    }
    return encodeDelta(previous, sample);
  }
}

export function encodeDelta(previous: Sample, sample: Sample): DeltaRecord {
  const { processes: before, ...restBefore } = previous;
  const { processes: after, ...restAfter } = sample;
  const known = new Map<number, ProcessSample>();
  for (const p of before) known.set(p.pid, p);
  const started: ProcessSample[] = [];
  const changed: Patch[] = [];
  const seen = new Set<number>();
  for (const p of after) {
    seen.add(p.pid);
    const old = known.get(p.pid);
    if (old === undefined || old.startTimeTicks !== p.startTimeTicks) {
      started.push(p);
      continue;
    }
    if (old === p) continue;
    const patch = diffObject(old as unknown as Record<string, unknown>, p as unknown as Record<string, unknown>);
    if (patch !== null) changed.push({ pid: p.pid, ...patch });
  }
  const startedPids = new Set(started.map((p) => p.pid));
  const exited = before.filter((p) => !seen.has(p.pid) || startedPids.has(p.pid)).map((p) => p.pid);
  const delta: DeltaRecord = {
    type: 'delta', timeMs: sample.timeMs,
    sample: diffObject(restBefore, restAfter) ?? {},
    started, changed, exited,
  };
  const natural = naturalOrder(before, new Set(exited), started);
  if (natural.length !== after.length || natural.some((pid, i) => pid !== after[i].pid)) delta.order = after.map((p) => p.pid);
  return delta;
}

export function keyframeSample(record: KeyframeRecord): Sample {
  return record.sample;
}

/** The sample a delta describes, from the one before it; throws RecordProblem when they do not fit. */
export function applyDelta(previous: Sample, delta: DeltaRecord): Sample {
  const { processes: before, ...restBefore } = previous;
  const exited = new Set(delta.exited);
  const byPid = new Map<number, ProcessSample>();
  for (const p of before) if (!exited.has(p.pid)) byPid.set(p.pid, p);
  if (byPid.size + exited.size !== before.length) throw new RecordProblem('a delta in which a process exits that was not there');
  for (const patch of delta.changed) {
    const pid = patch.pid as number;
    const old = byPid.get(pid);
    if (old === undefined) throw new RecordProblem(`a delta that changes PID ${pid}, which is not there`);
    byPid.set(pid, applyPatch(old, patch));
  }
  for (const p of delta.started) {
    if (byPid.has(p.pid)) throw new RecordProblem(`a delta that starts PID ${p.pid}, which is there already`);
    byPid.set(p.pid, p);
  }
  const order = delta.order ?? naturalOrder(before, exited, delta.started);
  if (order.length !== byPid.size) throw new RecordProblem('a delta whose order does not list every process');
  const processes = order.map((pid) => {
    const p = byPid.get(pid);
    if (p === undefined) throw new RecordProblem(`a delta whose order names PID ${pid}, which is not there`);
    return p;
  });
  const rest = applyPatch(restBefore, delta.sample);
  return { ...rest, timeMs: delta.timeMs, processes };
}

/** The previous PIDs without the exited ones, then the started ones. */
function naturalOrder(before: readonly ProcessSample[], exited: ReadonlySet<number>, started: readonly ProcessSample[]): number[] {
  const order: number[] = [];
  for (const p of before) if (!exited.has(p.pid)) order.push(p.pid);
  for (const p of started) order.push(p.pid);
  return order;
}
