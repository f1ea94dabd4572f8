import { createRoute, z } from '@hono/zod-openapi';
import { type ContestCall, type ContestEntry, contestCallSchema } from '@inovasi/core';
import { etag, expectedVersion } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { createRouter } from '../../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent } from '../../schemas.ts';
import { type PublicWinner, updateCallWithCopy } from './calls.ts';
import { linkEntryFilesToInnovation } from './files.ts';
import { rankingOf } from './ranking.ts';
import { type ContestAccess, callOf, callParams, contestAccess, requireStatus } from './shared.ts';
import { citeAwardForSpd, publicOriginOf } from './spd-award.ts';

const approveRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/results/approve',
  tags: ['Contests'],
  summary: 'Approve the final ranking per category with the call’s method; prizes go by rank (tenant admin)',
  request: { params: callParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(contestCallSchema, 'The call with its approved results'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const announceRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/results/announce',
  tags: ['Contests'],
  summary:
    'Announce the winners on the public page; a winning entry not yet in the registry becomes an innovation (tenant admin)',
  request: {
    params: callParams,
    headers: ifMatchHeader,
    body: jsonBody(
      z.object({
        /** The OPD that looks after citizens’ winning innovations in the registry. */
        opdId: idSchema.optional(),
      }),
    ),
  },
  responses: {
    200: jsonContent(contestCallSchema, 'The call, winners announced'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

/** Ties share a rank and so share its prize (two "Juara II", no "Juara III"). */
async function approvedResults(
  access: ContestAccess,
  call: ContestCall,
): Promise<NonNullable<ContestCall['results']>> {
  const prizeOf = new Map(call.prizes.map((prize) => [prize.rank, prize.label]));
  const results: NonNullable<ContestCall['results']> = [];
  for (const category of call.categories) {
    const ranking = await rankingOf(access, call, 'final', call.aggregation, category.id);
    for (const entry of ranking.entries) {
      const prize = prizeOf.get(entry.rank);
      results.push({
        entryId: entry.entryId,
        categoryId: category.id,
        rank: entry.rank,
        score: entry.score,
        ...(prize ? { prize } : {}),
      });
    }
  }
  return results;
}

/**
 * The winning entry's innovation in the registry: the one it was entered with, or a new one with
 * the entry's own id (announcing again after an interruption finds it instead of a copy).
 */
async function registryInnovationOf(
  access: ContestAccess,
  call: ContestCall,
  entry: ContestEntry,
  opdId: string | undefined,
): Promise<string> {
  if (entry.innovationId) return entry.innovationId;
  const existing = await access.innovations.get(entry.id, { consistent: true });
  if (!existing) {
    const owner = entry.opdId ?? (opdId as string);
    await access.innovations
      .create({ id: entry.id, opdId: owner, periodYear: call.year, profile: entry.profile }, access.actor)
      .catch(async (error: unknown) => {
        // Ambiguous (the answer lost after the write, the SDK's resend refused by its condition):
        // a strongly consistent read tells whether the innovation is there.
        const written = await access.innovations.get(entry.id, { consistent: true }).catch(() => undefined);
        if (!written) throw error;
      });
  }
  return entry.id;
}

export const contestResultRoutes = createRouter()
  .openapi(approveRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.manage');
    const version = expectedVersion(c);
    const call = await callOf(access, callId);
    requireStatus(call, 'judging');
    const results = await approvedResults(access, call);
    const approved = await access.contests.updateCall(
      call,
      version,
      { status: 'results_approved', results, resultsApprovedAt: new Date().toISOString() },
      'contest.results.approve',
    );
    c.header('ETag', etag(approved.version));
    return c.json(approved, 200);
  })
  .openapi(announceRoute, async (c) => {
    const { code, callId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.manage');
    const version = expectedVersion(c);
    const { opdId } = c.req.valid('json');
    const call = await callOf(access, callId);
    requireStatus(call, 'results_approved');
    if (opdId && !(await access.opds.get(opdId))) throw new ApiError('opd_not_found', 'opdId');
    const winners = (call.results ?? []).filter((result) => result.prize);
    const entries = await Promise.all(
      winners.map((winner) => access.contests.getEntry(callId, winner.entryId, true)),
    );
    // Check every winner first, so a missing OPD refuses the whole announcement before any write.
    if (entries.some((entry) => entry && !entry.innovationId && !entry.opdId && !opdId))
      throw new ApiError('contest_winner_needs_opd', 'opdId');
    const announced: PublicWinner[] = [];
    for (const [index, winner] of winners.entries()) {
      const entry = entries[index];
      if (!entry || !winner.prize) continue;
      const innovationId = await registryInnovationOf(access, call, entry, opdId);
      await linkEntryFilesToInnovation(access, entry, innovationId);
      const award = { rank: winner.rank, prize: winner.prize };
      // Awarded by an interrupted announcement already: a second update would audit it twice.
      const awarded =
        entry.innovationId === innovationId &&
        entry.award?.rank === award.rank &&
        entry.award?.prize === award.prize;
      if (!awarded) {
        await access.contests.updateEntry(
          entry,
          entry.version,
          { innovationId, award },
          'contest.entry.award',
        );
      }
      announced.push({
        rank: winner.rank,
        prize: winner.prize,
        name: entry.profile.name,
        entrantName: entry.entrantName ?? '',
        categoryId: winner.categoryId,
      });
    }
    const deps = c.get('deps');
    const spdCitation = await citeAwardForSpd(access, call, publicOriginOf(deps.webOrigins, c.req.url));
    const changes: Partial<ContestCall> = { status: 'winners_published' };
    if (spdCitation) changes.spdCitation = spdCitation;
    const published = await updateCallWithCopy(
      access,
      deps,
      { call, version, changes, action: 'contest.results.announce' },
      announced,
    );
    return c.json(published, 200);
  });
