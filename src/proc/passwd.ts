/** /etc/passwd: "name:x:uid:gid:gecos:home:shell" → uid → user name. */

export function parsePasswd(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const fields = line.split(':');
    if (fields.length < 3) continue;
    const uid = Number(fields[2]);
    if (fields[0] && Number.isInteger(uid) && !names.has(uid)) names.set(uid, fields[0]);
  }
  return names;
}
