import { createRoute, z } from '@hono/zod-openapi';
import { identityAdminOf, inviteMember, resendInvitation } from '@inovasi/app/members/members-service';
import { memberSchema, ROLES, type Role } from '@inovasi/core';
import { type AppContext, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';

/** Platform administration is never granted from inside a tenant. */
const TENANT_ROLES = ROLES.filter(
  (role): role is Exclude<Role, 'platform_admin'> => role !== 'platform_admin',
);
/** Any of the tenant roles, each at most once: the cap follows the role list, never a literal. */
export const tenantRoles = z
  .array(z.enum(TENANT_ROLES))
  .min(1)
  .max(TENANT_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'duplicate role' });

const inviteInput = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(2).max(150),
  roles: tenantRoles,
  opdId: idSchema.optional(),
  /** The unit below the OPD the member works in; it must belong to `opdId` (ADR 0036). */
  unitId: idSchema.optional(),
});
const changeInput = z.object({
  roles: tenantRoles.optional(),
  opdId: idSchema.nullable().optional(),
  unitId: idSchema.nullable().optional(),
});
const memberParams = tenantParams.extend({ userId: idSchema });

const disableRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/members/{userId}/disable',
  tags: ['Members'],
  summary: 'Disable a member: the next request after at most 60 s is refused (tenant admin)',
  request: { params: memberParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(memberSchema, 'The member'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const enableRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/members/{userId}/enable',
  tags: ['Members'],
  summary: 'Enable a disabled member again (tenant admin)',
  request: { params: memberParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(memberSchema, 'The member'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const resendRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/members/{userId}/invitation',
  tags: ['Members'],
  summary: 'Send an invitation that was never accepted again, valid for another 7 days (tenant admin)',
  request: { params: memberParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(memberSchema, 'The member'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/tenants/{code}/members/{userId}',
  tags: ['Members'],
  summary: 'Remove a member or withdraw an invitation; the address is free again (tenant admin)',
  request: { params: memberParams, headers: ifMatchHeader },
  responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404, 409, 428) },
});

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
  responses: {
    201: jsonContent(memberSchema, 'The new member'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
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

/** An operator belongs to exactly one live OPD of the same tenant, and perhaps to one of its units. */
async function assertOpdAssignment(
  access: TenantAccess,
  roles: readonly string[],
  opdId: string | undefined,
  unitId?: string | undefined,
) {
  if (opdId !== undefined) {
    const opd = await access.opds.get(opdId);
    if (!opd || opd.archived) throw new ApiError('opd_not_found', 'opdId');
  } else if (roles.includes('opd_operator')) {
    throw new ApiError('opd_required', 'opdId');
  }
  if (unitId !== undefined) {
    const unit = await access.units.get(unitId);
    if (!unit || unit.archived || unit.opdId !== opdId) throw new ApiError('unit_not_found', 'unitId');
  }
}

/**
 * Roles only the platform grants. `province_viewer` opens the oversight of every regency inside a
 * province: a province's own admin must not give it to itself or anyone (issue 19). A tenant admin
 * may keep it on a member who has it, and may take it away.
 */
const PLATFORM_GRANTED: readonly Role[] = ['province_viewer'];

function assertMayGrant(access: TenantAccess, roles: readonly Role[], current: readonly Role[] = []) {
  if (access.actor.roles.includes('platform_admin')) return;
  if (roles.some((role) => PLATFORM_GRANTED.includes(role) && !current.includes(role))) {
    throw new ApiError('role_platform_granted', 'roles');
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
    assertMayGrant(access, input.roles);
    await assertOpdAssignment(access, input.roles, input.opdId, input.unitId);
    const member = await inviteMember(c.get('deps'), await tenantOf(access), input, access.audit);
    return c.json(member, 201);
  })
  .openapi(changeRoute, async (c) => {
    const { code, userId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'member.manage');
    const version = expectedVersion(c);
    // An admin who dropped their own admin role could leave the region with nobody to restore it.
    if (userId === access.actor.userId) throw new ApiError('cannot_change_self', 'userId');
    const input = c.req.valid('json');
    const current = await access.members().get(userId);
    if (!current) throw new ApiError('not_found');
    const roles = input.roles ?? current.roles;
    assertMayGrant(access, roles, current.roles);
    const opdId = input.opdId === null ? undefined : (input.opdId ?? current.opdId);
    // A move to another OPD leaves the old OPD's unit behind unless a unit of the new one is named.
    const keptUnit = opdId === current.opdId ? current.unitId : undefined;
    const unitId = input.unitId === null ? undefined : (input.unitId ?? keptUnit);
    await assertOpdAssignment(access, roles, opdId, unitId);
    const updated = await access.members().update(userId, version, { roles, opdId, unitId });
    c.get('memberDirectory').forget(updated.email);
    return c.json(updated, 200);
  })
  .openapi(disableRoute, async (c) => {
    const { access, member, version } = await managedMember(c, c.req.valid('param'));
    const updated = await access.members().setEnabled(member.id, version, false);
    c.get('memberDirectory').forget(member.email);
    await identityAdminOf(c.get('deps')).disabled(member.email);
    return c.json(updated, 200);
  })
  .openapi(enableRoute, async (c) => {
    const { access, member, version } = await managedMember(c, c.req.valid('param'));
    const updated = await access.members().setEnabled(member.id, version, true);
    c.get('memberDirectory').forget(member.email);
    await identityAdminOf(c.get('deps')).enabled(member.email);
    return c.json(updated, 200);
  })
  .openapi(resendRoute, async (c) => {
    const { access, member, version } = await managedMember(c, c.req.valid('param'));
    const renewed = await resendInvitation(
      c.get('deps'),
      await tenantOf(access),
      member,
      version,
      access.audit,
    );
    return c.json(renewed, 200);
  })
  .openapi(removeRoute, async (c) => {
    const { access, member, version } = await managedMember(c, c.req.valid('param'));
    await access.members().remove(member.id, version);
    c.get('memberDirectory').forget(member.email);
    await identityAdminOf(c.get('deps')).removed(member.email);
    return c.body(null, 204);
  });

/** The member an admin acts on, never the admin themself (nobody locks themselves out by a slip). */
async function managedMember(c: AppContext, params: { code: string; userId: string }) {
  const access = await tenantAccess(c, params.code, 'member.manage');
  const version = expectedVersion(c);
  if (params.userId === access.actor.userId) throw new ApiError('cannot_change_self', 'userId');
  const member = await access.members().get(params.userId);
  if (!member) throw new ApiError('not_found');
  return { access, member, version };
}

async function tenantOf(access: TenantAccess): Promise<{ code: string; name: string }> {
  const profile = await access.profile.get();
  return { code: access.tenantCode, name: profile?.name ?? access.tenantCode };
}
