import type { FileKind } from '../rubrics/types.ts';

/** What a document is, as the region files it (glossary: data dukung). */
export const EVIDENCE_KINDS = [
  'perda',
  'perkada',
  'sk',
  'surat_tugas',
  'rkpd',
  'anggaran',
  'sop',
  'pedoman',
  'laporan',
  'sertifikat',
  'pks_mou',
  'foto',
  'screenshot',
  'video',
  'tautan',
  'lainnya',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The file types the rubric accepts (PDF, JPG/JPEG, PNG, MP4), by media type. */
export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'video/mp4'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export const FILE_KIND_OF_MEDIA_TYPE: Readonly<Record<EvidenceMediaType, FileKind>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'video/mp4': 'mp4',
};

const EXTENSIONS: Readonly<Record<EvidenceMediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'video/mp4': ['mp4'],
};

/** A file name's extension must say what its media type says: `laporan.pdf` is `application/pdf`. */
export function extensionMatches(fileName: string, mediaType: EvidenceMediaType): boolean {
  const extension = fileName.toLowerCase().split('.').at(-1) ?? '';
  return fileName.includes('.') && (EXTENSIONS[mediaType]?.includes(extension) ?? false);
}

export const isEvidenceMediaType = (value: string): value is EvidenceMediaType =>
  (EVIDENCE_MEDIA_TYPES as readonly string[]).includes(value);

const MIB = 1024 * 1024;

/**
 * Intake limits. Deployment settings with these defaults: the official app publishes no size limit
 * (iid-model.md §8), the rubric caps videos at 5 minutes (sid.35).
 */
export interface EvidenceLimits {
  /** PDF, JPG and PNG files. */
  readonly maxDocumentBytes: number;
  /** MP4 files. */
  readonly maxVideoBytes: number;
  /** sid.35: a video of at most 5 minutes. */
  readonly maxVideoSeconds: number;
  /** Bytes of evidence that passed intake, per region (deleted evidence does not count). */
  readonly tenantQuotaBytes: number;
  /** How long a presigned upload may start after it was issued. */
  readonly uploadUrlSeconds: number;
  /** How long a presigned download or preview link stays valid. */
  readonly downloadUrlSeconds: number;
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  maxDocumentBytes: 20 * MIB,
  maxVideoBytes: 200 * MIB,
  maxVideoSeconds: 5 * 60,
  tenantQuotaBytes: 10 * 1024 * MIB,
  uploadUrlSeconds: 10 * 60,
  downloadUrlSeconds: 5 * 60,
};

/**
 * Limits from deployment settings (environment variables), each falling back to its default:
 * `EVIDENCE_MAX_DOCUMENT_MB`, `EVIDENCE_MAX_VIDEO_MB`, `EVIDENCE_MAX_VIDEO_SECONDS`,
 * `EVIDENCE_TENANT_QUOTA_GB`. A value that is not a positive number is ignored.
 */
export function evidenceLimitsFrom(env: Readonly<Record<string, string | undefined>>): EvidenceLimits {
  const read = (name: string, unit: number, fallback: number): number => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? Math.round(value * unit) : fallback;
  };
  return {
    ...DEFAULT_EVIDENCE_LIMITS,
    maxDocumentBytes: read('EVIDENCE_MAX_DOCUMENT_MB', MIB, DEFAULT_EVIDENCE_LIMITS.maxDocumentBytes),
    maxVideoBytes: read('EVIDENCE_MAX_VIDEO_MB', MIB, DEFAULT_EVIDENCE_LIMITS.maxVideoBytes),
    maxVideoSeconds: read('EVIDENCE_MAX_VIDEO_SECONDS', 1, DEFAULT_EVIDENCE_LIMITS.maxVideoSeconds),
    tenantQuotaBytes: read('EVIDENCE_TENANT_QUOTA_GB', 1024 * MIB, DEFAULT_EVIDENCE_LIMITS.tenantQuotaBytes),
  };
}

export const maxBytesFor = (mediaType: EvidenceMediaType, limits: EvidenceLimits): number =>
  mediaType === 'video/mp4' ? limits.maxVideoBytes : limits.maxDocumentBytes;

/** Why intake refused a file; each has its own error code and message. */
export const EVIDENCE_REJECTIONS = [
  'type_not_accepted',
  'type_mismatch',
  'size_mismatch',
  'too_large',
  'hash_mismatch',
  'video_too_long',
  /** An MP4 whose movie header is missing or broken: its length, which the rubric limits, cannot be read. */
  'video_unreadable',
  'quota_exceeded',
] as const;
export type EvidenceRejection = (typeof EVIDENCE_REJECTIONS)[number];

/**
 * What intake or a link's context noticed without refusing: the verifier still decides, but the
 * operator sees it first.
 */
export const EVIDENCE_FINDINGS = [
  /** A PDF with no text layer (an image-only scan): a verifier may not be able to read it. */
  'needs_readable_copy',
  /** The same bytes (or the same link) are already in the region's library. */
  'duplicate',
  /** An MP4 whose duration could not be read from its header. */
  'video_duration_unknown',
  /** The document's date is outside the years the indicator asks for. */
  'date_outside_window',
  /** The indicator asks for dated documents and this one has no date. */
  'document_date_missing',
  /** A regulation whose validity period does not cover the assessment year. */
  'not_valid_in_period',
  /** The chosen level asks for other file kinds (e.g. a photo where a PDF decree is required). */
  'file_kind_not_accepted',
  /** The same file also supports indicators it cannot stand for at the same time. */
  'shared_across_indicators',
] as const;
export type EvidenceFindingCode = (typeof EVIDENCE_FINDINGS)[number];
