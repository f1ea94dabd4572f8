import { createRoute, z } from '@hono/zod-openapi';
import { daysUntil, opdProgress, todayInJakarta } from '@inovasi/core';
import { createRouter } from '../router.ts';
import { errorResponses, jsonContent } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { periodParams } from './periods.ts';

const progressRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/progress',
  tags: ['Periods'],
  summary:
    'OPD progress board: submitted / verified / ready / sent against each OPD’s target, furthest behind first',
  request: { params: periodParams },
  responses: {
    200: jsonContent(
      z.object({
        year: z.number(),
        daysToInternalDeadline: z.number().nullable(),
        daysToNationalDeadline: z.number().nullable(),
        opds: z.array(
          z.object({
            opdId: z.string(),
            name: z.string(),
            target: z.number(),
            total: z.number(),
            submitted: z.number(),
            verified: z.number(),
            ready: z.number(),
            sent: z.number(),
            behind: z.number(),
          }),
        ),
      }),
      'Progress per OPD',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const progressRoutes = createRouter().openapi(progressRoute, async (c) => {
  const { code, year } = c.req.valid('param');
  const access = await tenantAccess(c, code, 'period.read');
  const [opds, innovations, settings, period] = await Promise.all([
    access.opds.list(),
    access.innovations.listForPeriod(year),
    access.settings.get(),
    access.periods.get(year),
  ]);
  const today = todayInJakarta();
  return c.json(
    {
      year,
      daysToInternalDeadline: period ? daysUntil(today, period.internalDeadline) : null,
      daysToNationalDeadline: period ? daysUntil(today, period.nationalDeadline) : null,
      opds: opdProgress(opds, innovations, settings.defaultOpdTarget),
    },
    200,
  );
});
