/** A column's raw value as human-readable cell text (not padded). Untrusted text is made visible. */
import type { Column, ColumnContext } from './column.js';
import { durationText, humanBytes, percentText, signedBytes } from './human-units.js';
import { visibleText } from './untrusted-text.js';
import { growthText } from './growth-text.js';

/** The mark after a sum that leaves out unknown values (a lower bound): tables, CLI and UI alike. */
export const PARTIAL_MARK = '+';

/** "14:03" today, "Nov25" before (as ps's START). */
export function startTimeText(epochMs: number, nowEpochMs: number): string {
  const d = new Date(epochMs);
  const now = new Date(nowEpochMs);
  if (d.toDateString() === now.toDateString()) {
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }
  return d.toLocaleString('en-US', { month: 'short' }) + String(d.getDate()).padStart(2, '0');
}

export function formatValue(column: Column<never> | Column<any>, value: number | string | null, context: ColumnContext): string {
  if (value === null) return '-';
  switch (column.kind) {
    case 'bytes': return humanBytes(value as number);
    case 'percent': return percentText(value as number);
    case 'duration': return durationText(value as number);
    case 'time': return startTimeText(value as number, context.nowEpochMs);
    case 'growth': return growthText(value as number);
    case 'delta': return signedBytes(value as number);
    case 'integer': return String(value);
    case 'text': return visibleText(String(value));
  }
}

export function formatCell<Row>(column: Column<Row>, row: Row, context: ColumnContext): string {
  return (column.mark?.(row, context) ?? '') + formatValue(column, column.value(row, context), context);
}
