import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CatalogEntry,
  type CatalogEntryContent,
  catalogEntrySchema,
  type PublicationOptions,
} from '@inovasi/core';
import pLimit from 'p-limit';
import { ulid } from 'ulid';
import { BATCH_WRITE_LIMIT, batchGetAll, batchWriteAll } from '../batch-all.ts';
import type { ScopedClients } from '../clients.ts';
import { cancelledConditions, isConditionFailure } from '../errors.ts';
import {
  CATALOG_LOG_PARTITION,
  catalogIndexKeys,
  catalogIndexPartitions,
  catalogSnapshotObjectKey,
  keys,
} from '../keys.ts';
import { INDEXES } from '../table-definition.ts';
import { type AuditContext, auditPut } from './audit.ts';
import { toRecord } from './versioned.ts';

/**
 * One step of the catalogue's ordered change log. Search instances apply the steps after the
 * snapshot they loaded, so a publication or withdrawal reaches search without a full rebuild.
 */
export type CatalogChange =
  | { readonly sequence: number; readonly kind: 'upsert'; readonly at: string; readonly entry: CatalogEntry }
  | {
      readonly sequence: number;
      readonly kind: 'remove';
      readonly at: string;
      readonly catalogId: string;
      readonly version: number;
    }
  /** A snapshot was rebuilt from the entries themselves (after a bulk import): load it. */
  | {
      readonly sequence: number;
      readonly kind: 'reload';
      readonly at: string;
      readonly snapshotSequence: number;
    };

type NewChange = CatalogChange extends infer C
  ? C extends CatalogChange
    ? Omit<C, 'sequence'>
    : never
  : never;

export interface CatalogSnapshotPointer {
  readonly key: string;
  readonly sequence: number;
  readonly builtAt: string;
}

export interface CatalogMeta {
  /** The sequence of the last change in the log; 0 before the first publication. */
  readonly sequence: number;
  readonly snapshot?: CatalogSnapshotPointer | undefined;
}

/** Stored entry: the public entry plus whether it is public right now. */
type StoredEntry = CatalogEntry & {
  readonly published: boolean;
  /** What the owner chose when publishing; kept so the entry can follow the innovation later. */
  readonly publicationOptions?: PublicationOptions | undefined;
};

/** A public entry as the catalogue projection sees it: the entry and the owner's choices. */
export interface PublishedEntry {
  readonly entry: CatalogEntry;
  /**
   * The options the owner published with. An entry published before they were stored keeps what it
   * shows: its themes, summary, contact and public evidence count as chosen.
   */
  readonly options: PublicationOptions;
}

/** Log steps are only needed until a snapshot covers them; a snapshot is written far more often. */
const CHANGE_TTL_SECONDS = 7 * 24 * 60 * 60;
const MAX_SEQUENCE_ATTEMPTS = 8;
/** Snapshot fetches: 8 MB ranges, four at a time (a 5,000-entry catalogue is one range). */
const SNAPSHOT_PART_BYTES = 8 * 1024 * 1024;
const SNAPSHOT_PARALLEL_PARTS = 4;

export class CatalogSequenceContention extends Error {
  override readonly name = 'CatalogSequenceContention';
}

const readMeta = async (clients: ScopedClients): Promise<CatalogMeta> => {
  const result = await clients.table.send(
    new GetCommand({ TableName: clients.config.tableName, Key: keys.catalogMeta(), ConsistentRead: true }),
  );
  const item = result.Item;
  const sequence = typeof item?.sequence === 'number' ? item.sequence : 0;
  const snapshot =
    typeof item?.snapshotKey === 'string'
      ? {
          key: item.snapshotKey,
          sequence: Number(item.snapshotSequence),
          builtAt: String(item.snapshotBuiltAt),
        }
      : undefined;
  return { sequence, snapshot };
};

/** Only the public schema's fields leave the data layer, whatever else an item carries. */
const publicEntryOf = (item: Record<string, unknown>): CatalogEntry =>
  catalogEntrySchema.parse(toRecord<Record<string, unknown>>(item));

