import { createRoute, z } from '@hono/zod-openapi';
import { innovationChecklist, regionCompleteness, spdChecklist } from '@inovasi/app/evidence/evidence-views';
import { assertInnovationEditable, assertPeriodAllowsEdit } from '@inovasi/app/workflow/workflow-guards';
import {
  type Action,
  completenessSchema,
  decide,
  EVIDENCE_KINDS,
  EVIDENCE_STATUSES,
  type Evidence,
  type EvidenceRejection,
  type EvidenceTarget,
  evidenceDeleteInputSchema,
  evidenceLinkSchema,
  evidenceSchema,
  evidenceTargetInputSchema,
  evidenceUpdateInputSchema,
  evidenceUploadInputSchema,
  evidenceUrlInputSchema,
  indicatorEvidenceSchema,
  levelDefinition,
  linkFindings,
  toEvidenceTarget,
} from '@inovasi/core';
import { KEMANFAATAN_CODE, type Rubric, type Sid33Basis, spdAnswerLevel } from '@inovasi/core/scoring';
import {
  EvidenceLinkExistsError,
  EvidenceLinkInvalidError,
  EvidenceObjectMissingError,
  EvidenceQuotaError,
  EvidenceRejectedError,
  EvidenceStateError,
  EvidenceTooLargeError,
  EvidenceValidityError,
  InvalidCursorError,
  NotFoundError,
} from '@inovasi/data';
import { etag, expectedVersion } from '../context.ts';
import { ApiError, invalidCursorError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { DENIAL_ERRORS, type TenantAccess, tenantAccess } from '../tenancy.ts';
import { findPeriodRubric, periodParams, periodRubric } from './periods.ts';

export const evidenceIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z_-]{1,64}$/)
  .openapi({ example: '01JDEMOEVIDENCE00000000000' });
const evidenceParams = tenantParams.extend({ evidenceId: evidenceIdSchema });

