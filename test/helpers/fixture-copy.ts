/** A private, writable copy of a fixture tree, so a test can change, add and remove files. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TreeCopy {
  root: string;
  remove(): void;
}

export function copyTree(source: string): TreeCopy {
  const dir = mkdtempSync(join(tmpdir(), 'memtop-tree-'));
  const root = join(dir, 'proc');
  cpSync(source, root, { recursive: true });
  return { root, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `body` on a fresh copy of `source` and removes the copy however `body` ends. */
export function withTreeCopy<T>(source: string, body: (root: string) => T): T {
  const tree = copyTree(source);
  try {
    return body(tree.root);
  } finally {
    tree.remove();
  }
}
