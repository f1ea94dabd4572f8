import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { Evidence, EvidenceUploadTicket } from '../../api/model.ts';
import type { HashMessage } from './sha256.worker.ts';
import type { UploadProgress, UploadRequest, UploadResult } from './upload.ts';

/**
 * Resumable evidence uploads (docs/decisions/0035). The server starts an S3 multipart upload and
 * fixes its layout; the browser hashes the file in a worker (streaming), then sends the parts one
 * presigned PUT each, three at a time, and asks the server to assemble and check them.
 *
 * - A dropped connection pauses: every part waits for the browser's `online` event, then retries.
 *   Parts already stored are never sent again.
 * - A reload forgets nothing that matters: the upload's ids are kept in localStorage under the
 *   file's name, size and date (no token, no bytes), and picking the same file again resumes it
 *   after asking the server which parts it holds.
 * - Cancelling aborts the requests in flight and asks the server to abort the multipart upload and
 *   remove the pending item.
 */

interface StoredUpload {
  readonly evidenceId: string;
  readonly uploadId: string;
  readonly partSize: number;
  readonly partCount: number;
  readonly duplicates: EvidenceUploadTicket['duplicates'];
}

const STORE_KEY = 'inovasi.resumableUploads.v1';
/** Parts in flight at once: enough to fill a slow uplink, few enough to lose little on a drop. */
const CONCURRENT_PARTS = 3;
/** Consecutive failures of one part while the browser says it is online. */
const MAX_ONLINE_ATTEMPTS = 6;

const fingerprint = (code: string, file: File) => `${code}|${file.name}|${file.size}|${file.lastModified}`;

function readStore(): Record<string, StoredUpload> {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Record<string, StoredUpload>;
  } catch {
    return {};
  }
}

function writeStore(change: (store: Record<string, StoredUpload>) => void): void {
  const store = readStore();
  change(store);
  localStorage.setItem(STORE_KEY, JSON.stringify(store));
}

/** An unfinished upload of this file (same name, size and date) that this browser started. */
export function unfinishedUpload(code: string, file: File): StoredUpload | undefined {
  return readStore()[fingerprint(code, file)];
}

const abortError = () => new DOMException('upload cancelled', 'AbortError');

/** Resolves at once when online, else at the browser's `online` event; rejects when cancelled. */
function online(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError());
  if (navigator.onLine) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      window.removeEventListener('online', onOnline);
      signal.removeEventListener('abort', onAbort);
    };
    const onOnline = () => {
      done();
      resolve();
    };
    const onAbort = () => {
      done();
      reject(abortError());
    };
    window.addEventListener('online', onOnline);
    signal.addEventListener('abort', onAbort);
  });
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError());
      },
      { once: true },
    );
  });

/** Errors worth retrying: the connection, a timeout, or the server or store failing for a moment. */
const transient = (error: unknown) =>
  !(error instanceof DOMException && error.name === 'AbortError') &&
  (!(error instanceof ApiError) || error.status >= 500 || error.status === 408 || error.status === 429);

/**
 * Runs `step` until it succeeds: offline it waits for the connection without counting attempts;
 * online it retries with backoff, up to MAX_ONLINE_ATTEMPTS. `onRetry` lets the page say so.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
export async function persist<T>(
  step: () => Promise<T>,
  signal: AbortSignal,
  onRetry: (attempt: number) => void,
) {
  for (let attempt = 1; ; attempt++) {
    // Started or resumed without a connection: the page says the upload waits, not that it asks.
    if (!navigator.onLine) onRetry(attempt);
    await online(signal);
    try {
      return await step();
    } catch (error) {
      if (signal.aborted) throw abortError();
      if (!transient(error)) throw error;
      if (navigator.onLine && attempt >= MAX_ONLINE_ATTEMPTS) throw error;
      if (!navigator.onLine) attempt = 0;
      onRetry(attempt + 1);
      await pause(Math.min(10_000, 500 * 2 ** attempt), signal);
    }
  }
}

/** The file's SHA-256 from the worker, streaming; `onHashed` reports bytes done. */
export function hashInWorker(
  file: File,
  onHashed: (bytes: number) => void,
  signal: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./sha256.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => worker.terminate();
    signal.addEventListener(
      'abort',
      () => {
        stop();
        reject(abortError());
      },
      { once: true },
    );
    worker.onmessage = (event: MessageEvent<HashMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onHashed(message.hashed);
      else {
        stop();
        if (message.type === 'done') resolve(message.sha256);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      stop();
      reject(new Error(event.message));
    };
    worker.postMessage({ file });
  });
}

