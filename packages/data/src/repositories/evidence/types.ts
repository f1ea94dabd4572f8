import type { Evidence, EvidenceLink, EvidenceRejection, EvidenceTarget } from '@inovasi/core';

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

export class EvidenceTooLargeError extends Error {
  override readonly name = 'EvidenceTooLargeError';
}
export class EvidenceQuotaError extends Error {
  override readonly name = 'EvidenceQuotaError';
}
export class EvidenceLinkInvalidError extends Error {
  override readonly name = 'EvidenceLinkInvalidError';
}
/** Intake refused the item; it is stored as `rejected` with the reason (and its object removed). */
export class EvidenceRejectedError extends Error {
  override readonly name = 'EvidenceRejectedError';
  constructor(
    readonly rejection: EvidenceRejection,
    readonly evidence?: Evidence,
  ) {
    super(`evidence rejected: ${rejection}`);
  }
}
/** The item cannot be used for this: it was rejected at intake, or deleted. */
export class EvidenceStateError extends Error {
  override readonly name = 'EvidenceStateError';
  constructor(readonly state: 'rejected' | 'deleted') {
    super(`evidence is ${state}`);
  }
}
export class EvidenceLinkExistsError extends Error {
  override readonly name = 'EvidenceLinkExistsError';
}
/** No pending resumable upload of this item has this upload id (or it was completed or cancelled). */
export class EvidenceUploadNotFoundError extends Error {
  override readonly name = 'EvidenceUploadNotFoundError';
}
/** A part number outside the upload's layout. */
export class EvidencePartRangeError extends Error {
  override readonly name = 'EvidencePartRangeError';
}
/** Parts missing, or of another length than the layout gives them: the file is not all there. */
export class EvidencePartsIncompleteError extends Error {
  override readonly name = 'EvidencePartsIncompleteError';
  constructor(readonly parts: readonly number[]) {
    super(`parts missing or of the wrong length: ${parts.join(', ')}`);
  }
}
/** An object-created event for a key that is not the item's upload (a stray or tampered object). */
export class EvidenceObjectMismatchError extends Error {
  override readonly name = 'EvidenceObjectMismatchError';
}
/** A metadata change would leave the validity period ending before it starts. */
export class EvidenceValidityError extends Error {
  override readonly name = 'EvidenceValidityError';
}
