import type { Evidence, EvidenceLink, EvidenceTarget } from '@inovasi/core';

export interface LinkedEvidence {
  readonly evidence: Evidence;
  readonly link: EvidenceLink;
  /** Passed intake and not deleted. */
  readonly passed: boolean;
}

/** A resumable upload: send part n (1-based) of `partSize` bytes (the last: the rest) to its signed URL. */
export interface MultipartTicket {
  readonly uploadId: string;
  readonly partSize: number;
  readonly partCount: number;
}

/** A presigned PUT: send the file's bytes, exactly `size` of them, with exactly these headers. */
export interface PresignedUpload {
  readonly method: 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

export interface EvidenceFilter {
  readonly kind?: string | undefined;
  readonly status?: string | undefined;
  readonly opdId?: string | undefined;
  readonly includeDeleted?: boolean | undefined;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

/** Targets that have at least one linked item that passed intake: what the verified score may count. */
export interface EvidencedTargets {
  has(target: EvidenceTarget): boolean;
}

/** Called with the item before anything is done to it: the caller's authorisation, in the same read. */
export type EvidenceAuthorize = (evidence: Evidence) => void;