export const uploadSchema = z.object({
  method: z.literal('PUT'),
  url: z.string(),
  /** Send exactly these headers with the PUT, and exactly `size` bytes. */
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

export const evidenceSummary = (evidence: Evidence) => ({
  id: evidence.id,
  title: evidence.title,
  kind: evidence.kind,
  status: evidence.status,
  createdAt: evidence.createdAt,
});
export const evidenceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  status: z.enum(EVIDENCE_STATUSES),
  createdAt: z.string(),
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/uploads',
  tags: ['Evidence'],
  summary:
    'Ask for a presigned upload of one evidence file (PDF, JPG, PNG, MP4); the bytes go straight to S3',
  request: { params: tenantParams, body: jsonBody(evidenceUploadInputSchema) },
  responses: {
    201: jsonContent(
      z.object({
        evidence: evidenceSchema,
        upload: uploadSchema,
        /** Items of the library with the same SHA-256: consider linking one of them instead. */
        duplicates: z.array(evidenceSummarySchema),
      }),
      'The pending item and its presigned PUT',
    ),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
});

const completeRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/{evidenceId}/complete',
  tags: ['Evidence'],
  summary:
    'Check an uploaded file (real type, size, SHA-256, PDF text layer, video length); it counts only once passed',
  request: { params: evidenceParams },
  responses: {
    200: jsonContent(evidenceSchema, 'The item, passed intake (its findings are warnings)'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const urlRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/urls',
  tags: ['Evidence'],
  summary:
    'Add a video link (YouTube, Google Drive, TikTok, Instagram; ≤ 5 minutes) or a web page as evidence',
  request: { params: tenantParams, body: jsonBody(evidenceUrlInputSchema) },
  responses: {
    201: jsonContent(
      z.object({ evidence: evidenceSchema, duplicates: z.array(evidenceSummarySchema) }),
      'The item, passed intake',
    ),
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

const listQuery = z.object({
  kind: z.enum(EVIDENCE_KINDS).optional(),
  status: z.enum(EVIDENCE_STATUSES).optional(),
  opdId: idSchema.optional(),
  includeDeleted: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/evidence',
  tags: ['Evidence'],
  summary: 'The region’s evidence library, newest first',
  request: { params: tenantParams, query: listQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(evidenceSchema), nextCursor: z.string().optional() }),
      'One page of the library',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const usageRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/evidence/usage',
  tags: ['Evidence'],
  summary: 'Storage used against the region’s quota, and the intake limits',
  request: { params: tenantParams },
  responses: {
    200: jsonContent(
      z.object({
        usedBytes: z.number(),
        files: z.number(),
        quotaBytes: z.number(),
        limits: z.object({
          maxDocumentBytes: z.number(),
          maxVideoBytes: z.number(),
          maxVideoSeconds: z.number(),
        }),
      }),
      'Usage and limits',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/evidence/{evidenceId}',
  tags: ['Evidence'],
  summary: 'One evidence item and everything it supports; its version is in the ETag',
  request: { params: evidenceParams },
  responses: {
    200: jsonContent(
      z.object({ evidence: evidenceSchema, links: z.array(evidenceLinkSchema) }),
      'The item and its links',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/tenants/{code}/evidence/{evidenceId}',
  tags: ['Evidence'],
  summary: 'Describe an evidence item (kind, title, document date, validity, public); send If-Match',
  request: { params: evidenceParams, headers: ifMatchHeader, body: jsonBody(evidenceUpdateInputSchema) },
  responses: {
    200: jsonContent(evidenceSchema, 'The changed item'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const deleteRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/{evidenceId}/delete',
  tags: ['Evidence'],
  summary: 'Delete an evidence item (soft: the record keeps who, when and why); send If-Match',
  request: { params: evidenceParams, headers: ifMatchHeader, body: jsonBody(evidenceDeleteInputSchema) },
  responses: {
    200: jsonContent(evidenceSchema, 'The deleted item'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/evidence/{evidenceId}/download',
  tags: ['Evidence'],
  summary: 'A short-lived link to the file; `inline=true` previews images and PDFs in the browser',
  request: {
    params: evidenceParams,
    query: z.object({ inline: z.enum(['true', 'false']).optional() }),
  },
  responses: {
    200: jsonContent(
      z.object({ url: z.string(), expiresAt: z.string(), inline: z.boolean() }),
      'A presigned GET (or the link itself for URL evidence)',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const linkRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/{evidenceId}/links',
  tags: ['Evidence'],
  summary: 'Attach an item to an indicator answer, an SPD row or a replication agreement',
  request: { params: evidenceParams, body: jsonBody(evidenceTargetInputSchema) },
  responses: {
    201: jsonContent(
      z.object({
        link: evidenceLinkSchema,
        /** What the item's use here deserves a flag for (dates, file kind, sharing). */
        warnings: z.array(z.object({ code: z.string(), refs: z.array(z.string()).optional() })),
      }),
      'The link and its warnings',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const unlinkRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/{evidenceId}/unlink',
  tags: ['Evidence'],
  summary: 'Detach an item from an indicator answer, an SPD row or an agreement',
  request: { params: evidenceParams, body: jsonBody(evidenceTargetInputSchema) },
  responses: {
    200: jsonContent(z.object({ evidenceId: z.string(), unlinked: z.literal(true) }), 'Detached'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const innovationEvidenceRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/innovations/{id}/evidence',
  tags: ['Evidence'],
  summary: 'Each indicator of an innovation: what its level requires, what is attached, what is missing',
  request: { params: tenantParams.extend({ id: idSchema }) },
  responses: {
    200: jsonContent(
      z.object({
        innovationId: z.string(),
        periodYear: z.number(),
        rubricId: z.string(),
        indicators: z.array(indicatorEvidenceSchema),
        completeness: completenessSchema,
      }),
      'The innovation’s evidence checklist',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const spdEvidenceRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/spd/evidence',
  tags: ['Evidence'],
  summary: 'Each SPD row of a year: what its level requires, what is attached, what is missing',
  request: { params: periodParams },
  responses: {
    200: jsonContent(
      z.object({
        year: z.number(),
        rubricId: z.string(),
        rows: z.array(indicatorEvidenceSchema),
        completeness: completenessSchema,
      }),
      'The region’s SPD evidence checklist',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const completenessRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/periods/{year}/evidence/completeness',
  tags: ['Evidence'],
  summary: 'Per innovation and for the region: shares answered, evidenced (passed intake) and verified',
  request: { params: periodParams },
  responses: {
    200: jsonContent(
      z.object({
        year: z.number(),
        rubricId: z.string(),
        region: completenessSchema,
        spd: completenessSchema,
        innovations: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            opdId: z.string(),
            status: z.string(),
            completeness: completenessSchema,
          }),
        ),
      }),
      'Completeness',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

/** The action on a record owned by `opdId` (none: a region-wide item, which only Bappeda manages). */
export function authorize(access: TenantAccess, action: Action, opdId: string | undefined): void {
  const decision = decide(access.actor, action, { tenantCode: access.tenantCode, opdId });
  if (!decision.allowed) throw new ApiError(403, DENIAL_ERRORS[decision.reason]);
}

/** The owner an item gets: the one asked for (checked), or an operator's own OPD. */
export async function ownerFor(access: TenantAccess, opdId: string | undefined): Promise<string | undefined> {
  const owner = opdId ?? (access.actor.roles.includes('opd_operator') ? access.actor.opdId : undefined);
  authorize(access, 'evidence.write', owner);
  if (owner !== undefined) {
    const opd = await access.opds.get(owner);
    if (!opd || opd.archived) throw new ApiError(400, 'opd_not_found', 'opdId');
  }
  return owner;
}

async function loadEvidence(access: TenantAccess, evidenceId: string): Promise<Evidence> {
  const evidence = await access.evidence.get(evidenceId);
  if (!evidence) throw new ApiError(404, 'not_found');
  return evidence;
}

const REJECTIONS: Record<EvidenceRejection, { code: Parameters<typeof rejectionError>[0]; field: string }> = {
  type_not_accepted: { code: 'evidence_type_not_accepted', field: 'mediaType' },
  type_mismatch: { code: 'evidence_type_mismatch', field: 'mediaType' },
  size_mismatch: { code: 'evidence_size_mismatch', field: 'size' },
  too_large: { code: 'evidence_too_large', field: 'size' },
  hash_mismatch: { code: 'evidence_hash_mismatch', field: 'sha256' },
  video_too_long: { code: 'evidence_video_too_long', field: 'durationSeconds' },
  video_unreadable: { code: 'evidence_video_unreadable', field: 'durationSeconds' },
  quota_exceeded: { code: 'evidence_quota_exceeded', field: 'size' },
};

function rejectionError(
  code:
    | 'evidence_type_not_accepted'
    | 'evidence_type_mismatch'
    | 'evidence_size_mismatch'
    | 'evidence_too_large'
    | 'evidence_hash_mismatch'
    | 'evidence_video_too_long'
    | 'evidence_video_unreadable'
    | 'evidence_quota_exceeded',
  field: string,
  detail?: string,
): ApiError {
  return new ApiError(422, code, field, detail ? [{ field, message: detail }] : undefined);
}

/** A rejected item, as the error the caller reads: what was expected and what was found. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
export function rejected(evidence: Evidence): ApiError {
  const rejection = evidence.intake?.rejection ?? 'type_not_accepted';
  const { code, field } = REJECTIONS[rejection];
  const found = evidence.intake;
  const detail =
    rejection === 'type_mismatch' || rejection === 'type_not_accepted'
      ? `${evidence.mediaType} ≠ ${found?.mediaType ?? 'unknown'}`
      : rejection === 'size_mismatch' || rejection === 'too_large'
        ? `${evidence.size} ≠ ${found?.size ?? 'unknown'}`
        : rejection === 'hash_mismatch'
          ? `${evidence.sha256} ≠ ${found?.sha256 ?? 'unknown'}`
          : rejection === 'video_too_long'
            ? `${found?.durationSeconds ?? '?'} s > 300 s`
            : undefined;
  return rejectionError(code, field, detail);
}

/**
 * What a target is, checked before anything is linked to it, and who may link to it: an innovation's
 * indicator (the innovation's OPD may change its answers, while the innovation is editable), an SPD
 * row (Bappeda), or a replication agreement of this region (Bappeda).
 */
async function checkTarget(
  access: TenantAccess,
  target: EvidenceTarget,
): Promise<{
  code: string;
  level: number;
  periodYear: number;
  rubric: Rubric | undefined;
  basis?: Sid33Basis | undefined;
}> {
  switch (target.type) {
    case 'innovation': {
      const innovation = await access.innovations.get(target.innovationId);
      if (!innovation || innovation.archived) throw new ApiError(404, 'not_found');
      authorize(access, 'innovation.update', innovation.opdId);
      const rubric = await findPeriodRubric(access.periods, innovation.periodYear);
      if (!rubric?.sidIndicators.some((indicator) => indicator.code === target.indicator)) {
        throw new ApiError(400, 'unknown_indicator', 'indicator');
      }
      await assertInnovationEditable(access, innovation);
      const answer = innovation.answers?.[target.indicator];
      return {
        code: target.indicator,
        level: answer?.level ?? 0,
        periodYear: innovation.periodYear,
        rubric,
        basis: target.indicator === KEMANFAATAN_CODE ? (answer?.basis as Sid33Basis | undefined) : undefined,
      };
    }
    case 'spd': {
      authorize(access, 'spd.manage', undefined);
      const rubric = await periodRubric(access.periods, target.year);
      const row = rubric.spdRows.find((candidate) => candidate.code === target.row);
      if (!row) throw new ApiError(400, 'unknown_indicator', 'row');
      await assertPeriodAllowsEdit(access, target.year, undefined, 'bappeda');
      const answer = (await access.spd.get(target.year))?.answers[target.row];
      const level = answer
        ? spdAnswerLevel(row, {
            level: answer.level as 0 | 1 | 2 | 3 | undefined,
            figures: answer.figures,
            verified: false,
          })
        : 0;
      return { code: target.row, level, periodYear: target.year, rubric };
    }
    case 'agreement': {
      authorize(access, 'replication.document', undefined);
      const agreement = await access.replications.get(target.agreementId);
      if (!agreement) throw new ApiError(404, 'not_found');
      // An agreement is no indicator of any rubric: its warnings are the intake's own findings.
      return { code: 'agreement', level: 0, periodYear: new Date().getUTCFullYear(), rubric: undefined };
    }
  }
}

/** The refusals of an upload's start, in one PUT or in parts: too large, or over the region's quota. */
export function refusedUploadStart(error: unknown): never {
  if (error instanceof EvidenceTooLargeError) throw new ApiError(413, 'evidence_too_large', 'size');
  if (error instanceof EvidenceQuotaError) throw new ApiError(409, 'evidence_quota_exceeded', 'size');
  throw error;
}

export const evidenceRoutes = createRouter()
  .openapi(uploadRoute, async (c) => {
    const input = c.req.valid('json');
    const access = await tenantAccess(c, c.req.valid('param').code, 'evidence.write');
    const opdId = await ownerFor(access, input.opdId);
    const result = await access.evidence
      .requestUpload({ ...input, opdId }, access.actor)
      .catch(refusedUploadStart);
    c.header('ETag', etag(result.evidence.version));
    return c.json({ ...result, duplicates: result.duplicates.map(evidenceSummary) }, 201);
  })
  .openapi(urlRoute, async (c) => {
    const input = c.req.valid('json');
    const access = await tenantAccess(c, c.req.valid('param').code, 'evidence.write');
    const opdId = await ownerFor(access, input.opdId);
    try {
      const result = await access.evidence.createUrl({ ...input, opdId }, access.actor);
      c.header('ETag', etag(result.evidence.version));
      return c.json({ ...result, duplicates: result.duplicates.map(evidenceSummary) }, 201);
    } catch (error) {
      if (error instanceof EvidenceLinkInvalidError) throw new ApiError(400, 'evidence_link_invalid', 'url');
      if (error instanceof EvidenceRejectedError) {
        throw rejectionError(
          'evidence_video_too_long',
          'durationSeconds',
          `${input.durationSeconds} s > 300 s`,
        );
      }
      throw error;
    }
  })
  .openapi(completeRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    let evidence: Evidence;
    try {
      // One read of the item serves the authorisation (its OPD) and the check.
      evidence = await access.evidence.complete(evidenceId, 'api', {
        actor: access.actor,
        authorize: (item) => authorize(access, 'evidence.write', item.opdId),
      });
    } catch (error) {
      if (error instanceof EvidenceObjectMissingError)
        throw new ApiError(409, 'evidence_not_uploaded', 'file');
      if (error instanceof NotFoundError) throw new ApiError(404, 'not_found');
      throw error;
    }
    if (evidence.deleted) throw new ApiError(409, 'evidence_deleted');
    if (evidence.status === 'rejected') throw rejected(evidence);
    c.header('ETag', etag(evidence.version));
    return c.json(evidence, 200);
  })
  .openapi(listRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'evidence.read');
    const { includeDeleted, ...query } = c.req.valid('query');
    try {
      return c.json(await access.evidence.list({ ...query, includeDeleted: includeDeleted === 'true' }), 200);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw invalidCursorError();
      throw error;
    }
  })
  .openapi(usageRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'evidence.read');
    const usage = await access.evidence.usage();
    const { maxDocumentBytes, maxVideoBytes, maxVideoSeconds } = access.evidence.limits;
    return c.json({ ...usage, limits: { maxDocumentBytes, maxVideoBytes, maxVideoSeconds } }, 200);
  })
  .openapi(readRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.read');
    const found = await access.evidence.getWithLinks(evidenceId);
    if (!found) throw new ApiError(404, 'not_found');
    c.header('ETag', etag(found.evidence.version));
    return c.json(found, 200);
  })
  .openapi(updateRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    const current = await loadEvidence(access, evidenceId);
    authorize(access, 'evidence.write', current.opdId);
    try {
      const updated = await access.evidence.update(evidenceId, version, access.actor, input);
      c.header('ETag', etag(updated.version));
      return c.json(updated, 200);
    } catch (error) {
      if (error instanceof EvidenceStateError) throw new ApiError(409, 'evidence_deleted');
      if (error instanceof EvidenceValidityError) throw new ApiError(400, 'validation_failed', 'validUntil');
      throw error;
    }
  })
  .openapi(deleteRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    const version = expectedVersion(c);
    const { reason } = c.req.valid('json');
    const current = await loadEvidence(access, evidenceId);
    authorize(access, 'evidence.write', current.opdId);
    try {
      const deleted = await access.evidence.remove(evidenceId, version, access.actor, reason);
      c.header('ETag', etag(deleted.version));
      return c.json(deleted, 200);
    } catch (error) {
      if (error instanceof EvidenceStateError) throw new ApiError(409, 'evidence_deleted');
      throw error;
    }
  })
  .openapi(downloadRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.read');
    const evidence = await loadEvidence(access, evidenceId);
    if (evidence.deleted) throw new ApiError(409, 'evidence_deleted');
    if (evidence.status !== 'passed') throw new ApiError(409, 'evidence_not_uploaded', 'status');
    return c.json(await access.evidence.downloadUrl(evidence, c.req.valid('query').inline === 'true'), 200);
  })
  .openapi(linkRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const target = toEvidenceTarget(c.req.valid('json'));
    const access = await tenantAccess(c, code, 'evidence.write');
    const evidence = await loadEvidence(access, evidenceId);
    // An OPD's file is that OPD's to use: an operator links its own OPD's items and the region's
    // shared ones (no owner, e.g. the regent's decree), never another OPD's.
    if (evidence.opdId !== undefined) authorize(access, 'evidence.write', evidence.opdId);
    const context = await checkTarget(access, target);
    try {
      const link = await access.evidence.link(evidenceId, target, access.actor);
      const after = (await access.evidence.get(evidenceId)) ?? evidence;
      const { rubric } = context;
      const indicator =
        rubric && [...rubric.sidIndicators, ...rubric.spdRows].find((i) => i.code === context.code);
      const warnings =
        rubric && indicator
          ? linkFindings(
              {
                rubric,
                code: context.code,
                level: context.level,
                periodYear: context.periodYear,
                requirement: levelDefinition(indicator, context.level, context.basis)?.evidence,
              },
              after,
            )
          : (after.intake?.findings ?? []);
      return c.json({ link, warnings }, 201);
    } catch (error) {
      if (error instanceof EvidenceLinkExistsError) throw new ApiError(409, 'evidence_link_exists');
      if (error instanceof EvidenceStateError) {
        throw new ApiError(409, error.state === 'deleted' ? 'evidence_deleted' : 'evidence_rejected');
      }
      throw error;
    }
  })
  .openapi(unlinkRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const target = toEvidenceTarget(c.req.valid('json'));
    const access = await tenantAccess(c, code, 'evidence.write');
    await checkTarget(access, target);
    await access.evidence.unlink(evidenceId, target, access.actor);
    return c.json({ evidenceId, unlinked: true as const }, 200);
  })
  .openapi(innovationEvidenceRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'innovation.read');
    const innovation = await access.innovations.get(id);
    if (!innovation) throw new ApiError(404, 'not_found');
    const rubric = await periodRubric(access.periods, innovation.periodYear);
    const rubricId = rubric.id;
    const checklist = innovationChecklist(rubric, innovation, await access.evidence.linksForInnovation(id));
    return c.json({ innovationId: id, periodYear: innovation.periodYear, rubricId, ...checklist }, 200);
  })
  .openapi(spdEvidenceRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'spd.read');
    const rubric = await periodRubric(access.periods, year);
    const [spd, linked] = await Promise.all([access.spd.get(year), access.evidence.linksForSpd(year)]);
    return c.json({ year, rubricId: rubric.id, ...spdChecklist(rubric, year, spd, linked) }, 200);
  })
  .openapi(completenessRoute, async (c) => {
    const { code, year } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'projection.read');
    const rubricId = (await periodRubric(access.periods, year)).id;
    const [innovations, spd, links] = await Promise.all([
      access.innovations.listForPeriod(year),
      access.spd.get(year),
      access.evidence.linksForRegion(),
    ]);
    return c.json(regionCompleteness(rubricId, year, innovations, spd, links), 200);
  });
