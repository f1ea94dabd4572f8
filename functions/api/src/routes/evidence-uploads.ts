import { createRoute, z } from '@hono/zod-openapi';
import { evidenceSchema, evidenceUploadInputSchema, evidenceUrlInputSchema } from '@inovasi/core';
import { etag } from '../context.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { evidenceSummary, evidenceSummarySchema, ownerFor, uploadSchema } from './evidence-shared.ts';

/**
 * Adding an item to the library: a file in one presigned PUT (resumable uploads are in
 * evidence-multipart.ts), or a link, which passes intake at once.
 */

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

export const evidenceUploadRoutes = createRouter()
  .openapi(uploadRoute, async (c) => {
    const input = c.req.valid('json');
    const access = await tenantAccess(c, c.req.valid('param').code, 'evidence.write');
    const opdId = await ownerFor(access, input.opdId);
    const result = await access.evidence.requestUpload({ ...input, opdId }, access.actor);
    c.header('ETag', etag(result.evidence.version));
    return c.json({ ...result, duplicates: result.duplicates.map(evidenceSummary) }, 201);
  })
  .openapi(urlRoute, async (c) => {
    const input = c.req.valid('json');
    const access = await tenantAccess(c, c.req.valid('param').code, 'evidence.write');
    const opdId = await ownerFor(access, input.opdId);
    const result = await access.evidence.createUrl({ ...input, opdId }, access.actor);
    c.header('ETag', etag(result.evidence.version));
    return c.json({ ...result, duplicates: result.duplicates.map(evidenceSummary) }, 201);
  });
