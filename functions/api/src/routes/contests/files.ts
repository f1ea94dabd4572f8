import { createRoute, z } from '@hono/zod-openapi';
import {
  type ContestCall,
  type ContestEntry,
  EVIDENCE_MEDIA_TYPES,
  EVIDENCE_STATUSES,
  type Evidence,
  extensionMatches,
} from '@inovasi/core';
import {
  type ContestEntryFile,
  ContestFileRepository,
  cancelledConditions,
  EvidenceObjectMissingError,
  MAX_ENTRY_FILES,
  NotFoundError,
  neutralFileName,
} from '@inovasi/data';
import { ApiError } from '../../errors.ts';
import { createRouter } from '../../router.ts';
import { errorResponses, jsonBody, jsonContent } from '../../schemas.ts';
import { rejected } from '../evidence-intake.ts';
import { evidenceIdSchema, uploadSchema } from '../evidence-shared.ts';
import { refusedUploadStart } from '../evidence-uploads.ts';
import {
  type ContestAccess,
  callOf,
  contestAccess,
  entryOf,
  entryParams,
  judgeOf,
  ownsEntry,
  requireStatus,
  requireWindow,
  runsContests,
} from './shared.ts';

/**
 * Files on contest entries (docs/decisions/0042): the entrant uploads through the evidence
 * library's own flow (presigned PUT, size caps and quota, intake by sniffing the bytes); the item
 * belongs to the region, the entry keeps a record of it. Judges assigned to the entry download it,
 * under a neutral name in blind mode; at announcement a winner's files join its innovation.
 */

/** The evidence kinds an entrant's file may be: what a proposal, its pictures and video are. */
const ENTRY_FILE_KINDS = ['laporan', 'foto', 'video', 'screenshot', 'sertifikat', 'lainnya'] as const;

const fileInputSchema = z
  .object({
    kind: z.enum(ENTRY_FILE_KINDS).default('lainnya'),
    title: z.string().trim().min(3).max(200),
    fileName: z.string().trim().min(1).max(200),
    mediaType: z.enum(EVIDENCE_MEDIA_TYPES),
    size: z
      .number()
      .int()
      .min(1)
      .max(5 * 1024 ** 3),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
  })
  .refine((input) => extensionMatches(input.fileName, input.mediaType), {
    message:
      'Ekstensi nama berkas tidak sesuai dengan jenis berkas. / The file name extension does not match the media type.',
    path: ['fileName'],
  });

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
type EntryFileView = z.infer<typeof entryFileSchema>;

const fileParams = entryParams.extend({ evidenceId: evidenceIdSchema });

const addRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/contests/{callId}/entries/{entryId}/files',
  tags: ['Contests'],
  summary:
    'Attach a file (PDF, JPG, PNG, MP4) to one’s own entry: a presigned upload into the region’s evidence library',
  request: { params: entryParams, body: jsonBody(fileInputSchema) },
  responses: {
    201: jsonContent(
      z.object({ file: entryFileSchema, upload: uploadSchema }),
      'The pending file and its presigned PUT; then ask for its check (complete)',
    ),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
});

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

type Reader = 'entrant' | 'admin' | 'judge';

/**
 * Who may see the entry's files: its entrant, Bappeda, or a judge assigned to it in its current
 * stage. Anyone else learns nothing of the entry (404), a judge not assigned is told so (403).
 */
async function readerOf(access: ContestAccess, entry: ContestEntry): Promise<Reader> {
  if (runsContests(access)) return 'admin';
  if (ownsEntry(access, entry)) return 'entrant';
  if (!access.actor.roles.includes('juri')) throw new ApiError(404, 'contest_entry_not_found', 'entryId');
  const judge = await judgeOf(access, entry.callId);
  const stage = entry.stage === 'desk' || entry.stage === 'final' ? entry.stage : undefined;
  if (!stage || !entry.assignments[stage].includes(judge.userId))
    throw new ApiError(403, 'contest_entry_not_assigned');
  return 'judge';
}

/** Only the entrant (or Bappeda entering for them) adds files. */
function requireEntrant(access: ContestAccess, entry: ContestEntry): void {
  if (!ownsEntry(access, entry)) throw new ApiError(404, 'contest_entry_not_found', 'entryId');
}

function viewOf(
  file: ContestEntryFile,
  evidence: Evidence,
  reader: Reader,
  call: ContestCall,
): EntryFileView {
  const common = {
    evidenceId: file.evidenceId,
    mediaType: evidence.mediaType,
    size: evidence.size,
    status: evidence.status,
  };
  if (reader === 'judge' && call.blindMode) return { ...common, fileName: evidence.fileName ?? 'lampiran' };
  return { ...common, fileName: file.originalName, title: file.title, addedAt: file.addedAt };
}

/** The entry's files with their items; a pending upload that expired, or a deleted item, is left out. */
async function filesOf(access: ContestAccess, entry: ContestEntry) {
  const records = await new ContestFileRepository(access.clients, access.tenantCode).list(
    entry.callId,
    entry.id,
  );
  const found = await Promise.all(records.map((file) => access.evidence.get(file.evidenceId)));
  return records.flatMap((file, index) => {
    const evidence = found[index];
    return evidence && !evidence.deleted ? [{ file, evidence }] : [];
  });
}

async function fileOf(access: ContestAccess, entry: ContestEntry, evidenceId: string) {
  const found = (await filesOf(access, entry)).find((candidate) => candidate.file.evidenceId === evidenceId);
  if (!found) throw new ApiError(404, 'contest_file_not_found', 'evidenceId');
  return found;
}

