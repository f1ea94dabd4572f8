import { createRoute, z } from '@hono/zod-openapi';
import { OPD_KINDS, opdSchema, URUSAN_CODES } from '@inovasi/core';
import { expectedVersion } from '../context.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';

const opdInput = z.object({
  name: z.string().trim().min(2).max(150),
  kind: z.enum(OPD_KINDS),
  target: z.number().int().min(0).max(100).optional(),
  /** The urusan it mainly serves; a target rule's basic-service clause finds OPDs by it (ADR 0036). */
  urusan: z.enum(URUSAN_CODES).optional(),
  /** The kepala OPD: a target reminder's copy goes to this address (ADR 0036). */
  headName: z.string().trim().min(2).max(150).optional(),
  headEmail: z.email().max(254).optional(),
});
const opdParams = tenantParams.extend({ opdId: idSchema });

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/opds',
  tags: ['OPD'],
  summary: 'List the region’s departments (OPD)',
  request: { params: tenantParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(opdSchema) }), 'Departments'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const createOpdRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/opds',
  tags: ['OPD'],
  summary: 'Create a department (tenant admin)',
  request: { params: tenantParams, body: jsonBody(opdInput) },
  responses: { 201: jsonContent(opdSchema, 'The new department'), ...errorResponses(400, 401, 403, 404) },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/tenants/{code}/opds/{opdId}',
  tags: ['OPD'],
  summary: 'Rename or reclassify a department (tenant admin)',
  request: { params: opdParams, headers: ifMatchHeader, body: jsonBody(opdInput.partial()) },
  responses: {
    200: jsonContent(opdSchema, 'The department'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const archiveRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/opds/{opdId}/archive',
  tags: ['OPD'],
  summary: 'Archive a department (tenant admin)',
  request: { params: opdParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(opdSchema, 'The department'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

export const opdRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'opd.read');
    return c.json({ items: await access.opds.list() }, 200);
  })
  .openapi(createOpdRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'opd.manage');
    return c.json(await access.opds.create(c.req.valid('json')), 201);
  })
  .openapi(updateRoute, async (c) => {
    const { code, opdId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'opd.manage');
    return c.json(await access.opds.update(opdId, expectedVersion(c), c.req.valid('json')), 200);
  })
  .openapi(archiveRoute, async (c) => {
    const { code, opdId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'opd.manage');
    return c.json(await access.opds.archive(opdId, expectedVersion(c)), 200);
  });
