/**
 * A session's header: the format and its version, and the machine it was recorded on. Host name
 * and kernel come from the recorded proc root's sys/kernel (a host's /proc read from a container
 * names the host), else from this machine.
 */
import { readFileSync } from 'node:fs';
import { hostname, release } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from '../host/package-version.js';
import { FORMAT_NAME, FORMAT_VERSION, type HeaderRecord } from './record-format.js';

export interface HeaderFacts {
  procRoot: string;
  pageSizeBytes: number;
  intervalMs: number;
  startedMs: number;
}

export function recordingHeader(facts: HeaderFacts): HeaderRecord {
  return {
    type: 'header', format: FORMAT_NAME, version: FORMAT_VERSION, memtopVersion: packageVersion(),
    host: kernelText(facts.procRoot, 'hostname') ?? hostname(),
    kernel: kernelText(facts.procRoot, 'osrelease') ?? release(),
    pageSizeBytes: facts.pageSizeBytes, intervalMs: facts.intervalMs, startedMs: facts.startedMs,
  };
}

function kernelText(procRoot: string, name: string): string | null {
  try {
    const text = readFileSync(join(procRoot, 'sys', 'kernel', name), 'utf8').trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}
