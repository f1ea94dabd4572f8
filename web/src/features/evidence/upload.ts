import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import {
  EVIDENCE_MEDIA_TYPES,
  type Evidence,
  type EvidenceKind,
  type EvidenceMediaType,
  type EvidenceUploadTicket,
} from '../../api/model.ts';

/** What the file input accepts: the rubric's file kinds (PDF, JPG/JPEG, PNG, MP4). */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.mp4,application/pdf,image/jpeg,image/png,video/mp4';

const BY_EXTENSION: Record<string, EvidenceMediaType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  mp4: 'video/mp4',
};

/** The media type the server will check the bytes against; undefined for files it would refuse. */
export function mediaTypeOf(file: File): EvidenceMediaType | undefined {
  if ((EVIDENCE_MEDIA_TYPES as readonly string[]).includes(file.type)) return file.type as EvidenceMediaType;
  return BY_EXTENSION[file.name.toLowerCase().split('.').at(-1) ?? ''];
}

/** A sensible evidence kind to start from: photos for images, videos for MP4, decrees for PDFs. */
export function guessKind(mediaType: EvidenceMediaType): EvidenceKind {
  if (mediaType === 'video/mp4') return 'video';
  if (mediaType.startsWith('image/')) return 'foto';
  return 'sk';
}

/** The file name without its extension, as a first title. */
export function titleFromFileName(name: string): string {
  const base = name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return base.length >= 3 ? base.slice(0, 200) : name.slice(0, 200);
}

async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type UploadPhase = 'hashing' | 'requesting' | 'uploading' | 'retrying' | 'checking';

export interface UploadProgress {
  phase: UploadPhase;
  /** 0–100 while the bytes travel. */
  percent: number;
  attempt: number;
}

export interface UploadRequest {
  code: string;
  file: File;
  mediaType: EvidenceMediaType;
  kind: EvidenceKind;
  title: string;
  documentDate?: string | undefined;
  opdId?: string | undefined;
}

export interface UploadResult {
  evidence: Evidence;
  duplicates: EvidenceUploadTicket['duplicates'];
}

/** Thrown when the bytes could not reach the store after every retry. */
export class UploadTransferError extends Error {
  constructor(readonly status: number) {
    super(`upload failed (${status})`);
    this.name = 'UploadTransferError';
  }
}

const MAX_ATTEMPTS = 4;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PUTs the bytes straight to the store with XMLHttpRequest (fetch reports no upload progress).
 * Resolves with the HTTP status; 0 means the connection failed.
 */
function putOnce(
  ticket: EvidenceUploadTicket['upload'],
  file: File,
  onPercent: (percent: number) => void,
  signal: AbortSignal | undefined,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, ticket.url);
    for (const [name, value] of Object.entries(ticket.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onPercent(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => resolve(0);
    xhr.ontimeout = () => resolve(0);
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/**
 * The whole presigned upload: hash the file, ask for a ticket, PUT the bytes (with progress, and
 * retries with backoff on a dropped connection or a 5xx), then ask the server to check what arrived.
 * A 412 on a retry means an earlier attempt did store the bytes (the ticket forbids overwriting).
 * The server's intake verdict comes back as the evidence item, or as an ApiError (422) naming why.
 */
export async function uploadEvidence(
  request: UploadRequest,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  onProgress({ phase: 'hashing', percent: 0, attempt: 1 });
  const sha256 = await sha256Hex(request.file);
  onProgress({ phase: 'requesting', percent: 0, attempt: 1 });
  const ticket = await unwrap(
    api.POST('/tenants/{code}/evidence/uploads', {
      params: { path: { code: request.code } },
      body: {
        kind: request.kind,
        title: request.title,
        fileName: request.file.name,
        mediaType: request.mediaType,
        size: request.file.size,
        sha256,
        ...(request.documentDate ? { documentDate: request.documentDate } : {}),
        ...(request.opdId ? { opdId: request.opdId } : {}),
      },
    }),
  );
  let status = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    onProgress({ phase: attempt === 1 ? 'uploading' : 'retrying', percent: 0, attempt });
    status = await putOnce(
      ticket.upload,
      request.file,
      (percent) => onProgress({ phase: 'uploading', percent, attempt }),
      signal,
    );
    if ((status >= 200 && status < 300) || (status === 412 && attempt > 1)) break;
    // A 4xx other than a timeout will not improve by sending the same bytes again.
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) break;
    if (attempt < MAX_ATTEMPTS) await wait(1000 * 2 ** (attempt - 1));
  }
  if (!((status >= 200 && status < 300) || status === 412)) throw new UploadTransferError(status);
  onProgress({ phase: 'checking', percent: 100, attempt: 1 });
  const evidence = await unwrap(
    api.POST('/tenants/{code}/evidence/{evidenceId}/complete', {
      params: { path: { code: request.code, evidenceId: ticket.evidence.id } },
    }),
  );
  return { evidence, duplicates: ticket.duplicates };
}

/** Attaches a library item to one indicator answer; the warnings say what deserves a second look. */
export async function linkToIndicator(
  code: string,
  evidenceId: string,
  innovationId: string,
  indicator: string,
) {
  return unwrap(
    api.POST('/tenants/{code}/evidence/{evidenceId}/links', {
      params: { path: { code, evidenceId } },
      body: { type: 'innovation', innovationId, indicator },
    }),
  );
}

export function isRejection(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 422;
}
