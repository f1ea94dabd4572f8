import { createRoute, z } from '@hono/zod-openapi';
import { AuditRepository, tenantScope } from '@inovasi/data';
import { csvCell } from '../csv.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, jsonContent, tenantParams } from '../schemas.ts';
import { tenantAccess } from '../tenancy.ts';

const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    userId: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    requestId: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    periodYear: z.number().optional(),
    changes: z
      .record(z.string(), z.object({ before: z.unknown().optional(), after: z.unknown().optional() }))
      .optional(),
  })
  .openapi('AuditEntry');

const auditQuery = z.object({
  entityId: z.string().max(100).optional(),
  userId: idSchema.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  periodYear: z.coerce.number().int().min(2022).max(2100).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/audit',
  tags: ['Audit'],
  summary:
    'The audit trail, newest first: per innovation (entityId), per user, per month or period (tenant admin)',
  request: { params: tenantParams, query: auditQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().optional() }),
      'Entries',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/audit/export',
  tags: ['Audit'],
  summary: 'The filtered audit trail as CSV (tenant admin)',
  request: { params: tenantParams, query: auditQuery.omit({ cursor: true, limit: true }) },
  responses: {
    200: { description: 'CSV, one row per entry', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

/** The export reads at most this many entries: a season of one region's edits fits many times over. */
const EXPORT_LIMIT = 20_000;

export const auditRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { code } = c.req.valid('param');
    await tenantAccess(c, code, 'audit.read');
    const audit = new AuditRepository(c.get('deps').data.forScope(tenantScope(code, true)), code);
    const page = await audit.list(c.req.valid('query'));
    const items = page.items.map((entry) => ({
      ...entry,
      roles: [...entry.roles],
      changes: entry.changes && { ...entry.changes },
    }));
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  })
  .openapi(exportRoute, async (c) => {
    const { code } = c.req.valid('param');
    await tenantAccess(c, code, 'audit.read');
    const audit = new AuditRepository(c.get('deps').data.forScope(tenantScope(code, true)), code);
    const rows = ['at,email,roles,action,entity,entityId,periodYear,changes,requestId'];
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await audit.list({ ...c.req.valid('query'), cursor, limit: 200 });
      for (const entry of page.items) {
        rows.push(
          [
            entry.at,
            entry.email,
            entry.roles.join(' '),
            entry.action,
            entry.entity,
            entry.entityId,
            entry.periodYear,
            entry.changes,
            entry.requestId,
          ]
            .map(csvCell)
            .join(','),
        );
      }
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor && count < EXPORT_LIMIT);
    c.header('Content-Disposition', `attachment; filename="audit-${code}.csv"`);
    return c.body(`${rows.join('\n')}\n`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
