import {
  CONTEST_FILES_INDICATOR,
  type ContestCall,
  type ContestEntry,
  type Evidence,
  type EvidenceKind,
  type EvidenceMediaType,
  type EvidenceStatus,
  type EvidenceUploadInput,
  isDomainError,
} from '@inovasi/core';
import { type ContestEntryFile, cancelledConditions, MAX_ENTRY_FILES, neutralFileName } from '@inovasi/data';
import { ApiError } from '../errors.ts';
import {
  type ContestAccess,
  callOf,
  entryOf,
  judgeOf,
  ownsEntry,
  requireStatus,
  requireWindow,
  runsContests,
} from '../routes/contests/shared.ts';
import { rejected } from '../routes/evidence-intake.ts';
import {
  abortUpload,
  completeUpload,
  type StartedUpload,
  signPart,
  storedParts,
} from '../routes/multipart-upload.ts';

type TransactItem = ReturnType<ContestAccess['contestFiles']['fileRecordItems']>[number];

/**
 * The handlers of the contest entry-file routes (docs/decisions/0042), loaded by the first request
 * for an entry's files with `import()`: the routes' schemas stay in the OpenAPI document, their work
 * adds nothing to the API's cold start (docs/decisions/0041).
 */

type Reader = 'entrant' | 'admin' | 'judge';

/** The upload's description, as the route's schema checked it (routes/contests/files.ts). */
export interface EntryFileInput {
  readonly kind: EvidenceKind;
  readonly title: string;
  readonly fileName: string;
  readonly mediaType: EvidenceMediaType;
  readonly size: number;
  readonly sha256: string;
}

/** A file as its reader sees it: for a judge in blind mode a neutral name and no title. */
export interface EntryFileView {
  readonly evidenceId: string;
  readonly fileName: string;
  readonly title?: string | undefined;
  readonly mediaType?: string | undefined;
  readonly size?: number | undefined;
  readonly status: EvidenceStatus;
  readonly addedAt?: string | undefined;
}

/**
 * Who may see the entry's files: its entrant, Bappeda, or a judge assigned to it in its current
 * stage. Anyone else learns nothing of the entry (404), a judge not assigned is told so (403).
 */
async function readerOf(access: ContestAccess, entry: ContestEntry): Promise<Reader> {
  if (runsContests(access)) return 'admin';
  if (ownsEntry(access, entry)) return 'entrant';
  if (!access.actor.roles.includes('juri')) throw new ApiError('contest_entry_not_found', 'entryId');
  const judge = await judgeOf(access, entry.callId);
  const stage = entry.stage === 'desk' || entry.stage === 'final' ? entry.stage : undefined;
  if (!stage || !entry.assignments[stage].includes(judge.userId))
    throw new ApiError('contest_entry_not_assigned');
  return 'judge';
}

/** Only the entrant (or Bappeda entering for them) adds or removes files. */
function requireEntrant(access: ContestAccess, entry: ContestEntry): void {
  if (!ownsEntry(access, entry)) throw new ApiError('contest_entry_not_found', 'entryId');
}

/**
 * While entries are open and by date; afterwards only an entry screened incomplete, still in
 * screening, may change what it brings. Adding and removing follow the same rule.
 */
function requireChangeable(call: ContestCall, entry: ContestEntry): void {
  if (entry.stage !== 'screening') throw new ApiError('contest_entry_not_in_stage', 'entryId');
  if (entry.screening.status !== 'incomplete') {
    requireStatus(call, 'open');
    requireWindow(call, 'entries');
  }
}

/** The call and the entry whose files are added or removed: the caller's entry, still changeable. */
async function changeableEntry(access: ContestAccess, callId: string, entryId: string) {
  const call = await callOf(access, callId);
  const entry = await entryOf(access, callId, entryId);
  requireEntrant(access, entry);
  requireChangeable(call, entry);
  return { call, entry };
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
  const records = await access.contestFiles.list(entry.callId, entry.id);
  const found = await Promise.all(records.map((file) => access.evidence.get(file.evidenceId)));
  return records.flatMap((file, index) => {
    const evidence = found[index];
    return evidence && !evidence.deleted ? [{ file, evidence }] : [];
  });
}

