/**
 * A readable name for a cgroup path: the systemd unit ("nginx.service", "session-3.scope"), or the
 * container runtime and a short container id for docker, containerd and podman scopes
 * ("docker 0123456789ab"), as systemd-cgtop and csysdig show them. The path is untrusted: the
 * name is made from it as text, and neutralised by the UI like any other.
 */

const CONTAINER = [
  /(?:^|\/)docker[-/]([0-9a-f]{12,64})(?:\.scope)?$/,
  /(?:^|\/)cri-containerd-([0-9a-f]{12,64})\.scope$/,
  /(?:^|\/)libpod-([0-9a-f]{12,64})\.scope$/,
  /(?:^|\/)kubepods[^/]*\/(?:[^/]+\/)*(?:cri-containerd-|docker-|crio-)?([0-9a-f]{64})(?:\.scope)?$/,
];
const RUNTIME = ['docker', 'containerd', 'podman', 'kubernetes'];

export function cgroupName(path: string): string {
  if (path === '/' || path === '') return '/ (root)';
  for (let i = 0; i < CONTAINER.length; i++) {
    const match = CONTAINER[i].exec(path);
    if (match) return `${RUNTIME[i]} ${match[1].slice(0, 12)}`;
  }
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last === '' ? path : last;
}
