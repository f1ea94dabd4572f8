import { createRoute, z } from '@hono/zod-openapi';
import { onboardWithFirstAdmin } from '@inovasi/app/members/members-service';
import { isDomainError, isTenantCode, type Tenant, tenantSchema } from '@inovasi/core';
import { onboardingScope, platformRegistryScope, platformRepositoryFor } from '@inovasi/data';
import { requireActor } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { auditContext, tenantAccess } from '../tenancy.ts';

const onboardRoute = createRoute({
  method: 'post',
  path: '/tenants',
  tags: ['Tenants'],
  summary: 'Onboard a region (platform admin)',
  request: {
    body: jsonBody(
      z.object({
        code: z.string().min(2).max(5),
        firstAdmin: z
          .object({ email: z.email().max(254), name: z.string().trim().min(2).max(150) })
          .optional()
          .openapi({ description: 'The region’s first administrator (Bappeda), invited in the same step' }),
      }),
    ),
  },
  responses: {
    201: jsonContent(tenantSchema, 'The new tenant'),
    ...errorResponses(400, 401, 403, 409),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants',
  tags: ['Tenants'],
  summary: 'List onboarded regions (platform admin)',
  responses: {
    200: jsonContent(z.object({ items: z.array(tenantSchema) }), 'All tenants'),
    ...errorResponses(401, 403),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}',
  tags: ['Tenants'],
  summary: 'Read a region’s profile',
  request: { params: tenantParams },
  responses: {
    200: jsonContent(tenantSchema, 'The tenant profile'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const requirePlatformAdmin = (c: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(c);
  if (!actor.roles.includes('platform_admin')) throw new ApiError('forbidden_role');
  return actor;
};

export const tenantRoutes = createRouter()
  .openapi(onboardRoute, async (c) => {
    requirePlatformAdmin(c);
    const { code, firstAdmin } = c.req.valid('json');
    const deps = c.get('deps');
    const area = isTenantCode(code) ? await deps.areas.find(code) : undefined;
    if (!area) throw new ApiError('unknown_area', 'code');
    let tenant: Tenant;
    if (firstAdmin) {
      tenant = await onboardWithFirstAdmin(deps, area, firstAdmin, auditContext(c)).catch(
        (error: unknown) => {
          // The address is the first admin's here, so the refusal names that field.
          if (isDomainError(error) && error.field === 'email') throw error.withField('firstAdmin.email');
          throw error;
        },
      );
    } else {
      const platform = platformRepositoryFor(deps.data.forScope(onboardingScope(area.code)));
      tenant = await platform.onboard(area, undefined, auditContext(c));
    }
    c.get('logger').info('tenant onboarded', { onboarded: tenant.code });
    return c.json(tenant, 201);
  })
  .openapi(listRoute, async (c) => {
    requirePlatformAdmin(c);
    const platform = platformRepositoryFor(c.get('deps').data.forScope(platformRegistryScope));
    return c.json({ items: await platform.list() }, 200);
  })
  .openapi(readRoute, async (c) => {
    const { code } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'tenant.read');
    const tenant = await access.profile.get();
    if (!tenant) throw new ApiError('tenant_not_onboarded');
    return c.json(tenant, 200);
  });
