/**
 * What the parsers' property tests generate and check: arbitrary text (any UTF-16, any bytes
 * decoded as UTF-8, and real captures cut, spliced and with numbers swapped for impossible ones),
 * and the rule every parsed figure must keep: exact or unknown, never negative, NaN or rounded.
 */
import fc from 'fast-check';
import assert from 'node:assert/strict';

/** Runs per property: the whole set of parser properties stays within a few seconds. */
export const RUNS = 300;

/** Numbers the kernel never prints for an unsigned figure, and some it does at the edges. */
const NASTY_NUMBERS = ['-1', '-4096', '9007199254740992', '9007199254740993', '18446744073709551615',
  '18446744073709551616', '99999999999999999999999', '0x10', '1e9', '', ' ', '+5', '1.5', 'NaN', 'Infinity'];

/** A real capture mutated: cut short, a span replaced by junk, or a number replaced by an impossible one. */
function mutated(sample: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: sample.length });
  return fc.oneof(
    at.map((n) => sample.slice(0, n)),
    fc.tuple(at, at, fc.string({ unit: 'binary', maxLength: 12 })).map(([a, b, junk]) => sample.slice(0, Math.min(a, b)) + junk + sample.slice(Math.max(a, b))),
    fc.tuple(fc.nat(), fc.constantFrom(...NASTY_NUMBERS)).map(([k, nasty]) => {
      const numbers = [...sample.matchAll(/\d+/g)];
      if (numbers.length === 0) return sample;
      const m = numbers[k % numbers.length];
      return sample.slice(0, m.index) + nasty + sample.slice(m.index! + m[0].length);
    }),
  );
}

/** Any text: arbitrary strings, arbitrary bytes as UTF-8, and (given real captures) mutations of them. */
export function anyText(...samples: string[]): fc.Arbitrary<string> {
  const arbitrary: fc.Arbitrary<string>[] = [
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  ];
  for (const sample of samples) arbitrary.push(mutated(sample), mutated(sample), mutated(sample));
  return fc.oneof(...arbitrary);
}

/** An unsigned 64-bit value as the kernel may print it, with the edges weighted in. */
export const u64 = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  fc.bigInt({ min: 0n, max: 2n ** 32n }),
  fc.constantFrom(0n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 63n, 2n ** 64n - 1n),
);

/** The parsed form of a printed unsigned value: itself when a double holds it exactly, else unknown. */
export function exactOrNull(value: bigint): number | null {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/**
 * Every number inside `value` (objects, arrays, maps) is a figure: finite, not negative, within
 * 2^53 − 1. `allowNegative` names keys that may be negative (nice, priority, tpgid: signed by definition).
 */
export function assertFigures(value: unknown, allowNegative: ReadonlySet<string> = new Set(), path = '$'): void {
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${path} = ${value}`);
    const key = path.slice(path.lastIndexOf('.') + 1);
    if (!allowNegative.has(key)) assert.ok(value >= 0, `${path} = ${value} is negative`);
    assert.ok(Math.abs(value) <= Number.MAX_SAFE_INTEGER, `${path} = ${value} is beyond 2^53 − 1`);
  } else if (value instanceof Map) {
    for (const [k, v] of value) {
      assertFigures(k, allowNegative, `${path}.<key>`);
      assertFigures(v, allowNegative, `${path}.${String(k)}`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertFigures(v, allowNegative, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFigures(v, allowNegative, `${path}.${k}`);
  }
}

/** Checks that `parse` never throws and gives only figures, over any text and mutations of the samples. */
export function neverThrowsAndOnlyFigures(parse: (text: string) => unknown, samples: string[], allowNegative?: ReadonlySet<string>): void {
  fc.assert(fc.property(anyText(...samples), (text) => {
    assertFigures(parse(text), allowNegative);
  }), { numRuns: RUNS });
}
