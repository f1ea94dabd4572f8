import { DomainError } from '@inovasi/core';

/**
 * The application layer's name for the one failure type (core's `DomainError`): a stable code, the
 * field it concerns, optional details, and no HTTP status. The HTTP app looks the code up in its
 * central map (functions/api/src/error-map.ts); a worker records the code on the job.
 */
export { DomainError as AppError };

/** The dotted path of the offending field, e.g. `profile.rancangBangun` or `roles.0`. */
export const fieldPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');
