import { createHash } from 'node:crypto';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  DomainError,
  type Evidence,
  type EvidenceFinding,
  type EvidenceLink,
  type EvidenceUpdateInput,
  type EvidenceUrlInput,
  parseVideoLink,
  parseWebLink,
} from '@inovasi/core';
import { ulid } from 'ulid';
import { evidenceKeys } from '../../keys.ts';
import { queryAll } from '../../query-all.ts';
import { fieldChanges } from '../audit.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { type TransactItem, updateVersioned } from '../versioned.ts';
import { type EvidenceStore, publicEvidence, toEvidence, toLink } from './store.ts';
import type { EvidenceFilter } from './types.ts';

const MAX_QUERY_ROUNDS = 10;

const fingerprintOfUrl = (url: string): string => createHash('sha256').update(`url:${url}`).digest('hex');

/** `attachment; filename*=` with the original name, safe in a header. */
const disposition = (inline: boolean, fileName: string): string =>
  `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )}`;

/** The optional dates and unit an item carries, as given (absent ones stay absent). */
const datesAndUnit = (input: EvidenceUrlInput): Partial<Evidence> => ({
  ...(input.documentDate ? { documentDate: input.documentDate } : {}),
  ...(input.validFrom ? { validFrom: input.validFrom } : {}),
  ...(input.validUntil ? { validUntil: input.validUntil } : {}),
  ...(input.opdId ? { opdId: input.opdId } : {}),
});

/**
 * The library itself: reading and listing items, adding a link as an item, changing what an item
 * says about itself, deleting it, and the short-lived download of its bytes.
 */
export class EvidenceLibrary {
  constructor(private readonly store: EvidenceStore) {}

  async get(evidenceId: string): Promise<Evidence | undefined> {
    const stored = await this.store.getStored(evidenceId);
    return stored ? publicEvidence(stored) : undefined;
  }

  /** The item and every answer, row or agreement it supports: one strongly consistent query. */
  async getWithLinks(evidenceId: string): Promise<{ evidence: Evidence; links: EvidenceLink[] } | undefined> {
    const items = await queryAll(this.store.clients.table, {
      TableName: this.store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': evidenceKeys.item(this.store.tenantCode, evidenceId).pk },
      ConsistentRead: true,
    });
    const item = items.find((candidate) => candidate.sk === 'A');
    if (!item) return undefined;
    const links = items
      .filter((candidate) => String(candidate.sk).startsWith(evidenceKeys.linkSortPrefix))
      .map(toLink);
    return { evidence: toEvidence(item), links };
  }

