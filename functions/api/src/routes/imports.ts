import { createRoute, z } from '@hono/zod-openapi';
import {
  IMPORT_MAX_BYTES,
  type ImportFormat,
  type ImportJob,
  type ImportPreviewRow,
  importJobSchema,
  importOptionsSchema,
  importPreviewRowSchema,
  importReportRowSchema,
} from '@inovasi/core';
import {
  ImportFileMissingError,
  ImportFileTooLargeError,
  ImportRepository,
  ImportStateError,
} from '@inovasi/data';
import { etag, expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { JobInputError } from '../exports/job-errors.ts';
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
  summary: 'Read the uploaded file and validate every row; writes nothing but the preview',
  request: { params: importParams, body: jsonBody(importOptionsSchema) },
  responses: {
    200: jsonContent(
      z.object({ import: importJobSchema, rows: z.array(previewRowView) }),
      'Every row with its status and its errors and warnings (Bahasa Indonesia); the version is in the ETag',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
    422: {
      ...errorResponses(422)[422],
      description: 'The file’s parse ran over the preview’s time or memory limit (`import_preview_limit`)',
    },
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

function formatOf(fileName: string): ImportFormat {
  const extension = fileName.toLowerCase().split('.').at(-1);
  if (extension === 'xlsx' || extension === 'csv') return extension;
  throw new ApiError(400, 'import_file_type', 'fileName');
}

const importsOf = (access: TenantAccess) =>
  new ImportRepository(access.clients, access.tenantCode, access.audit);

async function loadImport(access: TenantAccess, id: string): Promise<ImportJob> {
  const job = await importsOf(access).get(id);
  if (!job) throw new ApiError(404, 'not_found');
  return job;
}

/** A file that cannot be read is the caller's to fix: said once, in the caller's language. */
function previewError(error: unknown): never {
  if (error instanceof ImportFileMissingError) throw new ApiError(409, 'import_file_missing', 'file');
  if (error instanceof ImportFileTooLargeError) throw new ApiError(400, 'import_file_too_large', 'file');
  if (error instanceof ImportStateError) throw new ApiError(409, 'import_wrong_state', 'status');
  if (error instanceof JobInputError) {
    if (error.code === 'opd_not_found') throw new ApiError(400, 'opd_not_found', 'defaultOpdId');
    if (error.code === 'import_file_too_large') throw new ApiError(400, 'import_file_too_large', 'file');
    // A bomb, told apart before anything unpacks it (exports/xlsx-intake.ts).
    if (error.code === 'import_archive_rejected') throw new ApiError(400, 'import_archive_rejected', 'file');
    if (error.code === 'import_sheet_too_large') throw new ApiError(400, 'import_sheet_too_large', 'file');
    // A well-formed file that costs the parsing thread more than its time or heap limit.
    if (error.code === 'import_preview_limit') throw new ApiError(422, 'import_preview_limit', 'file');
    throw new ApiError(400, 'import_file_unreadable', 'file');
  }
  throw error;
}

/**
 * exceljs is loaded by the first template or preview, not when the function starts: most cold
 * starts never reach an import route (docs/decisions/0013).
 */
const loadSpreadsheetImports = () => import('../exports/imports.ts');

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
      if (content.length !== input.size) throw new ApiError(400, 'validation_failed', 'size');
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
      job.summary ? imports.previewRows(id) : undefined,
      job.status === 'done' ? imports.reportRows(id) : undefined,
    ]);
    c.header('ETag', etag(job.version));
    return c.json(
      { import: job, ...(rows ? { rows: toView(rows) } : {}), ...(report ? { report } : {}) },
      200,
    );
  })
  .openapi(previewRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'import.run');
    const options = c.req.valid('json');
    const job = await loadImport(access, id);
    if (!['awaiting_upload', 'uploaded', 'previewed'].includes(job.status)) {
      throw new ApiError(409, 'import_wrong_state', 'status');
    }
    const { previewImport } = await loadSpreadsheetImports();
    const preview = await previewImport(access.clients, code, importsOf(access), job, options).catch(
      previewError,
    );
    c.header('ETag', etag(preview.job.version));
    return c.json({ import: preview.job, rows: toView(preview.rows) }, 200);
  })
  .openapi(confirmRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'import.run');
    const version = expectedVersion(c);
    const { skipInvalidRows } = c.req.valid('json');
    const job = await loadImport(access, id);
    if (job.status !== 'previewed' || !job.summary) throw new ApiError(409, 'import_wrong_state', 'status');
    if (job.version !== version) throw new ApiError(409, 'version_conflict', 'If-Match');
    if (job.summary.valid === 0) throw new ApiError(409, 'import_nothing_to_import', 'rows');
    if (job.summary.invalid > 0 && !skipInvalidRows)
      throw new ApiError(409, 'import_has_errors', 'skipInvalidRows');
    const confirmed = await importsOf(access)
      .confirm(id, version, access.actor)
      .catch((error: unknown) => {
        if (error instanceof ImportStateError) throw new ApiError(409, 'import_wrong_state', 'status');
        throw error;
      });
    await dispatch(c, { type: 'import', tenantCode: code, id });
    c.header('ETag', etag(confirmed.version));
    return c.json({ import: confirmed }, 202);
  });
