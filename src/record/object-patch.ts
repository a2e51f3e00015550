/**
 * The patch a delta record carries: the fields of an object that changed since the previous
 * sample. Each key's value replaces the old value, except where the old and the new value are
 * both plain objects: then the value is a patch of the old one (recursively). The key "-" lists
 * the fields that are gone. Arrays and other values are replaced whole. Kernel field names
 * (meminfo, vmstat) never are "-".
 */

export type Patch = { [key: string]: unknown };

/** The key that lists removed fields. */
export const REMOVED_KEY = '-';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What turns `before` into `after`, or null when they are equal. */
export function diffObject(before: Record<string, unknown>, after: Record<string, unknown>): Patch | null {
  const patch: Patch = {};
  let changed = false;
  for (const key of Object.keys(after)) {
    const next = after[key];
    if (next === undefined) continue;
    const previous = before[key];
    if (previous === next) continue;
    if (isPlainObject(previous) && isPlainObject(next)) {
      const inner = diffObject(previous, next);
      if (inner === null) continue;
      patch[key] = inner;
    } else {
      if (sameJson(previous, next)) continue;
      patch[key] = next;
    }
    changed = true;
  }
  const removed = Object.keys(before).filter((key) => before[key] !== undefined && after[key] === undefined);
  if (removed.length > 0) {
    patch[REMOVED_KEY] = removed;
    changed = true;
  }
  return changed ? patch : null;
}

/** A new object: `before` with the patch applied (`before` is left as it was; unchanged parts are shared). */
export function applyPatch<T extends object>(before: T, patch: Patch): T {
  const out: Record<string, unknown> = { ...(before as Record<string, unknown>) };
  for (const key of Object.keys(patch)) {
    // "__proto__" as an own key (JSON.parse makes one) would set the copy's prototype.
    if (key === REMOVED_KEY || key === '__proto__') continue;
    const previous = out[key];
    const value = patch[key];
    out[key] = isPlainObject(previous) && isPlainObject(value) ? applyPatch(previous, value) : value;
  }
  const removed = patch[REMOVED_KEY];
  if (Array.isArray(removed)) for (const key of removed) if (typeof key === 'string') delete out[key];
  return out as T;
}

/** Equal as JSON would write them: arrays of plain values (denied files, refused notes) compared by content. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) return diffObject(a, b) === null;
  // NaN is written as null: unequal to itself, yet no change to record.
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}
