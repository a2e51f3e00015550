/**
 * F9/k: pick a signal for the selected process, or the tagged ones, then confirm a question that
 * names each (command, PID, start time). The app sends each only after re-checking the PID's
 * start time.
 */
import { startTimeText } from '../../model/format-cell.js';
import type { ProcessSample } from '../../sampler/sample.js';
import { ListOverlay } from '../widgets/list-overlay.js';
import { ConfirmOverlay } from '../widgets/confirm-overlay.js';
import { visibleText } from '../../model/untrusted-text.js';
import { cutToCells } from '../../model/cell-width.js';
import type { Overlay } from '../overlay.js';

export const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGKILL', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGSTOP', 'SIGCONT', 'SIGUSR1', 'SIGUSR2'];

/** "sleep (1234)": how dialogs and the breadcrumb name a process (plain, visible text). */
export function processName(p: { comm: string; pid: number }): string {
  return `${visibleText(p.comm)} (${p.pid})`;
}

/** The picker for the tagged processes (one or more); the confirmation lists every one. */
export function signalPickerFor(ps: readonly ProcessSample[], nowEpochMs: number): Overlay {
  if (ps.length === 1) return signalPicker(ps[0], nowEpochMs);
  const title = `${ps.length} tagged processes`;
  return new ListOverlay(`Send a signal to ${title}`, SIGNALS.map((s) => ({ label: s, value: s })), (signal) => ({
    overlay: new ConfirmOverlay(`Send ${signal}?`, [
      `Send ${signal} to these ${title}?`,
      ...ps.map((p) => `${processName(p)}, started ${p.startTimeMs === null ? 'at an unknown time' : startTimeText(p.startTimeMs, nowEpochMs)}, user ${visibleText(p.user)}: ${cutToCells(visibleText(p.cmdline || p.comm), 40)}`),
    ], () => ({ signals: ps.map((p) => ({ target: { pid: p.pid, startTimeTicks: p.startTimeTicks }, name: processName(p), signal })) })),
  }));
}

export function signalPicker(p: ProcessSample, nowEpochMs: number): Overlay {
  const name = processName(p);
  return new ListOverlay(`Send a signal to ${name}`, SIGNALS.map((s) => ({ label: s, value: s })), (signal) => ({
    overlay: new ConfirmOverlay(`Send ${signal}?`, [
      `Send ${signal} to ${name}?`,
      `started ${p.startTimeMs === null ? 'at an unknown time' : startTimeText(p.startTimeMs, nowEpochMs)}, user ${visibleText(p.user)}`,
      `command: ${cutToCells(visibleText(p.cmdline || p.comm), 60)}`,
    ], () => ({ signal: { target: { pid: p.pid, startTimeTicks: p.startTimeTicks }, name, signal } })),
  }));
}
