import { createHash } from 'node:crypto';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  DEFAULT_EVIDENCE_LIMITS,
  type Evidence,
  type EvidenceFinding,
  type EvidenceIntake,
  type EvidenceLimits,
  type EvidenceLink,
  type EvidenceRejection,
  type EvidenceTarget,
  type EvidenceUpdateInput,
  type EvidenceUploadInput,
  type EvidenceUrlInput,
  evidencePassed,
  FILE_KIND_OF_MEDIA_TYPE,
  isEvidenceMediaType,
  maxBytesFor,
  parseVideoLink,
  parseWebLink,
} from '@inovasi/core';
import { ulid } from 'ulid';
import type { ScopedClients } from '../clients.ts';
import { cancelledConditions, isConditionFailure, NotFoundError } from '../errors.ts';
import { inspectEvidenceObject } from '../evidence/inspect.ts';
import {
  abortMultipart,
  completeMultipart,
  createMultipart,
  isNoSuchUpload,
  listParts,
  type ObjectAccess,
  partLayoutFor,
  partLength,
  partsOutOfLayout,
  presignPart,
  type StoredPart,
} from '../evidence/multipart.ts';
import {
  EVIDENCE_STATE_CHECKED,
  EVIDENCE_STATE_PENDING,
  EVIDENCE_STATE_TAG,
} from '../evidence/object-tags.ts';
import { evidenceKeys, evidenceObjectKey, evidenceTargetKey } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, type AuditEvent, auditPut, fieldChanges, SYSTEM_AUDIT } from './audit.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { type TransactItem, toRecord, updateVersioned } from './versioned.ts';

/** A pending item whose upload never completes disappears after a day; its object after two (lifecycle). */
const PENDING_TTL_SECONDS = 24 * 60 * 60;
/** A rejected item stays a month, so the operator can see why; its object is removed at once. */
const REJECTED_TTL_SECONDS = 30 * 24 * 60 * 60;
const MAX_QUERY_ROUNDS = 10;
/** TransactWriteItems takes 100 entries: the item's update, the audit entry and 98 links. */
const LINKS_PER_TRANSACTION = 98;
/** Retries of a transaction that only collided with another on the same item. */
const MAX_CONFLICT_RETRIES = 5;

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

/** The item as stored: the record plus what only the data layer needs. */
interface StoredEvidence extends Evidence {
  readonly objectKey?: string;
  readonly fingerprint: string;
  /** A resumable upload's S3 upload id and part layout, while it is pending. */
  readonly uploadId?: string;
  readonly partSize?: number;
  readonly partCount?: number;
}

export interface LinkedEvidence {
  readonly evidence: Evidence;
  readonly link: EvidenceLink;
  /** Passed intake and not deleted. */
  readonly passed: boolean;
}

/** A resumable upload: send part n (1-based) of `partSize` bytes (the last: the rest) to its signed URL. */
export interface MultipartTicket {
  readonly uploadId: string;
  readonly partSize: number;
  readonly partCount: number;
}

