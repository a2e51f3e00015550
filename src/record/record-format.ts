/**
 * The recording format: NDJSON, one record per line (README "Recording and replay"). A session
 * starts with a header; its first sample is a keyframe (the whole Sample), the next ones deltas
 * (only what changed), with a keyframe again every so often so a reader can start there; a
 * session that ends cleanly says so with an end record. Appending adds another session.
 * Records of a type this reader does not know are skipped: new kinds of record may be added
 * without a version change. A change an older reader would misread raises FORMAT_VERSION.
 */
import type { ProcessSample, Sample } from '../sampler/sample.js';
import type { Patch } from './object-patch.js';
import { misfitField } from './process-shape.js';

export const FORMAT_NAME = 'memtop-recording';
export const FORMAT_VERSION = 1;

export interface HeaderRecord {
  type: 'header';
  format: typeof FORMAT_NAME;
  version: number;
  memtopVersion: string;
  /** os.hostname() of the recording machine. */
  host: string;
  /** os.release(): the kernel. */
  kernel: string;
  /** The kernel's base page size (vmstat page counts turn into bytes with it). */
  pageSizeBytes: number;
  /** The time between samples the recorder asked for. */
  intervalMs: number;
  /** When this session began, ms since the epoch. */
  startedMs: number;
}

export interface KeyframeRecord {
  type: 'keyframe';
  timeMs: number;
  /** The whole sample. */
  sample: Sample;
}

export interface DeltaRecord {
  type: 'delta';
  timeMs: number;
  /** A patch (object-patch.ts) of the sample's fields other than its processes. */
  sample: Patch;
  /** Processes first seen in this sample: whole records. */
  started: ProcessSample[];
  /** Processes whose record changed: the pid, then the changed fields as a patch. */
  changed: Patch[];
  /** PIDs of the processes gone since the previous sample. */
  exited: number[];
  /**
   * Every PID in sample order, present only when that order is not the previous one without the
   * exited PIDs, followed by the started ones.
   */
  order?: number[];
}

export interface EndRecord {
  type: 'end';
  timeMs: number;
  /** Samples written in this session. */
  samples: number;
  /** Why the recording stopped: "count", "duration", "max-size", "signal", "error". */
  reason: string;
}

export type RecordingRecord = HeaderRecord | KeyframeRecord | DeltaRecord | EndRecord;

/** One line of the file: the record's JSON and a newline. */
export function encodeRecord(record: RecordingRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** Why a line cannot be a record, in a few words. */
export class RecordProblem extends Error {}

/** A record from one line of text, checked as far as a reader relies on it; unknown types come back as null. */
export function decodeRecord(line: string): RecordingRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new RecordProblem('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordProblem('not a JSON object');
  const record = value as Record<string, unknown>;
  switch (record.type) {
    case 'header': return checkHeader(record);
    case 'keyframe': return checkKeyframe(record);
    case 'delta': return checkDelta(record);
    case 'end': return checkEnd(record);
    default:
      if (typeof record.type !== 'string') throw new RecordProblem('no record type');
      return null;
  }
}

function checkHeader(r: Record<string, unknown>): HeaderRecord {
  if (r.format !== FORMAT_NAME) throw new RecordProblem('a header of another format');
  if (!isWhole(r.version) || r.version < 1) throw new RecordProblem('a header without a format version');
  if (r.version > FORMAT_VERSION) return r as unknown as HeaderRecord; // the caller refuses it by its version
  if (!isWhole(r.pageSizeBytes) || !isWhole(r.intervalMs) || !isTime(r.startedMs)) throw new RecordProblem('a header without its page size, interval or start');
  return r as unknown as HeaderRecord;
}

function checkKeyframe(r: Record<string, unknown>): KeyframeRecord {
  const sample = r.sample as Record<string, unknown> | undefined;
  if (!isTime(r.timeMs) || typeof sample !== 'object' || sample === null || !isTime(sample.timeMs)) throw new RecordProblem('a keyframe without its time');
  if (!Array.isArray(sample.processes)) throw new RecordProblem('a keyframe without its processes');
  checkProcesses(sample.processes, true, 'a keyframe');
  if (typeof sample.system !== 'object' || sample.system === null) throw new RecordProblem('a keyframe without its system part');
  return r as unknown as KeyframeRecord;
}

function checkDelta(r: Record<string, unknown>): DeltaRecord {
  if (!isTime(r.timeMs) || typeof r.sample !== 'object' || r.sample === null) throw new RecordProblem('a delta without its time');
  if (!Array.isArray(r.started) || !Array.isArray(r.changed)) throw new RecordProblem('a delta without its started or changed processes');
  checkProcesses(r.started, true, 'a delta');
  checkProcesses(r.changed, false, 'a delta');
  if (!Array.isArray(r.exited) || !r.exited.every(isWhole)) throw new RecordProblem('a delta whose exited PIDs are not numbers');
  if (r.order !== undefined && (!Array.isArray(r.order) || !r.order.every(isWhole))) throw new RecordProblem('a delta whose order is not PIDs');
  return r as unknown as DeltaRecord;
}

function checkEnd(r: Record<string, unknown>): EndRecord {
  if (!isTime(r.timeMs)) throw new RecordProblem('an end record without its time');
  // The reason is shown: only a word memtop could have written.
  if (typeof r.reason !== 'string' || !/^[a-z-]{1,20}$/.test(r.reason)) r.reason = 'unknown';
  return r as unknown as EndRecord;
}

/** Whole process records (`whole`), or patches of them with their PID. */
function checkProcesses(list: unknown[], whole: boolean, what: string): void {
  for (const item of list) {
    if (!isProcess(item)) throw new RecordProblem(`${what} with a process that is no record with a PID`);
    const misfit = misfitField(item as Record<string, unknown>, whole);
    if (misfit !== null) throw new RecordProblem(`${what} in which PID ${(item as { pid: number }).pid} has no valid ${misfit}`);
  }
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isProcess(value: unknown): boolean {
  return typeof value === 'object' && value !== null && isWhole((value as { pid?: unknown }).pid);
}
