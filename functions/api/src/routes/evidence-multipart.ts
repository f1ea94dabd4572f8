import { createRoute, z } from '@hono/zod-openapi';
import { evidenceSchema, evidenceUploadInputSchema } from '@inovasi/core';
import { etag } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';
import { rejected } from './evidence-intake.ts';
import {
  authorize,
  evidenceIdSchema,
  evidenceSummary,
  evidenceSummarySchema,
  ownerFor,
  uploadSchema,
} from './evidence-shared.ts';

/**
 * Resumable evidence uploads (docs/decisions/0035): an S3 multipart upload whose parts the browser
 * PUTs one presigned URL each. The server fixes the part layout and signs each part's length,
 * lists what S3 holds for a resumed upload, checks the parts against the layout before assembling
 * them, runs the same intake as a single PUT, and cancels (S3's parts and the pending item).
 */

/** S3 upload ids are opaque; AWS's are long URL-safe strings, s3rver's 32 hex digits. */
const uploadIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z._~-]{1,1024}$/)
  .openapi({ example: '0123456789abcdef0123456789abcdef' });
const uploadParams = tenantParams.extend({ evidenceId: evidenceIdSchema, uploadId: uploadIdSchema });
const partParams = uploadParams.extend({
  partNumber: z.coerce.number().int().min(1).max(10_000).openapi({ example: 1 }),
});

const multipartSchema = z.object({
  uploadId: z.string(),
  /** Every part but the last holds exactly this many bytes; the last holds the rest. */
  partSize: z.number(),
  partCount: z.number(),
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

const signPartRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}/parts/{partNumber}',
  tags: ['Evidence'],
  summary: 'A presigned PUT for one part of a resumable upload (its exact length is signed)',
  request: { params: partParams },
  responses: {
    200: jsonContent(uploadSchema, 'The presigned part upload'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const listPartsRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}/parts',
  tags: ['Evidence'],
  summary: 'The parts the store holds so far: a resumed upload sends only the others',
  request: { params: uploadParams },
  responses: {
    200: jsonContent(
      z.object({
        parts: z.array(z.object({ partNumber: z.number(), etag: z.string(), size: z.number() })),
      }),
      'The stored parts',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const completeRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}/complete',
  tags: ['Evidence'],
  summary:
    'Assemble the parts (all present, each of its length) and check the file as a single upload is checked',
  request: { params: uploadParams },
  responses: {
    200: jsonContent(evidenceSchema, 'The item, passed intake (its findings are warnings)'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const abortRoute = createRoute({
  method: 'delete',
  path: '/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}',
  tags: ['Evidence'],
  summary: 'Cancel a resumable upload: the stored parts and the pending item are removed',
  request: { params: uploadParams },
  responses: {
    204: { description: 'Cancelled' },
    ...errorResponses(400, 401, 403, 404),
  },
});

const writer = (access: TenantAccess) => ({
  authorize: (item: { opdId?: string | undefined }) => authorize(access, 'evidence.write', item.opdId),
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
  .openapi(signPartRoute, async (c) => {
    const { code, evidenceId, uploadId, partNumber } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    return c.json(
      await access.evidence.signUploadPart(evidenceId, uploadId, partNumber, writer(access)),
      200,
    );
  })
  .openapi(listPartsRoute, async (c) => {
    const { code, evidenceId, uploadId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    return c.json(
      { parts: await access.evidence.listUploadParts(evidenceId, uploadId, writer(access)) },
      200,
    );
  })
  .openapi(completeRoute, async (c) => {
    const { code, evidenceId, uploadId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    const evidence = await access.evidence.completeMultipartUpload(evidenceId, uploadId, {
      actor: access.actor,
      ...writer(access),
    });
    if (evidence.deleted) throw new ApiError('evidence_deleted');
    if (evidence.status === 'rejected') throw rejected(evidence);
    c.header('ETag', etag(evidence.version));
    return c.json(evidence, 200);
  })
  .openapi(abortRoute, async (c) => {
    const { code, evidenceId, uploadId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    await access.evidence.abortUpload(evidenceId, uploadId, access.actor, writer(access));
    return c.body(null, 204);
  });
