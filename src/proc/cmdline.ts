/**
 * /proc/PID/cmdline: the arguments separated (and usually ended) by NUL bytes. Empty for kernel
 * threads and zombies. A process may rewrite it (setproctitle) with spaces instead of NULs.
 * Untrusted: any byte but NUL may appear.
 */

export function parseCmdline(text: string): string[] {
  if (text.length === 0) return [];
  const trimmed = text.endsWith('\0') ? text.slice(0, -1) : text;
  return trimmed.split('\0');
}

/** The arguments joined by spaces, as ps shows them (parseCmdline(text).join(' '), in one pass). */
export function cmdlineText(text: string): string {
  return (text.endsWith('\0') ? text.slice(0, -1) : text).replaceAll('\0', ' ');
}
