/**
 * The summed /proc/PID/smaps against smaps_rollup (src/proc/smaps-fallback.test.ts says why
 * they differ where they may): every disagreement, empty when they agree.
 */
import { parseSmaps, sumSmaps } from '../../src/proc/smaps.js';
import { parseSmapsRollup } from '../../src/proc/smaps-rollup.js';

const PROPORTIONAL = new Set(['Pss', 'Pss_Dirty', 'SwapPss', 'Locked']);
const ROLLUP_ONLY = new Set(['Pss_Anon', 'Pss_File', 'Pss_Shmem']);

/** Every way the summed smaps disagrees with smaps_rollup; empty when they agree. */
export function disagreements(smapsText: string, rollupText: string): string[] {
  const mappings = parseSmaps(smapsText);
  const sum = sumSmaps(mappings);
  const rollup = parseSmapsRollup(rollupText);
  if (!rollup) return ['smaps_rollup holds no counters'];
  if (mappings.length === 0) return ['smaps holds no mappings'];
  const problems: string[] = [];
  const shared = Object.keys(rollup).filter((key) => !ROLLUP_ONLY.has(key));
  const extra = Object.keys(sum).filter((key) => !(key in rollup));
  if (extra.length > 0) problems.push(`summed smaps has counters the rollup lacks: ${extra.join(' ')}`);
  for (const key of shared) {
    const summed = sum[key];
    if (summed === undefined) problems.push(`${key}: not in smaps`);
    else if (PROPORTIONAL.has(key)) {
      const short = rollup[key] - summed;
      if (short < 0 || short >= 1024 * mappings.length) {
        problems.push(`${key}: rollup ${rollup[key]} - sum ${summed} = ${short}, not in [0, ${1024 * mappings.length})`);
      }
    } else if (summed !== rollup[key]) problems.push(`${key}: rollup ${rollup[key]} != sum ${summed}`);
  }
  return problems;
}
