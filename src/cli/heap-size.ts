/**
 * V8 grows its young generation up to 2 × 16 MiB when objects survive their first collections:
 * a one-shot report's records do, and so do the UI's samples. Measured here that adds ~6–20 MiB
 * of peak RSS to `snapshot --json` at 3,000 processes and 10–15 MiB to the UI within a minute,
 * and buys no speed. Keeping the young generation at its initial size (1 MiB per semi-space)
 * holds both under their budgets. The growth factor is read by V8 each time it would grow the
 * young generation, so setting it at run time takes effect; every thread memtop starts sets it
 * again (v8-flags.ts). A start-up flag would cost more than it saves (see main.ts).
 */
import { setV8Flag } from '../sampler/v8-flags.js';

export function keepYoungGenerationSmall(): void {
  setV8Flag('--semi-space-growth-factor=1');
}
