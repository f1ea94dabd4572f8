/**
 * DynamoDB's condition failures, read in the data layer's terms. The failures the repositories
 * report are core's `DomainError` with a code (docs/decisions/0043); the API maps each code to one
 * HTTP answer in its central map.
 */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** Which entries of a cancelled transaction failed their condition, by index. */
export const cancelledConditions = (error: unknown): number[] => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return [];
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
};
