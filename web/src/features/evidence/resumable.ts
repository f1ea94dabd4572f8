import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { Evidence, EvidenceUploadTicket } from '../../api/model.ts';
import { hashInWorker, persist, putPart } from './transfer.ts';
import type { UploadProgress, UploadRequest, UploadResult } from './upload.ts';

/**
 * Resumable uploads (docs/decisions/0035), for the evidence library and for contest entry files
 * alike (docs/decisions/0054): the server starts an S3 multipart upload and fixes its layout; the
 * browser hashes the file in a worker (streaming), then sends the parts one presigned PUT each,
 * three at a time, and asks the server to assemble and check them. What differs between the two is
 * a `ResumableTarget`: where the item is announced, and what its completion answers.
 *
 * - A dropped connection pauses: every part waits for the browser's `online` event, then retries.
 *   Parts already stored are never sent again.
 * - A reload forgets nothing that matters: the upload's ids are kept in localStorage under the
 *   target's scope and the file's name, size and date (no token, no bytes), and the same file
 *   (picked again, or kept on the device: keptFiles.ts) resumes it after asking the server which
 *   parts it holds.
 * - Cancelling aborts the requests in flight and asks the server to abort the multipart upload and
 *   remove the pending item.
 */

/** A started upload: its item, the store's upload id, and the server's layout. */
export interface StartedUpload {
  readonly evidenceId: string;
  readonly uploadId: string;
  readonly partSize: number;
  readonly partCount: number;
  readonly duplicates?: EvidenceUploadTicket['duplicates'];
}

/**
 * The item's path, whose routes of a started upload both the library and contest entries mount
 * (functions/api/src/routes/multipart-upload.ts), and its params but the item's id.
 */
export interface UploadItemPath {
  readonly path:
    | '/tenants/{code}/evidence/{evidenceId}'
    | '/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}';
  readonly params: { readonly code: string; readonly callId?: string; readonly entryId?: string };
}

/** Where a file goes up resumably: how its item is announced and what completing it answers. */
export interface ResumableTarget<Done> {
  /** Scopes the kept ids: the region, or the region and the entry. */
  readonly scope: string;
  readonly item: UploadItemPath;
  /** Announces the file, its SHA-256 known: the pending item and its multipart upload. */
  start(sha256: string): Promise<StartedUpload>;
  /** Assembles and checks; a completion whose answer was lost finds the item decided. */
  complete(upload: StartedUpload): Promise<Done>;
}

const STORE_KEY = 'inovasi.resumableUploads.v1';
/** Parts in flight at once: enough to fill a slow uplink, few enough to lose little on a drop. */
const CONCURRENT_PARTS = 3;

const fingerprint = (scope: string, file: File) => `${scope}|${file.name}|${file.size}|${file.lastModified}`;

function readStore(): Record<string, StartedUpload> {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Record<string, StartedUpload>;
  } catch {
    return {};
  }
}

function writeStore(change: (store: Record<string, StartedUpload>) => void): void {
  const store = readStore();
  change(store);
  localStorage.setItem(STORE_KEY, JSON.stringify(store));
}

const forget = (key: string) =>
  writeStore((store) => {
    delete store[key];
  });

/** An unfinished upload of this file (same name, size and date) that this browser started. */
export function unfinishedUpload(scope: string, file: File): StartedUpload | undefined {
  return readStore()[fingerprint(scope, file)];
}

/**
 * The path and params of a started upload's route. Both items' routes answer the same shapes (one
 * server helper builds them), and openapi-fetch fills every `{param}` of the path it is given, so
 * the library's path types stand for both.
 */
function startedRoute<Suffix extends '' | '/parts' | '/parts/{partNumber}'>(
  item: UploadItemPath,
  upload: StartedUpload,
  suffix: Suffix,
) {
  return {
    path: `${item.path}/multipart/{uploadId}${suffix}` as `/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}${Suffix}`,
    params: { ...item.params, evidenceId: upload.evidenceId, uploadId: upload.uploadId },
  };
}

/** Cancels a started upload on the server: S3 drops its parts, the pending item goes. */
export async function cancelUpload(target: ResumableTarget<unknown>, file: File, upload: StartedUpload) {
  forget(fingerprint(target.scope, file));
  const route = startedRoute(target.item, upload, '');
  const response = await api.DELETE(route.path, { params: { path: route.params } });
  // 404: already gone (completed, cancelled or expired): nothing is left to remove.
  if (!response.response.ok && response.response.status !== 404) {
    throw new ApiError(response.response.status, response.error as never);
  }
}

/**
 * Uploads `file` to `target`, resuming the upload this browser started for the same file there
 * (from the parts the store holds), or starting one. Answers what completion answered and the
 * upload that carried it.
 */
