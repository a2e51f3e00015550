/**
 * An htop meter: "Mem[|||||||||||      3.21G/23.5G]". Each segment is a share of the bar in its
 * colour; without colours, each segment has its own character instead (as htop's monochrome).
 */
import type { Theme } from '../theme.js';
import { escapeTags } from '../safe-text.js';

export interface Segment {
  value: number;
  color: string;
  /** The character without colours. */
  char: string;
}

export function meter(label: string, segments: readonly Segment[], total: number, text: string, width: number, theme: Theme): string {
  const inner = Math.max(0, width - label.length - 2);
  const cells: { ch: string; color: string }[] = [];
  let filled = 0;
  let sum = 0;
  for (const segment of segments) {
    sum += Math.max(0, segment.value);
    const upTo = total > 0 ? Math.min(inner, Math.round((sum / total) * inner)) : 0;
    for (; filled < upTo; filled++) cells.push({ ch: theme.color ? '|' : segment.char, color: segment.color });
  }
  while (cells.length < inner) cells.push({ ch: ' ', color: '' });
  // The figures overwrite the end of the bar, as in htop.
  const shown = text.slice(0, inner);
  for (let i = 0; i < shown.length; i++) cells[inner - shown.length + i] = { ch: shown[i], color: 'text' };
  let out = '';
  let run = '';
  let runColor = '';
  const flush = () => {
    if (run === '') return;
    const escaped = escapeTags(run);
    out += runColor === 'text' ? theme.bold(escaped) : runColor === '' ? escaped : theme.fg(runColor, escaped);
    run = '';
  };
  for (const cell of cells) {
    if (cell.color !== runColor) {
      flush();
      runColor = cell.color;
    }
    run += cell.ch;
  }
  flush();
  return `${theme.fg('cyan', theme.bold(escapeTags(label)))}${theme.bold('[')}${out}${theme.bold(']')}`;
}