async function fileOf(access: ContestAccess, entry: ContestEntry, evidenceId: string) {
  const found = (await filesOf(access, entry)).find((candidate) => candidate.file.evidenceId === evidenceId);
  if (!found) throw new ApiError('contest_file_not_found', 'evidenceId');
  return found;
}

/** How an announced file goes up: one presigned PUT, or a resumable multipart upload. */
type Request<T> = (
  upload: EvidenceUploadInput,
  now: string,
  alongside: (evidence: Evidence) => TransactItem[],
) => Promise<{ evidence: Evidence; upload: T }>;

/**
 * The entrant announces a file: the pending library item, its audit entry, the entry's check and
 * its file record in one transaction, however the bytes then travel.
 */
async function announceEntryFile<T>(
  access: ContestAccess,
  callId: string,
  entryId: string,
  input: EntryFileInput,
  request: Request<T>,
) {
  const { call, entry } = await changeableEntry(access, callId, entryId);
  const existing = await filesOf(access, entry);
  if (existing.length >= MAX_ENTRY_FILES) throw new ApiError('contest_entry_files_limit', 'fileName');
  const files = access.contestFiles;
  const now = new Date().toISOString();
  // In blind mode the library's item never carries the entrant's file name: not in its object
  // key, not in the name a judge's download is saved under.
  const storedName = call.blindMode
    ? neutralFileName(existing.length + 1, { mediaType: input.mediaType })
    : input.fileName;
  let record: ContestEntryFile | undefined;
  const upload = {
    kind: input.kind,
    title: input.title,
    note: `Lampiran karya peserta lomba ${call.title}`.slice(0, 2000),
    fileName: storedName,
    mediaType: input.mediaType,
    size: input.size,
    sha256: input.sha256,
    public: false,
  };
  const result = await request(upload, now, (evidence) => {
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
  }).catch((error: unknown) => {
    // The entry's check is the third item of the upload's transaction: it moved on meanwhile.
    if (cancelledConditions(error).includes(2)) throw new ApiError('contest_entry_not_in_stage', 'entryId');
    throw error;
  });
  if (!record) throw new Error('file record not built');
  return { file: viewOf(record, result.evidence, 'entrant', call), upload: result.upload };
}

/** A file in one presigned PUT. */
export const addEntryFile = (access: ContestAccess, callId: string, entryId: string, input: EntryFileInput) =>
  announceEntryFile(access, callId, entryId, input, (upload, now, alongside) =>
    access.evidence.requestUpload(upload, access.actor, now, alongside),
  );

/** A file in a resumable upload (docs/decisions/0054): the library's multipart upload, on the entry. */
export const startEntryFileUpload = (
  access: ContestAccess,
  callId: string,
  entryId: string,
  input: EntryFileInput,
) =>
  announceEntryFile(access, callId, entryId, input, (upload, now, alongside) =>
    access.evidence.requestMultipartUpload(upload, access.actor, now, alongside),
  );

interface UploadIds {
  readonly callId: string;
  readonly entryId: string;
  readonly evidenceId: string;
  readonly uploadId: string;
}

/**
 * The entrant's started upload of a file of their own entry: only an upload whose item the entry's
 * record names is reached this way, so a library item or another entry's file is not found.
 */
async function reachUpload(access: ContestAccess, ids: UploadIds) {
  const entry = await entryOf(access, ids.callId, ids.entryId);
  requireEntrant(access, entry);
  const records = await access.contestFiles.list(ids.callId, ids.entryId);
  const record = records.find((file) => file.evidenceId === ids.evidenceId);
  if (!record) throw new ApiError('contest_file_not_found', 'evidenceId');
  const { evidenceId, uploadId } = ids;
  const upload: StartedUpload = { evidence: access.evidence, actor: access.actor, evidenceId, uploadId };
  return { record, upload };
}

export const entryFileUpload = async (access: ContestAccess, ids: UploadIds): Promise<StartedUpload> =>
  (await reachUpload(access, ids)).upload;

