/**
 * The lines above the mappings table: nothing while all is well; "reading…" before the first
 * reading; a note when the process has exited (the last data stays); and when smaps is refused,
 * why, with the figures /proc/PID/status still gives.
 */
import { humanBytes } from '../../model/human-units.js';
import type { ProcessIdentity, Store } from '../../model/store.js';
import type { Theme } from '../theme.js';
import { escapeTags } from '../safe-text.js';

function timeText(epochMs: number | null): string {
  return epochMs === null ? 'unknown' : new Date(epochMs).toTimeString().slice(0, 8);
}

function secondsText(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export function mappingsNotice(store: Store, target: ProcessIdentity, theme: Theme): string[] {
  const state = store.mappings;
  if (!state || (state.mappings === null && !state.denied && !state.exited)) return [` reading /proc/${target.pid}/smaps…`];
  if (state.denied) {
    const p = store.find(target);
    const lines = [
      theme.fg('yellow', ` /proc/${target.pid}/smaps is not readable: permission denied (the kernel's ptrace-read check; run as the process's owner or root, or as root only if it is not dumpable).`),
    ];
    if (p) {
      lines.push(escapeTags(` From /proc/${target.pid}/status: VSS ${humanBytes(p.vssBytes)}  RSS ${humanBytes(p.rssBytes)}  SHR ${humanBytes(p.shrBytes)}  Swap ${humanBytes(p.swapBytes)}`));
    }
    if (state.exited) lines.push(theme.fg('red', ' The process has exited.'));
    return lines;
  }
  if (state.exited) {
    const last = state.mappings === null ? 'no mappings were read before it exited' : `the last data, read at ${timeText(state.readAtMs)}, stays below`;
    return [theme.fg('red', ` process exited: ${last}`)];
  }
  if (state.everyMs && state.readMs !== undefined) {
    return [theme.fg('yellow', ` smaps re-read every ${secondsText(state.everyMs)}: it takes ${secondsText(state.readMs)}`)];
  }
  return [];
}
