import { createRoute, z } from '@hono/zod-openapi';
import { memberSchema, ROLES } from '@inovasi/core';
import { AlreadyExistsError } from '@inovasi/data';
import { expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';

/** Platform administration is never granted from inside a tenant. */
const tenantRoles = z
  .array(z.enum(ROLES).exclude(['platform_admin']))
  .min(1)
  .max(4);

const inviteInput = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(2).max(150),
  roles: tenantRoles,
  opdId: idSchema.optional(),
});
const changeInput = z.object({ roles: tenantRoles.optional(), opdId: idSchema.nullable().optional() });
const memberParams = tenantParams.extend({ userId: idSchema });

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/members',
  tags: ['Members'],
  summary: 'List the region’s members',
  request: { params: tenantParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(memberSchema) }), 'Members'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const inviteRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/members',
  tags: ['Members'],
  summary: 'Invite a member (tenant admin)',
  request: { params: tenantParams, body: jsonBody(inviteInput) },
  responses: { 201: jsonContent(memberSchema, 'The new member'), ...errorResponses(400, 401, 403, 404, 409) },
});

const changeRoute = createRoute({
  method: 'patch',
  path: '/tenants/{code}/members/{userId}',
  tags: ['Members'],
  summary: 'Change a member’s roles or department (tenant admin)',
  request: { params: memberParams, headers: ifMatchHeader, body: jsonBody(changeInput) },
  responses: {
    200: jsonContent(memberSchema, 'The member'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

/** An operator belongs to exactly one live OPD of the same tenant. */
async function assertOpdAssignment(
  access: TenantAccess,
  roles: readonly string[],
  opdId: string | undefined,
) {
  if (opdId !== undefined) {
    const opd = await access.opds.get(opdId);
    if (!opd || opd.archived) throw new ApiError(400, 'opd_not_found', 'opdId');
  } else if (roles.includes('opd_operator')) {
    throw new ApiError(400, 'opd_required', 'opdId');
  }
}

export const memberRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'member.read');
    return c.json({ items: await access.members().list() }, 200);
  })
  .openapi(inviteRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'member.manage');
    const input = c.req.valid('json');
    await assertOpdAssignment(access, input.roles, input.opdId);
    try {
      return c.json(await access.members().invite(input), 201);
    } catch (error) {
      if (error instanceof AlreadyExistsError) throw new ApiError(409, 'member_exists', 'email');
      throw error;
    }
  })
  .openapi(changeRoute, async (c) => {
    const { code, userId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'member.manage');
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    const current = await access.members().get(userId);
    if (!current) throw new ApiError(404, 'not_found');
    const roles = input.roles ?? current.roles;
    const opdId = input.opdId === null ? undefined : (input.opdId ?? current.opdId);
    await assertOpdAssignment(access, roles, opdId);
    return c.json(await access.members().update(userId, version, { roles, opdId }), 200);
  });
