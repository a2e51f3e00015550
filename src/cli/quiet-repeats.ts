/**
 * A long-running command's warnings without the flood: a message said again within a minute is
 * counted instead of printed, and the count is said with the next one printed. A sampler that
 * fails every second for a day writes a line a minute to the journal, not 86,400.
 */
export function quietRepeats(write: (line: string) => void, nowMs: () => number = Date.now, windowMs = 60_000): (message: string) => void {
  const lastSaid = new Map<string, { atMs: number; held: number }>();
  return (message) => {
    const now = nowMs();
    const said = lastSaid.get(message);
    if (said !== undefined && now - said.atMs < windowMs) {
      said.held++;
      return;
    }
    const held = said?.held ?? 0;
    write(held > 0 ? `${message} (and ${held} more like it)` : message);
    lastSaid.set(message, { atMs: now, held: 0 });
    // Bounded: distinct messages (say, naming PIDs) do not pile up.
    if (lastSaid.size > 100) lastSaid.delete(lastSaid.keys().next().value!);
  };
}
