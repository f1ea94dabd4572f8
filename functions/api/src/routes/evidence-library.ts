import { createRoute, z } from '@hono/zod-openapi';
import {
  EVIDENCE_KINDS,
  EVIDENCE_STATUSES,
  evidenceDeleteInputSchema,
  evidenceLinkSchema,
  evidenceSchema,
  evidenceUpdateInputSchema,
} from '@inovasi/core';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';
import { authorize, evidenceParams, loadEvidence } from './evidence-shared.ts';

/** The library: listing, usage, one item with its links, describing, deleting and downloading. */

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

export const evidenceLibraryRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'evidence.read');
    const { includeDeleted, ...query } = c.req.valid('query');
    return c.json(await access.evidence.list({ ...query, includeDeleted: includeDeleted === 'true' }), 200);
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
    if (!found) throw new ApiError('not_found');
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
    const updated = await access.evidence.update(evidenceId, version, access.actor, input);
    c.header('ETag', etag(updated.version));
    return c.json(updated, 200);
  })
  .openapi(deleteRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.write');
    const version = expectedVersion(c);
    const { reason } = c.req.valid('json');
    const current = await loadEvidence(access, evidenceId);
    authorize(access, 'evidence.write', current.opdId);
    const deleted = await access.evidence.remove(evidenceId, version, access.actor, reason);
    c.header('ETag', etag(deleted.version));
    return c.json(deleted, 200);
  })
  .openapi(downloadRoute, async (c) => {
    const { code, evidenceId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'evidence.read');
    const evidence = await loadEvidence(access, evidenceId);
    if (evidence.deleted) throw new ApiError('evidence_deleted');
    if (evidence.status !== 'passed') throw new ApiError('evidence_not_uploaded', 'status');
    return c.json(await access.evidence.downloadUrl(evidence, c.req.valid('query').inline === 'true'), 200);
  });
