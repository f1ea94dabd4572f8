import { DomainError } from '@inovasi/core';
import { tenantKeyPrefix } from '../keys.ts';
import { TABLE_KEY } from '../table-definition.ts';

/** Cursors are opaque to clients: the last evaluated key, base64url-encoded. */
export const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | undefined =>
  lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;

/**
 * What a cursor of one listing must look like to be a position in that listing. A client can send
 * any bytes as a cursor; DynamoDB refuses a start key with missing, extra or empty key attributes
 * or outside the key condition with a ValidationException (a 500 if it got that far), and the
 * tenant guard refuses another tenant's key (a 403 that looks like an attack on our own code).
 * Checking the shape first makes all of them the client's mistake: a 400 naming `cursor`.
 */
export interface CursorShape {
  /** The tenant whose listing this is: the table key must lie in its partition space. */
  readonly tenantCode: string;
  /** The index the listing reads; omitted when it reads the table. */
  readonly index?: { readonly partition: string; readonly sort: string } | undefined;
  /** The partition key value the listing queries (of the index when there is one). */
  readonly partition: string;
  /** The sort key prefix of the listing's key condition, when it has one (`begins_with`). */
  readonly sortPrefix?: string | undefined;
}

/** DynamoDB's limits on key values: 2,048 bytes for a partition key, 1,024 for a sort key. */
const MAX_PARTITION_BYTES = 2048;
const MAX_SORT_BYTES = 1024;

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((field) => typeof field === 'string');

export function decodeCursor(
  cursor: string | undefined,
  shape: CursorShape,
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError('invalid_cursor', 'cursor');
  }
  if (!isStringRecord(parsed) || !isKeyOfListing(parsed, shape))
    throw new DomainError('invalid_cursor', 'cursor');
  return parsed;
}

function isKeyOfListing(key: Record<string, string>, shape: CursorShape): boolean {
  const partitionName = shape.index?.partition ?? TABLE_KEY.partition;
  const sortName = shape.index?.sort ?? TABLE_KEY.sort;
  return (
    hasExactlyKeyAttributes(key, partitionName, sortName) &&
    // Another list, or the same list of another tenant: both are positions this listing never had.
    key[partitionName] === shape.partition &&
    Boolean(key[TABLE_KEY.partition]?.startsWith(tenantKeyPrefix(shape.tenantCode))) &&
    (shape.sortPrefix === undefined || Boolean(key[sortName]?.startsWith(shape.sortPrefix)))
  );
}

/** The table's and the index's key attributes, nothing else, each non-empty and within DynamoDB's limits. */
function hasExactlyKeyAttributes(
  key: Record<string, string>,
  partitionName: string,
  sortName: string,
): boolean {
  const expected = new Set<string>([TABLE_KEY.partition, TABLE_KEY.sort, partitionName, sortName]);
  const names = Object.keys(key);
  if (names.length !== expected.size || !names.every((name) => expected.has(name))) return false;
  return Object.entries(key).every(([name, value]) => {
    const limit =
      name === TABLE_KEY.partition || name === partitionName ? MAX_PARTITION_BYTES : MAX_SORT_BYTES;
    return value.length > 0 && Buffer.byteLength(value) <= limit;
  });
}
