import { createRoute, z } from '@hono/zod-openapi';
import {
  EVIDENCE_STATUSES,
  EXTENSION_MESSAGE,
  extensionFitsMediaType,
  uploadedFileFields,
} from '@inovasi/core';
import { createRouter } from '../../router.ts';
import { errorResponses, jsonBody, jsonContent } from '../../schemas.ts';
import { evidenceIdSchema, uploadSchema } from '../evidence-shared.ts';
import { multipartRoutes, multipartSchema } from '../multipart-upload.ts';
import { contestAccess, entryParams } from './shared.ts';

/**
 * Files on contest entries (docs/decisions/0042): the entrant uploads through the evidence
 * library's own flow (presigned PUT, size caps and quota, intake by sniffing the bytes); the item
 * belongs to the region, the entry keeps a record of it. Judges assigned to the entry download it,
 * under a neutral name in blind mode; at announcement a winner's files join its innovation. A file
 * may also go up resumably, as the library's do (docs/decisions/0054): the same multipart routes
 * below the entry's file (multipart-upload.ts). The handlers' work is in on-demand/entry-files.ts,
 * loaded by the first request that needs it.
 */

/** The evidence kinds an entrant's file may be: what a proposal, its pictures and video are. */
const ENTRY_FILE_KINDS = ['laporan', 'foto', 'video', 'screenshot', 'sertifikat', 'lainnya'] as const;

const fileInputSchema = z
  .object({
    kind: z.enum(ENTRY_FILE_KINDS).default('lainnya'),
    title: z.string().trim().min(3).max(200),
    ...uploadedFileFields,
  })
  .refine(extensionFitsMediaType, EXTENSION_MESSAGE);

const entryFileSchema = z.object({
  evidenceId: z.string(),
  /** The entrant's own name for the file; for a judge in blind mode a neutral `lampiran-<n>.<ext>`. */
  fileName: z.string(),
  /** Not shown to judges in blind mode. */
  title: z.string().optional(),
  mediaType: z.string().optional(),
  size: z.number().int().optional(),
  status: z.enum(EVIDENCE_STATUSES),
  addedAt: z.string().optional(),
});

const fileParams = entryParams.extend({ evidenceId: evidenceIdSchema });

/**
 * Announcing a file on one's own entry, answered with how its bytes go up: one presigned PUT, or
 * a resumable multipart upload (docs/decisions/0054). The description and its checks are one.
 */
const announceRoute = <U extends z.ZodType>(path: string, summary: string, upload: U, then: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['Contests'],
    summary,
    request: { params: entryParams, body: jsonBody(fileInputSchema) },
    responses: {
      201: jsonContent(z.object({ file: entryFileSchema, upload }), then),
      ...errorResponses(400, 401, 403, 404, 409, 413),
    },
  });

const addRoute = announceRoute(
  '/tenants/{code}/contests/{callId}/entries/{entryId}/files',
  'Attach a file (PDF, JPG, PNG, MP4) to one’s own entry: a presigned upload into the region’s evidence library',
  uploadSchema,
  'The pending file and its presigned PUT; then ask for its check (complete)',
);

const startRoute = announceRoute(
  '/tenants/{code}/contests/{callId}/entries/{entryId}/files/multipart',
  'Start a resumable upload of a file (PDF, JPG, PNG, MP4) for one’s own entry: the pending file and an S3 multipart upload',
  multipartSchema,
  'The pending file and its multipart upload; then its parts, then complete',
);

const completeRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}/complete',
  tags: ['Contests'],
  summary: 'Check an uploaded entry file (real type, size, SHA-256), as every evidence upload is checked',
  request: { params: fileParams },
  responses: {
    200: jsonContent(entryFileSchema, 'The file, passed intake'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const started = multipartRoutes({
  item: '/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}',
  tag: 'Contests',
  itemParams: fileParams,
  completed: entryFileSchema,
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/contests/{callId}/entries/{entryId}/files',
  tags: ['Contests'],
  summary:
    'The entry’s files: for its entrant and Bappeda, and for judges assigned to it (checked files only)',
  request: { params: entryParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(entryFileSchema) }), 'Files'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}/download',
  tags: ['Contests'],
  summary: 'A short-lived download link for a checked entry file (entrant, Bappeda, assigned judges)',
  request: { params: fileParams },
  responses: {
    200: jsonContent(
      z.object({ url: z.string(), expiresAt: z.string(), fileName: z.string() }),
      'The signed link',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}',
  tags: ['Contests'],
  summary: 'Take a file off one’s own entry while it may still change (entries open, or screened incomplete)',
  request: { params: fileParams },
  responses: {
    200: jsonContent(z.object({ evidenceId: z.string(), removed: z.literal(true) }), 'Removed'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const loadEntryFiles = () => import('../../on-demand/entry-files.ts');

export const contestFileRoutes = createRouter()
  .openapi(addRoute, async (c) => {
    const { code, callId, entryId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const { addEntryFile } = await loadEntryFiles();
    return c.json(await addEntryFile(access, callId, entryId, c.req.valid('json')), 201);
  })
  .openapi(completeRoute, async (c) => {
    const { code, callId, entryId, evidenceId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const { completeEntryFile } = await loadEntryFiles();
    return c.json(await completeEntryFile(access, callId, entryId, evidenceId), 200);
  })
  .openapi(startRoute, async (c) => {
    const { code, callId, entryId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const { startEntryFileUpload } = await loadEntryFiles();
    return c.json(await startEntryFileUpload(access, callId, entryId, c.req.valid('json')), 201);
  })
  .openapi(started.signPart, async (c) => {
    const { code, partNumber, ...ids } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const { entryFileUpload, signPart } = await loadEntryFiles();
    return c.json(await signPart(await entryFileUpload(access, ids), partNumber), 200);
  })
  .openapi(started.listParts, async (c) => {
    const { code, ...ids } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const { entryFileUpload, storedParts } = await loadEntryFiles();
    return c.json(await storedParts(await entryFileUpload(access, ids)), 200);
  })
  .openapi(started.complete, async (c) => {
    const { code, ...ids } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const { completeEntryFileUpload } = await loadEntryFiles();
    return c.json(await completeEntryFileUpload(access, ids), 200);
  })
  .openapi(started.abort, async (c) => {
    const { code, ...ids } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const { abortEntryFileUpload } = await loadEntryFiles();
    await abortEntryFileUpload(access, ids);
    return c.body(null, 204);
  })
  .openapi(listRoute, async (c) => {
    const { code, callId, entryId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.read');
    const { listEntryFiles } = await loadEntryFiles();
    return c.json({ items: await listEntryFiles(access, callId, entryId) }, 200);
  })
  .openapi(downloadRoute, async (c) => {
    const { code, callId, entryId, evidenceId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.read');
    const { entryFileDownload } = await loadEntryFiles();
    return c.json(await entryFileDownload(access, callId, entryId, evidenceId), 200);
  })
  .openapi(removeRoute, async (c) => {
    const { code, callId, entryId, evidenceId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const { removeEntryFile } = await loadEntryFiles();
    await removeEntryFile(access, callId, entryId, evidenceId);
    return c.json({ evidenceId, removed: true as const }, 200);
  });

/** At announcement, a winner's files join its innovation (on-demand/entry-files.ts). */
export async function linkEntryFilesToInnovation(
  ...args: Parameters<Awaited<ReturnType<typeof loadEntryFiles>>['linkEntryFilesToInnovation']>
): Promise<void> {
  const { linkEntryFilesToInnovation: link } = await loadEntryFiles();
  return link(...args);
}
