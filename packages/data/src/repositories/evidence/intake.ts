import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  applyIntake,
  awaitsIntake,
  DomainError,
  decideIntake,
  type Evidence,
  type IntakeDecision,
  isEvidenceMediaType,
  quotaRefused,
} from '@inovasi/core';
import { cancelledConditions, isConditionFailure } from '../../errors.ts';
import { inspectEvidenceObject } from '../../evidence/inspect.ts';
import { EVIDENCE_STATE_CHECKED, EVIDENCE_STATE_TAG } from '../../evidence/object-tags.ts';
import { evidenceKeys } from '../../keys.ts';
import { type EvidenceStore, publicEvidence, type StoredEvidence, ttlIn } from './store.ts';
import type { EvidenceAuthorize } from './types.ts';

/** A rejected item stays a month, so the operator can see why; its object is removed at once. */
const REJECTED_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface IntakeOptions {
  readonly actor?: Actor | undefined;
  /** The object an event reported: an object at any other key is not this item's upload. */
  readonly objectKey?: string | undefined;
  /** Called with the item before anything is checked: the caller's authorisation, in one read. */
  readonly authorize?: EvidenceAuthorize | undefined;
  readonly now?: () => string;
}

/**
 * Intake's reads and writes: the stored bytes are inspected, core's rules decide
 * (packages/core/src/evidence/intake.ts), and the decision is written once, with the quota.
 */
export class EvidenceIntakeWriter {
  constructor(private readonly store: EvidenceStore) {}

  /**
   * Intake: checks the stored bytes of a pending upload and decides, once. The completion call and
   * the bucket's object-created event both land here; whichever comes second finds the item decided
   * and returns it unchanged. Throws `EvidenceObjectMissingError` while there is nothing to check.
   * A rejected item is stored with its reason and its object removed; the caller reports it.
   */
  async complete(
    evidenceId: string,
    checkedBy: 'api' | 'worker',
    options: IntakeOptions = {},
  ): Promise<Evidence> {
    const { actor, now = () => new Date().toISOString() } = options;
    const stored = await this.store.getStored(evidenceId, true);
    if (!stored) throw new DomainError('not_found');
    options.authorize?.(publicEvidence(stored));
    if (options.objectKey !== undefined && options.objectKey !== stored.objectKey) {
      throw new DomainError('evidence_object_mismatch', 'objectKey');
    }
    if (!awaitsIntake(stored) || !stored.objectKey) return publicEvidence(stored);
    const { mediaType, size, sha256, objectKey } = stored;
    if (!mediaType || !isEvidenceMediaType(mediaType) || size === undefined || !sha256) {
      throw new Error(`pending evidence ${evidenceId} lacks what it announced`);
    }
    // Items with the announced bytes, looked up while the object is read (used only if it passes).
    const sameBytes = this.store.findByFingerprint(sha256).then(
      (items) => items,
      () => [] as Evidence[],
    );
    const { client, s3 } = await this.store.clients.objects();
    const inspection = await inspectEvidenceObject(
      { client, s3 },
      this.store.bucket,
      objectKey,
      { mediaType, size, sha256 },
      this.store.limits,
    );
    const decision = decideIntake({
      evidenceId,
      mediaType,
      size,
      inspection,
      checkedAt: now(),
      checkedBy,
      quotaBytes: this.store.limits.tenantQuotaBytes,
      // Awaited only when the bytes passed: a refusal does not wait for the duplicate lookup.
      sameBytes: inspection.passed && size <= this.store.limits.tenantQuotaBytes ? await sameBytes : [],
    });
    if (decision.verdict === 'reject') return this.reject(stored, decision, actor);
    return this.pass(stored, objectKey, size, decision, actor);
  }

