/** What a mapping holds, from its path and flags, as pmap and smem's -m view group them. */
import type { SmapsMapping } from '../proc/smaps.js';

export type MappingKind = 'heap' | 'stack' | 'anon' | 'file' | 'shmem' | 'vdso';

const KERNEL_PAGES = new Set(['[vdso]', '[vvar]', '[vvar_vclock]', '[vsyscall]', '[uprobes]', '[sigpage]', '[vectors]']);

/** Shared memory: tmpfs files in /dev/shm, SysV segments, memfds, shared anonymous memory. */
function isShmem(path: string): boolean {
  return path.startsWith('/dev/shm/') || path.startsWith('/SYSV') || path.startsWith('/memfd:')
    || path.startsWith('/dev/zero') || path.startsWith('[anon_shmem:');
}

export function mappingKind(m: Pick<SmapsMapping, 'path' | 'perms'>): MappingKind {
  const { path } = m;
  if (path === '[heap]') return 'heap';
  if (path.startsWith('[stack')) return 'stack';
  if (KERNEL_PAGES.has(path)) return 'vdso';
  if (isShmem(path)) return 'shmem';
  if (path.startsWith('/')) return 'file';
  // "" or "[anon:name]" (prctl PR_SET_VMA_ANON_NAME); a shared one is shmem underneath.
  return m.perms.charAt(3) === 's' ? 'shmem' : 'anon';
}