/**
 * Appends one step to the log in the same transaction as `also` (the entry write). The log's
 * sequence is a counter guarded by a condition, so steps commit strictly in order with no gaps:
 * a reader that has applied step n only ever needs the steps after n.
 */
async function appendChange(
  clients: ScopedClients,
  change: NewChange,
  also: (sequence: number) => Record<string, unknown>[],
): Promise<number> {
  const TableName = clients.config.tableName;
  for (let attempt = 0; attempt < MAX_SEQUENCE_ATTEMPTS; attempt++) {
    const { sequence: previous } = await readMeta(clients);
    const sequence = previous + 1;
    const extra = also(sequence);
    try {
      await clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: keys.catalogMeta(),
                UpdateExpression: 'SET #sequence = :next',
                ConditionExpression:
                  '(attribute_not_exists(#sequence) AND :previous = :zero) OR #sequence = :previous',
                ExpressionAttributeNames: { '#sequence': 'sequence' },
                ExpressionAttributeValues: { ':next': sequence, ':previous': previous, ':zero': 0 },
              },
            },
            {
              Put: {
                TableName,
                Item: {
                  ...keys.catalogChange(sequence),
                  ...change,
                  sequence,
                  // From the wall clock, not `at`: a back-dated publication (a seed) still keeps its step.
                  ttl: Math.floor(Date.now() / 1000) + CHANGE_TTL_SECONDS,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...extra,
          ],
        }),
      );
      return sequence;
    } catch (error) {
      const failed = cancelledConditions(error);
      // Another writer took this sequence number: read it again and retry.
      if (failed.includes(0) || failed.includes(1)) {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
        continue;
      }
      throw error;
    }
  }
  throw new CatalogSequenceContention('the catalogue log is too busy; try again');
}

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

/**
 * One region's publications. Bound to that region's publisher scope: it can write
 * `CATALOG#ENTRY#<own code>#…` and append to the shared log, nothing else.
 */
