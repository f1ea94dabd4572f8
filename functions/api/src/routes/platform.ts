import { createRoute, z } from '@hono/zod-openapi';
import { decide, provinceRowSchema } from '@inovasi/core';
import { PREDICATES, type Predicate } from '@inovasi/core/scoring';
import {
  NationalReadModel,
  nationalReaderScope,
  platformRegistryScope,
  platformRepositoryFor,
} from '@inovasi/data';
import { requireActor } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonContent } from '../schemas.ts';

const distributionSchema = z.object(
  Object.fromEntries(PREDICATES.map((predicate) => [predicate, z.number().int()])) as Record<
    Predicate,
    z.ZodNumber
  >,
);

const nationalSchema = z
  .object({
    year: z.number().int(),
    participation: z.object({
      /** Regions on the platform. */
      onboarded: z.number().int(),
      /** Regions with a summary for the year. */
      withSummary: z.number().int(),
      /** Regions with at least one innovation in the year. */
      withInnovations: z.number().int(),
      /** Regions that sent at least one innovation nationally. */
      sending: z.number().int(),
    }),
    distribution: z.object({ claimed: distributionSchema, verified: distributionSchema }),
    byProvince: z.array(
      z.object({
        provinceCode: z.string(),
        regions: z.number().int(),
        averageVerified: z.number(),
        averageClaimed: z.number(),
      }),
    ),
    rows: z.array(provinceRowSchema.extend({ computedAt: z.iso.datetime() })),
  })
  .openapi('NationalSummaries');

const nationalRoute = createRoute({
  method: 'get',
  path: '/platform/summaries/{year}',
  tags: ['Oversight'],
  summary:
    'National view for the platform administrator: every region’s summary row, participation and predicate distribution',
  request: {
    params: z.object({ year: z.coerce.number().int().min(2022).max(2100).openapi({ example: 2026 }) }),
  },
  responses: {
    200: jsonContent(nationalSchema, 'All regions of one year, from the national read model'),
    ...errorResponses(400, 401, 403),
  },
});

const average = (values: readonly number[]) =>
  values.length === 0
    ? 0
    : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;

export const platformRoutes = createRouter().openapi(nationalRoute, async (c) => {
  const actor = requireActor(c);
  if (!decide(actor, 'summary.national', { tenantCode: actor.tenantCode }).allowed) {
    throw new ApiError('forbidden_role');
  }
  const { year } = c.req.valid('param');
  const data = c.get('deps').data;
  const [stored, tenants] = await Promise.all([
    new NationalReadModel(data.forScope(nationalReaderScope)).rows(year),
    platformRepositoryFor(data.forScope(platformRegistryScope)).list(),
  ]);
  const rows = stored
    .map(({ sourceAt: _sourceAt, ...row }) => row)
    .sort((a, b) => a.tenantCode.localeCompare(b.tenantCode));
  const zero = () =>
    Object.fromEntries(PREDICATES.map((predicate) => [predicate, 0])) as Record<Predicate, number>;
  const distribution = { claimed: zero(), verified: zero() };
  const provinces = new Map<string, typeof rows>();
  for (const row of rows) {
    distribution.claimed[row.claimed.predicate] += 1;
    distribution.verified[row.verified.predicate] += 1;
    provinces.set(row.provinceCode, [...(provinces.get(row.provinceCode) ?? []), row]);
  }
  return c.json(
    {
      year,
      participation: {
        onboarded: tenants.length,
        withSummary: rows.length,
        withInnovations: rows.filter((row) => row.innovations.total > 0).length,
        sending: rows.filter((row) => row.innovations.sent > 0).length,
      },
      distribution,
      byProvince: [...provinces]
        .map(([provinceCode, list]) => ({
          provinceCode,
          regions: list.length,
          averageVerified: average(list.map((row) => row.verified.index)),
          averageClaimed: average(list.map((row) => row.claimed.index)),
        }))
        .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode)),
      rows,
    },
    200,
  );
});
