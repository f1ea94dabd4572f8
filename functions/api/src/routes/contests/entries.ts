import { createRoute, z } from '@hono/zod-openapi';
import {
  assignJudges,
  type ContestCall,
  type ContestEntry,
  contestEntrySchema,
  ENTRY_STAGES,
  type EntryInput,
  entryInputSchema,
  SCREENING_STATUSES,
} from '@inovasi/core';
import { expectedVersion } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { createRouter } from '../../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent } from '../../schemas.ts';
import { incompleteEntryMail } from './mail.ts';
import {
  blinded,
  type ContestAccess,
  callOf,
  callParams,
  contestAccess,
  entryOf,
  entryParams,
  entryViewSchema,
  judgeOf,
  ownsEntry,
  requireStatus,
  requireWindow,
  runsContests,
} from './shared.ts';

/** Category-specific answers: every required one present, none the category does not ask. */
function checkExtraFields(call: ContestCall, input: EntryInput): void {
  const category = call.categories.find((candidate) => candidate.id === input.categoryId);
  if (!category) throw new ApiError('contest_category_not_found', 'categoryId');
  for (const key of Object.keys(input.extraFields))
    if (!category.extraFields.some((field) => field.key === key))
      throw new ApiError('contest_extra_field_unknown', `extraFields.${key}`);
  for (const field of category.extraFields) {
    const value = input.extraFields[field.key];
    if (field.required && (value === undefined || value === ''))
      throw new ApiError('contest_extra_field_missing', `extraFields.${field.key}`);
    if (value !== undefined && typeof value !== (field.type === 'number' ? 'number' : 'string'))
      throw new ApiError('validation_failed', `extraFields.${field.key}`);
  }
}

/** Who is entering, and with which profile: an OPD (its own innovation or a new one) or a citizen. */
async function entrantOf(access: ContestAccess, call: ContestCall, input: EntryInput) {
  const category = call.categories.find((candidate) => candidate.id === input.categoryId);
  const citizen = access.actor.roles.includes('peserta') && !runsContests(access);
  const kind = citizen ? ('citizen' as const) : ('opd' as const);
  if (!category?.entrantKinds.includes(kind)) throw new ApiError('contest_category_closed', 'categoryId');
  if (citizen) {
    if (input.innovationId) throw new ApiError('contest_innovation_not_found', 'innovationId');
    const member = await access.members().get(access.actor.userId);
    return {
      entrantKind: kind,
      entrantUserId: access.actor.userId,
      entrantName: member?.name ?? access.actor.email,
      profile: undefined,
    };
  }
  const opdId = input.opdId ?? access.actor.opdId;
  if (!opdId) throw new ApiError('validation_failed', 'opdId');
  access.authorizeOpd('contest.enter', opdId);
  const opd = await access.opds.get(opdId);
  if (!opd) throw new ApiError('opd_not_found', 'opdId');
  let innovation: { id: string; profile: ContestEntry['profile'] } | undefined;
  if (input.innovationId) {
    const found = await access.innovations.get(input.innovationId);
    if (!found || found.opdId !== opdId) throw new ApiError('contest_innovation_not_found', 'innovationId');
    innovation = found;
  }
  return {
    entrantKind: kind,
    entrantUserId: access.actor.userId,
    entrantName: opd.name,
    opdId,
    ...(innovation ? { innovationId: innovation.id, profile: innovation.profile } : {}),
  };
}

const enterRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/entries',
  tags: ['Contests'],
  summary: 'Enter the call: an OPD with an innovation of the registry or a new one, a citizen with a new one',
  request: { params: callParams, body: jsonBody(entryInputSchema) },
  responses: {
    201: jsonContent(contestEntrySchema, 'The entry, awaiting screening'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/contests/{callId}/entries',
  tags: ['Contests'],
  summary:
    'Entries: all for Bappeda, those assigned to a judge (blind mode hides the entrant), one’s own for entrants',
  request: { params: callParams, query: z.object({ stage: z.enum(ENTRY_STAGES).optional() }) },
  responses: {
    200: jsonContent(z.object({ items: z.array(entryViewSchema) }), 'Entries'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const screenRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/entries/{entryId}/screening',
  tags: ['Contests'],
  summary:
    'Administrative screening: complete, or incomplete with a reason shown to the entrant (tenant admin)',
  request: {
    params: entryParams,
    headers: ifMatchHeader,
    body: jsonBody(
      z.object({
        status: z.enum(SCREENING_STATUSES).exclude(['pending']),
        reason: z.string().trim().max(2000).optional(),
      }),
    ),
  },
  responses: {
    200: jsonContent(contestEntrySchema, 'The entry'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const moveRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/entry-moves',
  tags: ['Contests'],
  summary: 'Move entries between stages in bulk, assigning judges without conflicts (tenant admin)',
  request: {
    params: callParams,
    body: jsonBody(
      z.object({
        from: z.enum(ENTRY_STAGES),
        to: z.enum(ENTRY_STAGES),
        entryIds: z.array(idSchema).min(1).max(50),
      }),
    ),
  },
  responses: {
    200: jsonContent(
      z.object({ moved: z.number().int(), shortOfJudges: z.array(z.string()) }),
      'How many moved, and entries that got fewer judges than the call asks for',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

/** Forward one stage at a time, or out of the contest. */
const MOVES: Record<string, readonly string[]> = {
  screening: ['desk', 'eliminated'],
  desk: ['final', 'eliminated'],
  final: ['eliminated'],
  eliminated: [],
};

export const contestEntryRoutes = createRouter()
  .openapi(enterRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const input = c.req.valid('json');
    const call = await callOf(access, callId);
    requireStatus(call, 'open');
    requireWindow(call, 'entries');
    checkExtraFields(call, input);
    const entrant = await entrantOf(access, call, input);
    const profile = entrant.profile ?? input.profile;
    if (!profile) throw new ApiError('validation_failed', 'profile');
    const entry: Omit<ContestEntry, 'id'> = {
      callId,
      categoryId: input.categoryId,
      ...entrant,
      profile,
      extraFields: input.extraFields,
      stage: 'screening',
      screening: { status: 'pending' },
      assignments: { desk: [], final: [] },
      version: 1,
      createdAt: new Date().toISOString(),
    };
    return c.json(await access.contests.createEntry(entry), 201);
  })
  .openapi(listRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const { stage } = c.req.valid('query');
    const access = await contestAccess(c, code, 'contest.read');
    const call = await callOf(access, callId);
    const all = (await access.contests.listEntries(callId)).filter(
      (entry) => !stage || entry.stage === stage,
    );
    if (runsContests(access)) return c.json({ items: all }, 200);
    const own = all.filter((entry) => ownsEntry(access, entry)).map(({ assignments, ...entry }) => entry);
    if (!access.actor.roles.includes('juri')) return c.json({ items: own }, 200);
    const judge = await judgeOf(access, callId);
    const assigned = all.filter(
      (entry) =>
        (entry.stage === 'desk' || entry.stage === 'final') &&
        entry.assignments[entry.stage].includes(judge.userId),
    );
    const scores = new Map<string, { criteria: Record<string, number>; comment: string; scoredAt: string }>();
    for (const judged of ['desk', 'final'] as const)
      for (const score of await access.contests.listScores(callId, judged))
        if (
          score.judgeId === judge.userId &&
          assigned.some((e) => e.id === score.entryId && e.stage === judged)
        )
          scores.set(score.entryId, {
            criteria: score.criteria,
            comment: score.comment,
            scoredAt: score.scoredAt,
          });
    const views = assigned.map((entry) => {
      const { assignments, ...open } = entry;
      const view = call.blindMode ? blinded(entry) : open;
      const myScore = scores.get(entry.id);
      return myScore ? { ...view, myScore } : view;
    });
    return c.json(
      { items: [...own.filter((entry) => !assigned.some((a) => a.id === entry.id)), ...views] },
      200,
    );
  })
  .openapi(screenRoute, async (c) => {
    const { code, callId, entryId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.manage');
    const version = expectedVersion(c);
    const { status, reason } = c.req.valid('json');
    if (status === 'incomplete' && !reason) throw new ApiError('contest_reason_required', 'reason');
    const call = await callOf(access, callId);
    const entry = await entryOf(access, callId, entryId);
    if (entry.stage !== 'screening') throw new ApiError('contest_entry_not_in_stage', 'entryId');
    const screening = { status, ...(reason ? { reason } : {}) };
    const mail =
      status === 'incomplete' && reason ? await incompleteEntryMail(access, call, entry, reason) : [];
    return c.json(
      await access.contests.updateEntry(entry, version, { screening }, 'contest.entry.screen', mail),
      200,
    );
  })
  .openapi(moveRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.manage');
    const { from, to, entryIds } = c.req.valid('json');
    if (!MOVES[from]?.includes(to)) throw new ApiError('contest_stage_move_invalid', 'to');
    const call = await callOf(access, callId);
    requireStatus(call, 'judging');
    const entries = await access.contests.listEntries(callId);
    const moving = entryIds.map((id) => {
      const entry = entries.find((candidate) => candidate.id === id);
      if (!entry) throw new ApiError('contest_entry_not_found', 'entryIds');
      if (entry.stage !== from) throw new ApiError('contest_entry_not_in_stage', 'entryIds');
      if (from === 'screening' && to === 'desk' && entry.screening.status !== 'complete')
        throw new ApiError('contest_entry_not_screened', 'entryIds');
      return entry;
    });
    if (to !== 'desk' && to !== 'final') {
      await access.contests.moveEntries(
        callId,
        from,
        moving.map((entry) => ({ entryId: entry.id, changes: { stage: to } })),
      );
      return c.json({ moved: moving.length, shortOfJudges: [] }, 200);
    }
    // Plan over the whole stage, so the load spreads over every move, not only this batch.
    const panel = await access.contests.listJudges(callId);
    const inStage = entries.filter((entry) => entry.stage === to);
    const plan = assignJudges(
      [...inStage, ...moving].map((entry) => ({
        id: entry.id,
        opdId: entry.opdId,
        assigned: entry.stage === to ? entry.assignments[to] : [],
      })),
      panel,
      call.judgesPerEntry,
    );
    await access.contests.moveEntries(
      callId,
      from,
      moving.map((entry) => ({
        entryId: entry.id,
        changes: {
          stage: to,
          assignments: { ...entry.assignments, [to]: plan.assignments.get(entry.id) ?? [] },
        },
      })),
    );
    const short = plan.shortOfJudges.filter((id) => entryIds.includes(id));
    return c.json({ moved: moving.length, shortOfJudges: short }, 200);
  });