  /** The library, newest first, with optional filters; deleted items only when asked for. */
  async list(filter: EvidenceFilter): Promise<{ items: Evidence[]; nextCursor?: string | undefined }> {
    const { tenantCode, tableName } = this.store;
    const { index, value } = evidenceKeys.list(tenantCode);
    const startKey = decodeCursor(filter.cursor, { tenantCode, index, partition: value });
    const conditions: string[] = [];
    const names: Record<string, string> = { '#pk': index.partition };
    const values: Record<string, unknown> = { ':pk': value };
    if (!filter.includeDeleted) conditions.push('attribute_not_exists(deleted)');
    for (const field of ['kind', 'status', 'opdId'] as const) {
      if (filter[field] === undefined) continue;
      conditions.push(`#${field} = :${field}`);
      names[`#${field}`] = field;
      values[`:${field}`] = filter[field];
    }
    const items: Evidence[] = [];
    let lastKey: Record<string, unknown> | undefined = startKey;
    for (let round = 0; round < MAX_QUERY_ROUNDS && items.length < filter.limit; round++) {
      const page = await this.store.clients.table.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk',
          FilterExpression: conditions.length > 0 ? conditions.join(' AND ') : undefined,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: filter.limit - items.length,
          ExclusiveStartKey: lastKey,
        }),
      );
      items.push(...(page.Items ?? []).map(toEvidence));
      lastKey = page.LastEvaluatedKey;
      if (!lastKey) break;
    }
    return { items, nextCursor: encodeCursor(lastKey) };
  }

  /**
   * A video link (form checked, duration as recorded) or a web page; it passes intake at once.
   * `id` lets a caller that must resume after a failure name the item in advance (the award's
   * citation takes its call's id): a second create of it fails its condition instead of copying it.
   */
  async createUrl(
    input: EvidenceUrlInput,
    actor: Actor,
    now = new Date().toISOString(),
    id = ulid(),
  ): Promise<{ evidence: Evidence; duplicates: Evidence[] }> {
    const video = input.kind === 'video' ? parseVideoLink(input.url) : undefined;
    const web = input.kind === 'video' ? undefined : parseWebLink(input.url);
    const canonicalUrl = video?.canonicalUrl ?? web?.canonicalUrl;
    if (!canonicalUrl) throw new DomainError('evidence_link_invalid', 'url');
    if (video && (input.durationSeconds ?? 0) > this.store.limits.maxVideoSeconds) {
      throw new DomainError('evidence_video_too_long', 'durationSeconds', [
        { field: 'durationSeconds', message: `${input.durationSeconds} s > 300 s` },
      ]);
    }
    const fingerprint = fingerprintOfUrl(canonicalUrl);
    const duplicates = await this.store.findByFingerprint(fingerprint);
    const findings: EvidenceFinding[] =
      duplicates.length > 0 ? [{ code: 'duplicate', refs: duplicates.map((item) => item.id) }] : [];
    const duration = video && input.durationSeconds ? { durationSeconds: input.durationSeconds } : {};
    const evidence: Evidence = {
      id,
      tenantCode: this.store.tenantCode,
      source: 'url',
      kind: input.kind,
      title: input.title,
      ...(input.note ? { note: input.note } : {}),
      url: canonicalUrl,
      ...(video ? { video: { host: video.host, id: video.videoId } } : {}),
      ...duration,
      fileKind: video ? 'video_link' : 'web_link',
      ...datesAndUnit(input),
      public: input.public ?? false,
      status: 'passed',
      intake: { checkedAt: now, checkedBy: 'api', ...duration, findings },
      linkedCodes: {},
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    };
    await this.store.clients.table.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.store.tableName,
              Item: {
                ...evidenceKeys.item(this.store.tenantCode, id),
                ...evidenceKeys.itemIndex(this.store.tenantCode, now, id, fingerprint),
                ...evidence,
                fingerprint,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          this.store.auditEntry(actor, { action: 'evidence.url_added', entityId: id }, now),
        ],
      }),
    );
    return { evidence, duplicates };
  }

  /** Changes what the item says about itself; a date sent as null is cleared. */
  async update(
    evidenceId: string,
    expectedVersion: number,
    actor: Actor,
    changes: EvidenceUpdateInput,
  ): Promise<Evidence> {
    const before = await this.store.getStored(evidenceId, true);
    if (!before) throw new DomainError('not_found');
    const at = new Date().toISOString();
    const set: Record<string, unknown> = { updatedAt: at, updatedBy: actor.userId };
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) set[field] = value === null ? undefined : value;
    }
    const validFrom = 'validFrom' in set ? set.validFrom : before.validFrom;
    const validUntil = 'validUntil' in set ? set.validUntil : before.validUntil;
    if (typeof validFrom === 'string' && typeof validUntil === 'string' && validFrom > validUntil) {
      throw new DomainError('validation_failed', 'validUntil');
    }
    const { updatedAt: _updatedAt, updatedBy: _updatedBy, ...changed } = set;
    const updated = await updateVersioned<Record<string, unknown>>(
      this.store.clients.table,
      this.store.tableName,
      evidenceKeys.item(this.store.tenantCode, evidenceId),
      expectedVersion,
      set,
      {
        expression: 'attribute_not_exists(deleted)',
        values: {},
        onFail: () => new DomainError('evidence_deleted'),
      },
      [
        this.store.auditEntry(
          actor,
          {
            action: 'evidence.updated',
            entityId: evidenceId,
            changes: fieldChanges(before as unknown as Record<string, unknown>, changed),
          },
          at,
        ),
      ],
    );
    return toEvidence(updated);
  }

  /**
   * Soft delete: the record keeps who, when and why, and stops counting; the object gets a delete
   * marker (the bucket is versioned, so the bytes stay recoverable until the noncurrent version expires).
   * `extra` items (a contest entry's file record and its stage check) commit in the same transaction,
   * after the item's update and its audit entry.
   */
  async remove(
    evidenceId: string,
    expectedVersion: number,
    actor: Actor,
    reason: string,
    extra: readonly TransactItem[] = [],
  ): Promise<Evidence> {
    const before = await this.store.getStored(evidenceId, true);
    if (!before) throw new DomainError('not_found');
    const at = new Date().toISOString();
    const alongside: TransactItem[] = [
      this.store.auditEntry(
        actor,
        { action: 'evidence.deleted', entityId: evidenceId, changes: { reason: { after: reason } } },
        at,
      ),
    ];
    if (before.status === 'passed' && before.source === 'upload' && before.size !== undefined) {
      alongside.push({
        Update: {
          TableName: this.store.tableName,
          Key: evidenceKeys.usage(this.store.tenantCode),
          UpdateExpression: 'SET usedBytes = usedBytes - :size, files = files - :one',
          ConditionExpression: 'attribute_exists(usedBytes)',
          ExpressionAttributeValues: { ':size': before.size, ':one': 1 },
        },
      });
    }
    alongside.push(...extra);
    const updated = await updateVersioned<Record<string, unknown>>(
      this.store.clients.table,
      this.store.tableName,
      evidenceKeys.item(this.store.tenantCode, evidenceId),
      expectedVersion,
      { deleted: { by: actor.userId, at, reason }, updatedAt: at, updatedBy: actor.userId },
      {
        expression: 'attribute_not_exists(deleted)',
        values: {},
        onFail: () => new DomainError('evidence_deleted'),
      },
      alongside,
    );
    if (before.objectKey) await this.store.deleteObject(before.objectKey);
    return toEvidence(updated);
  }

  /** A short-lived GET for a passed upload; inline (a preview) for images and PDFs when asked. */
  async downloadUrl(
    evidence: Evidence,
    inline: boolean,
  ): Promise<{ url: string; expiresAt: string; inline: boolean }> {
    if (evidence.source === 'url' && evidence.url) {
      return { url: evidence.url, expiresAt: evidence.updatedAt, inline: false };
    }
    const stored = await this.store.getStored(evidence.id);
    if (!stored?.objectKey) throw new DomainError('not_found');
    const mediaType = stored.intake?.mediaType ?? stored.mediaType ?? 'application/octet-stream';
    const previewable = inline && ['application/pdf', 'image/jpeg', 'image/png'].includes(mediaType);
    const { downloadUrlSeconds } = this.store.limits;
    const { client, s3 } = await this.store.clients.objects();
    const url = await s3.getSignedUrl(
      client,
      new s3.GetObjectCommand({
        Bucket: this.store.bucket,
        Key: stored.objectKey,
        ResponseContentType: mediaType,
        ResponseContentDisposition: disposition(previewable, stored.fileName ?? 'berkas'),
        ResponseCacheControl: 'private, max-age=300',
      }),
      { expiresIn: downloadUrlSeconds },
    );
    return {
      url,
      expiresAt: new Date(Date.now() + downloadUrlSeconds * 1000).toISOString(),
      inline: previewable,
    };
  }
}