/** A presigned PUT: send the file's bytes, exactly `size` of them, with exactly these headers. */
export interface PresignedUpload {
  readonly method: 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

export interface EvidenceFilter {
  readonly kind?: string | undefined;
  readonly status?: string | undefined;
  readonly opdId?: string | undefined;
  readonly includeDeleted?: boolean | undefined;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

/** Targets that have at least one linked item that passed intake: what the verified score may count. */
export interface EvidencedTargets {
  has(target: EvidenceTarget): boolean;
}

export class EvidenceTooLargeError extends Error {
  override readonly name = 'EvidenceTooLargeError';
}
export class EvidenceQuotaError extends Error {
  override readonly name = 'EvidenceQuotaError';
}
export class EvidenceLinkInvalidError extends Error {
  override readonly name = 'EvidenceLinkInvalidError';
}
/** Intake refused the item; it is stored as `rejected` with the reason (and its object removed). */
export class EvidenceRejectedError extends Error {
  override readonly name = 'EvidenceRejectedError';
  constructor(
    readonly rejection: EvidenceRejection,
    readonly evidence?: Evidence,
  ) {
    super(`evidence rejected: ${rejection}`);
  }
}
/** The item cannot be used for this: it was rejected at intake, or deleted. */
export class EvidenceStateError extends Error {
  override readonly name = 'EvidenceStateError';
  constructor(readonly state: 'rejected' | 'deleted') {
    super(`evidence is ${state}`);
  }
}
export class EvidenceLinkExistsError extends Error {
  override readonly name = 'EvidenceLinkExistsError';
}
/** No pending resumable upload of this item has this upload id (or it was completed or cancelled). */
export class EvidenceUploadNotFoundError extends Error {
  override readonly name = 'EvidenceUploadNotFoundError';
}
/** A part number outside the upload's layout. */
export class EvidencePartRangeError extends Error {
  override readonly name = 'EvidencePartRangeError';
}
/** Parts missing, or of another length than the layout gives them: the file is not all there. */
export class EvidencePartsIncompleteError extends Error {
  override readonly name = 'EvidencePartsIncompleteError';
  constructor(readonly parts: readonly number[]) {
    super(`parts missing or of the wrong length: ${parts.join(', ')}`);
  }
}
/** An object-created event for a key that is not the item's upload (a stray or tampered object). */
export class EvidenceObjectMismatchError extends Error {
  override readonly name = 'EvidenceObjectMismatchError';
}

const fingerprintOfUrl = (url: string): string => createHash('sha256').update(`url:${url}`).digest('hex');
const codeOf = (target: EvidenceTarget): string =>
  target.type === 'innovation' ? target.indicator : target.type === 'spd' ? target.row : 'agreement';
const ttlIn = (now: string, seconds: number): number => Math.floor(Date.parse(now) / 1000) + seconds;

function toEvidence(item: Record<string, unknown>): Evidence {
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

function toLink(item: Record<string, unknown>): EvidenceLink {
  const { evidenceId, target, linkedAt, linkedBy } = item as unknown as EvidenceLink;
  return { evidenceId, target, linkedAt, linkedBy };
}

/** `attachment; filename*=` with the original name, safe in a header. */
const disposition = (inline: boolean, fileName: string): string =>
  `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )}`;

/**
 * One region's evidence library: items (uploads and links), their intake, and what each supports.
 * Uploads go straight to S3 with a presigned PUT scoped to one key, size, type and checksum; the
 * bytes are then checked here, streaming, before the item counts. Links between an item and the
 * answers it supports live in the item's partition and are listed per target through gsi1.
 */
export class EvidenceRepository {
  private readonly audit: AuditContext | undefined;
  readonly limits: EvidenceLimits;

  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
    options: { audit?: AuditContext | undefined; limits?: EvidenceLimits | undefined } = {},
  ) {
    this.audit = options.audit;
    this.limits = options.limits ?? DEFAULT_EVIDENCE_LIMITS;
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  private get bucket() {
    return this.clients.config.bucketName;
  }

  private auditEntry(actor: Actor | undefined, event: Omit<AuditEvent, 'entity'>, at?: string): TransactItem {
    const context = this.audit ?? (actor ? { actor, requestId: 'direct' } : SYSTEM_AUDIT);
    return auditPut(this.tableName, this.tenantCode, context, { entity: 'evidence', ...event }, at);
  }

  private async getStored(evidenceId: string, consistent = false): Promise<StoredEvidence | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: evidenceKeys.item(this.tenantCode, evidenceId),
        ConsistentRead: consistent,
      }),
    );
    return result.Item ? toRecord<StoredEvidence>(result.Item) : undefined;
  }

  async get(evidenceId: string): Promise<Evidence | undefined> {
    const stored = await this.getStored(evidenceId);
    return stored ? toEvidence(stored as unknown as Record<string, unknown>) : undefined;
  }

  /** The item and every answer, row or agreement it supports: one strongly consistent query. */
  async getWithLinks(evidenceId: string): Promise<{ evidence: Evidence; links: EvidenceLink[] } | undefined> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': evidenceKeys.item(this.tenantCode, evidenceId).pk },
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
    const { index, value } = evidenceKeys.list(this.tenantCode);
    const startKey = decodeCursor(filter.cursor, { tenantCode: this.tenantCode, index, partition: value });
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
      const page = await this.clients.table.send(
        new QueryCommand({
          TableName: this.tableName,
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

  /**
   * Records a pending upload and presigns the PUT for it: one key under the region's prefix, the
   * announced size (Content-Length), type and SHA-256 (S3 verifies the checksum itself), a tag that
   * lets the lifecycle expire it if it never passes intake, and `If-None-Match: *` so the key can be
   * written once only. The item counts only after `complete` (or the bucket's event) checked it.
   */
  async requestUpload(
    input: EvidenceUploadInput,
    actor: Actor,
    now = new Date().toISOString(),
  ): Promise<{ evidence: Evidence; upload: PresignedUpload; duplicates: Evidence[] }> {
    const { evidence, objectKey } = await this.newPendingUpload(input, actor, now);
    const [upload, duplicates] = await Promise.all([
      this.presignUpload(objectKey, evidence.mediaType ?? input.mediaType, input.size, evidence.sha256 ?? ''),
      this.findByFingerprint(evidence.sha256 ?? ''),
    ]);
    await this.recordPending(evidence, objectKey, actor, now, {});
    return { evidence, upload, duplicates };
  }

  /**
   * A resumable upload (docs/decisions/0035): the same pending item and limits as `requestUpload`,
   * with an S3 multipart upload at its key whose layout (part size and count) the server fixes, so
   * each part's presigned PUT signs its exact length. The upload id is kept on the item: only this
   * item's upload can be signed, listed, completed or aborted through it.
   */
  async requestMultipartUpload(
    input: EvidenceUploadInput,
    actor: Actor,
    now = new Date().toISOString(),
  ): Promise<{ evidence: Evidence; upload: MultipartTicket; duplicates: Evidence[] }> {
    const { evidence, objectKey } = await this.newPendingUpload(input, actor, now);
    const layout = partLayoutFor(input.size);
    const [uploadId, duplicates] = await Promise.all([
      this.objectAccess().then((objects) => createMultipart(objects, objectKey, input.mediaType)),
      this.findByFingerprint(evidence.sha256 ?? ''),
    ]);
    await this.recordPending(evidence, objectKey, actor, now, { uploadId, ...layout });
    return { evidence, upload: { uploadId, ...layout }, duplicates };
  }

  /** The limits' checks and the pending item of a new upload, not yet written. */
  private async newPendingUpload(
    input: EvidenceUploadInput,
    actor: Actor,
    now: string,
  ): Promise<{ evidence: Evidence; objectKey: string }> {
    if (input.size > maxBytesFor(input.mediaType, this.limits)) {
      throw new EvidenceTooLargeError(`${input.size} bytes exceed the limit for ${input.mediaType}`);
    }
    const usage = await this.usage();
    if (usage.usedBytes + input.size > usage.quotaBytes) throw new EvidenceQuotaError('quota exceeded');

    const id = ulid();
    const evidence: Evidence = {
      id,
      tenantCode: this.tenantCode,
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
    return { evidence, objectKey: evidenceObjectKey(this.tenantCode, id, input.fileName) };
  }

  private async recordPending(
    evidence: Evidence,
    objectKey: string,
    actor: Actor,
    now: string,
    multipart: Partial<MultipartTicket>,
  ): Promise<void> {
    const sha256 = evidence.sha256 ?? '';
    await this.clients.table.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...evidenceKeys.item(this.tenantCode, evidence.id),
                ...evidenceKeys.itemIndex(this.tenantCode, now, evidence.id, sha256),
                ...evidence,
                objectKey,
                fingerprint: sha256,
                ...multipart,
                ttl: ttlIn(now, PENDING_TTL_SECONDS),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          this.auditEntry(actor, { action: 'evidence.upload_requested', entityId: evidence.id }, now),
        ],
      }),
    );
  }

  private async objectAccess(): Promise<ObjectAccess> {
    const { client, s3 } = await this.clients.objects();
    return { client, s3, bucket: this.bucket };
  }

  /**
   * The pending item of a resumable upload, authorised, whose upload id is `uploadId`; anything
   * else (another item's upload, one completed, cancelled or expired) is `EvidenceUploadNotFoundError`.
   */
  private async pendingMultipart(
    evidenceId: string,
    uploadId: string,
    authorize: ((evidence: Evidence) => void) | undefined,
  ): Promise<Required<Pick<StoredEvidence, 'objectKey' | 'uploadId' | 'partSize' | 'partCount' | 'size'>>> {
    const stored = await this.getStored(evidenceId, true);
    if (!stored) throw new NotFoundError('evidence not found');
    authorize?.(toEvidence(stored as unknown as Record<string, unknown>));
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
      throw new EvidenceUploadNotFoundError(`no pending upload ${uploadId} for ${evidenceId}`);
    }
    return { objectKey, uploadId, partSize, partCount, size };
  }

  /** A presigned PUT for one part, signing its exact length (the server's layout). */
  async signUploadPart(
    evidenceId: string,
    uploadId: string,
    partNumber: number,
    options: { readonly authorize?: ((evidence: Evidence) => void) | undefined } = {},
  ): Promise<PresignedUpload> {
    const upload = await this.pendingMultipart(evidenceId, uploadId, options.authorize);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > upload.partCount) {
      throw new EvidencePartRangeError(`part ${partNumber} of ${upload.partCount}`);
    }
    const contentLength = partLength(upload.size, upload, partNumber);
    const url = await presignPart(
      await this.objectAccess(),
      upload.objectKey,
      uploadId,
      partNumber,
      contentLength,
      this.limits.uploadUrlSeconds,
    );
    return {
      method: 'PUT',
      url,
      // No headers to send: the browser sets Content-Length from the part itself, and it is signed.
      headers: {},
      expiresAt: new Date(Date.now() + this.limits.uploadUrlSeconds * 1000).toISOString(),
    };
  }

  /** The parts S3 holds so far: what a resumed upload need not send again. */
  async listUploadParts(
    evidenceId: string,
    uploadId: string,
    options: { readonly authorize?: ((evidence: Evidence) => void) | undefined } = {},
  ): Promise<StoredPart[]> {
    const upload = await this.pendingMultipart(evidenceId, uploadId, options.authorize);
    try {
      return await listParts(await this.objectAccess(), upload.objectKey, uploadId);
    } catch (error) {
      if (isNoSuchUpload(error)) throw new EvidenceUploadNotFoundError(`upload ${uploadId} is gone`);
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
    options: {
      readonly actor?: Actor | undefined;
      readonly authorize?: ((evidence: Evidence) => void) | undefined;
    },
  ): Promise<Evidence> {
    const upload = await this.pendingMultipart(evidenceId, uploadId, options.authorize);
    const objects = await this.objectAccess();
    let parts: StoredPart[] | undefined;
    try {
      parts = await listParts(objects, upload.objectKey, uploadId);
    } catch (error) {
      if (!isNoSuchUpload(error)) throw error;
    }
    if (parts) {
      const wrong = partsOutOfLayout(upload.size, upload, parts);
      if (wrong.length > 0) throw new EvidencePartsIncompleteError(wrong);
      await completeMultipart(objects, upload.objectKey, uploadId, parts);
    }
    return this.complete(evidenceId, 'api', { actor: options.actor });
  }

  /**
   * Cancels a resumable upload: S3 drops the parts, and the pending item goes with an audit entry,
   * so nothing half-uploaded stays in the library. An item decided meanwhile is not touched.
   */
  async abortUpload(
    evidenceId: string,
    uploadId: string,
    actor: Actor,
    options: { readonly authorize?: ((evidence: Evidence) => void) | undefined; readonly now?: string } = {},
  ): Promise<void> {
    const upload = await this.pendingMultipart(evidenceId, uploadId, options.authorize);
    await abortMultipart(await this.objectAccess(), upload.objectKey, uploadId);
    const now = options.now ?? new Date().toISOString();
    try {
      await this.transact([
        {
          Delete: {
            TableName: this.tableName,
            Key: evidenceKeys.item(this.tenantCode, evidenceId),
            ConditionExpression: '#status = :pending AND uploadId = :uploadId',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending', ':uploadId': uploadId },
          },
        },
        this.auditEntry(actor, { action: 'evidence.upload_cancelled', entityId: evidenceId }, now),
      ]);
    } catch (error) {
      if (isConditionFailure(error)) throw new EvidenceUploadNotFoundError(`${evidenceId} was decided`);
      throw error;
    }
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
    const { client, s3 } = await this.clients.objects();
    const url = await s3.getSignedUrl(
      client,
      new s3.PutObjectCommand({
        Bucket: this.bucket,
        Key: objectKey,
        ContentType: mediaType,
        ContentLength: size,
        ChecksumSHA256: headers['x-amz-checksum-sha256'],
        Tagging: headers['x-amz-tagging'],
        IfNoneMatch: '*',
      }),
      {
        expiresIn: this.limits.uploadUrlSeconds,
        // Signed as headers, not hoisted into the query: S3 reads tags and checksums from headers.
        unhoistableHeaders: new Set(['x-amz-tagging', 'x-amz-checksum-sha256']),
        signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
      },
    );
    return {
      method: 'PUT',
      url,
      headers,
      expiresAt: new Date(Date.now() + this.limits.uploadUrlSeconds * 1000).toISOString(),
    };
  }

  /** A video link (form checked, duration as recorded) or a web page; it passes intake at once. */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
  async createUrl(
    input: EvidenceUrlInput,
    actor: Actor,
    now = new Date().toISOString(),
  ): Promise<{ evidence: Evidence; duplicates: Evidence[] }> {
    const video = input.kind === 'video' ? parseVideoLink(input.url) : undefined;
    const web = input.kind === 'video' ? undefined : parseWebLink(input.url);
    const canonicalUrl = video?.canonicalUrl ?? web?.canonicalUrl;
    if (!canonicalUrl) throw new EvidenceLinkInvalidError('not a recognised link');
    if (video && (input.durationSeconds ?? 0) > this.limits.maxVideoSeconds) {
      throw new EvidenceRejectedError('video_too_long');
    }
    const fingerprint = fingerprintOfUrl(canonicalUrl);
    const duplicates = await this.findByFingerprint(fingerprint);
    const findings: EvidenceFinding[] =
      duplicates.length > 0 ? [{ code: 'duplicate', refs: duplicates.map((item) => item.id) }] : [];
    const id = ulid();
    const evidence: Evidence = {
      id,
      tenantCode: this.tenantCode,
      source: 'url',
      kind: input.kind,
      title: input.title,
      ...(input.note ? { note: input.note } : {}),
      url: canonicalUrl,
      ...(video ? { video: { host: video.host, id: video.videoId } } : {}),
      ...(video && input.durationSeconds ? { durationSeconds: input.durationSeconds } : {}),
      fileKind: video ? 'video_link' : 'web_link',
      ...(input.documentDate ? { documentDate: input.documentDate } : {}),
      ...(input.validFrom ? { validFrom: input.validFrom } : {}),
      ...(input.validUntil ? { validUntil: input.validUntil } : {}),
      ...(input.opdId ? { opdId: input.opdId } : {}),
      public: input.public ?? false,
      status: 'passed',
      intake: {
        checkedAt: now,
        checkedBy: 'api',
        ...(video && input.durationSeconds ? { durationSeconds: input.durationSeconds } : {}),
        findings,
      },
      linkedCodes: {},
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    };
    await this.clients.table.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...evidenceKeys.item(this.tenantCode, id),
                ...evidenceKeys.itemIndex(this.tenantCode, now, id, fingerprint),
                ...evidence,
                fingerprint,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          this.auditEntry(actor, { action: 'evidence.url_added', entityId: id }, now),
        ],
      }),
    );
    return { evidence, duplicates };
  }

  /**
   * Intake: checks the stored bytes of a pending upload and decides, once. The completion call and
   * the bucket's object-created event both land here; whichever comes second finds the item decided
   * and returns it unchanged. Throws `EvidenceObjectMissingError` while there is nothing to check.
   * A rejected item is stored with its reason and its object removed; the caller reports it.
   */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
  async complete(
    evidenceId: string,
    checkedBy: 'api' | 'worker',
    options: {
      readonly actor?: Actor | undefined;
      /** The object an event reported: an object at any other key is not this item's upload. */
      readonly objectKey?: string | undefined;
      /** Called with the item before anything is checked: the caller's authorisation, in one read. */
      readonly authorize?: ((evidence: Evidence) => void) | undefined;
      readonly now?: () => string;
    } = {},
  ): Promise<Evidence> {
    const { actor, now = () => new Date().toISOString() } = options;
    const stored = await this.getStored(evidenceId, true);
    if (!stored) throw new NotFoundError('evidence not found');
    options.authorize?.(toEvidence(stored as unknown as Record<string, unknown>));
    if (options.objectKey !== undefined && options.objectKey !== stored.objectKey) {
      throw new EvidenceObjectMismatchError(`${options.objectKey} is not the upload of ${evidenceId}`);
    }
    if (stored.source !== 'upload' || stored.status !== 'pending' || stored.deleted || !stored.objectKey) {
      return toEvidence(stored as unknown as Record<string, unknown>);
    }
    const { mediaType, size, sha256, objectKey } = stored;
    if (!mediaType || !isEvidenceMediaType(mediaType) || size === undefined || !sha256) {
      throw new Error(`pending evidence ${evidenceId} lacks what it announced`);
    }
    // Items with the announced bytes, looked up while the object is read (used only if it passes).
    const sameBytes = this.findByFingerprint(sha256).then(
      (items) => items,
      () => [] as Evidence[],
    );
    const { client, s3 } = await this.clients.objects();
    const outcome = await inspectEvidenceObject(
      { client, s3 },
      this.bucket,
      objectKey,
      { mediaType, size, sha256 },
      this.limits,
    );
    const at = now();
    const measured = {
      ...(outcome.measured.mediaType ? { mediaType: outcome.measured.mediaType } : {}),
      size: outcome.measured.size,
      ...(outcome.measured.sha256 ? { sha256: outcome.measured.sha256 } : {}),
      ...(outcome.measured.textLayer !== undefined ? { textLayer: outcome.measured.textLayer } : {}),
      ...(outcome.measured.durationSeconds !== undefined
        ? { durationSeconds: outcome.measured.durationSeconds }
        : {}),
    };
    if (!outcome.passed) {
      return this.reject(
        stored,
        outcome.rejection,
        { checkedAt: at, checkedBy, ...measured, findings: [] },
        actor,
      );
    }
    if (size > this.limits.tenantQuotaBytes) {
      return this.reject(
        stored,
        'quota_exceeded',
        { checkedAt: at, checkedBy, ...measured, findings: [] },
        actor,
      );
    }

    const findings: EvidenceFinding[] = [];
    if (outcome.measured.textLayer === false) findings.push({ code: 'needs_readable_copy' });
    if (mediaType === 'video/mp4' && outcome.measured.durationSeconds === undefined) {
      findings.push({ code: 'video_duration_unknown' });
    }
    const duplicates = (await sameBytes).filter((item) => item.id !== evidenceId && evidencePassed(item));
    if (duplicates.length > 0) findings.push({ code: 'duplicate', refs: duplicates.map((item) => item.id) });
    const intake: EvidenceIntake = { checkedAt: at, checkedBy, ...measured, findings };

    // The object is retagged before the item passes: one still tagged pending would expire under
    // the lifecycle rule. The region's usage counter is one item: updated inside every completion's
    // transaction it would make concurrent completions of a region conflict, so it is reserved on
    // its own (a single conditional update, atomic and serialised by DynamoDB) and given back if
    // the item turns out to be decided already. A crash in between overcounts one file, never under.
    const [tagged, reservation] = await Promise.allSettled([
      client.send(
        new s3.PutObjectTaggingCommand({
          Bucket: this.bucket,
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
    if (!reservation.value) {
      return this.reject(stored, 'quota_exceeded', { ...intake, findings: [] }, actor);
    }
    try {
      await this.transact([
        {
          Update: {
            TableName: this.tableName,
            Key: evidenceKeys.item(this.tenantCode, evidenceId),
            UpdateExpression:
              'SET #status = :passed, intake = :intake, fileKind = :fileKind, updatedAt = :at REMOVE #ttl',
            ConditionExpression: '#status = :pending AND attribute_not_exists(deleted)',
            ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':passed': 'passed',
              ':pending': 'pending',
              ':intake': intake,
              ':fileKind': FILE_KIND_OF_MEDIA_TYPE[mediaType],
              ':at': at,
            },
          },
        },
        this.auditEntry(
          actor,
          {
            action: 'evidence.passed',
            entityId: evidenceId,
            changes: { status: { before: 'pending', after: 'passed' } },
          },
          at,
        ),
      ]);
    } catch (error) {
      await this.releaseQuota(size);
      if (cancelledConditions(error).includes(0)) return this.current(evidenceId);
      throw error;
    }
    // The transaction's condition fixed the state it changed: no need to read it back.
    return toEvidence({
      ...(stored as unknown as Record<string, unknown>),
      status: 'passed',
      intake,
      fileKind: FILE_KIND_OF_MEDIA_TYPE[mediaType],
      updatedAt: at,
    });
  }

  /** Adds a file's bytes to the region's usage if they fit the quota; false when they do not. */
  private async reserveQuota(size: number): Promise<boolean> {
    try {
      await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: evidenceKeys.usage(this.tenantCode),
          UpdateExpression:
            'SET usedBytes = if_not_exists(usedBytes, :zero) + :size, files = if_not_exists(files, :zero) + :one',
          ConditionExpression: 'attribute_not_exists(usedBytes) OR usedBytes <= :room',
          ExpressionAttributeValues: {
            ':zero': 0,
            ':one': 1,
            ':size': size,
            ':room': this.limits.tenantQuotaBytes - size,
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
    await this.clients.table.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: evidenceKeys.usage(this.tenantCode),
        UpdateExpression: 'SET usedBytes = usedBytes - :size, files = files - :one',
        ConditionExpression: 'attribute_exists(usedBytes)',
        ExpressionAttributeValues: { ':size': size, ':one': 1 },
      }),
    );
  }

  /**
   * A transaction, retried while it only collided with another one on the same item (linking one
   * SK to many answers at once, or the API and the worker completing the same upload). A condition
   * failure is not retried: the caller decides what it means.
   */
  private async transact(items: TransactItem[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.clients.table.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        if (!isTransactionConflict(error) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, (10 + Math.random() * 40) * 2 ** attempt));
      }
    }
  }

  private async current(evidenceId: string): Promise<Evidence> {
    const stored = await this.getStored(evidenceId, true);
    if (!stored) throw new NotFoundError('evidence not found');
    return toEvidence(stored as unknown as Record<string, unknown>);
  }

  private async reject(
    stored: StoredEvidence,
    rejection: EvidenceRejection,
    intake: EvidenceIntake,
    actor: Actor | undefined,
  ): Promise<Evidence> {
    const at = intake.checkedAt;
    try {
      await this.transact([
        {
          Update: {
            TableName: this.tableName,
            Key: evidenceKeys.item(this.tenantCode, stored.id),
            UpdateExpression: 'SET #status = :rejected, intake = :intake, updatedAt = :at, #ttl = :ttl',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':rejected': 'rejected',
              ':pending': 'pending',
              ':intake': { ...intake, rejection },
              ':at': at,
              ':ttl': ttlIn(at, REJECTED_TTL_SECONDS),
            },
          },
        },
        this.auditEntry(
          actor,
          {
            action: 'evidence.rejected',
            entityId: stored.id,
            changes: {
              status: { before: 'pending', after: 'rejected' },
              rejection: { after: rejection },
            },
          },
          at,
        ),
      ]);
    } catch (error) {
      if (cancelledConditions(error).includes(0)) return this.current(stored.id);
      throw error;
    }
    // The bytes failed their check: they must not stay under the region's prefix.
    if (stored.objectKey) {
      const { client, s3 } = await this.clients.objects();
      await client.send(new s3.DeleteObjectCommand({ Bucket: this.bucket, Key: stored.objectKey }));
    }
    return toEvidence({
      ...(stored as unknown as Record<string, unknown>),
      status: 'rejected',
      intake: { ...intake, rejection },
      updatedAt: at,
    });
  }

  /** Changes what the item says about itself; a date sent as null is cleared. */
  async update(
    evidenceId: string,
    expectedVersion: number,
    actor: Actor,
    changes: EvidenceUpdateInput,
  ): Promise<Evidence> {
    const before = await this.getStored(evidenceId, true);
    if (!before) throw new NotFoundError('evidence not found');
    const at = new Date().toISOString();
    const set: Record<string, unknown> = { updatedAt: at, updatedBy: actor.userId };
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) set[field] = value === null ? undefined : value;
    }
    const validFrom = 'validFrom' in set ? set.validFrom : before.validFrom;
    const validUntil = 'validUntil' in set ? set.validUntil : before.validUntil;
    if (typeof validFrom === 'string' && typeof validUntil === 'string' && validFrom > validUntil) {
      throw new EvidenceValidityError('validUntil is before validFrom');
    }
    const { updatedAt: _updatedAt, updatedBy: _updatedBy, ...changed } = set;
    const updated = await updateVersioned<Record<string, unknown>>(
      this.clients.table,
      this.tableName,
      evidenceKeys.item(this.tenantCode, evidenceId),
      expectedVersion,
      set,
      {
        expression: 'attribute_not_exists(deleted)',
        values: {},
        onFail: () => new EvidenceStateError('deleted'),
      },
      [
        this.auditEntry(
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
   */
  async remove(evidenceId: string, expectedVersion: number, actor: Actor, reason: string): Promise<Evidence> {
    const before = await this.getStored(evidenceId, true);
    if (!before) throw new NotFoundError('evidence not found');
    const at = new Date().toISOString();
    const alongside: TransactItem[] = [
      this.auditEntry(
        actor,
        { action: 'evidence.deleted', entityId: evidenceId, changes: { reason: { after: reason } } },
        at,
      ),
    ];
    if (before.status === 'passed' && before.source === 'upload' && before.size !== undefined) {
      alongside.push({
        Update: {
          TableName: this.tableName,
          Key: evidenceKeys.usage(this.tenantCode),
          UpdateExpression: 'SET usedBytes = usedBytes - :size, files = files - :one',
          ConditionExpression: 'attribute_exists(usedBytes)',
          ExpressionAttributeValues: { ':size': before.size, ':one': 1 },
        },
      });
    }
    const updated = await updateVersioned<Record<string, unknown>>(
      this.clients.table,
      this.tableName,
      evidenceKeys.item(this.tenantCode, evidenceId),
      expectedVersion,
      { deleted: { by: actor.userId, at, reason }, updatedAt: at, updatedBy: actor.userId },
      {
        expression: 'attribute_not_exists(deleted)',
        values: {},
        onFail: () => new EvidenceStateError('deleted'),
      },
      alongside,
    );
    if (before.objectKey) {
      const { client, s3 } = await this.clients.objects();
      await client.send(new s3.DeleteObjectCommand({ Bucket: this.bucket, Key: before.objectKey }));
    }
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
    const stored = await this.getStored(evidence.id);
    if (!stored?.objectKey) throw new NotFoundError('evidence has no object');
    const mediaType = stored.intake?.mediaType ?? stored.mediaType ?? 'application/octet-stream';
    const previewable = inline && ['application/pdf', 'image/jpeg', 'image/png'].includes(mediaType);
    const { client, s3 } = await this.clients.objects();
    const url = await s3.getSignedUrl(
      client,
      new s3.GetObjectCommand({
        Bucket: this.bucket,
        Key: stored.objectKey,
        ResponseContentType: mediaType,
        ResponseContentDisposition: disposition(previewable, stored.fileName ?? 'berkas'),
        ResponseCacheControl: 'private, max-age=300',
      }),
      { expiresIn: this.limits.downloadUrlSeconds },
    );
    return {
      url,
      expiresAt: new Date(Date.now() + this.limits.downloadUrlSeconds * 1000).toISOString(),
      inline: previewable,
    };
  }

  /** Attaches the item to an answer, an SPD row or an agreement. */
  async link(evidenceId: string, target: EvidenceTarget, actor: Actor): Promise<EvidenceLink> {
    const [link] = await this.linkMany(evidenceId, [target], actor);
    if (!link) throw new Error('link not written');
    return link;
  }

  /**
   * Attaches one item to many targets (an SK naming many innovations), 98 per transaction, each
   * transaction all or nothing. A target already linked fails its batch with EvidenceLinkExistsError.
   */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
  async linkMany(
    evidenceId: string,
    targets: readonly EvidenceTarget[],
    actor: Actor,
    now = new Date().toISOString(),
  ): Promise<EvidenceLink[]> {
    const links: EvidenceLink[] = [];
    for (let start = 0; start < targets.length; start += LINKS_PER_TRANSACTION) {
      const batch = targets.slice(start, start + LINKS_PER_TRANSACTION);
      const counts = new Map<string, number>();
      for (const target of batch) counts.set(codeOf(target), (counts.get(codeOf(target)) ?? 0) + 1);
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = { ':zero': 0, ':rejected': 'rejected' };
      const assignments = [...counts.entries()].map(([code, count], index) => {
        names[`#c${index}`] = code;
        values[`:n${index}`] = count;
        return `linkedCodes.#c${index} = if_not_exists(linkedCodes.#c${index}, :zero) + :n${index}`;
      });
      const written = batch.map((target) => ({ evidenceId, target, linkedAt: now, linkedBy: actor.userId }));
      try {
        await this.transact([
          {
            Update: {
              TableName: this.tableName,
              Key: evidenceKeys.item(this.tenantCode, evidenceId),
              UpdateExpression: `SET ${assignments.join(', ')}`,
              ConditionExpression:
                'attribute_exists(pk) AND attribute_not_exists(deleted) AND #status <> :rejected',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          this.auditEntry(
            actor,
            {
              action: 'evidence.linked',
              entityId: evidenceId,
              changes: { targets: { after: batch.map((target) => evidenceTargetKey(target)) } },
            },
            now,
          ),
          ...written.map((link) => ({
            Put: {
              TableName: this.tableName,
              Item: {
                ...evidenceKeys.link(this.tenantCode, evidenceId, link.target),
                ...evidenceKeys.linkIndex(this.tenantCode, evidenceId, link.target),
                ...link,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          })),
        ]);
      } catch (error) {
        const failed = cancelledConditions(error);
        if (failed.some((index) => index >= 2)) throw new EvidenceLinkExistsError('already linked');
        if (failed.includes(0)) {
          const current = await this.getStored(evidenceId, true);
          if (!current) throw new NotFoundError('evidence not found');
          throw new EvidenceStateError(current.deleted ? 'deleted' : 'rejected');
        }
        throw error;
      }
      links.push(...written);
    }
    return links;
  }

  /** Detaches the item from one target. A link whose item has expired is removed on its own. */
  async unlink(evidenceId: string, target: EvidenceTarget, actor: Actor): Promise<void> {
    const linkKey = evidenceKeys.link(this.tenantCode, evidenceId, target);
    const exists = await this.getStored(evidenceId, true);
    if (!exists) {
      try {
        await this.clients.table.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: linkKey,
            ConditionExpression: 'attribute_exists(pk)',
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException')
          throw new NotFoundError('no such link');
        throw error;
      }
      return;
    }
    try {
      await this.transact([
        {
          Delete: {
            TableName: this.tableName,
            Key: linkKey,
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: evidenceKeys.item(this.tenantCode, evidenceId),
            UpdateExpression: 'SET linkedCodes.#c = linkedCodes.#c - :one',
            ConditionExpression: 'attribute_exists(linkedCodes.#c)',
            ExpressionAttributeNames: { '#c': codeOf(target) },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
        this.auditEntry(actor, {
          action: 'evidence.unlinked',
          entityId: evidenceId,
          changes: { target: { before: evidenceTargetKey(target) } },
        }),
      ]);
    } catch (error) {
      if (cancelledConditions(error).includes(0)) throw new NotFoundError('no such link');
      throw error;
    }
  }

  /**
   * The region's links under a target prefix (one innovation, one SPD year, one exact target), or
   * all of them: one index partition, read page by page (a region has hundreds to a few thousand).
   */
  private async queryLinks(prefix?: string): Promise<EvidenceLink[]> {
    const { index, value } = evidenceKeys.links(this.tenantCode);
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      IndexName: index.name,
      KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: prefix
        ? { '#pk': index.partition, '#sk': index.sort }
        : { '#pk': index.partition },
      ExpressionAttributeValues: prefix ? { ':pk': value, ':prefix': prefix } : { ':pk': value },
    });
    return items.map(toLink);
  }

  /** Links with their items; a link whose item expired (a pending upload never completed) is left out. */
  private async linksUnder(prefix?: string): Promise<LinkedEvidence[]> {
    const links = await this.queryLinks(prefix);
    const items = await this.batchGet([...new Set(links.map((link) => link.evidenceId))]);
    return links.flatMap((link) => {
      const evidence = items.get(link.evidenceId);
      return evidence ? [{ evidence, link, passed: evidencePassed(evidence) }] : [];
    });
  }

  private async batchGet(ids: readonly string[], projection?: string): Promise<Map<string, Evidence>> {
    const found = new Map<string, Evidence>();
    for (let start = 0; start < ids.length; start += 100) {
      let request: BatchRequest | undefined = {
        [this.tableName]: {
          Keys: ids.slice(start, start + 100).map((id) => ({ ...evidenceKeys.item(this.tenantCode, id) })),
          ...(projection
            ? {
                ProjectionExpression: projection,
                ExpressionAttributeNames: { '#status': 'status', '#id': 'id' },
              }
            : {}),
        },
      };
      for (let attempt = 0; request && Object.keys(request).length > 0 && attempt < 8; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
        const result = await this.clients.table.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const evidence = toEvidence(item);
          found.set(evidence.id, evidence);
        }
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  /** Every indicator of one innovation and what is attached to it. */
  async linksForInnovation(innovationId: string): Promise<Map<string, LinkedEvidence[]>> {
    return groupBy(
      await this.linksUnder(evidenceKeys.linkTargetPrefix({ type: 'innovation', innovationId })),
      (entry) => (entry.link.target.type === 'innovation' ? entry.link.target.indicator : ''),
    );
  }

  /** Every SPD row of one year and what is attached to it. */
  async linksForSpd(year: number): Promise<Map<string, LinkedEvidence[]>> {
    return groupBy(await this.linksUnder(evidenceKeys.linkTargetPrefix({ type: 'spd', year })), (entry) =>
      entry.link.target.type === 'spd' ? entry.link.target.row : '',
    );
  }

  /** Every link of the region with its item: one read for a region-wide completeness view. */
  async linksForRegion(): Promise<LinkedEvidence[]> {
    return this.linksUnder();
  }

  /**
   * The same answer as `linksForRegion`, for a whole-region recompute (the summary read model,
   * docs/decisions/0010): the items come from the library index in one paginated query instead of a
   * batch read by id. A Query is charged by the bytes it reads, a BatchGet by item (each rounded up
   * to 4 KB), so for a region with thousands of small items this reads about a third of the units.
   */
  async linksForRegionByQuery(): Promise<LinkedEvidence[]> {
    const [links, items] = await Promise.all([this.queryLinks(), this.allItems()]);
    return links.flatMap((link) => {
      const evidence = items.get(link.evidenceId);
      return evidence ? [{ evidence, link, passed: evidencePassed(evidence) }] : [];
    });
  }

  /** Every item of the library (deleted and rejected ones included), by id. */
  private async allItems(): Promise<Map<string, Evidence>> {
    const { index, value } = evidenceKeys.list(this.tenantCode);
    const items = new Map<string, Evidence>();
    const found = await queryAll(this.clients.table, {
      TableName: this.tableName,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partition },
      ExpressionAttributeValues: { ':pk': value },
    });
    for (const item of found) {
      const evidence = toEvidence(item);
      items.set(evidence.id, evidence);
    }
    return items;
  }

  async linksForTarget(target: EvidenceTarget): Promise<LinkedEvidence[]> {
    return this.linksUnder(evidenceKeys.linkTargetPrefix(target));
  }

  /**
   * The items linked to one answer, SPD row or agreement that passed intake (and were not deleted):
   * what a verifier's acceptance needs, and what the verified score counts.
   */
  async passedEvidenceFor(target: EvidenceTarget): Promise<Evidence[]> {
    return (await this.linksForTarget(target)).filter((entry) => entry.passed).map((entry) => entry.evidence);
  }

  /**
   * Every target of the region with at least one passed item: one pass over the region's links and
   * a batch read of their items' status, for a whole projection at once.
   */
  async evidencedTargets(): Promise<EvidencedTargets> {
    const links = await this.queryLinks();
    const items = await this.batchGet(
      [...new Set(links.map((link) => link.evidenceId))],
      '#id, #status, deleted',
    );
    const passed = new Set(
      links
        .filter((link) => evidencePassed(items.get(link.evidenceId)))
        .map((link) => evidenceTargetKey(link.target)),
    );
    return { has: (target) => passed.has(evidenceTargetKey(target)) };
  }
}

type BatchRequest = Record<
  string,
  {
    Keys: Record<string, unknown>[];
    ProjectionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
  }
>;

/** A metadata change would leave the validity period ending before it starts. */
export class EvidenceValidityError extends Error {
  override readonly name = 'EvidenceValidityError';
}

function groupBy<T>(entries: readonly T[], keyOf: (entry: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}
