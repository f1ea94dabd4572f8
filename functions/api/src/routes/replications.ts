import { createRoute, z } from '@hono/zod-openapi';
import { catalogServiceFor } from '@inovasi/app/catalog/service';
import {
  agreementInputSchema,
  defaultAssessmentYear,
  REPLICATION_DIRECTIONS,
  REPLICATION_STATUSES,
  type Replication,
  replicationRequestInputSchema,
  replicationSchema,
  replicationSummarySchema,
} from '@inovasi/core';
import { type AppContext, etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';

const replicationParams = tenantParams.extend({ id: idSchema });
const replicationOpenApi = replicationSchema;

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/replications',
  tags: ['Replication'],
  summary: 'Replication requests and agreements of this region, both directions, newest first',
  request: {
    params: tenantParams,
    query: z.object({
      direction: z.enum(REPLICATION_DIRECTIONS).optional(),
      status: z.enum(REPLICATION_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(100),
    }),
  },
  responses: {
    200: jsonContent(z.object({ items: z.array(replicationOpenApi) }), 'Replications'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const requestRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/replications',
  tags: ['Replication'],
  summary: 'Ask another region to replicate its published innovation',
  request: { params: tenantParams, body: jsonBody(replicationRequestInputSchema) },
  responses: {
    201: jsonContent(replicationOpenApi, 'The request, as this region keeps it'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/replications/{id}',
  tags: ['Replication'],
  summary: 'One replication; its version is in the ETag',
  request: { params: replicationParams },
  responses: {
    200: jsonContent(replicationOpenApi, 'The replication'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const acceptRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/replications/{id}/accept',
  tags: ['Replication'],
  summary: 'Accept a request for one of this region’s innovations and record the agreement',
  request: { params: replicationParams, headers: ifMatchHeader, body: jsonBody(agreementInputSchema) },
  responses: {
    200: jsonContent(replicationOpenApi, 'The accepted agreement'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const declineRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/replications/{id}/decline',
  tags: ['Replication'],
  summary: 'Decline a request for one of this region’s innovations',
  request: {
    params: replicationParams,
    headers: ifMatchHeader,
    body: jsonBody(z.object({ reason: z.string().trim().max(2000).optional() })),
  },
  responses: {
    200: jsonContent(replicationOpenApi, 'The declined request'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const withdrawRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/replications/{id}/withdraw',
  tags: ['Replication'],
  summary: 'Withdraw this region’s own request before it is answered',
  request: { params: replicationParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(replicationOpenApi, 'The withdrawn request'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const documentRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/replications/{id}/agreement-document',
  tags: ['Replication'],
  summary: 'Attach the signed agreement (an evidence id); either region may do it',
  request: {
    params: replicationParams,
    headers: ifMatchHeader,
    body: jsonBody(z.object({ evidenceId: idSchema })),
  },
  responses: {
    200: jsonContent(replicationOpenApi, 'The agreement with its document'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/innovations/{id}/replications',
  tags: ['Replication'],
  summary: 'Regions that replicated this innovation under an agreement, and the sid.31 level it earns',
  request: { params: replicationParams },
  responses: {
    200: jsonContent(replicationSummarySchema, 'Replication facts for sid.31'),
    ...errorResponses(400, 401, 403, 404),
  },
});

async function loadReplication(access: TenantAccess, id: string): Promise<Replication> {
  const record = await access.replications.get(id);
  if (!record) throw new ApiError('not_found');
  return record;
}

function requireSide(record: Replication, side: Replication['direction']) {
  if (record.direction !== side) throw new ApiError('replication_wrong_side');
}

const counterpartOf = (record: Replication) =>
  record.direction === 'incoming' ? record.replicator.tenantCode : record.source.tenantCode;

function answer(c: AppContext, record: Replication) {
  c.header('ETag', etag(record.version));
  return c.json(record, 200);
}

export const replicationRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'replication.read');
    const { limit, ...filter } = c.req.valid('query');
    return c.json({ items: (await access.replications.list(filter)).slice(0, limit) }, 200);
  })
  .openapi(requestRoute, async (c) => {
    const { code } = c.req.valid('param');
    const input = c.req.valid('json');
    const access = await tenantAccess(c, code, 'replication.request');
    if (input.sourceTenantCode === code) {
      throw new ApiError('replication_own_region', 'sourceTenantCode');
    }
    const opd = await access.opds.get(input.opdId);
    if (!opd || opd.archived) throw new ApiError('opd_not_found', 'opdId');
    // The request only ever names what the source published: its public entry, nothing else.
    const source = await catalogServiceFor(c.get('deps').data, c.get('deps').logger).entries.entry(
      input.sourceTenantCode,
      input.sourceInnovationId,
    );
    if (!source) throw new ApiError('catalog_entry_missing', 'sourceInnovationId');
    const tenant = await access.profile.get();
    const created = await access.replicationFlow(input.sourceTenantCode, 'request').request({
      source,
      replicator: { tenantCode: code, regionName: tenant?.name ?? code },
      replicaOpdId: input.opdId,
      message: input.message,
      contact: input.contact,
      requestedBy: access.actor.userId,
    });
    c.get('logger').info('replication requested', { replicationId: created.id, source: source.catalogId });
    c.header('ETag', etag(created.version));
    return c.json(created, 201);
  })
  .openapi(readRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'replication.read');
    return answer(c, await loadReplication(access, id));
  })
  .openapi(acceptRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const input = c.req.valid('json');
    const access = await tenantAccess(c, code, 'replication.respond');
    const version = expectedVersion(c);
    const record = await loadReplication(access, id);
    requireSide(record, 'incoming');
    const service = catalogServiceFor(c.get('deps').data, c.get('deps').logger);
    const entry = await service.entries.entry(code, record.source.innovationId);
    if (!entry) throw new ApiError('catalog_not_published');
    const accepted = await access
      .replicationFlow(record.replicator.tenantCode, 'agreement')
      .accept(record, version, input, access.actor.userId, entry, { periodYear: defaultAssessmentYear() });
    c.get('logger').info('replication accepted', {
      replicationId: id,
      replicator: record.replicator.tenantCode,
    });
    return answer(c, accepted);
  })
  .openapi(declineRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const access = await tenantAccess(c, code, 'replication.respond');
    const version = expectedVersion(c);
    const record = await loadReplication(access, id);
    requireSide(record, 'incoming');
    const declined = await access
      .replicationFlow(counterpartOf(record), 'request')
      .close(record, version, { status: 'declined', reason, by: access.actor.userId });
    return answer(c, declined);
  })
  .openapi(withdrawRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'replication.request');
    const version = expectedVersion(c);
    const record = await loadReplication(access, id);
    requireSide(record, 'outgoing');
    const withdrawn = await access
      .replicationFlow(counterpartOf(record), 'request')
      .close(record, version, { status: 'withdrawn', by: access.actor.userId });
    return answer(c, withdrawn);
  })
  .openapi(documentRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const { evidenceId } = c.req.valid('json');
    const access = await tenantAccess(c, code, 'replication.document');
    const version = expectedVersion(c);
    const record = await loadReplication(access, id);
    // The document is a file of the attaching region's own library that passed intake; an id
    // the region cannot read is not its document, and an unchecked file proves nothing yet.
    const evidence = await access.evidence.get(evidenceId);
    if (!evidence || evidence.deleted) throw new ApiError('not_found', 'evidenceId');
    if (evidence.status === 'rejected') throw new ApiError('evidence_rejected', 'evidenceId');
    if (evidence.status !== 'passed') throw new ApiError('evidence_not_uploaded', 'evidenceId');
    const updated = await access
      .replicationFlow(counterpartOf(record), 'request')
      .attachDocument(record, version, evidenceId, code);
    return answer(c, updated);
  })
  .openapi(summaryRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'replication.read');
    if (!(await access.innovations.get(id))) throw new ApiError('not_found');
    return c.json(await access.replications.summary(id), 200);
  });
