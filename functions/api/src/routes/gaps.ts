import { createRoute } from '@hono/zod-openapi';
import { regionGaps } from '@inovasi/app/evidence/evidence-views';
import { gapAnalysisSchema } from '@inovasi/core';
import { createRouter } from '../router.ts';
import { errorResponses, jsonContent } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { periodParams, periodRubric } from './periods.ts';

const gapsRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/gaps',
  tags: ['Evidence'],
  summary:
    'Gap heat map of the period: per innovation × indicator empty, answered without evidence, waiting, returned or accepted; totals per indicator, OPD and region',
  request: { params: periodParams },
  responses: {
    200: jsonContent(gapAnalysisSchema, 'Gap analysis'),
    ...errorResponses(400, 401, 403, 404),
  },
});

/**
 * Read like the completeness figures it shares its checklists with (the same role, computed from
 * the source records within the request): docs/decisions/0028-gap-analysis.md says why it is not
 * yet a projected read model.
 */
export const gapRoutes = createRouter().openapi(gapsRoute, async (c) => {
  const { code, year } = c.req.valid('param');
  const access = await tenantAccess(c, code, 'projection.read');
  const rubric = await periodRubric(access.periods, year);
  const [innovations, links, opds] = await Promise.all([
    access.innovations.listForPeriod(year),
    access.evidence.linksForRegion(),
    access.opds.list(),
  ]);
  return c.json(regionGaps(rubric, year, innovations, links, opds), 200);
});