  /**
   * The object is retagged before the item passes: one still tagged pending would expire under the
   * lifecycle rule. The region's usage counter is one item: updated inside every completion's
   * transaction it would make concurrent completions of a region conflict, so it is reserved on its
   * own (a single conditional update, atomic and serialised by DynamoDB) and given back if the item
   * turns out to be decided already. A crash in between overcounts one file, never under.
   */
  private async pass(
    stored: StoredEvidence,
    objectKey: string,
    size: number,
    decision: IntakeDecision & { verdict: 'pass' },
    actor: Actor | undefined,
  ): Promise<Evidence> {
    const { client, s3 } = await this.store.clients.objects();
    const [tagged, reservation] = await Promise.allSettled([
      client.send(
        new s3.PutObjectTaggingCommand({
          Bucket: this.store.bucket,
          Key: objectKey,
          Tagging: { TagSet: [{ Key: EVIDENCE_STATE_TAG, Value: EVIDENCE_STATE_CHECKED }] },
        }),
      ),
      this.reserveQuota(size),
    ]);
    if (tagged.status === 'rejected') {
      if (reservation.status === 'fulfilled' && reservation.value) await this.releaseQuota(size);
      throw tagged.reason;
    }
    if (reservation.status === 'rejected') throw reservation.reason;
    if (!reservation.value) return this.reject(stored, quotaRefused(decision), actor);
    const at = decision.intake.checkedAt;
    try {
      await this.store.transact([
        {
          Update: {
            TableName: this.store.tableName,
            Key: evidenceKeys.item(this.store.tenantCode, stored.id),
            UpdateExpression:
              'SET #status = :passed, intake = :intake, fileKind = :fileKind, updatedAt = :at REMOVE #ttl',
            ConditionExpression: '#status = :pending AND attribute_not_exists(deleted)',
            ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':passed': 'passed',
              ':pending': 'pending',
              ':intake': decision.intake,
              ':fileKind': decision.fileKind,
              ':at': at,
            },
          },
        },
        this.store.auditEntry(
          actor,
          {
            action: 'evidence.passed',
            entityId: stored.id,
            changes: { status: { before: 'pending', after: 'passed' } },
          },
          at,
        ),
      ]);
    } catch (error) {
      await this.releaseQuota(size);
      if (cancelledConditions(error).includes(0)) return this.store.current(stored.id);
      throw error;
    }
    // The transaction's condition fixed the state it changed: no need to read it back.
    return publicEvidence(applyIntake(stored, decision));
  }

  /** Adds a file's bytes to the region's usage if they fit the quota; false when they do not. */
  private async reserveQuota(size: number): Promise<boolean> {
    try {
      await this.store.clients.table.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: evidenceKeys.usage(this.store.tenantCode),
          UpdateExpression:
            'SET usedBytes = if_not_exists(usedBytes, :zero) + :size, files = if_not_exists(files, :zero) + :one',
          ConditionExpression: 'attribute_not_exists(usedBytes) OR usedBytes <= :room',
          ExpressionAttributeValues: {
            ':zero': 0,
            ':one': 1,
            ':size': size,
            ':room': this.store.limits.tenantQuotaBytes - size,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private async releaseQuota(size: number): Promise<void> {
    await this.store.clients.table.send(
      new UpdateCommand({
        TableName: this.store.tableName,
        Key: evidenceKeys.usage(this.store.tenantCode),
        UpdateExpression: 'SET usedBytes = usedBytes - :size, files = files - :one',
        ConditionExpression: 'attribute_exists(usedBytes)',
        ExpressionAttributeValues: { ':size': size, ':one': 1 },
      }),
    );
  }

  private async reject(
    stored: StoredEvidence,
    decision: IntakeDecision,
    actor: Actor | undefined,
  ): Promise<Evidence> {
    const rejected = applyIntake(stored, decision);
    const at = decision.intake.checkedAt;
    try {
      await this.store.transact([
        {
          Update: {
            TableName: this.store.tableName,
            Key: evidenceKeys.item(this.store.tenantCode, stored.id),
            UpdateExpression: 'SET #status = :rejected, intake = :intake, updatedAt = :at, #ttl = :ttl',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':rejected': 'rejected',
              ':pending': 'pending',
              ':intake': rejected.intake,
              ':at': at,
              ':ttl': ttlIn(at, REJECTED_TTL_SECONDS),
            },
          },
        },
        this.store.auditEntry(
          actor,
          {
            action: 'evidence.rejected',
            entityId: stored.id,
            changes: {
              status: { before: 'pending', after: 'rejected' },
              rejection: { after: rejected.intake?.rejection },
            },
          },
          at,
        ),
      ]);
    } catch (error) {
      if (cancelledConditions(error).includes(0)) return this.store.current(stored.id);
      throw error;
    }
    // The bytes failed their check: they must not stay under the region's prefix.
    if (stored.objectKey) await this.store.deleteObject(stored.objectKey);
    return publicEvidence(rejected);
  }
}
