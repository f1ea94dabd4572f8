import { createRoute, z } from '@hono/zod-openapi';
import { inviteMember } from '@inovasi/app/members/members-service';
import {
  AGGREGATION_METHODS,
  assignJudges,
  type ContestJudge,
  contestScoreSchema,
  isDomainError,
  JUDGED_STAGES,
  judgeInputSchema,
  scoreInputSchema,
  scoreSheetProblems,
} from '@inovasi/core';
import { normaliseEmail } from '@inovasi/data';
import { ApiError } from '../../errors.ts';
import { createRouter } from '../../router.ts';
import { errorResponses, jsonBody, jsonContent } from '../../schemas.ts';
import { rankingOf, rankingSchema } from './ranking.ts';
import {
  callOf,
  callParams,
  contestAccess,
  entryOf,
  entryParams,
  judgeOf,
  judgeViewSchema,
  requireStatus,
  requireWindow,
} from './shared.ts';

const stageParams = entryParams.extend({ stage: z.enum(JUDGED_STAGES).openapi({ example: 'desk' }) });

const addJudgeRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/judges',
  tags: ['Contests'],
  summary:
    'Put a person on the panel: an existing member gains the judge role, anyone else is invited (tenant admin)',
  request: { params: callParams, body: jsonBody(judgeInputSchema) },
  responses: {
    201: jsonContent(judgeViewSchema, 'The judge'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const judgesRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/contests/{callId}/judges',
  tags: ['Contests'],
  summary: 'The panel with each judge’s progress per stage (tenant admin)',
  request: { params: callParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(judgeViewSchema) }), 'The panel'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const conflictRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/entries/{entryId}/conflict',
  tags: ['Contests'],
  summary: 'A judge declares a conflict of interest with an assigned entry; it goes to another judge',
  request: { params: entryParams, body: jsonBody(z.object({ reason: z.string().trim().min(3).max(2000) })) },
  responses: {
    200: jsonContent(judgeViewSchema.omit({ progress: true }), 'The judge with the declared conflict'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const scoreRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/contests/{callId}/entries/{entryId}/scores/{stage}',
  tags: ['Contests'],
  summary: 'A judge scores an assigned entry on the stage’s criteria, with a comment',
  request: { params: stageParams, body: jsonBody(scoreInputSchema) },
  responses: {
    200: jsonContent(contestScoreSchema, 'The score sheet'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const rankingRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/contests/{callId}/ranking',
  tags: ['Contests'],
  summary:
    'The ranking of a stage with its method, ties and each judge’s deviation from the panel (tenant admin)',
  request: {
    params: callParams,
    query: z.object({
      stage: z.enum(JUDGED_STAGES).default('desk'),
      method: z.enum(AGGREGATION_METHODS).optional(),
      categoryId: z
        .string()
        .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
        .optional(),
    }),
  },
  responses: {
    200: jsonContent(rankingSchema, 'The ranking'),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const contestJudgingRoutes = createRouter()
  .openapi(addJudgeRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.manage');
    const input = c.req.valid('json');
    await callOf(access, callId);
    if (input.opdId && !(await access.opds.get(input.opdId))) throw new ApiError('opd_not_found', 'opdId');
    const email = normaliseEmail(input.email);
    const members = access.members();
    let member = (await members.list()).find((candidate) => candidate.email === email);
    if (member && !member.roles.includes('juri')) {
      member = await members.update(member.id, member.version, { roles: [...member.roles, 'juri'] });
      c.get('memberDirectory').forget(member.email);
    }
    if (!member) {
      const profile = await access.profile.get();
      member = await inviteMember(
        c.get('deps'),
        { code, name: profile?.name ?? code },
        { email, name: input.name, roles: ['juri'], ...(input.opdId ? { opdId: input.opdId } : {}) },
        access.audit,
      );
    }
    const opdId = input.opdId ?? member.opdId;
    const judge: ContestJudge = {
      userId: member.id,
      name: input.name,
      email,
      ...(opdId ? { opdId } : {}),
      external: input.external,
      conflicts: [],
      version: 1,
    };
    await access.contests.addJudge(callId, judge).catch((error: unknown) => {
      // The judge's record is keyed by the person: a conflict means they sit on the panel already.
      if (isDomainError(error, 'version_conflict')) throw new ApiError('contest_judge_exists', 'email');
      throw error;
    });
    const none = { assigned: 0, scored: 0 };
    return c.json({ ...judge, progress: { desk: none, final: none } }, 201);
  })
  .openapi(judgesRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.manage');
    await callOf(access, callId);
    const [panel, entries, desk, final] = await Promise.all([
      access.contests.listJudges(callId),
      access.contests.listEntries(callId),
      access.contests.listScores(callId, 'desk'),
      access.contests.listScores(callId, 'final'),
    ]);
    const sheets = { desk, final };
    const progressOf = (userId: string, stage: 'desk' | 'final') => {
      const assigned = entries.filter((entry) => entry.assignments[stage].includes(userId));
      const scored = assigned.filter((entry) =>
        sheets[stage].some((sheet) => sheet.entryId === entry.id && sheet.judgeId === userId),
      );
      return { assigned: assigned.length, scored: scored.length };
    };
    const items = panel.map((judge) => ({
      ...judge,
      progress: { desk: progressOf(judge.userId, 'desk'), final: progressOf(judge.userId, 'final') },
    }));
    return c.json({ items }, 200);
  })
  .openapi(conflictRoute, async (c) => {
    const { code, callId, entryId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.judge');
    const { reason } = c.req.valid('json');
    const call = await callOf(access, callId);
    const judge = await judgeOf(access, callId);
    const entry = await entryOf(access, callId, entryId);
    const stage = entry.stage === 'desk' || entry.stage === 'final' ? entry.stage : undefined;
    if (!stage || !entry.assignments[stage].includes(judge.userId))
      throw new ApiError('contest_entry_not_assigned');
    const conflicts = [...judge.conflicts, { entryId, reason }];
    // The entry goes to another eligible judge; the conflicted judge's sheet no longer counts.
    const panel = (await access.contests.listJudges(callId)).map((member) =>
      member.userId === judge.userId ? { ...judge, conflicts } : member,
    );
    const plan = assignJudges(
      [{ id: entry.id, opdId: entry.opdId, assigned: entry.assignments[stage] }],
      panel,
      call.judgesPerEntry,
    );
    const declared = await access.contests.declareConflict(callId, judge, conflicts, entry, {
      ...entry.assignments,
      [stage]: plan.assignments.get(entry.id) ?? [],
    });
    return c.json(declared, 200);
  })
  .openapi(scoreRoute, async (c) => {
    const { code, callId, entryId, stage } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.judge');
    const input = c.req.valid('json');
    const call = await callOf(access, callId);
    requireStatus(call, 'judging');
    requireWindow(call, stage);
    const judge = await judgeOf(access, callId);
    const entry = await entryOf(access, callId, entryId);
    if (entry.stage !== stage || !entry.assignments[stage].includes(judge.userId))
      throw new ApiError('contest_entry_not_assigned');
    const [problem] = scoreSheetProblems(call.criteria[stage], input.criteria);
    if (problem) throw new ApiError('contest_score_invalid', problem);
    const score = {
      entryId,
      judgeId: judge.userId,
      stage,
      criteria: input.criteria,
      comment: input.comment,
      scoredAt: new Date().toISOString(),
    };
    return c.json(await access.contests.putScore(callId, score), 200);
  })
  .openapi(rankingRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const { stage, method, categoryId } = c.req.valid('query');
    const access = await contestAccess(c, code, 'contest.manage');
    const call = await callOf(access, callId);
    return c.json(await rankingOf(access, call, stage, method ?? call.aggregation, categoryId), 200);
  });
