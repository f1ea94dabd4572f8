import { createRoute, z } from '@hono/zod-openapi';
import { refreshCatalogSearch } from '@inovasi/app/catalog/service';
import { assertInnovationEditable, assertPeriodAllowsEdit } from '@inovasi/app/workflow/workflow-guards';
import {
  defaultAssessmentYear,
  INNOVATION_STAGES,
  INNOVATION_STATUSES,
  innovationProfileSchema,
  innovationSchema,
  isDomainError,
} from '@inovasi/core';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import type { TenantAccess } from '../tenancy.ts';
import { tenantAccess } from '../tenancy.ts';
import { periodRubric } from './periods.ts';

const innovationParams = tenantParams.extend({ id: idSchema });

const listQuery = z.object({
  opdId: idSchema.optional(),
  stage: z.enum(INNOVATION_STAGES).optional(),
  status: z.enum(INNOVATION_STATUSES).optional(),
  archived: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const createInput = z.object({
  opdId: idSchema,
  /** The unit below the OPD that owns it; absent = the OPD itself (ADR 0036). */
  unitId: idSchema.optional(),
  /** The assessment year; defaults to the current season. */
  periodYear: z.number().int().min(2022).max(2100).optional(),
  profile: innovationProfileSchema,
});
/** A profile change: a field sent as null is cleared; the name can be changed but never cleared. */
const { name: nameSchema, ...clearableFields } = innovationProfileSchema.shape;
const profileChangeSchema = z.object({
  name: nameSchema.optional(),
  ...(Object.fromEntries(
    Object.entries(clearableFields).map(([field, schema]) => [field, schema.unwrap().nullable().optional()]),
  ) as {
    [Field in keyof typeof clearableFields]: z.ZodOptional<
      z.ZodNullable<ReturnType<(typeof clearableFields)[Field]['unwrap']>>
    >;
  }),
});

const updateInput = z
  .object({
    opdId: idSchema.optional(),
    /** null: the OPD itself owns it. */
    unitId: idSchema.nullable().optional(),
    profile: profileChangeSchema.optional(),
  })
  .refine((body) => body.opdId !== undefined || body.profile !== undefined || body.unitId !== undefined, {
    message: 'Isi opdId, unitId atau profile. / Send opdId, unitId or profile.',
    path: ['profile'],
  });

const carryOverRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/innovations/{id}/carry-over',
  tags: ['Innovations'],
  summary: 'Carry an innovation into a later period: a linked draft copy whose answers must be re-confirmed',
  request: {
    params: innovationParams,
    body: jsonBody(z.object({ toYear: z.number().int().min(2022).max(2100) })),
  },
  responses: {
    201: jsonContent(innovationSchema, 'The new draft in the later period (the same one if carried before)'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/innovations',
  tags: ['Innovations'],
  summary: 'List innovations, newest first, with filters and a cursor',
  request: { params: tenantParams, query: listQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(innovationSchema), nextCursor: z.string().optional() }),
      'One page of innovations',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const createInnovationRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/innovations',
  tags: ['Innovations'],
  summary: 'Record a new innovation (draft)',
  request: {
    params: tenantParams,
    headers: z.object({ 'idempotency-key': z.string().min(8).max(128).optional() }),
    body: jsonBody(createInput),
  },
  responses: {
    201: jsonContent(
      innovationSchema,
      'The new innovation (or the one an earlier identical request created)',
    ),
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/innovations/{id}',
  tags: ['Innovations'],
  summary: 'Read one innovation; its version is in the ETag',
  request: { params: innovationParams },
  responses: { 200: jsonContent(innovationSchema, 'The innovation'), ...errorResponses(400, 401, 403, 404) },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/tenants/{code}/innovations/{id}',
  tags: ['Innovations'],
  summary: 'Change an innovation; send the version you read as If-Match',
  request: { params: innovationParams, headers: ifMatchHeader, body: jsonBody(updateInput) },
  responses: {
    200: jsonContent(innovationSchema, 'The changed innovation'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const archiveRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/innovations/{id}/archive',
  tags: ['Innovations'],
  summary: 'Archive an innovation',
  request: { params: innovationParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(innovationSchema, 'The archived innovation'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

async function assertLiveOpd(access: TenantAccess, opdId: string) {
  const opd = await access.opds.get(opdId);
  if (!opd || opd.archived) throw new ApiError('opd_not_found', 'opdId');
}

/** A unit an innovation may name: live, and below the innovation's own OPD. */
async function assertUnitOfOpd(access: TenantAccess, unitId: string, opdId: string) {
  const unit = await access.units.get(unitId);
  if (!unit || unit.archived || unit.opdId !== opdId) throw new ApiError('unit_not_found', 'unitId');
}

/** The caller's own unit, when they are an operator of a unit of this OPD. */
async function memberUnitFor(access: TenantAccess, opdId: string): Promise<string | undefined> {
  if (!access.actor.roles.includes('opd_operator')) return undefined;
  const member = await access.members().get(access.actor.userId);
  if (!member?.unitId || member.opdId !== opdId) return undefined;
  const unit = await access.units.get(member.unitId);
  return unit && !unit.archived && unit.opdId === opdId ? unit.id : undefined;
}

async function loadInnovation(access: TenantAccess, id: string) {
  const innovation = await access.innovations.get(id);
  if (!innovation) throw new ApiError('not_found');
  return innovation;
}

export const innovationRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'innovation.read');
    const { archived, ...query } = c.req.valid('query');
    const page = await access.innovations.list({ ...query, archived: archived === 'true' });
    return c.json(page, 200);
  })
  .openapi(createInnovationRoute, async (c) => {
    const input = c.req.valid('json');
    const access = await tenantAccess(c, c.req.valid('param').code, 'innovation.create');
    access.authorizeOpd('innovation.create', input.opdId);
    await assertLiveOpd(access, input.opdId);
    // An operator who belongs to a unit records for that unit unless they name another (ADR 0036).
    const unitId = input.unitId ?? (await memberUnitFor(access, input.opdId));
    if (unitId !== undefined) await assertUnitOfOpd(access, unitId, input.opdId);
    const periodYear = input.periodYear ?? defaultAssessmentYear();
    await assertPeriodAllowsEdit(access, periodYear, input.opdId);
    const result = await access.innovations.create(
      { ...input, unitId, periodYear },
      access.actor,
      c.req.valid('header')['idempotency-key'],
    );
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    c.header('ETag', etag(result.innovation.version));
    return c.json(result.innovation, 201);
  })
  .openapi(readRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'innovation.read');
    const innovation = await loadInnovation(access, id);
    c.header('ETag', etag(innovation.version));
    return c.json(innovation, 200);
  })
  .openapi(updateRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'innovation.update');
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    const current = await loadInnovation(access, id);
    access.authorizeOpd('innovation.update', current.opdId);
    await assertInnovationEditable(access, current);
    if (input.opdId !== undefined && input.opdId !== current.opdId) {
      // Moving an innovation is allowed only into an OPD the caller may also write to.
      access.authorizeOpd('innovation.update', input.opdId);
      await assertLiveOpd(access, input.opdId);
    }
    const opdId = input.opdId ?? current.opdId;
    const unitId = unitAfterUpdate(input.unitId, opdId, current);
    if (unitId) await assertUnitOfOpd(access, unitId, opdId);
    const merged = mergedProfile(current.profile, input.profile);
    const updated = await access.innovations.update(current, version, access.actor, {
      opdId: input.opdId,
      unitId,
      profile: input.profile ? merged : undefined,
    });
    c.header('ETag', etag(updated.version));
    return c.json(updated, 200);
  })
  .openapi(carryOverRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const { toYear } = c.req.valid('json');
    const access = await tenantAccess(c, code, 'innovation.create');
    const previous = await loadInnovation(access, id);
    access.authorizeOpd('innovation.create', previous.opdId);
    if (toYear <= previous.periodYear) throw new ApiError('carry_over_backwards', 'toYear');
    await periodRubric(access.periods, toYear);
    await assertLiveOpd(access, previous.opdId);
    await assertPeriodAllowsEdit(access, toYear, previous.opdId);
    // Levels carry over as a starting point; reviews do not: evidence must be current for the new year.
    const answers = Object.fromEntries(
      Object.entries(previous.answers).map(([indicator, { review: _review, ...answer }]) => [
        indicator,
        answer,
      ]),
    );
    const result = await access.innovations
      .create(
        {
          opdId: previous.opdId,
          unitId: previous.unitId,
          periodYear: toYear,
          profile: previous.profile,
          previousId: previous.id,
          answers,
        },
        access.actor,
        `carry-over-${previous.id}-${toYear}`,
      )
      .catch((error: unknown) => {
        // Carried before, and the original changed since: the earlier copy stands.
        if (isDomainError(error, 'idempotency_mismatch'))
          throw new ApiError('already_carried_over', 'toYear');
        throw error;
      });
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    c.header('ETag', etag(result.innovation.version));
    return c.json(result.innovation, 201);
  })
  .openapi(archiveRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'innovation.archive');
    const version = expectedVersion(c);
    const current = await loadInnovation(access, id);
    access.authorizeOpd('innovation.archive', current.opdId);
    await assertInnovationEditable(access, current);
    // A stale archive must not withdraw anything: refuse it before touching the catalogue.
    if (current.version !== version) throw new ApiError('version_conflict', 'If-Match');
    // An archived innovation leaves the public catalogue. Withdrawn first: if archiving then
    // fails, the innovation is live and merely unlisted (republishing is one click), never
    // archived while still public; a retry finds nothing left to withdraw.
    if (await access.catalogPublisher().unpublish(id)) {
      await refreshCatalogSearch(c.get('deps'), c.get('logger'));
    }
    const archived = await access.innovations.archive(current, version, access.actor);
    c.header('ETag', etag(archived.version));
    return c.json(archived, 200);
  });

/** A move to another OPD leaves the old OPD's unit behind unless a unit of the new OPD is named. */
function unitAfterUpdate(
  requested: string | null | undefined,
  opdId: string,
  current: { opdId: string; unitId?: string | undefined },
): string | null | undefined {
  if (requested !== undefined) return requested;
  return opdId !== current.opdId && current.unitId ? null : undefined;
}

/** The stored profile with the changes applied (null removes a field); it must stay valid as a whole. */
function mergedProfile(stored: object, changes: object | undefined) {
  const changed: Record<string, unknown> = { ...stored, ...changes };
  for (const [field, value] of Object.entries(changed)) if (value === null) delete changed[field];
  const merged = innovationProfileSchema.safeParse(changed);
  if (!merged.success)
    throw new ApiError('validation_failed', `profile.${merged.error.issues[0]?.path.join('.')}`);
  return merged.data;
}
