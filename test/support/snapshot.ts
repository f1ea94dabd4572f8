import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DataConfig } from '@inovasi/data';
import { createObjectClient } from '@inovasi/data/object-client';

/**
 * The whole store of one test environment (its own table, and its own bucket when it has one), read
 * around the data layer. This is a test oracle, not a request path: it uses `Scan` on purpose,
 * because only a full read proves that nothing else changed, including partitions that a suite
 * does not know about yet (a new write path's items show up here without anyone listing them).
 */
export type StoreSnapshot = Map<string, string>;

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );

export async function snapshotStore(
  config: DataConfig,
  options: { objects?: boolean } = {},
): Promise<StoreSnapshot> {
  const snapshot: StoreSnapshot = new Map();
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: config.region,
      endpoint: config.dynamoEndpoint,
      credentials: config.credentials,
    }),
  );
  try {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: config.tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
      );
      for (const item of page.Items ?? []) {
        snapshot.set(`item ${item.pk} ${item.sk}`, stable(item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  } finally {
    client.destroy();
  }
  if (options.objects ?? true) {
    const objects = createObjectClient(config);
    try {
      let token: string | undefined;
      do {
        const page = await objects.send(
          new ListObjectsV2Command({ Bucket: config.bucketName, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          snapshot.set(`object ${object.Key}`, `${object.Size} ${object.ETag}`);
        }
        token = page.NextContinuationToken;
      } while (token);
    } finally {
      objects.destroy();
    }
  }
  return snapshot;
}

/** Replaces the parts of a key that differ from one run to the next (ids, times, counters). */
export const normaliseKey = (key: string): string =>
  key
    .replace(/[0-9A-HJKMNP-TV-Z]{26}/g, '<id>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/\d{4}-\d{2}(?=[#/ ]|$)/g, '<month>')
    .replace(/fz\d+/g, '<n>')
    // A unit imported from a list takes an id derived from what it is (routes/units.ts).
    .replace(/#u[0-9a-f]{25}\b/g, '#<unit>')
    .replace(/\d{5,}/g, '<number>');

/**
 * The shape of a change between two snapshots: which kinds of items and objects were written
 * (`*`, created or changed: an upsert is the same write either way) or removed (`-`), with the
 * varying parts of their keys normalised (and any of `vary`, the values a test chose for this call,
 * replaced by `<value>`). Two runs of the same write produce the same shape, so "nothing" and
 * "exactly this shape" are the only acceptable outcomes of a write under faults.
 */
export function changeShape(
  before: StoreSnapshot,
  after: StoreSnapshot,
  options: { vary?: readonly string[]; ignore?: RegExp } = {},
): string[] {
  const normalise = (key: string) =>
    normaliseKey((options.vary ?? []).reduce((current, value) => current.replaceAll(value, '<value>'), key));
  const shape = new Set<string>();
  for (const [key, value] of after) {
    if (options.ignore?.test(key)) continue;
    if (before.get(key) !== value) shape.add(`* ${normalise(key)}`);
  }
  for (const key of before.keys()) {
    if (!options.ignore?.test(key) && !after.has(key)) shape.add(`- ${normalise(key)}`);
  }
  return [...shape].sort();
}
