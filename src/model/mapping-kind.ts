/** What a mapping holds, from its path and flags, as pmap and smem's -m view group them. */
import type { SmapsMapping } from '../proc/smaps.js';

export type MappingKind = 'heap' | 'stack' | 'anon' | 'file' | 'shmem' | 'vdso';

const KERNEL_PAGES = new Set(['[vdso]', '[vvar]', '[vvar_vclock]', '[vsyscall]', '[uprobes]', '[sigpage]', '[vectors]']);

/**
 * Shared memory by its name: tmpfs files in /dev/shm, SysV segments and memfds (which the kernel
 * always shows as deleted: "/SYSV0000002a (deleted)", "/memfd:name (deleted)"; a file merely
 * named so is a file), named shared anonymous memory.
 */
function isShmem(path: string): boolean {
  return path.startsWith('/dev/shm/') || /^\/SYSV[0-9a-f]{8} \(deleted\)$/.test(path)
    || (path.startsWith('/memfd:') && path.endsWith(' (deleted)')) || path.startsWith('[anon_shmem:');
}

/** /dev/zero mapped: anonymous memory underneath, shared (shmem) or private (anon) by its flags. */
const DEV_ZERO = new Set(['/dev/zero', '/dev/zero (deleted)']);

export function mappingKind(m: Pick<SmapsMapping, 'path' | 'perms'>): MappingKind {
  const { path } = m;
  if (path === '[heap]') return 'heap';
  if (path.startsWith('[stack')) return 'stack';
  if (KERNEL_PAGES.has(path)) return 'vdso';
  if (isShmem(path)) return 'shmem';
  if (DEV_ZERO.has(path)) return m.perms.charAt(3) === 's' ? 'shmem' : 'anon';
  if (path.startsWith('/')) return 'file';
  // "" or "[anon:name]" (prctl PR_SET_VMA_ANON_NAME); a shared one is shmem underneath.
  return m.perms.charAt(3) === 's' ? 'shmem' : 'anon';
}
