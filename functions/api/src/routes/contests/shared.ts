import { z } from '@hono/zod-openapi';
import {
  type Action,
  type ContestCall,
  type ContestEntry,
  type ContestJudge,
  type ContestWindow,
  contestEntrySchema,
  contestJudgeSchema,
  contestWindowState,
  todayInJakarta,
} from '@inovasi/core';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { idSchema, tenantParams } from '../../schemas.ts';
import { type TenantAccess, tenantAccess } from '../../tenancy.ts';

export const callParams = tenantParams.extend({ callId: idSchema });
export const entryParams = callParams.extend({ entryId: idSchema });

/** An entry as a judge sees it: in blind mode without who entered it. */
export const entryViewSchema = contestEntrySchema.partial({ assignments: true }).extend({
  myScore: z
    .object({ criteria: z.record(z.string(), z.number()), comment: z.string(), scoredAt: z.string() })
    .optional(),
});
export const judgeViewSchema = contestJudgeSchema.extend({
  progress: z.object({
    desk: z.object({ assigned: z.number().int(), scored: z.number().int() }),
    final: z.object({ assigned: z.number().int(), scored: z.number().int() }),
  }),
});

/** A tenant's access; its `contests` repository is part of every tenant's repositories. */
export type ContestAccess = TenantAccess;

export function contestAccess(c: AppContext, code: string, action: Action): Promise<ContestAccess> {
  return tenantAccess(c, code, action);
}

export async function callOf(access: ContestAccess, callId: string): Promise<ContestCall> {
  const call = await access.contests.getCall(callId, true);
  if (!call) throw new ApiError('contest_not_found', 'callId');
  return call;
}

export async function entryOf(access: ContestAccess, callId: string, entryId: string): Promise<ContestEntry> {
  const entry = await access.contests.getEntry(callId, entryId, true);
  if (!entry) throw new ApiError('contest_entry_not_found', 'entryId');
  return entry;
}

/** Who administers the region's contests: anything less is a judge or an entrant. */
export const runsContests = (access: TenantAccess): boolean =>
  access.actor.roles.includes('tenant_admin') || access.actor.roles.includes('platform_admin');

/** The caller's place on the call's panel; a judge of another call is refused as not on it. */
export async function judgeOf(access: ContestAccess, callId: string): Promise<ContestJudge> {
  const judge = await access.contests.getJudge(callId, access.actor.userId, true);
  if (!judge) throw new ApiError('contest_not_on_panel');
  return judge;
}

export const requireStatus = (call: ContestCall, ...statuses: ContestCall['status'][]): void => {
  if (!statuses.includes(call.status)) throw new ApiError('contest_wrong_status');
};

/**
 * Entries and scores only on the call's stage days, by the product's calendar (WIB, like the
 * assessment deadlines): the field named is the stage date that refuses.
 */
export function requireWindow(call: ContestCall, window: ContestWindow, now = new Date()): void {
  const state = contestWindowState(call.stageDates, window, todayInJakarta(now));
  if (state === 'open') return;
  if (window === 'entries') {
    if (state === 'before') throw new ApiError('contest_entries_not_yet_open', 'stageDates.entriesOpen');
    throw new ApiError('contest_entries_closed', 'stageDates.entriesClose');
  }
  const [start, end] = window === 'desk' ? ['screeningEnd', 'deskEnd'] : ['deskEnd', 'finalEnd'];
  if (state === 'before') throw new ApiError('contest_judging_not_yet_open', `stageDates.${start}`);
  throw new ApiError('contest_judging_closed', `stageDates.${end}`);
}

/** Whether an entry belongs to the caller as its entrant: their own citizen entry, or their OPD's. */
export const ownsEntry = (access: TenantAccess, entry: ContestEntry): boolean =>
  entry.entrantUserId === access.actor.userId ||
  (access.actor.roles.includes('opd_operator') &&
    entry.opdId !== undefined &&
    entry.opdId === access.actor.opdId);

/** Blind mode hides who entered: the entrant's name and account, their OPD and registry link. */
export function blinded(entry: ContestEntry): Omit<ContestEntry, 'assignments'> {
  const { entrantName, entrantUserId, opdId, innovationId, assignments, ...rest } = entry;
  const { initiatorName, ...profile } = entry.profile;
  return { ...rest, profile };
}
