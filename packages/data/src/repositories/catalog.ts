import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CatalogEntry } from '@inovasi/core';
import type { ScopedClients } from '../clients.ts';
import { CATALOG_LOG_PARTITION, catalogIndexPartitions, keys } from '../keys.ts';
import { INDEXES } from '../table-definition.ts';
import {
  type CatalogChange,
  type CatalogMeta,
  publicEntryOf,
  readMeta,
  SNAPSHOT_PARALLEL_PARTS,
  SNAPSHOT_PART_BYTES,
} from './catalog-log.ts';

// The catalogue's repositories, split along their seams (docs/large-files.md): the change log and
// its meta item (catalog-log.ts), publication by one region (catalog-publisher.ts), search
// snapshots and bulk import (catalog-import.ts), and the public reads here.
export { CatalogImporter, CatalogIndexWriter } from './catalog-import.ts';
export type { CatalogChange, CatalogMeta, CatalogSnapshotPointer, PublishedEntry } from './catalog-log.ts';
export { CatalogSequenceContention } from './catalog-log.ts';
export { CatalogPublisher } from './catalog-publisher.ts';

/**
 * Reads the public catalogue: entries, the change log, the meta item and index snapshots. Bound
 * to the catalogue reader scope, which reaches no tenant partition at all.
 */
export class CatalogReader {
  constructor(private readonly clients: ScopedClients) {}

  private get tableName() {
    return this.clients.config.tableName;
  }

  /** A published entry, read consistently so a withdrawal is visible at once; undefined otherwise. */
  async entry(tenantCode: string, innovationId: string): Promise<CatalogEntry | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.catalogEntry(tenantCode, innovationId),
        ConsistentRead: true,
      }),
    );
    return result.Item?.published === true ? publicEntryOf(result.Item) : undefined;
  }

  meta(): Promise<CatalogMeta> {
    return readMeta(this.clients);
  }

  /** The log steps after `sequence`, in order, at most `limit` of them. */
  async changesSince(sequence: number, limit = 2000): Promise<CatalogChange[]> {
    const changes: CatalogChange[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.clients.table.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk > :after',
          ExpressionAttributeValues: {
            ':pk': CATALOG_LOG_PARTITION,
            ':after': keys.catalogChange(sequence).sk,
          },
          ConsistentRead: true,
          Limit: Math.min(500, limit - changes.length),
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const {
          sequence: step,
          kind,
          at,
        } = item as { sequence: number; kind: CatalogChange['kind']; at: string };
        if (kind === 'upsert') {
          changes.push({
            sequence: step,
            kind,
            at,
            entry: publicEntryOf(item.entry as Record<string, unknown>),
          });
        } else if (kind === 'remove') {
          changes.push({
            sequence: step,
            kind,
            at,
            catalogId: String(item.catalogId),
            version: Number(item.version),
          });
        } else {
          changes.push({
            sequence: step,
            kind: 'reload',
            at,
            snapshotSequence: Number(item.snapshotSequence),
          });
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && changes.length < limit);
    return changes;
  }

  /**
   * Every published entry, page by page, from the sparse catalogue index (its shards read in
   * parallel). Used to rebuild the search snapshot from the source of truth; never in a request.
   */
  async *publishedEntries(): AsyncGenerator<CatalogEntry[]> {
    const cursors = new Map<string, Record<string, unknown> | undefined>(
      catalogIndexPartitions().map((partition) => [partition, undefined]),
    );
    while (cursors.size > 0) {
      const pages = await Promise.all(
        [...cursors].map(async ([partition, startKey]) => {
          const page = await this.clients.table.send(
            new QueryCommand({
              TableName: this.tableName,
              IndexName: INDEXES.catalog.name,
              KeyConditionExpression: '#pk = :pk',
              ExpressionAttributeNames: { '#pk': INDEXES.catalog.partition },
              ExpressionAttributeValues: { ':pk': partition },
              ExclusiveStartKey: startKey,
            }),
          );
          return { partition, page };
        }),
      );
      const entries: CatalogEntry[] = [];
      for (const { partition, page } of pages) {
        for (const item of page.Items ?? []) if (item.published === true) entries.push(publicEntryOf(item));
        if (page.LastEvaluatedKey) cursors.set(partition, page.LastEvaluatedKey);
        else cursors.delete(partition);
      }
      yield entries;
    }
  }

  /**
   * A search snapshot, fetched as byte ranges in parallel (S3's advice for large objects: one
   * stream runs at about 90 MB/s, and at national scale a snapshot is 84 MB) and written straight
   * into one buffer, with no second copy to join the parts.
   */
  async snapshot(key: string, options: { partBytes?: number } = {}): Promise<Uint8Array> {
    const partBytes = options.partBytes ?? SNAPSHOT_PART_BYTES;
    const { client, s3 } = await this.clients.objects();
    const Bucket = this.clients.config.bucketName;
    const fetchRange = (start: number, end: number) =>
      client.send(new s3.GetObjectCommand({ Bucket, Key: key, Range: `bytes=${start}-${end - 1}` }));
    const first = await fetchRange(0, partBytes);
    if (!first.Body) throw new Error(`snapshot ${key} has no body`);
    const total = Number(/\/(\d+)$/.exec(first.ContentRange ?? '')?.[1] ?? first.ContentLength ?? 0);
    const target = new Uint8Array(total);
    const fill = async (body: AsyncIterable<Uint8Array>, start: number) => {
      let at = start;
      for await (const chunk of body) {
        target.set(chunk, at);
        at += chunk.byteLength;
      }
    };
    const rest: [number, number][] = [];
    for (let start = partBytes; start < total; start += partBytes)
      rest.push([start, Math.min(total, start + partBytes)]);
    const parts = async () => {
      for (let next = rest.shift(); next; next = rest.shift()) {
        const [start, end] = next;
        const part = await fetchRange(start, end);
        if (!part.Body) throw new Error(`snapshot ${key} has no body from ${start}`);
        await fill(part.Body as AsyncIterable<Uint8Array>, start);
      }
    };
    await Promise.all([
      fill(first.Body as AsyncIterable<Uint8Array>, 0),
      ...Array.from({ length: SNAPSHOT_PARALLEL_PARTS }, parts),
    ]);
    return target;
  }
}
