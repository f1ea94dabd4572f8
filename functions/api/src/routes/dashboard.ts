import { createRoute, z } from '@hono/zod-openapi';
import { computeSummary } from '@inovasi/app/summaries/compute';
import {
  bandsOfRubric,
  cockpitRow,
  cockpitRowSchema,
  earlyWarningSchema,
  isResultYear,
  nextStepSchema,
  nextSteps,
  officialResultInputSchema,
  officialResultView,
  officialResultViewSchema,
  provinceRowOf,
  regionSummarySchema,
  summarySnapshotSchema,
  todayInJakarta,
  yearBandSchema,
} from '@inovasi/core';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { periodParams, periodRubric } from './periods.ts';

const regionView = cockpitRowSchema.pick({
  daysToInternalDeadline: true,
  daysToNationalDeadline: true,
  disclaimerRisk: true,
  changeSinceLastYear: true,
});

export const dashboardSchema = z
  .object({
    summary: regionSummarySchema,
    computedAt: z.iso.datetime(),
    /**
     * How current the summary is (docs/decisions/0018): when the newest change of the region that
     * the summary projector has applied was made. Null until the projector has applied one (a
     * summary from the seed or the rebuild). A change made after this time may not be in it yet;
     * the projector applies one within seconds.
     */
    changesThrough: z.iso.datetime().nullable(),
    /** The Jakarta date the calendar figures below were computed for. */
    today: z.iso.date(),
    ...regionView.shape,
    warnings: z.array(earlyWarningSchema),
    /** Coarse next steps from the summary; the advice endpoint computes the exact gain of each move. */
    nextSteps: z.array(nextStepSchema),
    /** The predicate bands of the period's rubric, highest first, for the gauge. */
    bands: z.array(yearBandSchema),
  })
  .openapi('RegionDashboard');

const summaryRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/summary',
  tags: ['Dashboard'],
  summary:
    'Where the region stands: projected index (claimed and verified) with predicate, innovations by status, stage and urusan, basic services, completeness, OPDs, deadlines, warnings and next steps',
  request: { params: periodParams },
  responses: {
    200: jsonContent(dashboardSchema, 'The region’s summary of the period, with today’s calendar figures'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const trendRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/trend',
  tags: ['Dashboard'],
  summary: 'The season’s trend: one point per day on which the summary changed or was rebuilt',
  request: { params: periodParams },
  responses: {
    200: jsonContent(
      z.object({ year: z.number(), bands: z.array(yearBandSchema), points: z.array(summarySnapshotSchema) }),
      'Daily points, oldest first',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const resultYearParams = tenantParams.extend({
  year: z.coerce.number().int().min(2022).max(2100).openapi({ example: 2024 }),
});

const listResultsRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/results',
  tags: ['Dashboard'],
  summary: 'Official IID results of past years, each with the predicate and bands of its own year',
  request: { params: tenantParams },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(officialResultViewSchema.partial({ enteredBy: true })) }),
      'Results, newest first; without `enteredBy` for the province (a member id is the region’s own)',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const saveResultRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/results/{year}',
  tags: ['Dashboard'],
  summary:
    'Record the official result of a year (index, rank) from the Kepmendagri; If-Match "0" records it the first time (tenant admin)',
  request: { params: resultYearParams, headers: ifMatchHeader, body: jsonBody(officialResultInputSchema) },
  responses: {
    200: jsonContent(officialResultViewSchema, 'The result with its predicate'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

export const dashboardRoutes = createRouter()
  .openapi(summaryRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'dashboard.read');
    const rubric = await periodRubric(access.periods, year);
    let stored = await access.summaries.get(year);
    if (!stored) {
      // Never stored (a year no write of the region touched yet): computed for this answer only.
      // A read writes nothing, whoever reads (a province may not write in a regency at all); the
      // writes and the scheduled rebuild that can change it store it.
      const computed = await computeSummary(c.get('deps').data, code, year);
      if (!computed) throw new ApiError('tenant_not_onboarded');
      stored = { ...computed.bundle.summary, ...computed.meta };
    }
    const { computedAt, sourceAt: _sourceAt, changesThrough, ...summary } = stored;
    const today = todayInJakarta();
    const row = cockpitRow({ ...provinceRowOf(summary), computedAt }, today);
    return c.json(
      {
        summary,
        computedAt,
        changesThrough: changesThrough ?? null,
        today,
        daysToInternalDeadline: row.daysToInternalDeadline,
        daysToNationalDeadline: row.daysToNationalDeadline,
        disclaimerRisk: row.disclaimerRisk,
        changeSinceLastYear: row.changeSinceLastYear,
        warnings: row.warnings,
        nextSteps: nextSteps(summary, today),
        bands: bandsOfRubric(rubric),
      },
      200,
    );
  })
  .openapi(trendRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'dashboard.read');
    const rubric = await periodRubric(access.periods, year);
    const points = await access.summaries.trend(year);
    return c.json(
      {
        year,
        bands: bandsOfRubric(rubric),
        points: points.map(
          ({ computedAt: _computedAt, sourceAt: _sourceAt, changesThrough: _changesThrough, ...point }) =>
            point,
        ),
      },
      200,
    );
  })
  .openapi(listResultsRoute, async (c) => {
    const { code } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'dashboard.read');
    const results = await access.officialResults.list();
    // Who typed a result is one of the region's members: not the overseeing province's business.
    const overseer = access.actor.tenantCode !== code;
    const items = results.map(officialResultView);
    return c.json({ items: overseer ? items.map(({ enteredBy: _enteredBy, ...item }) => item) : items }, 200);
  })
  .openapi(saveResultRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'results.manage');
    const version = expectedVersion(c);
    if (!isResultYear(year, Number(todayInJakarta().slice(0, 4)))) {
      throw new ApiError('result_year_unsupported', 'year');
    }
    const saved = await access.officialResults.save(year, version, c.req.valid('json'));
    c.header('ETag', etag(saved.version));
    return c.json(officialResultView(saved), 200);
  });
