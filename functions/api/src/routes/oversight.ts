import { createRoute, z } from '@hono/zod-openapi';
import {
  type CockpitRow,
  cockpitRow,
  cockpitRowSchema,
  DISCLAIMER_RISKS,
  earlyWarningSchema,
  innovationBriefSchema,
  isInsideProvince,
  isProvinceCode,
  nextStepSchema,
  nextSteps,
  provinceRowOf,
  REGENCY_CODE_PATTERN,
  regionSummarySchema,
  TENANT_CODE_PATTERN,
  TENANT_KINDS,
  todayInJakarta,
  WARNING_CODES,
} from '@inovasi/core';
import { PREDICATES, type Predicate } from '@inovasi/core/scoring';
import {
  type OversightNote,
  ProvinceReadModel,
  provinceNoteReaderScope,
  provinceReaderScope,
  repositoriesFor,
} from '@inovasi/data';
import type { AppContext } from '../context.ts';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, ifMatchHeader, jsonBody, jsonContent } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';
import { periodParams } from './periods.ts';

/**
 * A province's oversight of the regencies and cities inside it (docs/decisions/0010). The cockpit
 * reads the province read model (`PROV#<province>#<year>`: one query, public-to-the-province fields
 * only) through `provinceReaderScope`, never a regency's partition; notes and pendamping
 * assignments live in the province's own partition.
 */

const provinceCodeSchema = z
  .string()
  .regex(TENANT_CODE_PATTERN)
  .openapi({ description: 'Kemendagri code of the province, e.g. 35', example: '35' });
const yearSchema = z.coerce.number().int().min(2022).max(2100).openapi({ example: 2026 });
const regencySchema = z
  .string()
  .regex(REGENCY_CODE_PATTERN)
  .openapi({ description: 'Kemendagri code of a regency or city inside the province', example: '35.22' });

const cockpitParams = z.object({ code: provinceCodeSchema, year: yearSchema });
const regencyParams = cockpitParams.extend({ regency: regencySchema });

const SORTS = [
  'name',
  'verified',
  'claimed',
  'risk',
  'completeness',
  'daysLeft',
  'change',
  'warnings',
] as const;

const cockpitQuery = z.object({
  sort: z.enum(SORTS).default('verified'),
  order: z.enum(['asc', 'desc']).optional(),
  /** Only rows whose verified (or, with `basis=claimed`, claimed) predicate is this one. */
  predicate: z.enum(PREDICATES).optional(),
  basis: z.enum(['claimed', 'verified']).default('verified'),
  kind: z.enum(TENANT_KINDS).optional(),
  warning: z.enum(WARNING_CODES).optional(),
  disclaimerRisk: z.enum(DISCLAIMER_RISKS).optional(),
});

const distributionSchema = z.object(
  Object.fromEntries(PREDICATES.map((predicate) => [predicate, z.number().int()])) as Record<
    Predicate,
    z.ZodNumber
  >,
);

/** The name is checked last, so that a wrong contact field is reported by its own name first. */
const pendampingFields = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  position: z.string().trim().max(120).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/)
    .optional(),
  email: z.email().max(200).optional(),
});
const pendampingSchema = pendampingFields.refine((pendamping) => pendamping.name !== undefined, {
  message: 'Isi nama pendamping. / Enter the pendamping’s name.',
  path: ['name'],
});

const noteInput = z
  .object({ note: z.string().trim().max(2000).optional(), pendamping: pendampingSchema.optional() })
  .refine((input) => input.note !== undefined || input.pendamping !== undefined, {
    message: 'Isi catatan atau pendamping. / Send a note or a pendamping.',
    path: ['note'],
  });

const noteSchema = z
  .object({
    regencyCode: z.string(),
    year: z.number().int(),
    note: z.string().optional(),
    pendamping: pendampingSchema.optional(),
    updatedBy: z.string(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .openapi('OversightNote');

const cockpitSchema = z
  .object({
    provinceCode: z.string(),
    provinceName: z.string(),
    year: z.number().int(),
    today: z.iso.date(),
    rows: z.array(cockpitRowSchema),
    /** Every warning of every row, most severe first: the province's worklist. */
    warnings: z.array(earlyWarningSchema.extend({ tenantCode: z.string(), name: z.string() })),
    distribution: z.object({ claimed: distributionSchema, verified: distributionSchema }),
    coverage: z.object({
      /** Regencies and cities of the province in the official area list. */
      regencies: z.number().int(),
      withSummary: z.number().int(),
      /** Not on the platform, or without any data for this year yet. */
      withoutSummary: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(TENANT_KINDS) })),
    }),
  })
  .openapi('ProvinceCockpit');

const cockpitRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/oversight/{year}',
  tags: ['Oversight'],
  summary:
    'Province cockpit: every regency and city of the province with projected index and predicate (claimed and verified), completeness, disclaimer risk, basic-service gaps, days left, change since last year, and early warnings (province viewer)',
  request: { params: cockpitParams, query: cockpitQuery },
  responses: {
    200: jsonContent(cockpitSchema, 'One row per regency, from the province read model'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/oversight/{year}/regencies/{regency}',
  tags: ['Oversight'],
  summary:
    'Drill into one regency: its summary and innovation list, read-only (no evidence files, no people beyond role contacts), with the province’s note',
  request: { params: regencyParams },
  responses: {
    200: jsonContent(
      z
        .object({
          row: cockpitRowSchema,
          summary: regionSummarySchema,
          innovations: z.array(innovationBriefSchema),
          truncated: z.boolean(),
          nextSteps: z.array(nextStepSchema),
          note: noteSchema.nullable(),
        })
        .openapi('RegencyDrillDown'),
      'The regency as its province sees it',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const notesRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/oversight/{year}/notes',
  tags: ['Oversight'],
  summary: 'The province’s notes and pendamping assignments of one period, one per regency',
  request: { params: cockpitParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(noteSchema) }), 'Notes'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const noteRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/oversight/{year}/regencies/{regency}/note',
  tags: ['Oversight'],
  summary: 'The province’s note and pendamping contact for one regency',
  request: { params: regencyParams },
  responses: { 200: jsonContent(noteSchema, 'The note'), ...errorResponses(400, 401, 403, 404) },
});

const saveNoteRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/oversight/{year}/regencies/{regency}/note',
  tags: ['Oversight'],
  summary:
    'Leave a note for a regency and/or assign it a pendamping contact; If-Match "0" writes the first one (province viewer)',
  request: { params: regencyParams, headers: ifMatchHeader, body: jsonBody(noteInput) },
  responses: {
    200: jsonContent(noteSchema, 'The note'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

/**
 * The regency's side of the note: what its province wrote and whom it assigned, without who typed
 * it (a province member's id is not the regency's business). Its path has no `/oversight`: it is a
 * regency route, so the isolation suite attacks it like every other tenant route.
 */
const provinceNoteRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/province-note',
  tags: ['Oversight'],
  summary:
    'The note and pendamping contact the province left for this regency in one period, read-only; null when there is none',
  request: { params: periodParams },
  responses: {
    200: jsonContent(
      z
        .object({
          provinceCode: z.string(),
          provinceName: z.string(),
          note: z
            .object({
              year: z.number().int(),
              note: z.string().optional(),
              pendamping: pendampingSchema.optional(),
              updatedAt: z.iso.datetime(),
              version: z.number().int(),
            })
            .nullable(),
        })
        .openapi('ProvinceNoteForRegency'),
      'The province’s note for this regency',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

/** The province's own tenant access for an oversight action; the code must be a province's. */
async function oversightAccess(
  c: AppContext,
  code: string,
  action: 'oversight.read' | 'oversight.note',
): Promise<TenantAccess> {
  const access = await tenantAccess(c, code, action);
  if (!isProvinceCode(code)) throw new ApiError('not_a_province', 'code');
  return access;
}

function assertInside(code: string, regency: string): void {
  if (!isInsideProvince(regency, code)) throw new ApiError('regency_outside_province', 'regency');
}

const readModel = (c: AppContext, code: string) =>
  new ProvinceReadModel(c.get('deps').data.forScope(provinceReaderScope(code)));

const SEVERITY = { high: 0, medium: 1, info: 2 } as const;

const sortValue: Record<(typeof SORTS)[number], (row: CockpitRow) => number | string> = {
  name: (row) => row.name,
  verified: (row) => row.verified.index,
  claimed: (row) => row.claimed.index,
  risk: (row) => row.riskIndexPoints,
  completeness: (row) => row.completeness?.verified ?? -1,
  daysLeft: (row) => row.daysToNationalDeadline ?? Number.MAX_SAFE_INTEGER,
  change: (row) => row.changeSinceLastYear?.verified ?? Number.NEGATIVE_INFINITY,
  warnings: (row) => row.warnings.reduce((sum, warning) => sum + (3 - SEVERITY[warning.severity]), 0),
};
/** The natural direction of each column: names A–Z, days left soonest first, the rest highest first. */
const ASCENDING: ReadonlySet<string> = new Set(['name', 'daysLeft']);

const stripNote = (note: OversightNote) => note as z.infer<typeof noteSchema>;

export const oversightRoutes = createRouter()
  .openapi(cockpitRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const query = c.req.valid('query');
    await oversightAccess(c, code, 'oversight.read');
    const today = todayInJakarta();
    const [stored, areas] = await Promise.all([readModel(c, code).rows(year), c.get('deps').areas.list()]);
    // Defence in depth: the partition holds only the province's regencies; check the codes anyway.
    const all = stored
      .filter((row) => isInsideProvince(row.tenantCode, code))
      .map(({ sourceAt: _sourceAt, ...row }) => cockpitRow(row, today));

    const distribution = {
      claimed: Object.fromEntries(PREDICATES.map((predicate) => [predicate, 0])) as Record<Predicate, number>,
      verified: Object.fromEntries(PREDICATES.map((predicate) => [predicate, 0])) as Record<
        Predicate,
        number
      >,
    };
    for (const row of all) {
      distribution.claimed[row.claimed.predicate] += 1;
      distribution.verified[row.verified.predicate] += 1;
    }
    const rows = all.filter(
      (row) =>
        (!query.predicate || row[query.basis].predicate === query.predicate) &&
        (!query.kind || row.kind === query.kind) &&
        (!query.warning || row.warnings.some((warning) => warning.code === query.warning)) &&
        (!query.disclaimerRisk || row.disclaimerRisk === query.disclaimerRisk),
    );
    const ascending = (query.order ?? (ASCENDING.has(query.sort) ? 'asc' : 'desc')) === 'asc';
    const value = sortValue[query.sort];
    rows.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order =
        typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'id') : x - y;
      return (ascending ? order : -order) || a.tenantCode.localeCompare(b.tenantCode);
    });

    const inProvince = areas.filter((area) => area.kind !== 'provinsi' && area.provinceCode === code);
    const present = new Set(all.map((row) => row.tenantCode));
    const province = areas.find((area) => area.code === code);
    return c.json(
      {
        provinceCode: code,
        provinceName: province?.name ?? code,
        year,
        today,
        rows,
        warnings: all
          .flatMap((row) =>
            row.warnings.map((warning) => ({ ...warning, tenantCode: row.tenantCode, name: row.name })),
          )
          .sort(
            (a, b) => SEVERITY[a.severity] - SEVERITY[b.severity] || a.tenantCode.localeCompare(b.tenantCode),
          ),
        distribution,
        coverage: {
          regencies: inProvince.length,
          withSummary: all.length,
          withoutSummary: inProvince
            .filter((area) => !present.has(area.code))
            .map((area) => ({ code: area.code, name: area.name, kind: area.kind }))
            .sort((a, b) => a.code.localeCompare(b.code)),
        },
      },
      200,
    );
  })
  .openapi(detailRoute, async (c) => {
    const { code, year, regency } = c.req.valid('param');
    const access = await oversightAccess(c, code, 'oversight.read');
    assertInside(code, regency);
    const [detail, note] = await Promise.all([
      readModel(c, code).detail(year, regency),
      access.oversightNotes.get(year, regency),
    ]);
    if (!detail) throw new ApiError('regency_summary_not_found', 'regency');
    const today = todayInJakarta();
    return c.json(
      {
        row: cockpitRow(
          {
            ...provinceRowOf(detail.summary),
            computedAt: detail.computedAt,
            ...(detail.changesThrough ? { changesThrough: detail.changesThrough } : {}),
          },
          today,
        ),
        summary: detail.summary,
        innovations: detail.innovations,
        truncated: detail.truncated,
        nextSteps: nextSteps(detail.summary, today),
        note: note ? stripNote(note) : null,
      },
      200,
    );
  })
  .openapi(notesRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await oversightAccess(c, code, 'oversight.read');
    const notes = await access.oversightNotes.list(year);
    return c.json(
      { items: notes.filter((note) => isInsideProvince(note.regencyCode, code)).map(stripNote) },
      200,
    );
  })
  .openapi(noteRoute, async (c) => {
    const { code, year, regency } = c.req.valid('param');
    const access = await oversightAccess(c, code, 'oversight.read');
    assertInside(code, regency);
    const note = await access.oversightNotes.get(year, regency);
    if (!note) throw new ApiError('not_found');
    c.header('ETag', etag(note.version));
    return c.json(stripNote(note), 200);
  })
  .openapi(saveNoteRoute, async (c) => {
    const { code, year, regency } = c.req.valid('param');
    const access = await oversightAccess(c, code, 'oversight.note');
    assertInside(code, regency);
    const version = expectedVersion(c);
    const { note, pendamping } = c.req.valid('json');
    const saved = await access.oversightNotes.save(
      year,
      regency,
      version,
      // The schema's refinement guarantees the name.
      { note, pendamping: pendamping && { ...pendamping, name: pendamping.name ?? '' } },
    );
    c.header('ETag', etag(saved.version));
    return c.json(stripNote(saved), 200);
  })
  .openapi(provinceNoteRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    await tenantAccess(c, code, 'dashboard.read');
    const provinceCode = code.slice(0, 2);
    const province = await c.get('deps').areas.find(provinceCode);
    // A province has no province above it: nobody leaves it a note.
    const note = isProvinceCode(code)
      ? undefined
      : await repositoriesFor(
          c.get('deps').data.forScope(provinceNoteReaderScope(code, year)),
        ).oversightNotes.get(year, code);
    return c.json(
      {
        provinceCode,
        provinceName: province?.name ?? provinceCode,
        note: note
          ? {
              year: note.year,
              note: note.note,
              pendamping: note.pendamping,
              updatedAt: note.updatedAt,
              version: note.version,
            }
          : null,
      },
      200,
    );
  });
