import { createRoute, z } from '@hono/zod-openapi';
import { findIdentity, loadMember } from '@inovasi/app/identity/member-directory';
import { memberMayAct, ROLES, tenantSchema } from '@inovasi/core';
import {
  PLATFORM_TENANT,
  platformRegistryScope,
  platformRepositoryFor,
  repositoriesFor,
  tenantScope,
} from '@inovasi/data';
import { requireActor } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonBody, jsonContent } from '../schemas.ts';

const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().optional(),
    tenantCode: z.string(),
    roles: z.array(z.enum(ROLES)),
    opdId: z.string().optional(),
    /** The unit below the OPD the member works in (ADR 0036). */
    unitId: z.string().optional(),
  })
  .openapi('User');

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Session'],
  summary: 'Who am I, and which region am I in',
  responses: {
    200: jsonContent(z.object({ user: userSchema, tenant: tenantSchema.nullable() }), 'The signed-in user'),
    // 403: the account was disabled or removed, or an administrator has no authenticator app yet
    // (`mfa_required`, in AWS: the web app then shows the enrolment screen).
    ...errorResponses(401, 403),
  },
});

const signInSettingsSchema = z
  .object({
    provider: z.enum(['local', 'cognito']),
    authority: z.string(),
    clientId: z.string(),
    scope: z.string(),
    endSessionEndpoint: z.string().optional(),
    demo: z
      .boolean()
      .openapi({ description: 'Whether the demo directory (passwordless demo users) is offered' }),
  })
  .openapi('SignInSettings');

const signInSettingsRoute = createRoute({
  method: 'get',
  path: '/auth/config',
  tags: ['Session'],
  summary: 'Where the web app signs in (OpenID Connect provider and client)',
  security: [],
  responses: {
    200: jsonContent(signInSettingsSchema, 'The sign-in settings'),
    ...errorResponses(404),
  },
});

export const sessionRoutes = createRouter()
  .openapi(signInSettingsRoute, (c) => {
    const deps = c.get('deps');
    if (!deps.signIn) throw new ApiError('not_available');
    c.header('Cache-Control', 'no-store');
    return c.json({ ...deps.signIn, demo: Boolean(deps.demoTokens) }, 200);
  })
  .openapi(meRoute, async (c) => {
    const actor = requireActor(c);
    // A platform administrator belongs to no region: there is no profile to read (and no tenant
    // session to assume for the pseudo-code `platform` in AWS, ADR 0008).
    const platform = actor.tenantCode === PLATFORM_TENANT;
    const [tenant, member] = await Promise.all([
      platform
        ? undefined
        : repositoriesFor(c.get('deps').data.forScope(tenantScope(actor.tenantCode, true))).profile.get(),
      loadMember(c.get('deps'), actor.tenantCode, actor.userId),
    ]);
    const user = {
      id: actor.userId,
      email: actor.email,
      name: member?.name,
      tenantCode: actor.tenantCode,
      roles: [...actor.roles],
      opdId: actor.opdId,
      ...(member?.unitId ? { unitId: member.unitId } : {}),
    };
    return c.json({ user, tenant: tenant ?? null }, 200);
  });

const loginRoute = createRoute({
  method: 'post',
  path: '/dev/login',
  tags: ['Local development'],
  summary: 'Sign in as a demo user (local mode only)',
  request: { body: jsonBody(z.object({ email: z.email().max(254) })) },
  responses: {
    200: jsonContent(z.object({ token: z.string(), user: userSchema }), 'A bearer token'),
    ...errorResponses(400, 404),
  },
});

const demoUserSchema = z.object({
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  tenantCode: z.string(),
  tenantName: z.string(),
  opdName: z.string().optional(),
});

const usersRoute = createRoute({
  method: 'get',
  path: '/dev/users',
  tags: ['Local development'],
  summary: 'Demo users to sign in as (local mode only)',
  responses: { 200: jsonContent(z.object({ items: z.array(demoUserSchema) }), 'Demo users') },
});

/** Registered only in demo mode, and answered only on loopback; in AWS these routes do not exist at all. */
export const devRoutes = createRouter()
  .openapi(loginRoute, async (c) => {
    const deps = c.get('deps');
    const identity = await findIdentity(deps, c.req.valid('json').email);
    if (!identity || !deps.demoTokens) throw new ApiError('unknown_user', 'email');
    const { actor, member } = identity;
    if (!memberMayAct(member)) throw new ApiError('account_disabled');
    const token = await deps.demoTokens.issue({ subject: member.id, email: member.email });
    return c.json(
      {
        token,
        user: {
          id: actor.userId,
          email: actor.email,
          name: member.name,
          tenantCode: actor.tenantCode,
          roles: [...actor.roles],
          opdId: actor.opdId,
        },
      },
      200,
    );
  })
  .openapi(usersRoute, async (c) => {
    const deps = c.get('deps');
    const registry = platformRepositoryFor(deps.data.forScope(platformRegistryScope));
    const [tenants, admins] = await Promise.all([registry.list(), registry.listAdmins()]);
    const platformUsers = admins.map((admin) => ({
      email: admin.email,
      name: admin.name,
      roles: admin.roles,
      tenantCode: PLATFORM_TENANT,
      tenantName: 'Platform',
    }));
    const perTenant = await Promise.all(
      tenants.map(async (tenant) => {
        const repositories = repositoriesFor(deps.data.forScope(tenantScope(tenant.code, true)));
        const [members, opds] = await Promise.all([repositories.members.list(), repositories.opds.list()]);
        const opdNames = new Map(opds.map((opd) => [opd.id, opd.name]));
        return members.map((member) => ({
          email: member.email,
          name: member.name,
          roles: member.roles,
          tenantCode: tenant.code,
          tenantName: tenant.name,
          opdName: member.opdId ? opdNames.get(member.opdId) : undefined,
        }));
      }),
    );
    return c.json({ items: [...platformUsers, ...perTenant.flat()] }, 200);
  });
