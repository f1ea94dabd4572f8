import { createRoute, z } from '@hono/zod-openapi';
import { longDate } from '@inovasi/app/dates';
import { type PeriodStanding, periodStanding } from '@inovasi/app/projection/standing';
import { type Member, memberMayAct, todayInJakarta } from '@inovasi/core';
import { appendAudit, type Recipient } from '@inovasi/data';
import { createRouter } from '../router.ts';
import { errorResponses, jsonBody, jsonContent } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { periodParams } from './periods.ts';

const remindRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/periods/{year}/reminders',
  tags: ['Periods'],
  summary:
    'Remind every OPD and unit that does not meet the period’s target (its rule, else each OPD’s target): in-app and e-mail to its operators, a copy to the OPD head; once per day (tenant admin)',
  request: {
    params: periodParams,
    body: jsonBody(z.object({ note: z.string().trim().max(500).optional() })),
  },
  responses: {
    200: jsonContent(
      z.object({
        laggards: z.number().int(),
        notified: z.number().int(),
        copies: z.number().int(),
        /** Laggards nobody could be told: no operator of theirs (nor of their OPD) is a member. */
        unreached: z.array(z.string()),
      }),
      'What was sent; a second call on the same day sends nothing twice',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

interface Laggard {
  readonly key: string;
  readonly opdId: string;
  readonly unitId?: string | undefined;
  readonly name: string;
  readonly lacks: number;
}

/** Who still owes innovations: by the rule when the period has one, else by each OPD's own target. */
export function laggardsOf(standing: PeriodStanding): Laggard[] {
  if (!standing.rule) {
    return standing.opds
      .filter((opd) => opd.behind > 0)
      .map((opd) => ({ key: opd.opdId, opdId: opd.opdId, name: opd.name, lacks: opd.behind }));
  }
  return standing.rule.opds.flatMap((opd) => [
    ...(opd.lacks > 0 ? [{ key: opd.opdId, opdId: opd.opdId, name: opd.name, lacks: opd.lacks }] : []),
    ...opd.units
      .filter((unit) => unit.lacks > 0)
      .map((unit) => ({
        key: unit.unitId,
        opdId: opd.opdId,
        unitId: unit.unitId,
        name: unit.name,
        lacks: unit.lacks,
      })),
  ]);
}

/** A unit's own operators, else its OPD's operators of no unit, else every operator of the OPD. */
function recipientsOf(laggard: Laggard, operators: readonly Member[]): Recipient[] {
  const ofOpd = operators.filter((member) => member.opdId === laggard.opdId);
  const own = laggard.unitId
    ? ofOpd.filter((member) => member.unitId === laggard.unitId)
    : ofOpd.filter((member) => !member.unitId);
  const chosen =
    own.length > 0
      ? own
      : ofOpd.filter((member) => !member.unitId).length > 0
        ? ofOpd.filter((member) => !member.unitId)
        : ofOpd;
  return chosen.map((member) => ({ userId: member.id, email: member.email }));
}

export const reminderRoutes = createRouter().openapi(remindRoute, async (c) => {
  const { code, year } = c.req.valid('param');
  const access = await tenantAccess(c, code, 'period.manage');
  const { note } = c.req.valid('json');
  const [standing, members, opds] = await Promise.all([
    periodStanding(access, year),
    access.members().list(),
    access.opds.list(),
  ]);
  const period = await access.periods.get(year);
  const today = todayInJakarta();
  const laggards = laggardsOf(standing);
  const operators = members.filter((member) => member.roles.includes('opd_operator') && memberMayAct(member));
  const notifications = access.notifications;
  const deadline = period
    ? {
        id: ` Batas internal: ${longDate(period.internalDeadline, 'id')}.`,
        en: ` Internal deadline: ${longDate(period.internalDeadline, 'en')}.`,
      }
    : { id: '', en: '' };
  const extra = note ? `\n\n${note}` : '';
  let notified = 0;
  const unreached: string[] = [];
  for (const laggard of laggards) {
    const recipients = recipientsOf(laggard, operators);
    if (recipients.length === 0) unreached.push(laggard.name);
    notified += await notifications.send(recipients, {
      type: 'target_reminder',
      title_id: `Pengingat target IID ${year}: ${laggard.name} masih kurang ${laggard.lacks} inovasi.${deadline.id}${extra}`,
      title_en: `IID ${year} target reminder: ${laggard.name} still lacks ${laggard.lacks} innovation(s).${deadline.en}${extra}`,
      link: '/inovasi',
      dedupeKey: `target-${year}-${today}-${laggard.key}`,
    });
  }
  // The OPD head's copy: one e-mail per OPD naming the OPD and every unit of it that lags.
  let copies = 0;
  for (const opd of opds.filter((candidate) => candidate.headEmail && !candidate.archived)) {
    const own = laggards.filter((laggard) => laggard.opdId === opd.id);
    if (own.length === 0 || !opd.headEmail) continue;
    const lines = own
      .map((laggard) => `- ${laggard.name}: kurang ${laggard.lacks} / lacks ${laggard.lacks}`)
      .join('\n');
    const sent = await notifications.sendMail(
      opd.headEmail,
      `[Inovasi Daerah] Tembusan pengingat target IID ${year}: ${opd.name}`,
      `Yth. ${opd.headName ?? `Kepala ${opd.name}`},\n\nTembusan pengingat target IID ${year} (copy of the IID ${year} target reminder):\n${lines}${deadline.id ? `\n\n${deadline.id.trim()}` : ''}${extra}`,
      `target-${year}-${today}-head-${opd.id}`,
    );
    if (sent) copies++;
  }
  await appendAudit(access.clients, code, access.audit, {
    action: 'reminder.send',
    entity: 'reminder',
    entityId: `target-${year}-${today}`,
    periodYear: year,
    changes: {
      laggards: { after: laggards.map((laggard) => `${laggard.name} (${laggard.lacks})`) },
      notified: { after: notified },
      copies: { after: copies },
    },
  });
  return c.json({ laggards: laggards.length, notified, copies, unreached }, 200);
});
