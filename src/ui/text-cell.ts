/** Fitting plain text into a fixed number of cells: pad or cut (with "…" when cut). */

export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? text.slice(0, 1) : `${text.slice(0, width - 1)}…`;
  return align === 'left' ? text.padEnd(width) : text.padStart(width);
}

/** Cut to width without an ellipsis (the right edge of the screen). */
export function clip(text: string, width: number): string {
  return text.length > width ? text.slice(0, Math.max(0, width)) : text;
}