export { signPart, storedParts };

/** Assembles the parts and runs intake; answers the file as its entrant sees it. */
export async function completeEntryFileUpload(access: ContestAccess, ids: UploadIds): Promise<EntryFileView> {
  const call = await callOf(access, ids.callId);
  const { record, upload } = await reachUpload(access, ids);
  return viewOf(record, await completeUpload(upload), 'entrant', call);
}

/** Cancelled: S3 drops the parts, and the pending item, its audit entry and the entry's record go together. */
export async function abortEntryFileUpload(access: ContestAccess, ids: UploadIds): Promise<void> {
  await abortUpload(await entryFileUpload(access, ids), access.contestFiles.cancelledUploadItems(ids));
}

export async function completeEntryFile(
  access: ContestAccess,
  callId: string,
  entryId: string,
  evidenceId: string,
) {
  const call = await callOf(access, callId);
  const entry = await entryOf(access, callId, entryId);
  requireEntrant(access, entry);
  const { file } = await fileOf(access, entry, evidenceId);
  let evidence: Evidence;
  try {
    evidence = await access.evidence.complete(evidenceId, 'api', { actor: access.actor });
  } catch (error) {
    if (isDomainError(error, 'not_found')) throw new ApiError('contest_file_not_found', 'evidenceId');
    throw error;
  }
  if (evidence.status === 'rejected') throw rejected(evidence);
  return viewOf(file, evidence, 'entrant', call);
}

export async function listEntryFiles(access: ContestAccess, callId: string, entryId: string) {
  const call = await callOf(access, callId);
  const entry = await entryOf(access, callId, entryId);
  const reader = await readerOf(access, entry);
  return (await filesOf(access, entry))
    .filter(({ evidence }) => reader !== 'judge' || evidence.status === 'passed')
    .map(({ file, evidence }) => viewOf(file, evidence, reader, call));
}

export async function entryFileDownload(
  access: ContestAccess,
  callId: string,
  entryId: string,
  evidenceId: string,
) {
  const call = await callOf(access, callId);
  const entry = await entryOf(access, callId, entryId);
  const reader = await readerOf(access, entry);
  const { file, evidence } = await fileOf(access, entry, evidenceId);
  if (evidence.status !== 'passed') throw new ApiError('contest_file_not_ready', 'evidenceId');
  const link = await access.evidence.downloadUrl(evidence, false);
  const { fileName } = viewOf(file, evidence, reader, call);
  return { url: link.url, expiresAt: link.expiresAt, fileName };
}

/**
 * The entrant takes a file off their entry while they may still change it: the library's item is
 * deleted (soft, with its audit entry and the quota given back) and the entry's record removed, in
 * one transaction that also checks the entry is still in screening.
 */
export async function removeEntryFile(
  access: ContestAccess,
  callId: string,
  entryId: string,
  evidenceId: string,
) {
  const { entry } = await changeableEntry(access, callId, entryId);
  const { evidence } = await fileOf(access, entry, evidenceId);
  const extra = access.contestFiles.fileRemovalItems({
    callId,
    entryId,
    evidenceId,
  });
  try {
    await access.evidence.remove(
      evidenceId,
      evidence.version,
      access.actor,
      'Dihapus peserta dari karya lomba',
      extra,
    );
  } catch (error) {
    // Changed or deleted meanwhile (a second tab): the entrant reads the list again.
    if (isDomainError(error, 'version_conflict')) throw new ApiError('version_conflict', 'evidenceId');
    if (isDomainError(error, 'not_found', 'evidence_deleted'))
      throw new ApiError('contest_file_not_found', 'evidenceId');
    // A condition of the extra items failed: the entry moved on, or the record went meanwhile.
    if (cancelledConditions(error).length > 0) {
      const now = await entryOf(access, callId, entryId);
      if (now.stage !== 'screening') throw new ApiError('contest_entry_not_in_stage', 'entryId');
      throw new ApiError('contest_file_not_found', 'evidenceId');
    }
    throw error;
  }
}

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
