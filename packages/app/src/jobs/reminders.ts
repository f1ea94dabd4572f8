import { daysUntil, type Member, type Period, todayInJakarta } from '@inovasi/core';
import {
  platformRegistryScope,
  platformRepositoryFor,
  repositoriesFor,
  type ScopedClientFactory,
  tenantScope,
} from '@inovasi/data';
import { longDate } from '../dates.ts';

/** Days before a deadline on which the people it concerns are reminded. */
export const REMINDER_DAYS: readonly number[] = [7, 3, 1];

interface Deadline {
  readonly kind: 'internal' | 'national';
  readonly day: string;
  readonly concerns: (member: Member) => boolean;
}

const deadlinesOf = (period: Period): Deadline[] => [
  // The internal deadline binds the OPDs; the national one is Bappeda's upload to BSKDN.
  {
    kind: 'internal',
    day: period.internalDeadline,
    concerns: (member) => member.roles.includes('opd_operator'),
  },
  {
    kind: 'national',
    day: period.nationalDeadline,
    concerns: (member) => member.roles.includes('tenant_admin'),
  },
];

/**
 * The scheduled reminder job (a timer locally, an EventBridge schedule in AWS): for every tenant
 * and period, remind the people a deadline concerns 7, 3 and 1 days before it. Each reminder has a
 * fixed identity, so running the job twice on a day sends nothing twice.
 */
export async function runDeadlineReminders(data: ScopedClientFactory, now = new Date()): Promise<number> {
  const today = todayInJakarta(now);
  const tenants = await platformRepositoryFor(data.forScope(platformRegistryScope)).list();
  let sent = 0;
  for (const tenant of tenants) {
    const repositories = repositoriesFor(data.forScope(tenantScope(tenant.code)));
    const periods = await repositories.periods.list();
    const due = periods.flatMap((period) =>
      deadlinesOf(period)
        .map((deadline) => ({ period, deadline, days: daysUntil(today, deadline.day) }))
        .filter(({ days }) => REMINDER_DAYS.includes(days)),
    );
    if (due.length === 0) continue;
    const members = await repositories.members.list();
    const notifications = repositories.notifications;
    for (const { period, deadline, days } of due) {
      const recipients = members
        .filter(deadline.concerns)
        .map((member) => ({ userId: member.id, email: member.email }));
      const which = deadline.kind === 'internal' ? 'internal' : 'nasional';
      sent += await notifications.send(
        recipients,
        {
          type: 'deadline',
          title_id: `Batas waktu ${which} IID ${period.year} tinggal ${days} hari (${longDate(deadline.day, 'id')})`,
          title_en: `The ${deadline.kind} IID ${period.year} deadline is in ${days} day(s) (${longDate(deadline.day, 'en')})`,
          link: '/inovasi',
          dedupeKey: `deadline-${period.year}-${deadline.kind}-${days}`,
        },
        now.toISOString(),
      );
    }
  }
  return sent;
}
