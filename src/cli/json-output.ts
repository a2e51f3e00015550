/** The JSON the one-shot reports print: compact, or indented on a terminal; safe to print (inertJson). */
import { inertJson } from '../model/untrusted-text.js';

export function jsonOutput(value: unknown, pretty: boolean | undefined): string {
  return `${inertJson(JSON.stringify(value, null, pretty ? 2 : undefined))}\n`;
}
