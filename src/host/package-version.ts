/** memtop's version, from the package.json above the running module (dist/src/host or dist/bin). */
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    try {
      const json = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (json.name === 'memtop') return json.version ?? 'unknown';
    } catch {
      // no package.json here: look further up
    }
  }
  return 'unknown';
}
