/**
 * Key-to-screen latency of the sort keys in a tmux pane: `>`/`<` sent 0.1–1 s apart at random (so
 * some land during a sample), each timed until capture-pane shows the new sort column.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { TmuxPane } from './tmux-pane.js';

function sortedColumn(screen: string): string | null {
  return /[▼▲](\S+)/.exec(screen)?.[1] ?? null;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function sortLatencies(pane: TmuxPane, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    await sleep(100 + Math.random() * 900);
    const before = sortedColumn(pane.capture());
    const start = performance.now();
    pane.sendKeys(i % 2 === 0 ? '>' : '<');
    pane.waitFor((screen) => sortedColumn(screen) !== before, 5000);
    latencies.push(performance.now() - start);
  }
  return latencies;
}
