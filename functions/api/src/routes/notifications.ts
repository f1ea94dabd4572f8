import { createRoute, z } from '@hono/zod-openapi';
import { repositoriesFor, tenantScope } from '@inovasi/data';
import type { AppContext } from '../context.ts';
import { requireActor } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonContent, tenantParams } from '../schemas.ts';

const notificationSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    type: z.string(),
    title_id: z.string(),
    title_en: z.string(),
    link: z.string().optional(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Notification');

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/notifications',
  tags: ['Notifications'],
  summary: 'My notifications, newest first, with the unread count',
  request: {
    params: tenantParams,
    query: z.object({
      cursor: z.string().max(2000).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(notificationSchema), unread: z.number(), nextCursor: z.string().optional() }),
      'Notifications',
    ),
    ...errorResponses(400, 401, 403),
  },
});

const readRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/notifications/{id}/read',
  tags: ['Notifications'],
  summary: 'Mark one of my notifications read',
  request: {
    params: tenantParams.extend({
      id: z
        .string()
        .regex(/^[\w-]{1,120}$/)
        .openapi({ example: 'notif-1' }),
    }),
  },
  responses: { 204: { description: 'Marked read' }, ...errorResponses(400, 401, 403, 404) },
});

/** Notifications are personal: only the member's own, in the member's own tenant. */
function ownNotifications(c: AppContext, code: string) {
  const actor = requireActor(c);
  if (actor.tenantCode !== code) throw new ApiError('forbidden_tenant');
  return {
    actor,
    repository: repositoriesFor(c.get('deps').data.forScope(tenantScope(code))).notifications,
  };
}

export const notificationRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { actor, repository } = ownNotifications(c, c.req.valid('param').code);
    return c.json(await repository.list(actor.userId, c.req.valid('query')), 200);
  })
  .openapi(readRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const { actor, repository } = ownNotifications(c, code);
    await repository.markRead(actor.userId, id);
    return c.body(null, 204);
  });
