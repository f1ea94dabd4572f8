/** Failures the data layer reports in domain terms; the API maps each to one HTTP answer. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  constructor(readonly currentVersion: number) {
    super(`version conflict: current version is ${currentVersion}`);
  }
}

export class AlreadyExistsError extends Error {
  override readonly name = 'AlreadyExistsError';
}

/**
 * The e-mail address is claimed elsewhere on the platform (another region's member, a platform
 * administrator, or an invitation still running). Deliberately says no more than that.
 */
export class AddressUnavailableError extends Error {
  override readonly name = 'AddressUnavailableError';
}

export class IdempotencyMismatchError extends Error {
  override readonly name = 'IdempotencyMismatchError';
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

export class ArchivedError extends Error {
  override readonly name = 'ArchivedError';
}

/** The period's national deadline passed before the write committed: nobody edits it any more. */
export class PeriodReadOnlyError extends Error {
  override readonly name = 'PeriodReadOnlyError';
}

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** Which entries of a cancelled transaction failed their condition, by index. */
export const cancelledConditions = (error: unknown): number[] => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return [];
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
};
