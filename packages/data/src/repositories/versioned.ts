import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DomainError } from '@inovasi/core';
import { cancelledConditions, isConditionFailure } from '../errors.ts';
import type { TableKey } from '../keys.ts';
import { KEY_ATTRIBUTES, tableDefinition } from '../table-definition.ts';

/**
 * Optimistic locking: the write succeeds only while the stored version is the one the caller
 * read. A stale write becomes a VersionConflictError (409), never a silent overwrite.
 */
export async function updateVersioned<T>(
  table: DynamoDBDocumentClient,
  tableName: string,
  key: TableKey,
  expectedVersion: number,
  changes: Record<string, unknown>,
  extraCondition?: { expression: string; values: Record<string, unknown>; onFail: (item: T) => Error },
  /** Items written in the same transaction (an audit entry, an outbox message); all or nothing. */
  alongside: TransactItem[] = [],
  /**
   * The record as the caller read it. When it is at `expectedVersion`, it is exactly what the
   * transaction's condition accepted (every change bumps the version), so the new record is it with
   * the changes applied: no read-back after the transaction (one DynamoDB request less per write).
   */
  current?: object | undefined,
): Promise<T> {
  const update = {
    TableName: tableName,
    Key: key,
    ...versionedUpdateExpressions(expectedVersion, changes, extraCondition),
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
  const diagnose = (old: Record<string, unknown> | undefined, error: unknown): Error => {
    if (!old) return new DomainError('not_found');
    if (old.version !== expectedVersion) return new DomainError('version_conflict', 'If-Match');
    return extraCondition ? extraCondition.onFail(old as T) : (error as Error);
  };
  if (alongside.length === 0) {
    try {
      const result = await table.send(new UpdateCommand({ ...update, ReturnValues: 'ALL_NEW' }));
      return result.Attributes as T;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw diagnose(oldItemOf(error), error);
    }
  }
  try {
    await table.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, ...alongside] }));
  } catch (error) {
    if (!cancelledConditions(error).includes(0)) throw error;
    throw diagnose(cancellationItem(error, 0), error);
  }
  if (current && (current as { version?: unknown }).version === expectedVersion) {
    return withChanges(current, expectedVersion, changes) as T;
  }
  // A transaction returns no values: read the item back, strongly consistent.
  const result = await table.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return result.Item as T;
}

/**
 * The update's expressions: the changes set (an explicit undefined removes the attribute), the
 * version bumped, and the condition that the item exists at the expected version (and the extra one).
 */
function versionedUpdateExpressions(
  expectedVersion: number,
  changes: Record<string, unknown>,
  extraCondition: { expression: string; values: Record<string, unknown> } | undefined,
): {
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion, ':one': 1 };
  const assignments = ['#version = #version + :one'];
  const removals: string[] = [];
  Object.entries(changes).forEach(([attribute, value], index) => {
    names[`#a${index}`] = attribute;
    // An explicit undefined clears the attribute.
    if (value === undefined) {
      removals.push(`#a${index}`);
      return;
    }
    values[`:v${index}`] = value;
    assignments.push(`#a${index} = :v${index}`);
  });
  const removeClause = removals.length > 0 ? ` REMOVE ${removals.join(', ')}` : '';
  const condition = ['attribute_exists(pk)', '#version = :expected'];
  if (extraCondition) {
    condition.push(`(${extraCondition.expression})`);
    Object.assign(values, extraCondition.values);
  }
  return {
    UpdateExpression: `SET ${assignments.join(', ')}${removeClause}`,
    ConditionExpression: condition.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** The record the update leaves, from the one it was made against: no read-back needed. */
function withChanges(
  current: object,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current, version: expectedVersion + 1 };
  for (const [attribute, value] of Object.entries(changes)) {
    if (value === undefined) delete next[attribute];
    else next[attribute] = value;
  }
  return next;
}

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A condition on another item, checked in the same transaction as a write instead of read before
 * it: one request less, and the check holds at the moment of the write rather than a moment earlier.
 */
export interface TransactGuard {
  readonly item: TransactItem;
  /** The error the write fails with when this guard's condition does not hold. */
  readonly onFail: () => Error;
}

/** The item a cancelled transaction entry saw, when it asked for it (ALL_OLD). */
export function cancellationItem(error: unknown, index: number): Record<string, unknown> | undefined {
  const reasons = (error as { CancellationReasons?: { Item?: Record<string, unknown> }[] })
    .CancellationReasons;
  return oldItemOf({ Item: reasons?.[index]?.Item });
}

const STORAGE_ATTRIBUTES = [...KEY_ATTRIBUTES, tableDefinition.timeToLiveAttribute];

/** Drops the storage attributes (keys, index keys, TTL) before a record leaves the data layer. */
export function toRecord<T>(item: Record<string, unknown>): T {
  const rest = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete rest[attribute];
  return rest as T;
}

/** The item a failed condition saw. The document client leaves it marshalled on the exception. */
export function oldItemOf(error: unknown): Record<string, unknown> | undefined {
  const item = (error as { Item?: Record<string, unknown> }).Item;
  if (!item) return undefined;
  const marshalled = Object.values(item).every((value) => value !== null && typeof value === 'object');
  return marshalled ? unmarshall(item as Parameters<typeof unmarshall>[0]) : item;
}

/**
 * Saves a one-per-key record (a region's SPD answers, its settings) that starts at version 0,
 * meaning "nothing saved yet": saving version 0 creates it, once; later saves are versioned updates.
 */
export async function saveSingleton<T extends { version: number }>(
  table: DynamoDBDocumentClient,
  tableName: string,
  key: TableKey,
  expectedVersion: number,
  initial: Omit<T, 'version'>,
  changes: Record<string, unknown>,
  alongside: TransactItem[],
): Promise<T> {
  if (expectedVersion > 0) {
    return toRecord<T>(
      await updateVersioned<Record<string, unknown>>(
        table,
        tableName,
        key,
        expectedVersion,
        changes,
        undefined,
        alongside,
      ),
    );
  }
  const created = { ...initial, ...changes, version: 1 } as T;
  try {
    await table.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { ...key, ...created },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...alongside,
        ],
      }),
    );
  } catch (error) {
    if (!cancelledConditions(error).includes(0)) throw error;
    throw new DomainError('version_conflict', 'If-Match');
  }
  return created;
}