export class CatalogPublisher {
  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
    /** Who publishes; the region's audit trail records it in the same transaction. */
    private readonly audit?: AuditContext,
  ) {}

  private auditEntries(action: 'catalog.publish' | 'catalog.unpublish', innovationId: string, at: string) {
    if (!this.audit) return [];
    const event = { action, entity: 'innovation' as const, entityId: innovationId };
    return [auditPut(this.tableName, this.tenantCode, this.audit, event, at)];
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  private async stored(innovationId: string): Promise<StoredEntry | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.catalogEntry(this.tenantCode, innovationId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? toRecord<StoredEntry>(result.Item) : undefined;
  }

  /** The current publication of an innovation, if it is public. */
  async current(innovationId: string): Promise<CatalogEntry | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.catalogEntry(this.tenantCode, innovationId),
        ConsistentRead: true,
      }),
    );
    return result.Item?.published === true ? publicEntryOf(result.Item) : undefined;
  }

  /**
   * Publishes (or refreshes) an entry: the entry, the next log step and the sequence in one
   * transaction. The entry write is conditioned on the version read, so a concurrent agreement
   * that raised the replication count is never overwritten: the loop reads again and retries.
   */
  async publish(
    content: CatalogEntryContent,
    now = new Date().toISOString(),
    options?: PublicationOptions,
  ): Promise<CatalogEntry> {
    const entry = await this.write(content, now, options);
    if (!entry) throw new CatalogSequenceContention('the entry changed while it was published');
    return entry;
  }

  /**
   * The public entries among these innovations (one batch read per 100): what the catalogue
   * projection must keep current. Withdrawn and never-published innovations are absent.
   */
  async publishedAmong(innovationIds: readonly string[]): Promise<Map<string, PublishedEntry>> {
    const found = new Map<string, PublishedEntry>();
    const ids = [...new Set(innovationIds)];
    const items = await batchGetAll(
      this.clients.table,
      this.tableName,
      ids.map((id) => ({ ...keys.catalogEntry(this.tenantCode, id) })),
      { ConsistentRead: true },
    );
    for (const item of items) {
      if (item.published !== true) continue;
      const entry = publicEntryOf(item);
      const stored = item.publicationOptions as PublicationOptions | undefined;
      found.set(entry.innovationId, {
        entry,
        options: stored ?? {
          themes: entry.themes,
          summary: entry.summary,
          contactRole: entry.contactRole,
          publicEvidenceIds: entry.publicEvidenceIds,
        },
      });
    }
    return found;
  }

  /**
   * Rewrites a public entry from its innovation's current content, only while it is still the
   * version the caller read: an owner's publication or withdrawal in between wins, and the
   * projection tries again on the innovation's next change. False when it stood aside.
   */
  async refresh(content: CatalogEntryContent, atVersion: number, now = new Date().toISOString()) {
    return (await this.write(content, now, undefined, atVersion)) !== undefined;
  }

  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
  private async write(
    content: CatalogEntryContent,
    now: string,
    options: PublicationOptions | undefined,
    atVersion?: number,
  ): Promise<CatalogEntry | undefined> {
    if (content.tenantCode !== this.tenantCode) throw new Error('entry belongs to another region');
    for (let attempt = 0; attempt < MAX_SEQUENCE_ATTEMPTS; attempt++) {
      const previous = await this.stored(content.innovationId);
      if (atVersion !== undefined && (!previous?.published || previous.version !== atVersion))
        return undefined;
      const publishedAt = previous?.published ? previous.publishedAt : now;
      const entry: CatalogEntry = catalogEntrySchema.parse({
        ...content,
        version: (previous?.version ?? 0) + 1,
        firstPublishedAt: previous?.firstPublishedAt ?? now,
        publishedAt,
        updatedAt: now,
        replicatedByRegions: previous?.replicatedByRegions ?? 0,
      });
      try {
        await appendChange(this.clients, { kind: 'upsert', at: now, entry }, () => [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.catalogEntry(this.tenantCode, content.innovationId),
                ...catalogIndexKeys(this.tenantCode, content.innovationId, publishedAt),
                ...entry,
                published: true,
                publicationOptions: options ?? previous?.publicationOptions,
              },
              ...this.expectVersion(previous?.version),
            },
          },
          // A refresh that follows the innovation is nobody's act: only a publication is audited.
          ...(atVersion === undefined ? this.auditEntries('catalog.publish', content.innovationId, now) : []),
        ]);
        return entry;
      } catch (error) {
        if (cancelledConditions(error).includes(2)) continue;
        throw error;
      }
    }
    throw new CatalogSequenceContention('the entry kept changing while it was published');
  }

  /** Withdraws an entry: it leaves the sparse index and search at once. False if it was not public. */
  async unpublish(innovationId: string, now = new Date().toISOString()): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_SEQUENCE_ATTEMPTS; attempt++) {
      const previous = await this.stored(innovationId);
      if (!previous?.published) return false;
      const version = previous.version + 1;
      // The tombstone keeps bookkeeping only: the owner withdrew consent for the public fields.
      const tombstone = {
        ...keys.catalogEntry(this.tenantCode, innovationId),
        catalogId: previous.catalogId,
        tenantCode: this.tenantCode,
        innovationId,
        published: false,
        version,
        firstPublishedAt: previous.firstPublishedAt,
        unpublishedAt: now,
        replicatedByRegions: previous.replicatedByRegions,
      };
      try {
        await appendChange(
          this.clients,
          { kind: 'remove', at: now, catalogId: previous.catalogId, version },
          () => [
            { Put: { TableName: this.tableName, Item: tombstone, ...this.expectVersion(previous.version) } },
            ...this.auditEntries('catalog.unpublish', innovationId, now),
          ],
        );
        return true;
      } catch (error) {
        if (cancelledConditions(error).includes(2)) continue;
        throw error;
      }
    }
    throw new CatalogSequenceContention('the entry kept changing while it was withdrawn');
  }

  private expectVersion(version: number | undefined) {
    return version === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': version },
        };
  }
}

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
