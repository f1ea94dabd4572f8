import { createRoute, z } from '@hono/zod-openapi';
import { evidenceSchema, evidenceUploadInputSchema } from '@inovasi/core';
import { etag } from '../context.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';
import {
  authorize,
  evidenceIdSchema,
  evidenceSummary,
  evidenceSummarySchema,
  ownerFor,
} from './evidence-shared.ts';
import {
  abortUpload,
  completeUpload,
  multipartRoutes,
  multipartSchema,
  type StartedUpload,
  signPart,
  storedParts,
} from './multipart-upload.ts';

/**
 * Resumable evidence uploads (docs/decisions/0035): an S3 multipart upload whose parts the browser
 * PUTs one presigned URL each. The server fixes the part layout and signs each part's length,
 * lists what S3 holds for a resumed upload, checks the parts against the layout before assembling
 * them, runs the same intake as a single PUT, and cancels (S3's parts and the pending item). The
 * routes of a started upload and their steps are shared with contest entry files (multipart-upload.ts).
 */

const started = multipartRoutes({
  item: '/tenants/{code}/evidence/{evidenceId}',
  tag: 'Evidence',
  itemParams: tenantParams.extend({ evidenceId: evidenceIdSchema }),
  completed: evidenceSchema,
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/uploads/multipart',
  tags: ['Evidence'],
  summary:
    'Start a resumable upload of one evidence file (PDF, JPG, PNG, MP4): the pending item and an S3 multipart upload',
  request: { params: tenantParams, body: jsonBody(evidenceUploadInputSchema) },
  responses: {
    201: jsonContent(
      z.object({
        evidence: evidenceSchema,
        upload: multipartSchema,
        duplicates: z.array(evidenceSummarySchema),
      }),
      'The pending item and its multipart upload',
    ),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
});

/** The caller's upload, authorised as a library writer of the item's OPD. */
const writerUpload = (
  access: TenantAccess,
  ids: { evidenceId: string; uploadId: string },
): StartedUpload => ({
  evidence: access.evidence,
  actor: access.actor,
  ...ids,
  authorize: (item) => authorize(access, 'evidence.write', item.opdId),
});

export const evidenceMultipartRoutes = createRouter()
  .openapi(createRouteDef, async (c) => {
    const input = c.req.valid('json');
    const access = await tenantAccess(c, c.req.valid('param').code, 'evidence.write');
    const opdId = await ownerFor(access, input.opdId);
    const result = await access.evidence.requestMultipartUpload({ ...input, opdId }, access.actor);
    c.header('ETag', etag(result.evidence.version));
    return c.json({ ...result, duplicates: result.duplicates.map(evidenceSummary) }, 201);
  })
  .openapi(started.signPart, async (c) => {
    const { code, partNumber, ...ids } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    return c.json(await signPart(writerUpload(access, ids), partNumber), 200);
  })
  .openapi(started.listParts, async (c) => {
    const { code, ...ids } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    return c.json(await storedParts(writerUpload(access, ids)), 200);
  })
  .openapi(started.complete, async (c) => {
    const { code, ...ids } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    const evidence = await completeUpload(writerUpload(access, ids));
    c.header('ETag', etag(evidence.version));
    return c.json(evidence, 200);
  })
  .openapi(started.abort, async (c) => {
    const { code, ...ids } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    await abortUpload(writerUpload(access, ids));
    return c.body(null, 204);
  });
