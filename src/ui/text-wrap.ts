/** Plain text wrapped at spaces to `width` characters; a word longer than the width is cut. */
export function wrapAtSpaces(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const rows: string[] = [];
  let rest = text;
  do {
    let cut = rest.length <= room ? rest.length : rest.lastIndexOf(' ', room);
    if (cut <= 0) cut = Math.min(room, rest.length);
    rows.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  } while (rest.length > 0);
  return rows;
}
