import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isConditionFailure, NotFoundError, VersionConflictError } from '../errors.ts';
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
): Promise<T> {
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
  try {
    const result = await table.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET ${assignments.join(', ')}${removeClause}`,
        ConditionExpression: condition.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return result.Attributes as T;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const old = oldItemOf(error);
    if (!old) throw new NotFoundError('not found');
    if (old.version !== expectedVersion) throw new VersionConflictError(Number(old.version));
    throw extraCondition ? extraCondition.onFail(old as T) : error;
  }
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
