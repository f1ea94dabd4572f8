import { createRoute, z } from '@hono/zod-openapi';
import { loadPeriod } from '@inovasi/app/projection/projection-state';
import {
  getRubric,
  projectRegion,
  RUBRIC_ID_PATTERN,
  resolveRubricId,
  simulate,
  simulateInputSchema,
  simulateResultSchema,
} from '@inovasi/core/scoring';
import { requireActor } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonBody, jsonContent } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { periodParams, periodRubric } from './periods.ts';
import { leverSchema, moveSchema, portfolioSchema, projectionSchema } from './scoring-schemas.ts';

/** The advice search and the portfolio choice are loaded by their first request (docs/decisions/0041). */
const loadAdvice = () => import('../on-demand/advice.ts');

const simulateRoute = createRoute({
  method: 'post',
  path: '/scoring/simulate',
  tags: ['Scoring'],
  summary: 'What-if: score SPD levels and innovations with a rubric, without storing anything',
  request: { body: jsonBody(simulateInputSchema) },
  responses: { 200: jsonContent(simulateResultSchema, 'The computed index'), ...errorResponses(400, 401) },
});

const rubricRoute = createRoute({
  method: 'get',
  path: '/rubrics/{id}',
  tags: ['Scoring'],
  summary: 'A rubric version: indicators, weights, level texts and the evidence each level asks for',
  request: { params: z.object({ id: z.string().regex(RUBRIC_ID_PATTERN) }) },
  responses: {
    200: jsonContent(z.record(z.string(), z.unknown()), 'The rubric'),
    ...errorResponses(400, 401, 404),
  },
});

const basisQuery = z.object({ basis: z.enum(['claimed', 'verified']).default('verified') });

const projectionRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/projection',
  tags: ['Scoring'],
  summary: 'The index the region would get if the period closed now: claimed and verified',
  request: { params: periodParams },
  responses: {
    200: jsonContent(projectionSchema, 'Projection with per-innovation and per-OPD breakdowns'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const adviceRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/projection/advice',
  tags: ['Scoring'],
  summary:
    'Region-wide levers (one regulation or decree for many innovations) and the moves that raise the index most for the least work, each with its computed gain',
  request: {
    params: periodParams,
    query: basisQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  },
  responses: {
    200: jsonContent(
      z.object({
        basis: z.enum(['claimed', 'verified']),
        /** Levers first: each is one document, so it is listed before per-innovation moves. */
        levers: z.array(leverSchema),
        /** `limit` applies here; no move repeats a lift a lever makes. */
        moves: z.array(moveSchema),
      }),
      'Levers and moves',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const portfolioRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/projection/portfolio',
  tags: ['Scoring'],
  summary:
    'Which eligible innovations to send for the highest projected index, the break-even kematangan and the gain over sending everything',
  request: { params: periodParams, query: basisQuery },
  responses: {
    200: jsonContent(portfolioSchema, 'The portfolio choice'),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const scoringRoutes = createRouter()
  .openapi(simulateRoute, async (c) => {
    requireActor(c);
    return c.json(simulate(c.req.valid('json')), 200);
  })
  .openapi(rubricRoute, async (c) => {
    requireActor(c);
    const { id } = c.req.valid('param');
    // An old id of a renamed rubric (a period pinned before the rename) still finds its rubric.
    const rubricId = resolveRubricId(id);
    if (!rubricId) throw new ApiError('rubric_missing', 'id');
    return c.json(getRubric(rubricId) as unknown as Record<string, unknown>, 200);
  })
  .openapi(projectionRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'projection.read');
    const period = await loadPeriod(access, year, (await periodRubric(access.periods, year)).id);
    const projection = projectRegion(period.state);
    const byId = new Map(period.innovations.map((item) => [item.id, item]));
    const body: z.infer<typeof projectionSchema> = {
      year,
      ...projection,
      claimed: { ...projection.claimed, basicServicesCovered: [...projection.claimed.basicServicesCovered] },
      verified: {
        ...projection.verified,
        basicServicesCovered: [...projection.verified.basicServicesCovered],
      },
      basicServiceCoverage: {
        ...projection.basicServiceCoverage,
        covered: [...projection.basicServiceCoverage.covered],
        missing: [...projection.basicServiceCoverage.missing],
      },
      opdContributions: [...projection.opdContributions],
      innovations: projection.innovations.map((item) => {
        const eligibility = period.eligibility.get(item.id);
        return {
          ...item,
          mandatoryGaps: [...item.mandatoryGaps],
          name: byId.get(item.id)?.profile.name,
          status: byId.get(item.id)?.status,
          eligibility: eligibility && { eligible: eligibility.eligible, reasons: [...eligibility.reasons] },
        };
      }),
    };
    return c.json(body, 200);
  })
  .openapi(adviceRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const { basis, limit } = c.req.valid('query');
    const access = await tenantAccess(c, code, 'projection.read');
    const period = await loadPeriod(access, year, (await periodRubric(access.periods, year)).id);
    const { adviseWithLevers } = await loadAdvice();
    const advice = adviseWithLevers(period.state, { basis, limit });
    // `added` carries the assumed new innovation in full; a client needs only the summary fields.
    const moves = advice.moves.map((move) => {
      const { added: _added, ...summary } = move as typeof move & { added?: unknown };
      return summary;
    });
    const levers = advice.levers.map((lever) => ({
      ...lever,
      innovationIds: [...lever.innovationIds],
      evidence: { ...lever.evidence, fileKinds: [...lever.evidence.fileKinds] },
    }));
    return c.json({ basis, levers, moves: moves as z.infer<typeof moveSchema>[] }, 200);
  })
  .openapi(portfolioRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const { basis } = c.req.valid('query');
    const access = await tenantAccess(c, code, 'projection.read');
    const period = await loadPeriod(access, year, (await periodRubric(access.periods, year)).id);
    const { choosePortfolio } = await loadAdvice();
    const choice = choosePortfolio(period.state, basis);
    const body: z.infer<typeof portfolioSchema> = {
      year,
      ...choice,
      everything: { ...choice.everything, basicServicesCovered: [...choice.everything.basicServicesCovered] },
      choice: { ...choice.choice, basicServicesCovered: [...choice.choice.basicServicesCovered] },
      entries: choice.entries.map((entry) => ({ ...entry })),
    };
    return c.json(body, 200);
  });
