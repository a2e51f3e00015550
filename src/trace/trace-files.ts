/**
 * Writes a trace's folded stacks and flame graph SVG. Each file is written whole to a temporary
 * name beside it and renamed into place, so a failed write leaves no half file.
 */
import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { foldedLines, foldedText } from './folded-stacks.js';
import { flameSvg } from './flame-svg.js';
import type { TraceTally } from './trace-tally.js';

export class TraceFileError extends Error {}

function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (err) {
    rmSync(temporary, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new TraceFileError(`cannot write ${path}: ${code}`);
  }
}

/** Throws a TraceFileError now when `path` could not be written later (its directory missing or read-only). */
export function checkWritable(path: string): void {
  const dir = dirname(resolve(path));
  try {
    accessSync(dir, constants.W_OK);
    if (statSync(resolve(path), { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
  } catch (err) {
    throw new TraceFileError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? 'not writable'}`);
  }
}

export function writeFolded(path: string, tally: TraceTally): void {
  writeWhole(path, foldedText(tally.stacks.values()));
}

export function writeFlameSvg(path: string, tally: TraceTally, title: string): void {
  writeWhole(path, flameSvg(foldedLines(tally.stacks.values()), title));
}
