import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  DEFAULT_EVIDENCE_LIMITS,
  DomainError,
  type Evidence,
  type EvidenceLimits,
  type EvidenceLink,
} from '@inovasi/core';
import pRetry from 'p-retry';
import { type TenantClients, tenantOf } from '../../clients.ts';
import { cancelledConditions } from '../../errors.ts';
import type { ObjectAccess } from '../../evidence/multipart.ts';
import { evidenceKeys } from '../../keys.ts';
import { type AuditContext, type AuditEvent, auditPut, SYSTEM_AUDIT } from '../audit.ts';
import { type TransactItem, toRecord } from '../versioned.ts';

/** Retries of a transaction that only collided with another on the same item. */
const MAX_CONFLICT_RETRIES = 5;

/** The item as stored: the record plus what only the data layer needs. */
export interface StoredEvidence extends Evidence {
  readonly objectKey?: string;
  readonly fingerprint: string;
  /** A resumable upload's S3 upload id and part layout, while it is pending. */
  readonly uploadId?: string;
  readonly partSize?: number;
  readonly partCount?: number;
}

export const ttlIn = (now: string, seconds: number): number => Math.floor(Date.parse(now) / 1000) + seconds;

/** A transaction cancelled because another one held one of its items (not a failed condition). */
const isTransactionConflict = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TransactionConflictException') return true;
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return (
    reasons.some((reason) => reason.Code === 'TransactionConflict') && cancelledConditions(error).length === 0
  );
};

export function toEvidence(item: Record<string, unknown>): Evidence {
  const {
    objectKey: _objectKey,
    fingerprint: _fingerprint,
    uploadId: _uploadId,
    partSize: _partSize,
    partCount: _partCount,
    ...rest
  } = toRecord<StoredEvidence>(item);
  return rest;
}

/** The public record of a stored item. */
export const publicEvidence = (stored: StoredEvidence): Evidence =>
  toEvidence(stored as unknown as Record<string, unknown>);

export function toLink(item: Record<string, unknown>): EvidenceLink {
  const { evidenceId, target, linkedAt, linkedBy } = item as unknown as EvidenceLink;
  return { evidenceId, target, linkedAt, linkedBy };
}

/**
 * What every part of one region's evidence library shares (docs/decisions/0047): the scoped
 * clients, the region, the audit context and limits, and the reads and writes they all make.
 */
export class EvidenceStore {
  readonly audit: AuditContext | undefined;
  readonly limits: EvidenceLimits;

  constructor(
    readonly clients: TenantClients,
    options: { audit?: AuditContext | undefined; limits?: EvidenceLimits | undefined } = {},
  ) {
    this.audit = options.audit;
    this.limits = options.limits ?? DEFAULT_EVIDENCE_LIMITS;
  }

  /** The region, from its clients' scope. */
  get tenantCode(): string {
    return tenantOf(this.clients);
  }

  get tableName(): string {
    return this.clients.config.tableName;
  }

  get bucket(): string {
    return this.clients.config.bucketName;
  }

  auditEntry(actor: Actor | undefined, event: Omit<AuditEvent, 'entity'>, at?: string): TransactItem {
    const context = this.audit ?? (actor ? { actor, requestId: 'direct' } : SYSTEM_AUDIT);
    return auditPut(this.tableName, this.tenantCode, context, { entity: 'evidence', ...event }, at);
  }

  async getStored(evidenceId: string, consistent = false): Promise<StoredEvidence | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: evidenceKeys.item(this.tenantCode, evidenceId),
        ConsistentRead: consistent,
      }),
    );
    return result.Item ? toRecord<StoredEvidence>(result.Item) : undefined;
  }

  /** The item as it is now (strongly consistent), after a write found it changed meanwhile. */
  async current(evidenceId: string): Promise<Evidence> {
    const stored = await this.getStored(evidenceId, true);
    if (!stored) throw new DomainError('not_found');
    return publicEvidence(stored);
  }

  /** Live items (pending or passed, not deleted) with the same bytes or the same link. */
  async findByFingerprint(fingerprint: string): Promise<Evidence[]> {
    const { index, value } = evidenceKeys.fingerprints(this.tenantCode, fingerprint.toLowerCase());
    const page = await this.clients.table.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partition },
        ExpressionAttributeValues: { ':pk': value },
        Limit: 50,
      }),
    );
    return (page.Items ?? [])
      .map(toEvidence)
      .filter((item) => item.deleted === undefined && item.status !== 'rejected');
  }

  /** Bytes and files that passed intake, against the region's quota. */
  async usage(): Promise<{ usedBytes: number; files: number; quotaBytes: number }> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.tableName, Key: evidenceKeys.usage(this.tenantCode) }),
    );
    return {
      usedBytes: Number(result.Item?.usedBytes ?? 0),
      files: Number(result.Item?.files ?? 0),
      quotaBytes: this.limits.tenantQuotaBytes,
    };
  }

  async objectAccess(): Promise<ObjectAccess> {
    const { client, s3 } = await this.clients.objects();
    return { client, s3, bucket: this.bucket };
  }

  /** Removes an object under the region's prefix (a rejected upload's bytes, a deleted item's). */
  async deleteObject(objectKey: string): Promise<void> {
    const { client, s3 } = await this.clients.objects();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
  }

  /**
   * A transaction, retried while it only collided with another one on the same item (linking one
   * SK to many answers at once, or the API and the worker completing the same upload). A condition
   * failure is not retried: the caller decides what it means.
   */
  async transact(items: TransactItem[]): Promise<void> {
    await pRetry(() => this.clients.table.send(new TransactWriteCommand({ TransactItems: items })), {
      retries: MAX_CONFLICT_RETRIES,
      factor: 2,
      minTimeout: 10,
      randomize: true,
      shouldRetry: ({ error }) => isTransactionConflict(error),
    });
  }
}
