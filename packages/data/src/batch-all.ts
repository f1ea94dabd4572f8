import {
  BatchGetCommand,
  type BatchGetCommandInput,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import pRetry from 'p-retry';

type BatchClient = Pick<DynamoDBDocumentClient, 'send'>;
type KeysAndAttributes = NonNullable<BatchGetCommandInput['RequestItems']>[string];
export type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** DynamoDB's own limits per call. */
export const BATCH_GET_LIMIT = 100;
export const BATCH_WRITE_LIMIT = 25;

/**
 * What DynamoDB leaves unprocessed it leaves for lack of throughput; AWS advises retrying those items
 * with exponential backoff. After the last retry the batch fails as throttled, which the API answers
 * with 503 and Retry-After (functions/api/src/hardening.ts), never with a partial answer.
 */
class UnprocessedItems extends Error {
  // Read by the API's dependency check: the table throttled this batch.
  override readonly name = 'ThrottlingException';
}

/** Only unprocessed items are retried here; the SDK already retried the call's own failures. */
const UNPROCESSED_BACKOFF = {
  retries: 8,
  factor: 2,
  minTimeout: 20,
  maxTimeout: 2_000,
  shouldRetry: ({ error }: { error: Error }) => error instanceof UnprocessedItems,
} as const;

/**
 * Every item of `keys` that exists, in calls of at most 100 keys, each retried with backoff for the
 * keys DynamoDB left unprocessed. Missing items are simply absent from the answer.
 */
export async function batchGetAll(
  table: BatchClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
  read: Omit<KeysAndAttributes, 'Keys'> = {},
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let pending: KeysAndAttributes = { ...read, Keys: keys.slice(start, start + BATCH_GET_LIMIT) };
    await pRetry(async () => {
      const result = await table.send(new BatchGetCommand({ RequestItems: { [tableName]: pending } }));
      items.push(...(result.Responses?.[tableName] ?? []));
      const unprocessed = result.UnprocessedKeys?.[tableName];
      if (unprocessed?.Keys?.length) {
        pending = unprocessed;
        throw new UnprocessedItems(`${unprocessed.Keys.length} keys of ${tableName} stayed unprocessed`);
      }
    }, UNPROCESSED_BACKOFF);
  }
  return items;
}

/**
 * Sends every put or delete request in calls of at most 25, each retried with backoff for the
 * requests DynamoDB left unprocessed. A batch write is not a transaction: callers that need all or
 * nothing use TransactWrite instead.
 */
export async function batchWriteAll(
  table: BatchClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
    let pending = requests.slice(start, start + BATCH_WRITE_LIMIT);
    await pRetry(async () => {
      const result = await table.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      const unprocessed = result.UnprocessedItems?.[tableName];
      if (unprocessed?.length) {
        pending = unprocessed;
        throw new UnprocessedItems(`${unprocessed.length} writes to ${tableName} stayed unprocessed`);
      }
    }, UNPROCESSED_BACKOFF);
  }
}
