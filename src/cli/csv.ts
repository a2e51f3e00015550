/**
 * CSV as RFC 4180 writes it: a field holding a comma, a double quote, a line break or edge spaces
 * is quoted, with its quotes doubled; unknown (null) values are empty fields; lines end in \n.
 * A text field that a spreadsheet would run as a formula (it begins with = + - @, tab or CR) gets
 * a leading single quote, as OWASP advises; numbers are written as plain numerals (a negative
 * one stays a number).
 */

export type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? numberText(value) : inertFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that would start a formula, made plain text for a spreadsheet. */
export function inertFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Integers as they are; fractions (percentages) to two decimals. */
function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

export function csvLine(values: readonly CsvValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i > 0 ? ',' : '') + csvField(values[i]);
  return line + '\n';
}
