import { createRoute, z } from '@hono/zod-openapi';
import {
  type Action,
  decide,
  defaultAssessmentYear,
  type ExportJob,
  type ExportRequest,
  exportJobSchema,
  exportRequestSchema,
  innovationSchema,
  nationalEntryInputSchema,
  todayInJakarta,
} from '@inovasi/core';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { dispatch } from '../jobs/dispatch.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';
import { periodRubric } from './periods.ts';

const jobParams = tenantParams.extend({ id: idSchema });
const innovationParams = tenantParams.extend({ id: idSchema });

/** How long a download link stays valid: long enough to start a large download, short enough to not leak. */
const DOWNLOAD_SECONDS = 10 * 60;

/**
 * The pack and the recap are Bappeda's; a profile PDF anyone who works on innovations may print;
 * contest certificates whoever runs the region's contests.
 */
const actionFor = (kind: ExportJob['kind']): Action => {
  if (kind === 'profile_pdf') return 'export.profile';
  return kind === 'contest_certificates' ? 'contest.manage' : 'export.run';
};

const requestRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/exports',
  tags: ['Exports'],
  summary:
    'Request an export (national-entry pack, Excel recap, or PDF profile); it runs as a background job',
  description:
    'Answers 202 with a queued job, or 200 with the job already started for the same request ' +
    '(the same Idempotency-Key, or an identical request while its job is still queued or running). ' +
    'Poll `GET …/exports/{id}` for progress; when `status` is `done`, `GET …/exports/{id}/download` gives a link.',
  request: {
    params: tenantParams,
    headers: z.object({ 'idempotency-key': z.string().min(8).max(128).optional() }),
    body: jsonBody(exportRequestSchema),
  },
  responses: {
    200: jsonContent(exportJobSchema, 'The job already started for this request'),
    202: jsonContent(exportJobSchema, 'The new job, queued'),
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/exports',
  tags: ['Exports'],
  summary: 'Recent export jobs, newest first (those the caller may run)',
  request: {
    params: tenantParams,
    query: z.object({
      cursor: z.string().max(2000).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(exportJobSchema), nextCursor: z.string().optional() }),
      'Jobs',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/exports/{id}',
  tags: ['Exports'],
  summary: 'One export job: status, progress (0–100) and what it is doing',
  request: { params: jobParams },
  responses: { 200: jsonContent(exportJobSchema, 'The job'), ...errorResponses(400, 401, 403, 404) },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/exports/{id}/download',
  tags: ['Exports'],
  summary: 'A short-lived download link for a finished export',
  request: { params: jobParams },
  responses: {
    200: jsonContent(
      z.object({
        url: z.string(),
        expiresAt: z.string(),
        fileName: z.string(),
        contentType: z.string(),
        size: z.number().int(),
      }),
      'Presigned GET of the file (an attachment with its file name)',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const recordEntryRoute = createRoute({
  method: 'put',
  path: '/tenants/{code}/innovations/{id}/national-entry',
  tags: ['Exports'],
  summary: 'Tick an innovation off as entered in the national application, with its registration number',
  request: { params: innovationParams, headers: ifMatchHeader, body: jsonBody(nationalEntryInputSchema) },
  responses: {
    200: jsonContent(innovationSchema, 'The innovation with `nationalEntry`'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const clearEntryRoute = createRoute({
  method: 'delete',
  path: '/tenants/{code}/innovations/{id}/national-entry',
  tags: ['Exports'],
  summary: 'Clear the "entered nationally" tick (entered by mistake)',
  request: { params: innovationParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(innovationSchema, 'The innovation without `nationalEntry`'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const exportsOf = (access: TenantAccess) => access.exportJobs;

async function loadJob(access: TenantAccess, id: string): Promise<ExportJob> {
  const job = await exportsOf(access).get(id);
  if (!job) throw new ApiError('not_found');
  // A job is visible to those who may run its kind.
  access.authorizeOpd(actionFor(job.kind), access.actor.opdId ?? '');
  return job;
}

async function loadTickable(access: TenantAccess, id: string) {
  const innovation = await access.innovations.get(id);
  if (!innovation) throw new ApiError('not_found');
  access.authorizeOpd('innovation.national_entry', innovation.opdId);
  if (innovation.archived) throw new ApiError('archived');
  if (innovation.status !== 'ready' && innovation.status !== 'sent') {
    throw new ApiError('national_entry_not_ready', 'status');
  }
  return innovation;
}

/**
 * The year a request exports, checked: a profile's innovation's, an announced call's (certificates
 * need no rubric), otherwise the requested year, which must have a rubric.
 */
async function periodYearOf(access: TenantAccess, input: ExportRequest): Promise<number> {
  if (input.kind === 'contest_certificates') {
    const call = await access.contests.getCall(input.callId ?? '', true);
    if (!call) throw new ApiError('contest_not_found', 'callId');
    if (call.status !== 'winners_published') throw new ApiError('contest_results_not_announced', 'callId');
    return call.year;
  }
  let periodYear = input.periodYear ?? defaultAssessmentYear();
  if (input.kind === 'profile_pdf') {
    const innovation = await access.innovations.get(input.innovationId ?? '');
    if (!innovation) throw new ApiError('not_found', 'innovationId');
    periodYear = innovation.periodYear;
  }
  await periodRubric(access.periods, periodYear);
  return periodYear;
}

export const exportRoutes = createRouter()
  .openapi(requestRoute, async (c) => {
    const { code } = c.req.valid('param');
    const input = c.req.valid('json');
    const access = await tenantAccess(c, code, actionFor(input.kind));
    const periodYear = await periodYearOf(access, input);
    const { job, created } = await exportsOf(access).request(
      {
        kind: input.kind,
        periodYear,
        innovationId: input.kind === 'profile_pdf' ? input.innovationId : undefined,
        callId: input.kind === 'contest_certificates' ? input.callId : undefined,
      },
      access.actor,
      c.req.valid('header')['idempotency-key'],
    );
    if (created) await dispatch(c, { type: 'export', tenantCode: code, id: job.id });
    else c.header('Idempotent-Replayed', 'true');
    c.header('Location', `/api/v1/tenants/${code}/exports/${job.id}`);
    return created ? c.json(job, 202) : c.json(job, 200);
  })
  .openapi(listRoute, async (c) => {
    const { code } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'export.profile');
    const { cursor, limit } = c.req.valid('query');
    const mayRun = decide(access.actor, 'export.run', { tenantCode: code }).allowed;
    const runsContests = decide(access.actor, 'contest.manage', { tenantCode: code }).allowed;
    const page = await exportsOf(access).list(limit, cursor);
    return c.json(
      {
        items: page.items.filter((job) =>
          job.kind === 'contest_certificates' ? runsContests : mayRun || job.kind === 'profile_pdf',
        ),
        nextCursor: page.nextCursor,
      },
      200,
    );
  })
  .openapi(readRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'export.profile');
    return c.json(await loadJob(access, id), 200);
  })
  .openapi(downloadRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'export.profile');
    const job = await loadJob(access, id);
    if (job.status === 'failed') throw new ApiError('export_failed', 'status');
    if (job.status !== 'done' || !job.result) throw new ApiError('export_not_ready', 'status');
    const link = await exportsOf(access).downloadUrl(job.id, DOWNLOAD_SECONDS);
    if (!link) throw new ApiError('export_not_ready', 'status');
    const { fileName, contentType, size } = job.result;
    return c.json({ ...link, fileName, contentType, size }, 200);
  })
  .openapi(recordEntryRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'innovation.national_entry');
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    const innovation = await loadTickable(access, id);
    const updated = await access.innovations.setNationalEntry(innovation, version, access.actor, {
      registrationNumber: input.registrationNumber,
      enteredOn: input.enteredOn ?? todayInJakarta(),
      recordedBy: access.actor.userId,
      recordedAt: new Date().toISOString(),
    });
    c.header('ETag', etag(updated.version));
    return c.json(updated, 200);
  })
  .openapi(clearEntryRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'innovation.national_entry');
    const version = expectedVersion(c);
    const innovation = await loadTickable(access, id);
    const updated = await access.innovations.setNationalEntry(innovation, version, access.actor, undefined);
    c.header('ETag', etag(updated.version));
    return c.json(updated, 200);
  });
