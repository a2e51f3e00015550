/** uid → user name from /etc/passwd, read once; an unknown uid shows as its number. */
import { parsePasswd } from '../proc/passwd.js';
import type { ProcFs } from '../proc/procfs.js';

export class UserNames {
  private readonly names: Map<number, string>;

  constructor(names: Map<number, string>) {
    this.names = names;
  }

  static load(procfs: ProcFs, passwdPath = '/etc/passwd'): UserNames {
    const text = procfs.readPath(passwdPath);
    return new UserNames(typeof text === 'string' ? parsePasswd(text) : new Map());
  }

  /** True when some uid has this name. */
  has(name: string): boolean {
    for (const known of this.names.values()) if (known === name) return true;
    return false;
  }

  name(uid: number | null): string {
    if (uid === null) return '?';
    return this.names.get(uid) ?? String(uid);
  }
}
