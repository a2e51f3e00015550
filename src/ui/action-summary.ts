/**
 * One status line for an action done to several processes (a signal, a renice): each result is
 * a line from the service, and one that starts with "not " is a refusal (exited, reused PID,
 * permission). All done: `done`; else how many were done and every refusal.
 */
export function actionSummary(results: readonly string[], done: string): string {
  if (results.length === 1) return results[0];
  const refused = results.filter((r) => r.startsWith('not '));
  if (refused.length === 0) return done;
  return `${results.length - refused.length} of ${results.length} done; ${refused.join('; ')}`;
}
