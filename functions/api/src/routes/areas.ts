import { createRoute, z } from '@hono/zod-openapi';
import { TENANT_KINDS } from '@inovasi/core';
import { requireActor } from '../context.ts';
import { createRouter } from '../router.ts';
import { errorResponses, jsonContent } from '../schemas.ts';

const areaSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(TENANT_KINDS),
  provinceCode: z.string(),
});

const listRoute = createRoute({
  method: 'get',
  path: '/areas',
  tags: ['Areas'],
  summary: 'The official Kemendagri list of provinces, regencies and cities',
  request: { query: z.object({ q: z.string().max(100).optional() }) },
  responses: {
    200: jsonContent(z.object({ items: z.array(areaSchema) }), 'Matching areas'),
    ...errorResponses(400, 401),
  },
});

export const areaRoutes = createRouter().openapi(listRoute, async (c) => {
  requireActor(c);
  const query = c.req.valid('query').q?.trim().toLowerCase();
  const areas = await c.get('deps').areas.list();
  const items = query
    ? areas.filter((area) => area.name.toLowerCase().includes(query) || area.code.startsWith(query))
    : areas;
  return c.json({ items: [...items] }, 200);
});
