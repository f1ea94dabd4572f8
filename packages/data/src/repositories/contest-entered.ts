import type { ContestEntry } from '@inovasi/core';
import { contestKeys } from '../keys.ts';
import type { TransactItem } from './versioned.ts';

/**
 * One innovation of the registry is entered once per call (issue 22): its entry writes a marker,
 * `ENTERED#<innovationId>` in the call's partition, on the condition that none exists, in the
 * entry's own transaction, so two entries of it sent at the same moment cannot both succeed. The
 * marker is the third item of that transaction (after the call's check and the entry).
 */
export function enteredInnovationItems(
  tableName: string,
  tenantCode: string,
  entry: Pick<ContestEntry, 'id' | 'callId' | 'innovationId'>,
): TransactItem[] {
  if (!entry.innovationId) return [];
  const key = contestKeys.enteredInnovation(tenantCode, entry.callId, entry.innovationId);
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...key, entryId: entry.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}