export const contestFileRoutes = createRouter()
  .openapi(addRoute, async (c) => {
    const { code, callId, entryId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const input = c.req.valid('json');
    const call = await callOf(access, callId);
    const entry = await entryOf(access, callId, entryId);
    requireEntrant(access, entry);
    if (entry.stage !== 'screening') throw new ApiError(409, 'contest_entry_not_in_stage', 'entryId');
    // While entries are open; afterwards only an entry screened incomplete may bring what it lacks.
    if (entry.screening.status !== 'incomplete') {
      requireStatus(call, 'open');
      requireWindow(call, 'entries');
    }
    const existing = await filesOf(access, entry);
    if (existing.length >= MAX_ENTRY_FILES) throw new ApiError(409, 'contest_entry_files_limit', 'fileName');
    const files = new ContestFileRepository(access.clients, access.tenantCode);
    const now = new Date().toISOString();
    // In blind mode the library's item never carries the entrant's file name: not in its object
    // key, not in the name a judge's download is saved under.
    const storedName = call.blindMode
      ? neutralFileName(existing.length + 1, { mediaType: input.mediaType })
      : input.fileName;
    let record: ContestEntryFile | undefined;
    const result = await access.evidence
      .requestUpload(
        {
          kind: input.kind,
          title: input.title,
          note: `Lampiran karya peserta lomba ${call.title}`.slice(0, 2000),
          fileName: storedName,
          mediaType: input.mediaType,
          size: input.size,
          sha256: input.sha256,
          public: false,
        },
        access.actor,
        now,
        (evidence) => {
          record = {
            callId,
            entryId,
            evidenceId: evidence.id,
            originalName: input.fileName,
            title: input.title,
            addedAt: now,
            addedBy: access.actor.userId,
          };
          return files.fileRecordItems(record);
        },
      )
      .catch((error: unknown) => {
        // The entry's check is the third item of the upload's transaction: it moved on meanwhile.
        if (cancelledConditions(error).includes(2))
          throw new ApiError(409, 'contest_entry_not_in_stage', 'entryId');
        return refusedUploadStart(error);
      });
    if (!record) throw new Error('file record not built');
    return c.json({ file: viewOf(record, result.evidence, 'entrant', call), upload: result.upload }, 201);
  })
  .openapi(completeRoute, async (c) => {
    const { code, callId, entryId, evidenceId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.enter');
    const call = await callOf(access, callId);
    const entry = await entryOf(access, callId, entryId);
    requireEntrant(access, entry);
    const { file } = await fileOf(access, entry, evidenceId);
    let evidence: Evidence;
    try {
      evidence = await access.evidence.complete(evidenceId, 'api', { actor: access.actor });
    } catch (error) {
      if (error instanceof EvidenceObjectMissingError)
        throw new ApiError(409, 'evidence_not_uploaded', 'file');
      if (error instanceof NotFoundError) throw new ApiError(404, 'contest_file_not_found', 'evidenceId');
      throw error;
    }
    if (evidence.status === 'rejected') throw rejected(evidence);
    return c.json(viewOf(file, evidence, 'entrant', call), 200);
  })
  .openapi(listRoute, async (c) => {
    const { code, callId, entryId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.read');
    const call = await callOf(access, callId);
    const entry = await entryOf(access, callId, entryId);
    const reader = await readerOf(access, entry);
    const items = (await filesOf(access, entry))
      .filter(({ evidence }) => reader !== 'judge' || evidence.status === 'passed')
      .map(({ file, evidence }) => viewOf(file, evidence, reader, call));
    return c.json({ items }, 200);
  })
  .openapi(downloadRoute, async (c) => {
    const { code, callId, entryId, evidenceId } = c.req.valid('param');
    const access = await contestAccess(c, code, 'contest.read');
    const call = await callOf(access, callId);
    const entry = await entryOf(access, callId, entryId);
    const reader = await readerOf(access, entry);
    const { file, evidence } = await fileOf(access, entry, evidenceId);
    if (evidence.status !== 'passed') throw new ApiError(409, 'contest_file_not_ready', 'evidenceId');
    const link = await access.evidence.downloadUrl(evidence, false);
    const { fileName } = viewOf(file, evidence, reader, call);
    return c.json({ url: link.url, expiresAt: link.expiresAt, fileName }, 200);
  });

/**
 * At announcement: a winning entry's checked files are linked to the innovation made from it, so
 * its OPD finds them there without uploading again. They are linked under `lomba`, not under any
 * rubric indicator: which indicator a file supports is the operator's call, and a link to an
 * indicator counts toward the score. Idempotent: files already linked are skipped.
 */
export async function linkEntryFilesToInnovation(
  access: ContestAccess,
  entry: ContestEntry,
  innovationId: string,
): Promise<void> {
  const target = { type: 'innovation' as const, innovationId, indicator: CONTEST_FILES_INDICATOR };
  const already = new Set((await access.evidence.linksForTarget(target)).map((linked) => linked.evidence.id));
  for (const { evidence } of await filesOf(access, entry))
    if (evidence.status === 'passed' && !already.has(evidence.id))
      await access.evidence.link(evidence.id, target, access.actor);
}

/** The innovation's pseudo-indicator that holds the files it brought from a contest. */
export const CONTEST_FILES_INDICATOR = 'lomba';
