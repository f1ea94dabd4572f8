import { createRoute } from '@hono/zod-openapi';
import { tenantSettingsSchema } from '@inovasi/core';
import { etag, expectedVersion } from '../context.ts';
import { createRouter } from '../router.ts';
import { errorResponses, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/settings',
  tags: ['Tenants'],
  summary: 'The region’s settings (version 0 while all are defaults)',
  request: { params: tenantParams },
  responses: { 200: jsonContent(tenantSettingsSchema, 'Settings'), ...errorResponses(400, 401, 403, 404) },
});

const saveRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/settings',
  tags: ['Tenants'],
  summary: 'Change the region’s settings (tenant admin)',
  request: {
    params: tenantParams,
    headers: ifMatchHeader,
    body: jsonBody(tenantSettingsSchema.omit({ version: true }).partial()),
  },
  responses: {
    200: jsonContent(tenantSettingsSchema, 'Settings'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

export const settingsRoutes = createRouter()
  .openapi(readRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'settings.read');
    const settings = await access.settings.get();
    c.header('ETag', etag(settings.version));
    return c.json(settings, 200);
  })
  .openapi(saveRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'settings.manage');
    const saved = await access.settings.save(expectedVersion(c), c.req.valid('json'));
    c.header('ETag', etag(saved.version));
    return c.json(saved, 200);
  });
