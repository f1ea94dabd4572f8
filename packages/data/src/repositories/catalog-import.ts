import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type CatalogEntryContent, catalogEntrySchema } from '@inovasi/core';
import pLimit from 'p-limit';
import { ulid } from 'ulid';
import { BATCH_WRITE_LIMIT, batchWriteAll } from '../batch-all.ts';
import type { ScopedClients } from '../clients.ts';
import { isConditionFailure } from '../errors.ts';
import { catalogIndexKeys, catalogSnapshotObjectKey, keys } from '../keys.ts';
import { appendChange } from './catalog-log.ts';

/**
 * Writes search snapshots and moves the meta pointer forward. Snapshots are immutable objects
 * named by sequence and build; the pointer only ever moves to a later sequence, so two writers
 * racing cannot move it back.
 */
export class CatalogIndexWriter {
  constructor(private readonly clients: ScopedClients) {}

  /** Stores a snapshot covering the log up to `sequence`. False if a later one is already current. */
  async writeSnapshot(
    bytes: Uint8Array,
    sequence: number,
    builtAt = new Date().toISOString(),
  ): Promise<boolean> {
    const { bucketName: Bucket, tableName: TableName } = this.clients.config;
    const key = catalogSnapshotObjectKey(sequence, ulid());
    const { client, s3 } = await this.clients.objects();
    await client.send(
      new s3.PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: 'application/octet-stream' }),
    );
    try {
      const result = await this.clients.table.send(
        new UpdateCommand({
          TableName,
          Key: keys.catalogMeta(),
          UpdateExpression:
            'SET snapshotKey = :key, snapshotSequence = :sequence, snapshotBuiltAt = :builtAt',
          ConditionExpression: 'attribute_not_exists(snapshotSequence) OR snapshotSequence < :sequence',
          ExpressionAttributeValues: { ':key': key, ':sequence': sequence, ':builtAt': builtAt },
          ReturnValues: 'UPDATED_OLD',
        }),
      );
      const replaced = result.Attributes?.snapshotKey;
      // Readers that still hold the replaced pointer retry with the new one.
      if (typeof replaced === 'string') {
        await client.send(new s3.DeleteObjectCommand({ Bucket, Key: replaced }));
      }
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await client.send(new s3.DeleteObjectCommand({ Bucket, Key: key }));
      return false;
    }
  }

  /** Tells every search instance to load the snapshot at `snapshotSequence` (after a rebuild from source). */
  async announceReload(snapshotSequence: number, now = new Date().toISOString()): Promise<number> {
    return appendChange(this.clients, { kind: 'reload', at: now, snapshotSequence }, () => []);
  }
}

/**
 * Writes many regions' entries at once, without log steps (a national migration, the benchmark).
 * Follow it with a snapshot rebuilt from source and `announceReload`. Only for new entries: a
 * batch write cannot check versions.
 */
export class CatalogImporter {
  constructor(private readonly clients: ScopedClients) {}

  async importEntries(
    contents: readonly CatalogEntryContent[],
    options: { publishedAtOf?: (index: number) => string; concurrency?: number } = {},
  ): Promise<void> {
    const now = new Date().toISOString();
    const batches: Record<string, unknown>[][] = [];
    for (let start = 0; start < contents.length; start += BATCH_WRITE_LIMIT) {
      batches.push(
        contents.slice(start, start + BATCH_WRITE_LIMIT).map((content, offset) => {
          const publishedAt = options.publishedAtOf?.(start + offset) ?? now;
          return {
            ...keys.catalogEntry(content.tenantCode, content.innovationId),
            ...catalogIndexKeys(content.tenantCode, content.innovationId, publishedAt),
            ...catalogEntrySchema.parse({
              ...content,
              version: 1,
              firstPublishedAt: publishedAt,
              publishedAt,
              updatedAt: publishedAt,
              replicatedByRegions: 0,
            }),
            published: true,
          };
        }),
      );
    }
    const limit = pLimit(options.concurrency ?? 8);
    await Promise.all(
      batches.map((batch) =>
        limit(() =>
          batchWriteAll(
            this.clients.table,
            this.clients.config.tableName,
            batch.map((Item) => ({ PutRequest: { Item } })),
          ),
        ),
      ),
    );
  }
}
