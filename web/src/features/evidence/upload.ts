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

export type UploadPhase =
  | 'hashing'
  | 'requesting'
  | 'resuming'
  | 'uploading'
  | 'retrying'
  | 'offline'
  | 'checking';

export interface UploadProgress {
  phase: UploadPhase;
  /** 0–100 while hashing and while the bytes travel. */
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
