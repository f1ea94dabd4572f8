import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, DomainError, type Evidence, type EvidenceUploadInput, maxBytesFor } from '@inovasi/core';
import { ulid } from 'ulid';
import { isConditionFailure } from '../../errors.ts';
import {
  abortMultipart,
  completeMultipart,
  createMultipart,
  isNoSuchUpload,
  listParts,
  partLayoutFor,
  partLength,
  partsOutOfLayout,
  presignPart,
  type StoredPart,
} from '../../evidence/multipart.ts';
import { EVIDENCE_STATE_PENDING, EVIDENCE_STATE_TAG } from '../../evidence/object-tags.ts';
import { evidenceKeys, evidenceObjectKey } from '../../keys.ts';
import type { TransactItem } from '../versioned.ts';
import type { EvidenceIntakeWriter } from './intake.ts';
import { type EvidenceStore, publicEvidence, type StoredEvidence, ttlIn } from './store.ts';
import type { EvidenceAuthorize, MultipartTicket, PresignedUpload } from './types.ts';

/** A pending item whose upload never completes disappears after a day; its object after two (lifecycle). */
const PENDING_TTL_SECONDS = 24 * 60 * 60;

type PendingMultipart = Required<
  Pick<StoredEvidence, 'objectKey' | 'uploadId' | 'partSize' | 'partCount' | 'size'>
>;

/**
 * Uploads, single and resumable: the pending item with the limits' checks, and the presigned
 * requests that put the bytes straight into S3. Nothing here decides: intake does, after the bytes.
 */
export class EvidenceUploads {
  constructor(
    private readonly store: EvidenceStore,
    private readonly intake: EvidenceIntakeWriter,
  ) {}

  /**
   * Records a pending upload and presigns the PUT for it: one key under the region's prefix, the
   * announced size (Content-Length), type and SHA-256 (S3 verifies the checksum itself), a tag that
   * lets the lifecycle expire it if it never passes intake, and `If-None-Match: *` so the key can be
   * written once only. The item counts only after `complete` (or the bucket's event) checked it.
   * `alongside` items built from the new item (a contest entry's file record) commit with it.
   */
  async requestUpload(
    input: EvidenceUploadInput,
    actor: Actor,
    now = new Date().toISOString(),
    alongside: (evidence: Evidence) => TransactItem[] = () => [],
  ): Promise<{ evidence: Evidence; upload: PresignedUpload; duplicates: Evidence[] }> {
    const { evidence, objectKey } = await this.newPendingUpload(input, actor, now);
    const [upload, duplicates] = await Promise.all([
      this.presignUpload(objectKey, evidence.mediaType ?? input.mediaType, input.size, evidence.sha256 ?? ''),
      this.store.findByFingerprint(evidence.sha256 ?? ''),
    ]);
    await this.recordPending(evidence, objectKey, actor, now, {}, alongside(evidence));
    return { evidence, upload, duplicates };
  }

  /**
   * A resumable upload (docs/decisions/0035): the same pending item and limits as `requestUpload`,
   * with an S3 multipart upload at its key whose layout (part size and count) the server fixes, so
   * each part's presigned PUT signs its exact length. The upload id is kept on the item: only this
   * item's upload can be signed, listed, completed or aborted through it. `alongside` as for
   * `requestUpload` (a contest entry's file record, docs/decisions/0054).
   */
  async requestMultipartUpload(
    input: EvidenceUploadInput,
    actor: Actor,
    now = new Date().toISOString(),
    alongside: (evidence: Evidence) => TransactItem[] = () => [],
  ): Promise<{ evidence: Evidence; upload: MultipartTicket; duplicates: Evidence[] }> {
    const { evidence, objectKey } = await this.newPendingUpload(input, actor, now);
    const layout = partLayoutFor(input.size);
    const [uploadId, duplicates] = await Promise.all([
      this.store.objectAccess().then((objects) => createMultipart(objects, objectKey, input.mediaType)),
      this.store.findByFingerprint(evidence.sha256 ?? ''),
    ]);
    await this.recordPending(evidence, objectKey, actor, now, { uploadId, ...layout }, alongside(evidence));
    return { evidence, upload: { uploadId, ...layout }, duplicates };
  }

