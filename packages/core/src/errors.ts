import type { ErrorCode } from './i18n/messages.ts';

/**
 * Codes that answer under another code's name. The same refusal can mean two things to a client:
 * `catalog_not_published` is a 404 when the entry asked for is not in the catalogue, and a 409 when
 * a replication's source stopped being published. The body keeps the one public code it always
 * had; the variant only lets the HTTP edge pick the status without the thrower naming one.
 */
export const ERROR_CODE_VARIANTS = {
  /** The catalogue entry (or a replication's source) asked for is not published: 404. */
  catalog_entry_missing: 'catalog_not_published',
  /** The public entry form of a contest that is not open, or not there: 404. */
  contest_call_missing: 'contest_not_open',
  /** A rubric named in the path that does not exist: 404 (one named in a body is 400). */
  rubric_missing: 'unknown_rubric',
  /** An uploaded file found too large by intake: 422 (refused at the upload's start it is 413). */
  evidence_intake_too_large: 'evidence_too_large',
  /** An uploaded file found over the quota by intake: 422 (refused at the upload's start it is 409). */
  evidence_intake_quota_exceeded: 'evidence_quota_exceeded',
  /** A paging cursor this API did not issue for this list: a 400 naming the `cursor` field. */
  invalid_cursor: 'validation_failed',
} as const satisfies Record<string, ErrorCode>;

/** Every code a failure may carry: the public ones (keyed by their messages) and their variants. */
export type DomainErrorCode = ErrorCode | keyof typeof ERROR_CODE_VARIANTS;

/** The code a client reads for a failure's code. */
export const publicErrorCode = (code: DomainErrorCode): ErrorCode =>
  code in ERROR_CODE_VARIANTS
    ? ERROR_CODE_VARIANTS[code as keyof typeof ERROR_CODE_VARIANTS]
    : (code as ErrorCode);

export interface ErrorDetail {
  field: string;
  message: string;
}

/**
 * The one failure type every layer throws on purpose: the data layer (not found, version conflict,
 * quota, lease lost...), the application services and the routes. It carries a code from a closed
 * union, the field it concerns and optional details; never an HTTP status. Its status and its words
 * for people are looked up by code, once, at the edge that answers (functions/api/src/error-map.ts
 * for the API; a worker records the code on its job).
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    readonly field?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(code);
  }

  /** The same failure naming another field (a service's `email` is an onboarding's `firstAdmin.email`). */
  withField(field: string): DomainError {
    return new DomainError(this.code, field, this.details);
  }
}

/** Whether a failure is the domain's own, and (given codes) one of those. */
export function isDomainError(error: unknown, ...codes: DomainErrorCode[]): error is DomainError {
  return error instanceof DomainError && (codes.length === 0 || codes.includes(error.code));
}
