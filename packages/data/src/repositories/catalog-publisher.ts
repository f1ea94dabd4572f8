import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CatalogEntry,
  type CatalogEntryContent,
  catalogEntrySchema,
  type PublicationOptions,
} from '@inovasi/core';
import { batchGetAll } from '../batch-all.ts';
import { type TenantClients, tenantOf } from '../clients.ts';
import { cancelledConditions } from '../errors.ts';
import { catalogIndexKeys, keys } from '../keys.ts';
import { type AuditContext, auditPut } from './audit.ts';
import {
  appendChange,
  CatalogSequenceContention,
  MAX_SEQUENCE_ATTEMPTS,
  type PublishedEntry,
  publicEntryOf,
  type StoredEntry,
} from './catalog-log.ts';
import { toRecord } from './versioned.ts';

/** The entry's next version: its first publication and replication count carried over from the stored one. */
function nextEntry(
  content: CatalogEntryContent,
  previous: StoredEntry | undefined,
  publishedAt: string,
  now: string,
): CatalogEntry {
  return catalogEntrySchema.parse({
    ...content,
    version: (previous?.version ?? 0) + 1,
    firstPublishedAt: previous?.firstPublishedAt ?? now,
    publishedAt,
    updatedAt: now,
    replicatedByRegions: previous?.replicatedByRegions ?? 0,
  });
}

/**
 * One region's publications. Bound to that region's publisher scope: it can write
 * `CATALOG#ENTRY#<own code>#…` and append to the shared log, nothing else.
 */
export class CatalogPublisher {
  constructor(
    private readonly clients: TenantClients,
    /** Who publishes; the region's audit trail records it in the same transaction. */
    private readonly audit?: AuditContext,
  ) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

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
      const entry = nextEntry(content, previous, publishedAt, now);
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