export async function uploadResumable<Done>(
  target: ResumableTarget<Done>,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<{ done: Done; upload: StartedUpload }> {
  const key = fingerprint(target.scope, file);
  const retrying = (attempt: number) =>
    onProgress({ phase: navigator.onLine ? 'retrying' : 'offline', percent: 0, attempt });

  let upload = readStore()[key];
  let stored: { partNumber: number; size: number }[] = [];
  if (upload) {
    const route = startedRoute(target.item, upload, '/parts');
    onProgress({ phase: 'resuming', percent: 0, attempt: 1 });
    try {
      stored = await persist(
        async () => (await unwrap(api.GET(route.path, { params: { path: route.params } }))).parts,
        signal,
        retrying,
      );
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      // Expired, completed or cancelled elsewhere: start afresh.
      upload = undefined;
      forget(key);
    }
  }
  if (!upload) {
    onProgress({ phase: 'hashing', percent: 0, attempt: 1 });
    const sha256 = await hashInWorker(
      file,
      (hashed) =>
        onProgress({ phase: 'hashing', percent: Math.round((hashed / file.size) * 100), attempt: 1 }),
      signal,
    );
    onProgress({ phase: 'requesting', percent: 0, attempt: 1 });
    const started = await persist(() => target.start(sha256), signal, retrying);
    upload = started;
    writeStore((store) => {
      store[key] = started;
    });
  }
  const current = upload;
  try {
    await sendParts(target.item, file, current, stored, onProgress, retrying, signal);
    onProgress({ phase: 'checking', percent: 100, attempt: 1 });
    const done = await persist(() => target.complete(current), signal, retrying);
    forget(key);
    return { done, upload: current };
  } catch (error) {
    // Intake decided (rejected): the upload is over; a retry starts afresh.
    if (error instanceof ApiError && error.status === 422) forget(key);
    if (signal.aborted) await cancelUpload(target, file, current).catch(() => undefined);
    throw error;
  }
}

/** The evidence library's item: announced with its form, answered as the library's item. */
function evidenceTarget(request: UploadRequest): ResumableTarget<Evidence> {
  const { code, file } = request;
  return {
    scope: code,
    item: { path: '/tenants/{code}/evidence/{evidenceId}', params: { code } },
    start: async (sha256) => {
      const ticket = await unwrap(
        api.POST('/tenants/{code}/evidence/uploads/multipart', {
          params: { path: { code } },
          body: {
            kind: request.kind,
            title: request.title,
            fileName: file.name,
            mediaType: request.mediaType,
            size: file.size,
            sha256,
            ...(request.documentDate ? { documentDate: request.documentDate } : {}),
            ...(request.opdId ? { opdId: request.opdId } : {}),
          },
        }),
      );
      return { evidenceId: ticket.evidence.id, ...ticket.upload, duplicates: ticket.duplicates };
    },
    complete: (upload) => {
      const path = { code, evidenceId: upload.evidenceId, uploadId: upload.uploadId };
      return unwrap(
        api.POST('/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}/complete', { params: { path } }),
      ).catch(async (error: unknown) => {
        // A completion whose answer the connection lost: the retry finds the upload gone and the
        // item decided. Its state is the answer.
        if (!(error instanceof ApiError && error.code === 'evidence_upload_not_found')) throw error;
        const { evidence: decided } = await unwrap(
          api.GET('/tenants/{code}/evidence/{evidenceId}', { params: { path } }),
        );
        if (decided.status !== 'passed') throw error;
        return decided;
      });
    },
  };
}

export async function uploadEvidenceResumable(
  request: UploadRequest,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<UploadResult> {
  const { done, upload } = await uploadResumable(evidenceTarget(request), request.file, onProgress, signal);
  return { evidence: done, duplicates: upload.duplicates ?? [] };
}

/** Sends the parts the store does not hold yet, three at a time, reporting bytes stored and in flight. */
async function sendParts(
  item: UploadItemPath,
  file: File,
  upload: StartedUpload,
  stored: readonly { partNumber: number; size: number }[],
  onProgress: (progress: UploadProgress) => void,
  onRetry: (attempt: number) => void,
  signal: AbortSignal,
): Promise<void> {
  const route = startedRoute(item, upload, '/parts/{partNumber}');
  const held = new Set(stored.map((part) => part.partNumber));
  const inFlight = new Map<number, number>();
  let done = stored.reduce((sum, part) => sum + part.size, 0);
  const report = () => {
    const moving = [...inFlight.values()].reduce((sum, bytes) => sum + bytes, 0);
    onProgress({ phase: 'uploading', percent: Math.floor(((done + moving) / file.size) * 100), attempt: 1 });
  };
  report();
  const queue = Array.from({ length: upload.partCount }, (_, index) => index + 1).filter(
    (number) => !held.has(number),
  );
  const worker = async () => {
    for (let number = queue.shift(); number !== undefined; number = queue.shift()) {
      const partNumber = number;
      const start = (partNumber - 1) * upload.partSize;
      const body = file.slice(start, Math.min(file.size, start + upload.partSize));
      await persist(
        async () => {
          inFlight.set(partNumber, 0);
          const signed = await unwrap(
            api.GET(route.path, { params: { path: { ...route.params, partNumber } } }),
          );
          try {
            await putPart(
              signed.url,
              body,
              (loaded) => {
                inFlight.set(partNumber, loaded);
                report();
              },
              signal,
            );
          } finally {
            inFlight.delete(partNumber);
          }
        },
        signal,
        (attempt) => {
          report();
          onRetry(attempt);
        },
      );
      done += body.size;
      report();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_PARTS }, worker));
}
