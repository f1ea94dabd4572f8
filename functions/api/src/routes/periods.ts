import { createRoute, z } from '@hono/zod-openapi';
import { announcePeriod } from '@inovasi/app/notifications/notify';
import { findPeriodRubric } from '@inovasi/app/projection/period-rubric';
import { periodSchema, rubricForYear } from '@inovasi/core';
import { RUBRIC_ID_PATTERN, type Rubric, resolveRubricId } from '@inovasi/core/scoring';
import type { PeriodRepository } from '@inovasi/data';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';

export const periodParams = tenantParams.extend({
  year: z.coerce.number().int().min(2022).max(2100).openapi({ example: 2026 }),
});

/**
 * The rubric a region's period is scored with: the one pinned when the period was opened, or the
 * year's default while it is not opened (core's rubricIdForPeriod decides). A year with neither
 * cannot be scored: 404 naming the year.
 */
export async function periodRubric(periods: Pick<PeriodRepository, 'get'>, year: number): Promise<Rubric> {
  const rubric = await findPeriodRubric(periods, year);
  if (!rubric) throw new ApiError('no_rubric_for_year', 'year');
  return rubric;
}

export { findPeriodRubric };

/** The year's default rubric, for a period about to be opened without naming one. */
function defaultRubricIdOf(year: number): string {
  const rubricId = rubricForYear(year);
  if (!rubricId) throw new ApiError('no_rubric_for_year', 'year');
  return rubricId;
}

const isoDate = z.iso.date();

const periodInput = z.object({
  year: z.number().int().min(2022).max(2100),
  rubricId: z.string().regex(RUBRIC_ID_PATTERN).optional(),
  internalDeadline: isoDate,
  nationalDeadline: isoDate,
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods',
  tags: ['Periods'],
  summary: 'The region’s assessment periods, newest first',
  request: { params: tenantParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(periodSchema) }), 'Periods'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const openRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/periods',
  tags: ['Periods'],
  summary: 'Open an assessment period: pin its rubric and set the deadlines (tenant admin)',
  request: { params: tenantParams, body: jsonBody(periodInput) },
  responses: { 201: jsonContent(periodSchema, 'The period'), ...errorResponses(400, 401, 403, 404, 409) },
});

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}',
  tags: ['Periods'],
  summary: 'One period with its deadlines and extensions',
  request: { params: periodParams },
  responses: { 200: jsonContent(periodSchema, 'The period'), ...errorResponses(400, 401, 403, 404) },
});

const deadlinesRoute = createRoute({
  method: 'patch',
  path: '/tenants/{code}/periods/{year}',
  tags: ['Periods'],
  summary: 'Move a period’s deadlines (tenant admin)',
  request: {
    params: periodParams,
    headers: ifMatchHeader,
    body: jsonBody(periodInput.pick({ internalDeadline: true, nationalDeadline: true }).partial()),
  },
  responses: {
    200: jsonContent(periodSchema, 'The period'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const extendRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/periods/{year}/extensions',
  tags: ['Periods'],
  summary: 'Extend the internal deadline for one OPD or for all, with a reason (tenant admin)',
  request: {
    params: periodParams,
    headers: ifMatchHeader,
    body: jsonBody(
      z.object({ opdId: idSchema.optional(), until: isoDate, reason: z.string().trim().min(5).max(500) }),
    ),
  },
  responses: {
    200: jsonContent(periodSchema, 'The period'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const assertDeadlines = (internal: string, national: string) => {
  if (internal > national) throw new ApiError('invalid_deadlines', 'internalDeadline');
};

export const periodRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'period.read');
    return c.json({ items: await access.periods.list() }, 200);
  })
  .openapi(openRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'period.manage');
    const input = c.req.valid('json');
    // An old id of a renamed rubric is stored as the rubric's own id.
    const rubricId = resolveRubricId(input.rubricId ?? defaultRubricIdOf(input.year));
    if (!rubricId) throw new ApiError('unknown_rubric', 'rubricId');
    assertDeadlines(input.internalDeadline, input.nationalDeadline);
    const period = await access.periods.open({ ...input, rubricId });
    await announcePeriod(access, period.year, period.internalDeadline);
    return c.json(period, 201);
  })
  .openapi(readRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'period.read');
    const period = await access.periods.get(year);
    if (!period) throw new ApiError('period_not_found', 'year');
    c.header('ETag', etag(period.version));
    return c.json(period, 200);
  })
  .openapi(deadlinesRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'period.manage');
    const version = expectedVersion(c);
    const current = await access.periods.get(year);
    if (!current) throw new ApiError('period_not_found', 'year');
    const changes = c.req.valid('json');
    assertDeadlines(
      changes.internalDeadline ?? current.internalDeadline,
      changes.nationalDeadline ?? current.nationalDeadline,
    );
    return c.json(await access.periods.update(year, version, changes), 200);
  })
  .openapi(extendRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'period.manage');
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    if (input.opdId !== undefined && !(await access.opds.get(input.opdId))) {
      throw new ApiError('opd_not_found', 'opdId');
    }
    const extension = { ...input, by: access.actor.userId, at: new Date().toISOString() };
    return c.json(await access.periods.extend(year, version, extension), 200);
  });
