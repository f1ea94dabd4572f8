import { createRoute, z } from '@hono/zod-openapi';
import {
  ERROR_MESSAGES,
  type ErrorCode,
  errorMessage,
  IMPORT_MAX_BYTES,
  type ImportFormat,
  type ImportJob,
  type ImportPreviewRow,
  importJobSchema,
  importOptionsSchema,
  importPreviewRowSchema,
  importReportRowSchema,
} from '@inovasi/core';
import { type AppContext, etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { dispatch } from '../jobs/dispatch.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';

const importParams = tenantParams.extend({ id: idSchema });

/** A file that travels inside the JSON body: the API's 256 KiB limit leaves room for this much. */
const MAX_INLINE_BYTES = 180 * 1024;
const UPLOAD_SECONDS = 10 * 60;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const createInput = z.object({
  /** Ends in `.xlsx` or `.csv`; decides how the file is read. */
  fileName: z.string().trim().min(5).max(200),
  size: z.number().int().min(1).max(IMPORT_MAX_BYTES),
  /** The file itself, base64, when it is at most 180 KiB; otherwise omit it and PUT to `upload.url`. */
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_INLINE_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .optional(),
});

/** Rows as the API shows them: without the full profile (the run reads that from the stored preview). */
const previewRowView = importPreviewRowSchema.omit({ profile: true });
const toView = (rows: readonly ImportPreviewRow[]) => rows.map(({ profile: _profile, ...row }) => row);

const presignedPut = z.object({
  method: z.literal('PUT'),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

const templateRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/imports/template',
  tags: ['Imports'],
  summary: 'The import template (xlsx): headers, dropdowns, instructions and this region’s valid values',
  request: { params: tenantParams },
  responses: {
    200: {
      description: 'The template workbook',
      content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/tenants/{code}/imports',
  tags: ['Imports'],
  summary: 'Start an import: send a small file inline (base64) or receive a presigned upload for it',
  request: { params: tenantParams, body: jsonBody(createInput) },
  responses: {
    201: jsonContent(
      z.object({ import: importJobSchema, upload: presignedPut.optional() }),
      'The import; `upload` when the file is to be PUT to storage first',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/imports',
  tags: ['Imports'],
  summary: 'Recent imports, newest first',
  request: {
    params: tenantParams,
    query: z.object({
      cursor: z.string().max(2000).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(importJobSchema), nextCursor: z.string().optional() }),
      'Imports',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/imports/{id}',
  tags: ['Imports'],
  summary: 'One import: status and progress, its previewed rows, and once done its report',
  request: { params: importParams },
  responses: {
    200: jsonContent(
      z.object({
        import: importJobSchema,
        rows: z.array(previewRowView).optional(),
        report: z.array(importReportRowSchema).optional(),
      }),
      'The import',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/imports/{id}/preview',
  tags: ['Imports'],
  summary:
    'Ask for a preview: the jobs worker reads the file and validates every row, writing nothing but the preview; poll the import until it leaves `previewing`',
  request: { params: importParams, body: jsonBody(importOptionsSchema) },
  responses: {
    202: jsonContent(
      z.object({ import: importJobSchema }),
      'The import, `previewing`. Once `previewed`, GET it for the rows (the version is in the ETag); a file that cannot be previewed returns it to its earlier status with `error` (`code`, `field`, message in the caller’s language)',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const confirmRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/imports/{id}/confirm',
  tags: ['Imports'],
  summary: 'Import the previewed rows (send the preview’s version as If-Match); runs as a background job',
  request: {
    params: importParams,
    headers: ifMatchHeader,
    body: jsonBody(
      z.object({
        /** Needed when the preview found invalid rows: import the valid ones, skip the rest. */
        skipInvalidRows: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    202: jsonContent(z.object({ import: importJobSchema }), 'The import, queued'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

/**
 * A preview's failure is stored in Bahasa Indonesia; a caller asking in English reads the same
 * code's English message (the codes are the API's, packages/core/src/i18n/messages.ts).
 */
function withErrorIn(c: AppContext, job: ImportJob): ImportJob {
  const language = c.get('language') ?? 'id';
  if (!job.error || !(job.error.code in ERROR_MESSAGES)) return job;
  return { ...job, error: { ...job.error, message: errorMessage(job.error.code as ErrorCode, language) } };
}

function formatOf(fileName: string): ImportFormat {
  const extension = fileName.toLowerCase().split('.').at(-1);
  if (extension === 'xlsx' || extension === 'csv') return extension;
  throw new ApiError('import_file_type', 'fileName');
}

const importsOf = (access: TenantAccess) => access.importJobs;

async function loadImport(access: TenantAccess, id: string): Promise<ImportJob> {
  const job = await importsOf(access).get(id);
  if (!job) throw new ApiError('not_found');
  return job;
}

/**
 * exceljs is loaded by the first template, not when the function starts: most cold starts never
 * reach an import route (docs/decisions/0013). Previews parse in the jobs worker (0032).
 */
const loadSpreadsheetImports = () => import('@inovasi/app/exports/imports');

export const importRoutes = createRouter()
  .openapi(templateRoute, async (c) => {
    const { code } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'import.run');
    const { writeTemplate } = await loadSpreadsheetImports();
    const workbook = await writeTemplate(await access.opds.list());
    return c.body(new Uint8Array(workbook), 200, {
      'Content-Type': XLSX,
      'Content-Disposition': `attachment; filename="templat-impor-inovasi-${code}.xlsx"`,
    });
  })
  .openapi(createRouteDef, async (c) => {
    const { code } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'import.run');
    const input = c.req.valid('json');
    const format = formatOf(input.fileName);
    let content: Buffer | undefined;
    if (input.contentBase64 !== undefined) {
      content = Buffer.from(input.contentBase64, 'base64');
      if (content.length !== input.size) throw new ApiError('validation_failed', 'size');
    }
    const created = await importsOf(access).create(
      { fileName: input.fileName, format, size: input.size, content },
      access.actor,
      UPLOAD_SECONDS,
    );
    c.header('ETag', etag(created.job.version));
    return c.json({ import: created.job, ...(created.upload ? { upload: created.upload } : {}) }, 201);
  })
  .openapi(listRoute, async (c) => {
    const { code } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'import.run');
    const { cursor, limit } = c.req.valid('query');
    return c.json(await importsOf(access).list(limit, cursor), 200);
  })
  .openapi(readRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'import.run');
    const job = await loadImport(access, id);
    const imports = importsOf(access);
    const [rows, report] = await Promise.all([
      job.summary && job.status !== 'previewing' ? imports.previewRows(id) : undefined,
      job.status === 'done' ? imports.reportRows(id) : undefined,
    ]);
    c.header('ETag', etag(job.version));
    return c.json(
      { import: withErrorIn(c, job), ...(rows ? { rows: toView(rows) } : {}), ...(report ? { report } : {}) },
      200,
    );
  })
  .openapi(previewRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'import.run');
    const options = c.req.valid('json');
    const job = await loadImport(access, id);
    if (!['awaiting_upload', 'uploaded', 'previewed'].includes(job.status)) {
      throw new ApiError('import_wrong_state', 'status');
    }
    // What is cheap to know is answered now, naming the field; the file itself is read off the
    // request, by the jobs worker (docs/decisions/0032).
    if (options.defaultOpdId) {
      const opd = await access.opds.get(options.defaultOpdId);
      if (!opd || opd.archived) throw new ApiError('opd_not_found', 'defaultOpdId');
    }
    if (!(await importsOf(access).sourceExists(job))) throw new ApiError('import_file_missing', 'file');
    const queued = await access.importPreviews.request(id, options);
    await dispatch(c, { type: 'preview', tenantCode: code, id });
    c.header('ETag', etag(queued.version));
    return c.json({ import: withErrorIn(c, queued) }, 202);
  })
  .openapi(confirmRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'import.run');
    const version = expectedVersion(c);
    const { skipInvalidRows } = c.req.valid('json');
    const job = await loadImport(access, id);
    if (job.status !== 'previewed' || !job.summary) throw new ApiError('import_wrong_state', 'status');
    if (job.version !== version) throw new ApiError('version_conflict', 'If-Match');
    if (job.summary.valid === 0) throw new ApiError('import_nothing_to_import', 'rows');
    if (job.summary.invalid > 0 && !skipInvalidRows)
      throw new ApiError('import_has_errors', 'skipInvalidRows');
    const confirmed = await importsOf(access).confirm(id, version, access.actor);
    await dispatch(c, { type: 'import', tenantCode: code, id });
    c.header('ETag', etag(confirmed.version));
    return c.json({ import: confirmed }, 202);
  });