  /** A presigned PUT for one part, signing its exact length (the server's layout). */
  async signUploadPart(
    evidenceId: string,
    uploadId: string,
    partNumber: number,
    options: { readonly authorize?: EvidenceAuthorize | undefined } = {},
  ): Promise<PresignedUpload> {
    const upload = await this.pendingMultipart(evidenceId, uploadId, options.authorize);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > upload.partCount) {
      throw new DomainError('evidence_part_out_of_range', 'partNumber');
    }
    const { uploadUrlSeconds } = this.store.limits;
    const contentLength = partLength(upload.size, upload, partNumber);
    const objects = await this.store.objectAccess();
    const url = await presignPart(
      objects,
      upload.objectKey,
      uploadId,
      partNumber,
      contentLength,
      uploadUrlSeconds,
    );
    return {
      method: 'PUT',
      url,
      // No headers to send: the browser sets Content-Length from the part itself, and it is signed.
      headers: {},
      expiresAt: new Date(Date.now() + uploadUrlSeconds * 1000).toISOString(),
    };
  }

  /** The parts S3 holds so far: what a resumed upload need not send again. */
  async listUploadParts(
    evidenceId: string,
    uploadId: string,
    options: { readonly authorize?: EvidenceAuthorize | undefined } = {},
  ): Promise<StoredPart[]> {
    const upload = await this.pendingMultipart(evidenceId, uploadId, options.authorize);
    try {
      return await listParts(await this.store.objectAccess(), upload.objectKey, uploadId);
    } catch (error) {
      if (isNoSuchUpload(error)) throw new DomainError('evidence_upload_not_found', 'uploadId');
      throw error;
    }
  }

  /**
   * Assembles the parts S3 holds, after checking them against the layout (every part present, each
   * of its exact length: the object is the announced size), then runs intake as `complete` does.
   * A completion whose answer was lost finds the upload gone and the object there: intake runs.
   */
  async completeMultipartUpload(
    evidenceId: string,
    uploadId: string,
    options: { readonly actor?: Actor | undefined; readonly authorize?: EvidenceAuthorize | undefined },
  ): Promise<Evidence> {
    const upload = await this.pendingMultipart(evidenceId, uploadId, options.authorize);
    const objects = await this.store.objectAccess();
    let parts: StoredPart[] | undefined;
    try {
      parts = await listParts(objects, upload.objectKey, uploadId);
    } catch (error) {
      if (!isNoSuchUpload(error)) throw error;
    }
    if (parts) {
      const wrong = partsOutOfLayout(upload.size, upload, parts);
      if (wrong.length > 0)
        throw new DomainError('evidence_parts_incomplete', 'parts', [
          { field: 'parts', message: wrong.join(', ') },
        ]);
      await completeMultipart(objects, upload.objectKey, uploadId, parts);
    }
    return this.intake.complete(evidenceId, 'api', { actor: options.actor });
  }

  /**
   * Cancels a resumable upload: S3 drops the parts, and the pending item goes with an audit entry,
   * so nothing half-uploaded stays in the library. An item decided meanwhile is not touched.
   * `extra` items commit with the removal (a contest entry's file record, docs/decisions/0054).
   */
  async abortUpload(
    evidenceId: string,
    uploadId: string,
    actor: Actor,
    options: {
      readonly authorize?: EvidenceAuthorize | undefined;
      readonly now?: string;
      readonly extra?: readonly TransactItem[];
    } = {},
  ): Promise<void> {
    const upload = await this.pendingMultipart(evidenceId, uploadId, options.authorize);
    await abortMultipart(await this.store.objectAccess(), upload.objectKey, uploadId);
    const now = options.now ?? new Date().toISOString();
    try {
      await this.store.transact([
        {
          Delete: {
            TableName: this.store.tableName,
            Key: evidenceKeys.item(this.store.tenantCode, evidenceId),
            ConditionExpression: '#status = :pending AND uploadId = :uploadId',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending', ':uploadId': uploadId },
          },
        },
        this.store.auditEntry(actor, { action: 'evidence.upload_cancelled', entityId: evidenceId }, now),
        ...(options.extra ?? []),
      ]);
    } catch (error) {
      if (isConditionFailure(error)) throw new DomainError('evidence_upload_not_found', 'uploadId');
      throw error;
    }
  }

  /** The limits' checks and the pending item of a new upload, not yet written. */
  private async newPendingUpload(
    input: EvidenceUploadInput,
    actor: Actor,
    now: string,
  ): Promise<{ evidence: Evidence; objectKey: string }> {
    if (input.size > maxBytesFor(input.mediaType, this.store.limits)) {
      throw new DomainError('evidence_too_large', 'size');
    }
    const usage = await this.store.usage();
    if (usage.usedBytes + input.size > usage.quotaBytes)
      throw new DomainError('evidence_quota_exceeded', 'size');

    const id = ulid();
    const evidence: Evidence = {
      id,
      tenantCode: this.store.tenantCode,
      source: 'upload',
      kind: input.kind,
      title: input.title,
      ...(input.note ? { note: input.note } : {}),
      fileName: input.fileName,
      mediaType: input.mediaType,
      size: input.size,
      sha256: input.sha256.toLowerCase(),
      ...(input.documentDate ? { documentDate: input.documentDate } : {}),
      ...(input.validFrom ? { validFrom: input.validFrom } : {}),
      ...(input.validUntil ? { validUntil: input.validUntil } : {}),
      ...(input.opdId ? { opdId: input.opdId } : {}),
      public: input.public ?? false,
      status: 'pending',
      linkedCodes: {},
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    };
    return { evidence, objectKey: evidenceObjectKey(this.store.tenantCode, id, input.fileName) };
  }

  private async recordPending(
    evidence: Evidence,
    objectKey: string,
    actor: Actor,
    now: string,
    multipart: Partial<MultipartTicket>,
    alongside: TransactItem[] = [],
  ): Promise<void> {
    const { tableName, tenantCode } = this.store;
    const sha256 = evidence.sha256 ?? '';
    await this.store.clients.table.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...evidenceKeys.item(tenantCode, evidence.id),
                ...evidenceKeys.itemIndex(tenantCode, now, evidence.id, sha256),
                ...evidence,
                objectKey,
                fingerprint: sha256,
                ...multipart,
                ttl: ttlIn(now, PENDING_TTL_SECONDS),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          this.store.auditEntry(actor, { action: 'evidence.upload_requested', entityId: evidence.id }, now),
          ...alongside,
        ],
      }),
    );
  }

  /**
   * The pending item of a resumable upload, authorised, whose upload id is `uploadId`; anything
   * else (another item's upload, one completed, cancelled or expired) is `EvidenceUploadNotFoundError`.
   */
  private async pendingMultipart(
    evidenceId: string,
    uploadId: string,
    authorize: EvidenceAuthorize | undefined,
  ): Promise<PendingMultipart> {
    const stored = await this.store.getStored(evidenceId, true);
    if (!stored) throw new DomainError('not_found');
    authorize?.(publicEvidence(stored));
    const { objectKey, partSize, partCount, size } = stored;
    if (
      stored.status !== 'pending' ||
      stored.deleted ||
      stored.uploadId !== uploadId ||
      !objectKey ||
      !partSize ||
      !partCount ||
      size === undefined
    ) {
      throw new DomainError('evidence_upload_not_found', 'uploadId');
    }
    return { objectKey, uploadId, partSize, partCount, size };
  }

  private async presignUpload(
    objectKey: string,
    mediaType: string,
    size: number,
    sha256: string,
  ): Promise<PresignedUpload> {
    const headers = {
      'content-type': mediaType,
      'if-none-match': '*',
      'x-amz-checksum-sha256': Buffer.from(sha256, 'hex').toString('base64'),
      'x-amz-tagging': `${EVIDENCE_STATE_TAG}=${EVIDENCE_STATE_PENDING}`,
    };
    const { uploadUrlSeconds } = this.store.limits;
    const { client, s3 } = await this.store.clients.objects();
    const url = await s3.getSignedUrl(
      client,
      new s3.PutObjectCommand({
        Bucket: this.store.bucket,
        Key: objectKey,
        ContentType: mediaType,
        ContentLength: size,
        ChecksumSHA256: headers['x-amz-checksum-sha256'],
        Tagging: headers['x-amz-tagging'],
        IfNoneMatch: '*',
      }),
      {
        expiresIn: uploadUrlSeconds,
        // Signed as headers, not hoisted into the query: S3 reads tags and checksums from headers.
        unhoistableHeaders: new Set(['x-amz-tagging', 'x-amz-checksum-sha256']),
        signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
      },
    );
    return {
      method: 'PUT',
      url,
      headers,
      expiresAt: new Date(Date.now() + uploadUrlSeconds * 1000).toISOString(),
    };
  }
}
