import { createRoute, z } from '@hono/zod-openapi';
import { refreshCatalogSearch } from '@inovasi/app/catalog/service';
import { buildCatalogEntryContent, catalogEntrySchema, publicationOptionsSchema } from '@inovasi/core';
import type { AppContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';

const innovationParams = tenantParams.extend({ id: idSchema });

const publicationSchema = z
  .object({ published: z.boolean(), entry: catalogEntrySchema.optional() })
  .openapi('Publication');

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/innovations/{id}/publication',
  tags: ['Catalogue'],
  summary: 'Whether an innovation is in the public catalogue, and its public entry',
  request: { params: innovationParams },
  responses: {
    200: jsonContent(publicationSchema, 'The publication state'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const publishRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/innovations/{id}/publication',
  tags: ['Catalogue'],
  summary: 'Publish (or refresh) an innovation in the public catalogue: public fields only',
  request: { params: innovationParams, body: jsonBody(publicationOptionsSchema) },
  responses: {
    200: jsonContent(publicationSchema, 'The public entry as published'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const unpublishRoute = createRoute({
  method: 'delete',
  path: '/tenants/{code}/innovations/{id}/publication',
  tags: ['Catalogue'],
  summary: 'Withdraw an innovation from the public catalogue; it leaves search at once',
  request: { params: innovationParams },
  responses: {
    200: jsonContent(publicationSchema, 'Not published any more'),
    ...errorResponses(400, 401, 403, 404),
  },
});

async function liveInnovation(access: TenantAccess, id: string) {
  const innovation = await access.innovations.get(id);
  if (!innovation) throw new ApiError('not_found');
  return innovation;
}

/** Search sees this instance's publication or withdrawal at once. */
const refreshSearch = (c: AppContext) => refreshCatalogSearch(c.get('deps'), c.get('logger'));

export const publicationRoutes = createRouter()
  .openapi(readRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'innovation.read');
    await liveInnovation(access, id);
    const entry = await access.catalogPublisher().current(id);
    return c.json({ published: Boolean(entry), entry }, 200);
  })
  .openapi(publishRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const options = c.req.valid('json');
    const access = await tenantAccess(c, code, 'catalog.publish');
    const innovation = await liveInnovation(access, id);
    if (innovation.archived) throw new ApiError('archived');
    const [tenant, opd] = await Promise.all([access.profile.get(), access.opds.get(innovation.opdId)]);
    if (!tenant || !opd) throw new ApiError('not_found');
    const province = await c.get('deps').areas.find(tenant.provinceCode);
    const content = buildCatalogEntryContent({
      innovation,
      tenant,
      province: { code: tenant.provinceCode, name: province?.name ?? tenant.provinceCode },
      opd,
      options,
    });
    const entry = await access.catalogPublisher().publish(content, undefined, options);
    await refreshSearch(c);
    c.get('logger').info('innovation published', { innovationId: id });
    return c.json({ published: true, entry }, 200);
  })
  .openapi(unpublishRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'catalog.publish');
    await liveInnovation(access, id);
    if (await access.catalogPublisher().unpublish(id)) {
      await refreshSearch(c);
      c.get('logger').info('innovation withdrawn from the catalogue', { innovationId: id });
    }
    return c.json({ published: false }, 200);
  });
