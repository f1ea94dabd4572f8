import type { ErrorCode } from '@inovasi/core';

/**
 * A refusal a service makes on purpose: a stable code (the one the messages in core are keyed by),
 * the field it concerns, and the status class it belongs to. The HTTP app turns it into its JSON
 * error body (functions/api/src/errors.ts, where it is re-exported as `ApiError`); a worker records
 * the code on the job. Nothing here knows about a request.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503,
    readonly code: ErrorCode,
    readonly field?: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(code);
  }
}

/** The dotted path of the offending field, e.g. `profile.rancangBangun` or `roles.0`. */
export const fieldPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');
