/**
 * The saved setup (config.json): what the user chose in the UI that should outlive the session.
 * Pure: text in, a checked Setup or one line saying what is wrong out; no file access here
 * (config-file.ts reads and writes). Column ids are the column table's stable ids.
 */

export const COLOR_SCHEMES = ['default', 'monochrome', 'light'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

export interface Setup {
  sort?: { column: string; descending: boolean };
  /** Shown columns, in their order. */
  columns?: string[];
  delaySeconds?: number;
  /** The Processes view shown as a tree (F5). */
  tree?: boolean;
  colorScheme?: ColorScheme;
}

export const DELAY_RANGE_SECONDS = [0.2, 3600] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The setup in `text`, or why it cannot be used (one line). `columnIds`: the known ids. */
export function parseSetup(text: string, columnIds: readonly string[]): { setup: Setup } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (!isObject(value)) return { error: 'not a JSON object' };
  const setup: Setup = {};
  const { sort, columns, delaySeconds, tree, colorScheme } = value;
  if (sort !== undefined) {
    if (!isObject(sort) || typeof sort.column !== 'string' || typeof sort.descending !== 'boolean') return { error: '"sort" must be {"column": id, "descending": true|false}' };
    if (!columnIds.includes(sort.column)) return { error: `"sort": no column "${printable(sort.column)}"` };
    setup.sort = { column: sort.column, descending: sort.descending };
  }
  if (columns !== undefined) {
    if (!Array.isArray(columns) || columns.length === 0 || !columns.every((c) => typeof c === 'string')) return { error: '"columns" must be a non-empty list of column ids' };
    const unknown = columns.find((c) => !columnIds.includes(c));
    if (unknown !== undefined) return { error: `"columns": no column "${printable(unknown)}"` };
    if (new Set(columns).size !== columns.length) return { error: '"columns": a column is named twice' };
    setup.columns = [...columns];
  }
  if (delaySeconds !== undefined) {
    const [low, high] = DELAY_RANGE_SECONDS;
    if (typeof delaySeconds !== 'number' || !(delaySeconds >= low && delaySeconds <= high)) return { error: `"delaySeconds" must be a number from ${low} to ${high}` };
    setup.delaySeconds = delaySeconds;
  }
  if (tree !== undefined) {
    if (typeof tree !== 'boolean') return { error: '"tree" must be true or false' };
    setup.tree = tree;
  }
  if (colorScheme !== undefined) {
    if (!COLOR_SCHEMES.includes(colorScheme as ColorScheme)) return { error: `"colorScheme" must be one of ${COLOR_SCHEMES.join(', ')}` };
    setup.colorScheme = colorScheme as ColorScheme;
  }
  return { setup };
}

/** The file's text: stable key order, one key a line, so a hand edit diffs well. */
export function setupText(setup: Setup): string {
  const ordered: Setup = {};
  if (setup.sort) ordered.sort = setup.sort;
  if (setup.columns) ordered.columns = setup.columns;
  if (setup.delaySeconds !== undefined) ordered.delaySeconds = setup.delaySeconds;
  if (setup.tree !== undefined) ordered.tree = setup.tree;
  if (setup.colorScheme !== undefined) ordered.colorScheme = setup.colorScheme;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * What to save: each setting the session changed (current differs from how it started) takes
 * its current value; the others keep the file's, so a one-off flag (`-d 1`) is not saved.
 */
export function setupToSave(file: Setup, initial: Setup, current: Setup): Setup {
  const out: Setup = { ...file };
  const keys = ['sort', 'columns', 'delaySeconds', 'tree', 'colorScheme'] as const;
  for (const key of keys) {
    if (JSON.stringify(initial[key]) !== JSON.stringify(current[key])) (out as Record<string, unknown>)[key] = current[key];
  }
  return out;
}

/** Text from the file, shown in a message: control characters dropped, cut short. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return clean.length > 24 ? `${clean.slice(0, 23)}…` : clean;
}
