import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { catalogServiceFor } from '@inovasi/app/catalog/service';
import {
  CATALOG_FACET_VALUES,
  CATALOG_FACETS,
  CATALOG_ID_PATTERN,
  CATALOG_SORTS,
  type CatalogFacet,
  catalogEntrySchema,
  PROVINCE_CODE_PATTERN,
  parseCatalogId,
  TENANT_CODE_PATTERN,
} from '@inovasi/core';
import type { AppContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonContent } from '../schemas.ts';

/** Values a facet filter accepts, when they are not a fixed list. */
const OPEN_FACET_PATTERNS: Readonly<Partial<Record<CatalogFacet, RegExp>>> = {
  province: PROVINCE_CODE_PATTERN,
  // A province is a region too when it publishes its own innovations.
  region: TENANT_CODE_PATTERN,
  year: /^\d{4}$/,
};

const valuesOf = (text: string): string[] =>
  text
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);

/** A comma-separated filter (`urusan=kesehatan,pendidikan`): values of one facet are alternatives. */
const facetFilter = (facet: CatalogFacet) =>
  z
    .string()
    .max(400)
    .refine(
      (text) => {
        const values = valuesOf(text);
        const fixed = CATALOG_FACET_VALUES[facet];
        const pattern = OPEN_FACET_PATTERNS[facet];
        return (
          values.length > 0 &&
          values.length <= 40 &&
          values.every((value) => (fixed ? fixed.includes(value) : (pattern?.test(value) ?? false)))
        );
      },
      { message: 'Nilai filter tidak dikenal. / Unknown filter value.' },
    )
    .optional()
    .openapi({ description: `Comma-separated ${facet} values; any of them matches` });

const searchQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Words to search for, Bahasa Indonesia aware' }),
  urusan: facetFilter('urusan'),
  basicService: facetFilter('basicService'),
  theme: facetFilter('theme'),
  kind: facetFilter('kind'),
  form: facetFilter('form'),
  stage: facetFilter('stage'),
  province: facetFilter('province'),
  region: facetFilter('region'),
  year: facetFilter('year'),
  sort: z.enum(CATALOG_SORTS).optional().openapi({ description: 'Default: relevance with `q`, else recent' }),
  cursor: z.string().max(600).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const place = z.object({ code: z.string(), name: z.string() });

export const catalogListItemSchema = z
  .object({
    catalogId: z.string(),
    innovationId: z.string(),
    name: z.string(),
    region: place,
    province: place,
    opdName: z.string(),
    urusanMain: z.string().optional(),
    basicService: z.boolean(),
    kind: z.string().optional(),
    form: z.string().optional(),
    stage: z.string().optional(),
    themes: z.array(z.string()),
    year: z.number().int().optional(),
    summary: z.string(),
    kematanganBand: z.string().optional(),
    publishedAt: z.string(),
  })
  .openapi('CatalogListItem');

const facetCountSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

const searchResponse = z
  .object({
    items: z.array(catalogListItemSchema),
    total: z.number().int(),
    nextCursor: z.string().optional(),
    facets: z.object(
      Object.fromEntries(CATALOG_FACETS.map((facet) => [facet, z.array(facetCountSchema)])) as Record<
        CatalogFacet,
        z.ZodArray<typeof facetCountSchema>
      >,
    ),
    matchedAllWords: z.boolean(),
  })
  .openapi('CatalogSearchResult');

const detailResponse = catalogEntrySchema.extend({ similar: z.array(catalogListItemSchema) });

const notModified = { 304: { description: 'Not modified: the ETag sent in If-None-Match still holds' } };

const searchRoute = createRoute({
  method: 'get',
  path: '/catalog/innovations',
  tags: ['Catalogue'],
  summary: 'Search the public catalogue of published innovations (no sign-in)',
  security: [],
  request: { query: searchQuery },
  responses: {
    200: jsonContent(searchResponse, 'One page of matching innovations with facet counts'),
    ...notModified,
    ...errorResponses(400),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/catalog/innovations/{id}',
  tags: ['Catalogue'],
  summary: 'One published innovation with similar innovations of other regions (no sign-in)',
  security: [],
  request: {
    params: z.object({
      id: z.string().regex(CATALOG_ID_PATTERN).openapi({ example: '35.22~01JDEMO00000000000000000000' }),
    }),
  },
  responses: {
    200: jsonContent(detailResponse, 'The published innovation'),
    ...notModified,
    ...errorResponses(400, 404),
  },
});

/**
 * Public answers are cacheable but always revalidated: an entry withdrawn by its owner must
 * disappear at once, so caches keep the body and ask with If-None-Match (a 304 costs no body).
 */
function cacheable(c: AppContext, body: unknown): Response | undefined {
  const etag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, no-cache');
  const sent = c.req.header('if-none-match');
  if (sent?.split(',').some((candidate) => candidate.trim() === etag)) return c.body(null, 304);
  return undefined;
}

export const catalogRoutes = createRouter()
  .openapi(searchRoute, async (c) => {
    const { q, sort, cursor, limit, ...filterText } = c.req.valid('query');
    const filters: Partial<Record<CatalogFacet, string[]>> = {};
    for (const facet of CATALOG_FACETS) {
      const text = filterText[facet];
      if (text) filters[facet] = valuesOf(text);
    }
    const index = await catalogServiceFor(c.get('deps').data, c.get('deps').logger).current();
    const result = index.search({
      text: q,
      filters,
      sort: sort ?? (q?.trim() ? 'relevance' : 'recent'),
      limit,
      cursor,
    });
    return cacheable(c, result) ?? c.json(result, 200);
  })
  .openapi(detailRoute, async (c) => {
    const address = parseCatalogId(c.req.valid('param').id);
    if (!address) throw new ApiError('validation_failed', 'id');
    const service = catalogServiceFor(c.get('deps').data, c.get('deps').logger);
    const [entry, index] = await Promise.all([
      service.entries.entry(address.tenantCode, address.innovationId),
      service.current(),
    ]);
    if (!entry) throw new ApiError('catalog_entry_missing');
    const body = { ...entry, similar: index.similar(entry.catalogId) };
    return cacheable(c, body) ?? c.json(body, 200);
  });