/** One part's PUT with upload progress (fetch reports none). Rejects on a network failure or non-2xx. */
function putPart(url: string, body: Blob, onLoaded: (bytes: number) => void, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (event) => onLoaded(event.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new ApiError(xhr.status === 403 ? 500 : xhr.status, undefined));
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.ontimeout = () => reject(new TypeError('timeout'));
    xhr.onabort = () => reject(abortError());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** Cancels a started upload on the server: S3 drops its parts, the pending item goes. */
export async function cancelUpload(code: string, file: File, upload: StoredUpload): Promise<void> {
  writeStore((store) => {
    delete store[fingerprint(code, file)];
  });
  const response = await api.DELETE('/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}', {
    params: { path: { code, evidenceId: upload.evidenceId, uploadId: upload.uploadId } },
  });
  // 404: already gone (completed, cancelled or expired): nothing is left to remove.
  if (!response.response.ok && response.response.status !== 404) {
    throw new ApiError(response.response.status, response.error as never);
  }
}

export async function uploadEvidenceResumable(
  request: UploadRequest,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<UploadResult> {
  const { code, file } = request;
  const key = fingerprint(code, file);
  const retrying = (attempt: number) =>
    onProgress({ phase: navigator.onLine ? 'retrying' : 'offline', percent: 0, attempt });

  let upload = readStore()[key];
  let stored: { partNumber: number; size: number }[] = [];
  if (upload) {
    const resumed = upload;
    onProgress({ phase: 'resuming', percent: 0, attempt: 1 });
    try {
      stored = await persist(
        async () =>
          (
            await unwrap(
              api.GET('/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}/parts', {
                params: { path: { code, evidenceId: resumed.evidenceId, uploadId: resumed.uploadId } },
              }),
            )
          ).parts,
        signal,
        retrying,
      );
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      // Expired, completed or cancelled elsewhere: start afresh.
      upload = undefined;
      writeStore((store) => {
        delete store[key];
      });
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
    const ticket = await persist(
      () =>
        unwrap(
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
        ),
      signal,
      retrying,
    );
    upload = { evidenceId: ticket.evidence.id, ...ticket.upload, duplicates: ticket.duplicates };
    const started = upload;
    writeStore((store) => {
      store[key] = started;
    });
  }
  const current = upload;
  try {
    await sendParts(request, current, stored, onProgress, retrying, signal);
    onProgress({ phase: 'checking', percent: 100, attempt: 1 });
    const evidence: Evidence = await persist(
      () =>
        unwrap(
          api.POST('/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}/complete', {
            params: { path: { code, evidenceId: current.evidenceId, uploadId: current.uploadId } },
          }),
        ).catch(async (error: unknown) => {
          // A completion whose answer the connection lost: the retry finds the upload gone and the
          // item decided. Its state is the answer.
          if (!(error instanceof ApiError && error.code === 'evidence_upload_not_found')) throw error;
          const { evidence: decided } = await unwrap(
            api.GET('/tenants/{code}/evidence/{evidenceId}', {
              params: { path: { code, evidenceId: current.evidenceId } },
            }),
          );
          if (decided.status !== 'passed') throw error;
          return decided;
        }),
      signal,
      retrying,
    );
    writeStore((store) => {
      delete store[key];
    });
    return { evidence, duplicates: current.duplicates };
  } catch (error) {
    // Intake decided (rejected): the upload is over; a retry starts afresh.
    if (error instanceof ApiError && error.status === 422) {
      writeStore((store) => {
        delete store[key];
      });
    }
    if (signal.aborted) await cancelUpload(code, file, current).catch(() => undefined);
    throw error;
  }
}

/** Sends the parts the store does not hold yet, three at a time, reporting bytes stored and in flight. */
async function sendParts(
  request: UploadRequest,
  upload: StoredUpload,
  stored: readonly { partNumber: number; size: number }[],
  onProgress: (progress: UploadProgress) => void,
  onRetry: (attempt: number) => void,
  signal: AbortSignal,
): Promise<void> {
  const { code, file } = request;
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
            api.GET('/tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}/parts/{partNumber}', {
              params: {
                path: { code, evidenceId: upload.evidenceId, uploadId: upload.uploadId, partNumber },
              },
            }),
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
