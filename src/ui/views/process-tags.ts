/**
 * The tagged processes (Space tags, U untags all): kept by identity (PID and start time), with
 * the row as it was last seen, so k/F7/F8 can name a process even after it left the table; the
 * action re-checks each identity before it touches anything.
 */
import type { ProcessSample } from '../../sampler/sample.js';
import { processKey } from './process-rows.js';

export class ProcessTags {
  private readonly tagged = new Map<string, ProcessSample>();

  get size(): number {
    return this.tagged.size;
  }

  has(p: ProcessSample): boolean {
    return this.tagged.has(processKey(p));
  }

  /** Tags or untags `p`; true when it is tagged now. */
  toggle(p: ProcessSample): boolean {
    const key = processKey(p);
    if (this.tagged.delete(key)) return false;
    this.tagged.set(key, p);
    return true;
  }

  /** Untags all; how many were tagged. */
  clear(): number {
    const count = this.tagged.size;
    this.tagged.clear();
    return count;
  }

  /** The tagged processes in PID order, each as the latest sample shows it (else as last seen). */
  list(latest: readonly ProcessSample[]): ProcessSample[] {
    for (const p of latest) {
      const key = processKey(p);
      if (this.tagged.has(key)) this.tagged.set(key, p);
    }
    return [...this.tagged.values()].sort((a, b) => a.pid - b.pid);
  }
}
