import { createRoute, z } from '@hono/zod-openapi';
import { type ContestCall, contestCallInputSchema, contestCallSchema } from '@inovasi/core';
import { contestCallWriterScope, repositoriesFor } from '@inovasi/data';
import { etag, expectedVersion } from '../../context.ts';
import type { AppDeps } from '../../deps.ts';
import { ApiError } from '../../errors.ts';
import { createRouter } from '../../router.ts';
import { errorResponses, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../../schemas.ts';
import {
  type ContestAccess,
  callOf,
  callParams,
  contestAccess,
  requireStatus,
  runsContests,
} from './shared.ts';

/** What the public page shows of a call: never the panel, the entries or the scores. */
export function publicCopy(call: ContestCall, tenantName: string, winners: PublicWinner[] = []) {
  return {
    tenantCode: call.tenantCode,
    tenantName,
    id: call.id,
    title: call.title,
    year: call.year,
    description: call.description,
    eligibility: call.eligibility,
    categories: call.categories,
    stageDates: call.stageDates,
    prizes: call.prizes,
    status: call.status,
    winners,
  };
}
export interface PublicWinner {
  readonly rank: number;
  readonly prize: string;
  readonly name: string;
  readonly entrantName: string;
  readonly categoryId: string;
}

/**
 * A change of the call together with its public copy, in one transaction (docs/decisions/0042):
 * the page never shows a call state that was not committed, and a refused change leaves the copy
 * as it was. The clients reach the region and only its own items of the shared public partition.
 */
export async function updateCallWithCopy(
  access: ContestAccess,
  deps: AppDeps,
  update: { call: ContestCall; version: number; changes: Partial<ContestCall>; action: string },
  winners?: PublicWinner[],
): Promise<ContestCall> {
  const { call, version, changes, action } = update;
  const profile = await access.profile.get();
  const { contests, publicContests } = repositoriesFor(
    deps.data.forScope(contestCallWriterScope(access.tenantCode)),
    {
      audit: access.audit,
    },
  );
  const copy = publicContests.putItem(
    call.id,
    publicCopy({ ...call, ...changes }, profile?.name ?? access.tenantCode, winners),
  );
  return contests.updateCall(call, version, changes, action, undefined, [copy]);
}

/** A judge or entrant sees the call, not Bappeda's working state before it is announced. */
const forCaller = (access: ContestAccess, call: ContestCall): ContestCall => {
  if (runsContests(access) || call.status === 'winners_published') return call;
  const { results, resultsApprovedAt, ...rest } = call;
  return rest;
};

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/contests',
  tags: ['Contests'],
  summary:
    'The region’s contest calls: all for Bappeda, the panels of a judge, the announced ones for entrants',
  request: { params: tenantParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(contestCallSchema) }), 'Calls, newest year first'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const createCallRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests',
  tags: ['Contests'],
  summary: 'Create a contest call as a draft (tenant admin)',
  request: { params: tenantParams, body: jsonBody(contestCallInputSchema) },
  responses: {
    201: jsonContent(contestCallSchema, 'The draft call'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/contests/{callId}',
  tags: ['Contests'],
  summary: 'One call; its version is in the ETag',
  request: { params: callParams },
  responses: {
    200: jsonContent(contestCallSchema, 'The call'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/contests/{callId}',
  tags: ['Contests'],
  summary: 'Edit a call before judging starts (tenant admin)',
  request: { params: callParams, headers: ifMatchHeader, body: jsonBody(contestCallInputSchema) },
  responses: {
    200: jsonContent(contestCallSchema, 'The call'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/publish',
  tags: ['Contests'],
  summary: 'Open the call for entries and show it on the public page (tenant admin)',
  request: { params: callParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(contestCallSchema, 'The open call'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const closeRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/close-entries',
  tags: ['Contests'],
  summary: 'Close entries and start judging (tenant admin)',
  request: { params: callParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(contestCallSchema, 'The call, now judging'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

export const contestCallRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const access = await contestAccess(c, c.req.valid('param').code, 'contest.read');
    const calls = await access.contests.listCalls();
    if (runsContests(access)) return c.json({ items: calls }, 200);
    const visible = [];
    for (const call of calls) {
      if (call.status === 'draft') continue;
      const onPanel = await access.contests.getJudge(call.id, access.actor.userId);
      // A judge sees the calls they judge; an entrant the announced ones they can enter or follow.
      if (access.actor.roles.includes('juri') && !onPanel && access.actor.roles.length === 1) continue;
      visible.push(forCaller(access, call));
    }
    return c.json({ items: visible }, 200);
  })
  .openapi(createCallRoute, async (c) => {
    const access = await contestAccess(c, c.req.valid('param').code, 'contest.manage');
    return c.json(await access.contests.createCall(c.req.valid('json')), 201);
  })
  .openapi(readRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.read');
    const call = await callOf(access, callId);
    if (!runsContests(access)) {
      if (call.status === 'draft') throw new ApiError('contest_not_found', 'callId');
      if (access.actor.roles.length === 1 && access.actor.roles[0] === 'juri')
        if (!(await access.contests.getJudge(callId, access.actor.userId)))
          throw new ApiError('contest_not_found', 'callId');
    }
    c.header('ETag', etag(call.version));
    return c.json(forCaller(access, call), 200);
  })
  .openapi(updateRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.manage');
    const version = expectedVersion(c);
    const call = await callOf(access, callId);
    requireStatus(call, 'draft', 'open');
    const update = { call, version, changes: c.req.valid('json'), action: 'contest.update' };
    const updated =
      call.status === 'open'
        ? await updateCallWithCopy(access, c.get('deps'), update)
        : await access.contests.updateCall(call, version, update.changes, update.action);
    return c.json(updated, 200);
  })
  .openapi(publishRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.manage');
    const version = expectedVersion(c);
    const call = await callOf(access, callId);
    requireStatus(call, 'draft');
    const opened = await updateCallWithCopy(access, c.get('deps'), {
      call,
      version,
      changes: { status: 'open' },
      action: 'contest.publish',
    });
    return c.json(opened, 200);
  })
  .openapi(closeRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.manage');
    const version = expectedVersion(c);
    const call = await callOf(access, callId);
    requireStatus(call, 'open');
    const judging = await updateCallWithCopy(access, c.get('deps'), {
      call,
      version,
      changes: { status: 'judging' },
      action: 'contest.close_entries',
    });
    return c.json(judging, 200);
  });
