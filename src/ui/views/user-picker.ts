/**
 * u: pick one user from those in the sample (with how many processes each has), or all users,
 * as htop's u does. The list is built from the sample, not from /etc/passwd: only users that
 * have processes are offered.
 */
import type { ProcessSample } from '../../sampler/sample.js';
import { visibleText } from '../../model/untrusted-text.js';
import { ListOverlay, type Choice } from '../widgets/list-overlay.js';
import type { Reaction } from '../view.js';

export function userChoices(processes: readonly ProcessSample[]): Choice<string | undefined>[] {
  const counts = new Map<string, number>();
  for (const p of processes) if (!p.kernelThread) counts.set(p.user, (counts.get(p.user) ?? 0) + 1);
  const users = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    { label: 'all users', value: undefined },
    ...users.map(([user, count]) => ({ label: `${visibleText(user).padEnd(16)} ${count} process${count === 1 ? '' : 'es'}`, value: user })),
  ];
}

export function userPicker(processes: readonly ProcessSample[], current: string | undefined, choose: (user: string | undefined) => Reaction): ListOverlay<string | undefined> {
  const choices = userChoices(processes);
  const at = Math.max(0, choices.findIndex((c) => c.value === current));
  return new ListOverlay('Show the processes of — Enter chooses, Esc cancels', choices, choose, at);
}
