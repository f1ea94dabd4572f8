import { createRoute } from '@hono/zod-openapi';
import { type Evidence, type EvidenceRejection, evidenceSchema } from '@inovasi/core';
import { etag } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonContent } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { authorize, evidenceParams } from './evidence-shared.ts';

/**
 * Intake's route: the check of an uploaded file's bytes (core's rules decide, the repository
 * writes), and the refusal a rejected item is reported as.
 */

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

const REJECTIONS: Record<EvidenceRejection, { code: Parameters<typeof rejectionError>[0]; field: string }> = {
  type_not_accepted: { code: 'evidence_type_not_accepted', field: 'mediaType' },
  type_mismatch: { code: 'evidence_type_mismatch', field: 'mediaType' },
  size_mismatch: { code: 'evidence_size_mismatch', field: 'size' },
  too_large: { code: 'evidence_intake_too_large', field: 'size' },
  hash_mismatch: { code: 'evidence_hash_mismatch', field: 'sha256' },
  video_too_long: { code: 'evidence_video_too_long', field: 'durationSeconds' },
  video_unreadable: { code: 'evidence_video_unreadable', field: 'durationSeconds' },
  quota_exceeded: { code: 'evidence_intake_quota_exceeded', field: 'size' },
};

export function rejectionError(
  code:
    | 'evidence_type_not_accepted'
    | 'evidence_type_mismatch'
    | 'evidence_size_mismatch'
    | 'evidence_intake_too_large'
    | 'evidence_hash_mismatch'
    | 'evidence_video_too_long'
    | 'evidence_video_unreadable'
    | 'evidence_intake_quota_exceeded',
  field: string,
  detail?: string,
): ApiError {
  return new ApiError(code, field, detail ? [{ field, message: detail }] : undefined);
}

/** A rejected item, as the error the caller reads: what was expected and what was found. */
export function rejected(evidence: Evidence): ApiError {
  const rejection = evidence.intake?.rejection ?? 'type_not_accepted';
  const { code, field } = REJECTIONS[rejection];
  return rejectionError(code, field, rejectionDetail(evidence, rejection));
}

function rejectionDetail(evidence: Evidence, rejection: EvidenceRejection): string | undefined {
  const found = evidence.intake;
  switch (rejection) {
    case 'type_mismatch':
    case 'type_not_accepted':
      return `${evidence.mediaType} ≠ ${found?.mediaType ?? 'unknown'}`;
    case 'size_mismatch':
    case 'too_large':
      return `${evidence.size} ≠ ${found?.size ?? 'unknown'}`;
    case 'hash_mismatch':
      return `${evidence.sha256} ≠ ${found?.sha256 ?? 'unknown'}`;
    case 'video_too_long':
      return `${found?.durationSeconds ?? '?'} s > 300 s`;
    default:
      return undefined;
  }
}

export const evidenceIntakeRoutes = createRouter().openapi(completeRoute, async (c) => {
  const { code, evidenceId } = c.req.valid('param');
  const access = await tenantAccess(c, code, 'evidence.write');
  // One read of the item serves the authorisation (its OPD) and the check.
  const evidence = await access.evidence.complete(evidenceId, 'api', {
    actor: access.actor,
    authorize: (item) => authorize(access, 'evidence.write', item.opdId),
  });
  if (evidence.deleted) throw new ApiError('evidence_deleted');
  if (evidence.status === 'rejected') throw rejected(evidence);
  c.header('ETag', etag(evidence.version));
  return c.json(evidence, 200);
});
