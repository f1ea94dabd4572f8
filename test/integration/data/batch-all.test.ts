import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isDependencyUnavailable } from '@inovasi/api/hardening';
import { batchGetAll, batchWriteAll, ScopedClientFactory, tenantScope } from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The data layer's batch helpers against DynamoDB Local: calls within DynamoDB's limits, and the
 * items DynamoDB leaves unprocessed retried until done, or failing as throttled (a 503 at the API),
 * never answered in part. Unprocessed answers are injected in front of the real table, as the
 * faults suite injects failures: DynamoDB Local never throttles by itself.
 */
let env: TestEnvironment;
let table: DynamoDBDocumentClient;
beforeAll(async () => {
  env = await createTestEnvironment();
  table = new ScopedClientFactory(env.config).forScope(tenantScope('35.22')).table;
});

type Sent = BatchGetCommand | BatchWriteCommand;

type WriteRequests = NonNullable<BatchWriteCommand['input']['RequestItems']>[string];
type ReadRequest = NonNullable<BatchGetCommand['input']['RequestItems']>[string];

/** Writes the first `processed` requests to the real table and answers the rest as unprocessed. */
async function writeInPart(tableName: string, requests: WriteRequests, processed: number) {
  if (processed > 0)
    await table.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests.slice(0, processed) } }));
  return { UnprocessedItems: { [tableName]: requests.slice(processed) } };
}

/** Reads the first `processed` keys from the real table and answers the rest as unprocessed. */
async function readInPart(tableName: string, read: ReadRequest, processed: number) {
  const keys = read.Keys ?? [];
  const answer =
    processed > 0
      ? await table.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { ...read, Keys: keys.slice(0, processed) } } }),
        )
      : { Responses: {} };
  return {
    Responses: answer.Responses,
    UnprocessedKeys: { [tableName]: { ...read, Keys: keys.slice(processed) } },
  };
}

/**
 * Forwards each batch to the real table, but for the first `times` calls only the first half of
 * it (rounded down), answering the rest as unprocessed (as DynamoDB does when a partition runs out
 * of throughput).
 */
function halfProcessed(times: number) {
  const calls: number[] = [];
  const client = {
    send: async (command: Sent) => {
      const [tableName, request] = Object.entries(command.input.RequestItems ?? {})[0] ?? [];
      if (!tableName || !request) throw new Error('a batch of one table expected');
      const size = Array.isArray(request) ? request.length : ((request as ReadRequest).Keys?.length ?? 0);
      calls.push(size);
      if (calls.length > times) return table.send(command as never);
      const half = Math.floor(size / 2);
      return Array.isArray(request)
        ? writeInPart(tableName, request as WriteRequests, half)
        : readInPart(tableName, request as ReadRequest, half);
    },
  };
  return { client: client as unknown as DynamoDBDocumentClient, calls };
}

const itemsOf = (pk: string, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    pk,
    sk: `item#${String(index).padStart(4, '0')}`,
    n: index,
  }));

describe('batchWriteAll and batchGetAll', () => {
  it('write and read any number of items in calls of at most 25 writes and 100 keys', async () => {
    // Prepare: 260 items of region 35.22.
    const pk = `T#35.22#BATCH#${Date.now()}`;
    const items = itemsOf(pk, 260);
    const writes = halfProcessed(0);

    // Act: write them all, then read them back with 5 keys that do not exist.
    await batchWriteAll(
      writes.client,
      env.config.tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    const reads = halfProcessed(0);
    const read = await batchGetAll(reads.client, env.config.tableName, [
      ...items.map(({ pk: itemPk, sk }) => ({ pk: itemPk, sk })),
      ...['x1', 'x2', 'x3', 'x4', 'x5'].map((sk) => ({ pk, sk })),
    ]);

    // Assess
    expect(writes.calls).toEqual([...Array(10).fill(25), 10]);
    expect(reads.calls).toEqual([100, 100, 65]);
    expect(read.map((item) => item.n).sort((a, b) => Number(a) - Number(b))).toEqual(
      items.map((item) => item.n),
    );
  });

  it('retry what DynamoDB left unprocessed until every item is written and read', async () => {
    // Prepare: the first three calls of each helper process only half of what they are sent.
    const pk = `T#35.22#BATCH-UNPROCESSED#${Date.now()}`;
    const items = itemsOf(pk, 20);
    const writes = halfProcessed(3);
    const reads = halfProcessed(3);

    // Act
    await batchWriteAll(
      writes.client,
      env.config.tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    const read = await batchGetAll(
      reads.client,
      env.config.tableName,
      items.map(({ sk }) => ({ pk, sk })),
      { ConsistentRead: true },
    );

    // Assess: 20 → 10 left → 5 left → 3 left, all done by the fourth call.
    expect(writes.calls).toEqual([20, 10, 5, 3]);
    expect(reads.calls).toEqual([20, 10, 5, 3]);
    expect(read).toHaveLength(20);
    expect(new Set(read.map((item) => item.sk))).toEqual(new Set(items.map((item) => item.sk)));
  });

  it('fail as throttled, never with part of the answer, when items stay unprocessed', async () => {
    // Prepare: every call processes only half.
    const pk = `T#35.22#BATCH-THROTTLED#${Date.now()}`;
    const items = itemsOf(pk, 4);
    await batchWriteAll(
      table,
      env.config.tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    const reads = halfProcessed(Number.POSITIVE_INFINITY);

    // Act
    const failure = await batchGetAll(
      reads.client,
      env.config.tableName,
      items.map(({ sk }) => ({ pk, sk })),
    ).catch((error: unknown) => error);

    // Assess: the API answers this with 503 and Retry-After (hardening.ts), not 500.
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).name).toBe('ThrottlingException');
    expect(isDependencyUnavailable(failure)).toBe(true);
    expect(reads.calls.length).toBe(9);
  }, 30_000);
});
