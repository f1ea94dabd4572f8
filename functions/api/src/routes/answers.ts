import { createRoute, z } from '@hono/zod-openapi';
import { assertInnovationEditable, assertPeriodAllowsEdit } from '@inovasi/app/workflow/workflow-guards';
import {
  type Actor,
  indicatorAnswerInputSchema,
  innovationSchema,
  type StoredSpdAnswer,
  spdAnswerInputSchema,
  spdAnswersSchema,
} from '@inovasi/core';
import { KEMANFAATAN_CODE } from '@inovasi/core/scoring';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { periodParams, periodRubric } from './periods.ts';

const indicatorCode = z
  .string()
  .regex(/^(sid|spd)\.\d{1,2}[ab]?$/)
  .openapi({ example: 'sid.16' });

const answerRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/innovations/{id}/answers/{indicator}',
  tags: ['Scoring'],
  summary: 'Answer one indicator of an innovation (level, sid.33 basis, note)',
  request: {
    params: tenantParams.extend({ id: idSchema, indicator: indicatorCode }),
    headers: ifMatchHeader,
    body: jsonBody(indicatorAnswerInputSchema),
  },
  responses: {
    200: jsonContent(innovationSchema, 'The innovation with its answers'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const readSpdRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/spd',
  tags: ['Scoring'],
  summary: 'The region’s SPD answers for a year (version 0 when none saved yet)',
  request: { params: periodParams },
  responses: { 200: jsonContent(spdAnswersSchema, 'SPD answers'), ...errorResponses(400, 401, 403, 404) },
});

const saveSpdRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/periods/{year}/spd/{row}',
  tags: ['Scoring'],
  summary: 'Answer one SPD row with a level or the raw T-1/T-2 figures (tenant admin)',
  request: {
    params: periodParams.extend({ row: indicatorCode }),
    headers: ifMatchHeader,
    body: jsonBody(spdAnswerInputSchema),
  },
  responses: {
    200: jsonContent(spdAnswersSchema, 'SPD answers'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const stamp = (actor: Actor) => ({ updatedAt: new Date().toISOString(), updatedBy: actor.userId });

export const answerRoutes = createRouter()
  .openapi(answerRoute, async (c) => {
    const { code, id, indicator } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'innovation.update');
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    const innovation = await access.innovations.get(id);
    if (!innovation) throw new ApiError('not_found');
    access.authorizeOpd('innovation.update', innovation.opdId);
    // One read of the period answers both the deadline check and the rubric.
    const period = await access.periods.get(innovation.periodYear);
    await assertInnovationEditable(access, innovation, { period });

    const rubric = await periodRubric({ get: async () => period }, innovation.periodYear);
    if (!rubric.sidIndicators.some((candidate) => candidate.code === indicator)) {
      throw new ApiError('unknown_indicator', 'indicator');
    }
    if (indicator === KEMANFAATAN_CODE && input.level > 0 && !input.basis) {
      throw new ApiError('basis_required', 'basis');
    }
    if (indicator !== KEMANFAATAN_CODE && input.basis) throw new ApiError('basis_not_allowed', 'basis');

    // A changed answer must be verified again: its review is dropped with the old level.
    const answers = { ...innovation.answers, [indicator]: { ...input, ...stamp(access.actor) } };
    const updated = await access.innovations.setAnswers(innovation, version, access.actor, answers);
    c.header('ETag', etag(updated.version));
    return c.json(updated, 200);
  })
  .openapi(readSpdRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'spd.read');
    const rubricId = (await periodRubric(access.periods, year)).id;
    const stored = await access.spd.get(year);
    // The rubric the answers are scored with is the period's, whatever rubric they were saved under.
    const answers = stored ? { ...stored, rubricId } : { year, rubricId, answers: {}, version: 0 };
    c.header('ETag', etag(answers.version));
    return c.json(answers, 200);
  })
  .openapi(saveSpdRoute, async (c) => {
    const { code, year, row } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'spd.manage');
    const version = expectedVersion(c);
    const rubric = await periodRubric(access.periods, year);
    const rubricId = rubric.id;
    const rubricRow = rubric.spdRows.find((candidate) => candidate.code === row);
    if (!rubricRow) throw new ApiError('unknown_indicator', 'row');
    const input = c.req.valid('json');
    if (input.figures && !rubricRow.derivation) throw new ApiError('figures_not_allowed', 'figures');
    await assertPeriodAllowsEdit(access, year, undefined);
    const current = await access.spd.get(year);
    const answer: StoredSpdAnswer = { ...input, ...stamp(access.actor) };
    const saved = await access.spd.save(year, rubricId, version, { ...current?.answers, [row]: answer });
    c.header('ETag', etag(saved.version));
    return c.json(saved, 200);
  });
