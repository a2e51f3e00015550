/**
 * The shape a recorded process record must have for the views and reports to take it: each
 * field of ProcessSample with its JSON type. A file written by hand or damaged could hold
 * anything; a record that does not fit is refused when the file is read, not met mid-display.
 */

type Kind = 'number' | 'number|null' | 'string' | 'string|null' | 'boolean' | 'strings';

const FIELDS: Record<string, Kind> = {
  pid: 'number', ppid: 'number', uid: 'number|null', user: 'string', state: 'string', threads: 'number',
  startTimeTicks: 'number', startTimeMs: 'number|null', comm: 'string', cmdline: 'string', cmdlineTruncated: 'boolean',
  cgroupPath: 'string|null', vssBytes: 'number|null', rssBytes: 'number|null', shrBytes: 'number|null',
  pssBytes: 'number|null', ussBytes: 'number|null', swapBytes: 'number|null', swapPssBytes: 'number|null',
  peakRssBytes: 'number|null', cpuTicks: 'number|null', cpuPercent: 'number|null', kernelThread: 'boolean',
  pssReadAtMs: 'number|null', denied: 'strings', invalid: 'strings',
};

/** Fields a whole record may leave out (ProcessSample's optional ones). */
const OPTIONAL = new Set(['invalid']);

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'number|null': return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'string': return typeof value === 'string';
    case 'string|null': return value === null || typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'strings': return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/** The first field that does not fit, or null. `whole`: every field must be there (a started process), else only those present are checked (a patch). */
export function misfitField(record: Record<string, unknown>, whole: boolean): string | null {
  for (const [field, kind] of Object.entries(FIELDS)) {
    if (!(field in record)) {
      if (whole && !OPTIONAL.has(field)) return field;
      continue;
    }
    if (!fits(kind, record[field])) return field;
  }
  return null;
}
