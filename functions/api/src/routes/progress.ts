import { createRoute, z } from '@hono/zod-openapi';
import { periodStanding } from '@inovasi/app/projection/standing';
import { periodSchema, targetRuleFields, targetRuleSchema, UNIT_KINDS } from '@inovasi/core';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, ifMatchHeader, jsonBody, jsonContent } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { periodParams } from './periods.ts';

const counts = {
  total: z.number(),
  submitted: z.number(),
  verified: z.number(),
  ready: z.number(),
  sent: z.number(),
};
const countsSchema = z.object(counts);

const unitRuleSchema = z.object({
  unitId: z.string(),
  opdId: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  required: z.number(),
  counted: z.number(),
  lacks: z.number(),
  meets: z.boolean(),
});

export const ruleEvaluationSchema = z.object({
  opds: z.array(
    z.object({
      opdId: z.string(),
      name: z.string(),
      required: z.number(),
      counted: z.number(),
      countedWithUnits: z.number(),
      lacks: z.number(),
      meets: z.boolean(),
      unitsLack: z.number(),
      units: z.array(unitRuleSchema),
    }),
  ),
  opdsBound: z.number(),
  opdsMeeting: z.number(),
  unitsBound: z.number(),
  unitsMeeting: z.number(),
  lacking: z.number(),
  urusanWithoutOpd: z.array(z.string()),
});

const progressSchema = z.object({
  year: z.number(),
  daysToInternalDeadline: z.number().nullable(),
  daysToNationalDeadline: z.number().nullable(),
  opds: z.array(
    z.object({
      opdId: z.string(),
      name: z.string(),
      target: z.number(),
      ...counts,
      behind: z.number(),
      /** Innovations of no unit: the OPD's own. */
      direct: countsSchema,
      units: z.array(
        z.object({
          unitId: z.string(),
          opdId: z.string(),
          name: z.string(),
          kind: z.enum(UNIT_KINDS),
          parentUnitId: z.string().optional(),
          ...counts,
        }),
      ),
    }),
  ),
  region: z.object({ ...counts, target: z.number(), behind: z.number() }),
  targetRule: targetRuleSchema.nullable(),
  /** Who meets the period's target rule and what each OPD and unit still lacks; null without a rule. */
  rule: ruleEvaluationSchema.nullable(),
  threshold: z.number().nullable(),
});

const progressRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/progress',
  tags: ['Periods'],
  summary:
    'Progress board: submitted / verified / ready / sent per OPD with its units, rolled up to the region, and the period’s target rule judged',
  request: { params: periodParams },
  responses: {
    200: jsonContent(progressSchema, 'Progress per OPD and unit'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const targetRuleRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/periods/{year}/target-rule',
  tags: ['Periods'],
  summary:
    'Set or clear (null) the period’s target rule; send the period’s version as If-Match (tenant admin)',
  request: {
    params: periodParams,
    headers: ifMatchHeader,
    body: jsonBody(z.object({ targetRule: targetRuleFields.nullable() })),
  },
  responses: {
    200: jsonContent(periodSchema, 'The period'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

export const progressRoutes = createRouter()
  .openapi(progressRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'period.read');
    return c.json(await periodStanding(access, year), 200);
  })
  .openapi(targetRuleRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'period.manage');
    const version = expectedVersion(c);
    const { targetRule } = c.req.valid('json');
    // Checked after the caller is authorised: a rule with no clause is a 400 only for who may set one.
    if (targetRule && !targetRuleSchema.safeParse(targetRule).success)
      throw new ApiError('validation_failed', 'targetRule.perOpd');
    if (!(await access.periods.get(year))) throw new ApiError('period_not_found', 'year');
    const updated = await access.periods.update(year, version, { targetRule: targetRule ?? undefined });
    c.header('ETag', etag(updated.version));
    return c.json(updated, 200);
  });
