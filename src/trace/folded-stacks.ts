/**
 * Folded stacks (`main;parse;grow 1048576`), the text flamegraph.pl, inferno and speedscope read:
 * one line per stack, outermost frame first, weighted by the stack's net bytes mapped. Weights
 * must be positive, so stacks that unmapped as much as or more than they mapped are left out.
 */
import type { StackTally } from './trace-tally.js';

/** A frame name made safe for the format: `;` separates frames and a line ends the record. */
export function foldedFrame(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/;/g, ':').replace(/[\x00-\x1f\x7f]/g, '?');
}

export interface FoldedLine {
  frames: string[];
  bytes: number;
}

export function foldedLines(stacks: Iterable<StackTally>): FoldedLine[] {
  const lines: FoldedLine[] = [];
  for (const s of stacks) {
    const net = s.mappedBytes - s.unmappedBytes;
    if (net > 0) lines.push({ frames: s.frames.map(foldedFrame), bytes: net });
  }
  return lines.sort((a, b) => a.frames.join(';').localeCompare(b.frames.join(';')));
}

export function foldedText(stacks: Iterable<StackTally>): string {
  return foldedLines(stacks).map((l) => `${l.frames.join(';')} ${l.bytes}\n`).join('');
}
