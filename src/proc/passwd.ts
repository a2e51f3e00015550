/** /etc/passwd: "name:x:uid:gid:gecos:home:shell" → uid → user name. */

export function parsePasswd(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const fields = line.split(':');
    if (fields.length < 3) continue;
    // An empty or non-numeric uid (NIS "+::::::" lines, damaged entries) names nobody; Number('')
    // would make it uid 0.
    if (!fields[0] || !/^\d{1,10}$/.test(fields[2])) continue;
    const uid = Number(fields[2]);
    if (!names.has(uid)) names.set(uid, fields[0]);
  }
  return names;
}
