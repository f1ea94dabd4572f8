import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  Actor,
  Evidence,
  ExportJob,
  ExportKind,
  ExportResult,
  ImportFormat,
  ImportJob,
  ImportOptions,
  ImportPreviewRow,
  ImportReportRow,
  ImportReportSummary,
  ImportSummary,
  JobError,
} from '@inovasi/core';
import { ulid } from 'ulid';
import type { ScopedClients } from '../clients.ts';
import {
  cancelledConditions,
  IdempotencyMismatchError,
  isConditionFailure,
  NotFoundError,
  VersionConflictError,
} from '../errors.ts';
import {
  EXPORT_OBJECT_EXPIRY_DAYS,
  IMPORT_OBJECT_EXPIRY_DAYS,
  JOB_OBJECT_EXPORT,
  JOB_OBJECT_IMPORT,
  jobObjectTagging,
} from '../job-object-tags.ts';
import { evidenceObjectKey, jobKeys, type TableKey } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { type AuditContext, auditPut, SYSTEM_AUDIT } from './audit.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { toRecord } from './versioned.ts';

/** A finished export stays downloadable for a week; an import's record and report for a month. */
const EXPORT_TTL_SECONDS = EXPORT_OBJECT_EXPIRY_DAYS * 24 * 60 * 60;
const IMPORT_TTL_SECONDS = IMPORT_OBJECT_EXPIRY_DAYS * 24 * 60 * 60;
/**
 * A run holds its job for this long and renews the lease while it works (every progress report
 * and a heartbeat). A run that stops renewing (its process died) loses the job to the next one.
 */
export const JOB_LEASE_MS = 2 * 60 * 1000;
/** Runs that may start for one job before it is given up as failed. */
export const JOB_MAX_ATTEMPTS = 3;

/** The run no longer holds the job (its lease expired and another run took it): stop, write nothing. */
export class JobLeaseLostError extends Error {
  override readonly name = 'JobLeaseLostError';
}

/** An import asked to do something its status does not allow (preview after confirm, confirm before preview). */
export class ImportStateError extends Error {
  override readonly name = 'ImportStateError';
}

/** The uploaded spreadsheet is not in the bucket (the presigned upload never happened). */
export class ImportFileMissingError extends Error {
  override readonly name = 'ImportFileMissingError';
}

export class ImportFileTooLargeError extends Error {
  override readonly name = 'ImportFileTooLargeError';
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const ttlFrom = (now: Date, seconds: number) => Math.floor(now.getTime() / 1000) + seconds;
const expiry = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

/** What only the data layer keeps on a job item: who runs it, until when, and where its file is. */
const STORED_ONLY = [
  'runId',
  'leaseUntil',
  'objectKey',
  'paramsHash',
  'fingerprint',
  'previewKey',
  'reportKey',
  'previewFrom',
  'previewOptions',
  'previewAttempts',
] as const;

function toJob<T>(item: Record<string, unknown>): T {
  const record = toRecord<Record<string, unknown>>(item);
  for (const field of STORED_ONLY) delete record[field];
  return record as T;
}

/** A presigned PUT: send the file's bytes, exactly `size` of them, with exactly these headers. */
export interface PresignedPut {
  readonly method: 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/** `attachment; filename*=` with the given name, safe in a header. */
const attachment = (fileName: string): string =>
  `attachment; filename*=UTF-8''${encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )}`;

/**
 * The lease protocol both kinds of job share. A run claims a job with a conditional update (it is
 * queued, or running under an expired lease, and has attempts left), then every write it makes is
 * conditioned on its own run id: two runs can never both write a job, and a run that lost its
 * lease finds out at its next write.
 */
class JobLeases {
  constructor(
    private readonly clients: ScopedClients,
    private readonly keyOf: (id: string) => TableKey,
  ) {}

  private get tableName() {
    return this.clients.config.tableName;
  }

  async claim(id: string, runId: string, now: Date): Promise<Record<string, unknown> | undefined> {
    try {
      const result = await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.keyOf(id),
          UpdateExpression:
            'SET #status = :running, runId = :run, leaseUntil = :lease, attempts = attempts + :one, ' +
            'startedAt = if_not_exists(startedAt, :now), #version = #version + :one REMOVE #error',
          ConditionExpression:
            'attribute_exists(pk) AND attempts < :max AND ' +
            '(#status = :queued OR (#status = :running AND leaseUntil < :now))',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version', '#error': 'error' },
          ExpressionAttributeValues: {
            ':running': 'running',
            ':queued': 'queued',
            ':run': runId,
            ':lease': new Date(now.getTime() + JOB_LEASE_MS).toISOString(),
            ':now': now.toISOString(),
            ':one': 1,
            ':max': JOB_MAX_ATTEMPTS,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Progress for the UI and a renewed lease, in one write. */
  async progress(
    id: string,
    runId: string,
    progress: number,
    stage: string,
    now = new Date(),
  ): Promise<void> {
    await this.write(id, runId, {
      progress: Math.max(0, Math.min(99, Math.round(progress))),
      stage,
      leaseUntil: new Date(now.getTime() + JOB_LEASE_MS).toISOString(),
    });
  }

  /** The run's last write: done, failed, or handed back to the queue for another attempt. */
  async finish(id: string, runId: string, changes: Record<string, unknown>): Promise<void> {
    await this.write(id, runId, changes, ['runId', 'leaseUntil']);
  }

  /** `retry`: hand the job back to the queue (another run may succeed); otherwise it failed for good. */
  async fail(id: string, runId: string, error: JobError, retry: boolean): Promise<void> {
    await this.finish(
      id,
      runId,
      retry
        ? { status: 'queued', stage: 'Menunggu percobaan ulang', error }
        : { status: 'failed', error, finishedAt: new Date().toISOString() },
    );
  }

  private async write(
    id: string,
    runId: string,
    changes: Record<string, unknown>,
    remove: readonly string[] = [],
  ): Promise<void> {
    const names: Record<string, string> = { '#version': 'version', '#status': 'status' };
    const values: Record<string, unknown> = { ':run': runId, ':one': 1, ':running': 'running' };
    const assignments = ['#version = #version + :one'];
    Object.entries(changes).forEach(([attribute, value], index) => {
      names[`#a${index}`] = attribute;
      values[`:v${index}`] = value;
      assignments.push(`#a${index} = :v${index}`);
    });
    const removals = remove.map((attribute, index) => {
      names[`#r${index}`] = attribute;
      return `#r${index}`;
    });
    try {
      await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.keyOf(id),
          UpdateExpression: `SET ${assignments.join(', ')}${removals.length ? ` REMOVE ${removals.join(', ')}` : ''}`,
          ConditionExpression: 'runId = :run AND #status = :running',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new JobLeaseLostError(`job ${id} is no longer held by run ${runId}`);
      throw error;
    }
  }

  /**
   * Jobs a scheduled sweep should take up: queued ones nobody started, and running ones whose run
   * stopped renewing. A stale job with no attempts left is marked failed here.
   */
  async resumable(partition: string, now: Date): Promise<Record<string, unknown>[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :job)',
      FilterExpression: '#status = :queued OR (#status = :running AND leaseUntil < :now)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': partition,
        ':job': jobKeys.jobSortPrefix,
        ':queued': 'queued',
        ':running': 'running',
        ':now': now.toISOString(),
      },
    });
    const runnable: Record<string, unknown>[] = [];
    for (const item of items) {
      if (Number(item.attempts ?? 0) < JOB_MAX_ATTEMPTS) {
        runnable.push(item);
        continue;
      }
      await this.giveUp(item, now).catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    }
    return runnable;
  }

  private async giveUp(item: Record<string, unknown>, now: Date): Promise<void> {
    await this.clients.table.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.keyOf(String(item.id)),
        UpdateExpression:
          'SET #status = :failed, #error = :error, finishedAt = :now, #version = #version + :one',
        ConditionExpression: '#version = :seen',
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error', '#version': 'version' },
        ExpressionAttributeValues: {
          ':failed': 'failed',
          ':error': {
            code: 'attempts_exhausted',
            message: `Pekerjaan ini berhenti ${JOB_MAX_ATTEMPTS} kali sebelum selesai. Minta sekali lagi.`,
          } satisfies JobError,
          ':now': now.toISOString(),
          ':one': 1,
          ':seen': item.version,
        },
      }),
    );
  }
}

async function listJobs<T>(
  clients: ScopedClients,
  tenantCode: string,
  partition: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: T[]; nextCursor?: string | undefined }> {
  const page = await clients.table.send(
    new QueryCommand({
      TableName: clients.config.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :job)',
      ExpressionAttributeValues: { ':pk': partition, ':job': jobKeys.jobSortPrefix },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { tenantCode, partition, sortPrefix: jobKeys.jobSortPrefix }),
    }),
  );
  return {
    items: (page.Items ?? []).map((item) => toJob<T>(item)),
    nextCursor: encodeCursor(page.LastEvaluatedKey),
  };
}

export interface ExportJobInput {
  readonly kind: ExportKind;
  readonly periodYear: number;
  readonly innovationId?: string | undefined;
  readonly callId?: string | undefined;
}

/** A job the runner holds: the record as claimed, and the run's id for every later write. */
export interface ClaimedJob<T> {
  readonly job: T;
  readonly runId: string;
}

/**
 * Export jobs of one tenant and their files. A request is deduplicated through a request record
 * (`REQ#<fingerprint>`) written in the same transaction as the job, with a condition: the same
 * Idempotency-Key always answers with its job, and an identical request while a job for it is
 * queued or running answers with that job instead of starting a second one.
 */
export class ExportJobRepository {
  private readonly leases: JobLeases;

  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {
    this.leases = new JobLeases(clients, (id) => jobKeys.exportJob(tenantCode, id));
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  private get bucket() {
    return this.clients.config.bucketName;
  }

  private async item(id: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: jobKeys.exportJob(this.tenantCode, id),
        ConsistentRead: true,
      }),
    );
    return result.Item;
  }

  async get(id: string): Promise<ExportJob | undefined> {
    const item = await this.item(id);
    return item ? toJob<ExportJob>(item) : undefined;
  }

  list(limit: number, cursor?: string) {
    return listJobs<ExportJob>(
      this.clients,
      this.tenantCode,
      jobKeys.exportJobs(this.tenantCode),
      limit,
      cursor,
    );
  }

  /**
   * Starts a job for a request, or answers with the one already started for it. `created` tells
   * the caller whether to dispatch a run.
   */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
  async request(
    input: ExportJobInput,
    actor: Actor,
    idempotencyKey?: string,
    now = new Date(),
  ): Promise<{ job: ExportJob; created: boolean }> {
    // The call is hashed only when there is one, so the other kinds keep their earlier hashes.
    const paramsHash = sha256(
      JSON.stringify([
        input.kind,
        input.periodYear,
        input.innovationId ?? null,
        ...(input.callId ? [input.callId] : []),
      ]),
    );
    // As the innovation idempotency records: the caller's key itself (it ends the sort key).
    const fingerprint = idempotencyKey ? `K#${idempotencyKey}` : `P#${paramsHash}`;
    const requestKey = jobKeys.exportRequest(this.tenantCode, fingerprint);
    // A lost race re-reads the record and finds the winner's job; three rounds are plenty.
    for (let round = 0; round < 3; round++) {
      const record = (
        await this.clients.table.send(
          new GetCommand({ TableName: this.tableName, Key: requestKey, ConsistentRead: true }),
        )
      ).Item;
      if (record) {
        if (idempotencyKey && record.paramsHash !== paramsHash) {
          throw new IdempotencyMismatchError('idempotency key reused with another export request');
        }
        const existing = await this.get(String(record.jobId));
        const active = existing?.status === 'queued' || existing?.status === 'running';
        if (existing && (idempotencyKey || active)) return { job: existing, created: false };
      }
      const id = ulid(now.getTime());
      const job: ExportJob = {
        id,
        kind: input.kind,
        periodYear: input.periodYear,
        ...(input.innovationId ? { innovationId: input.innovationId } : {}),
        ...(input.callId ? { callId: input.callId } : {}),
        status: 'queued',
        progress: 0,
        stage: 'Menunggu giliran',
        attempts: 0,
        requestedBy: actor.userId,
        requestedAt: now.toISOString(),
        expiresAt: expiry(now, EXPORT_TTL_SECONDS),
        version: 1,
      };
      const ttl = ttlFrom(now, EXPORT_TTL_SECONDS);
      try {
        await this.clients.table.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...jobKeys.exportJob(this.tenantCode, id), ...job, paramsHash, ttl },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...requestKey, jobId: id, paramsHash, ttl },
                  // Replace only the record we read (its job finished): two requests racing here
                  // both read the same record, and only one of them may point it at a new job.
                  ConditionExpression: record ? 'jobId = :seen' : 'attribute_not_exists(pk)',
                  ...(record ? { ExpressionAttributeValues: { ':seen': record.jobId } } : {}),
                },
              },
              auditPut(
                this.tableName,
                this.tenantCode,
                this.audit,
                {
                  action: 'export.requested',
                  entity: 'export',
                  entityId: id,
                  periodYear: input.periodYear,
                  changes: { kind: { after: input.kind }, innovationId: { after: input.innovationId } },
                },
                now.toISOString(),
              ),
            ],
          }),
        );
        return { job, created: true };
      } catch (error) {
        if (!cancelledConditions(error).includes(1)) throw error;
      }
    }
    throw new Error('export request could not be recorded: too much contention on one request');
  }

  async claim(id: string, now = new Date()): Promise<ClaimedJob<ExportJob> | undefined> {
    const runId = ulid(now.getTime());
    const item = await this.leases.claim(id, runId, now);
    return item ? { job: toJob<ExportJob>(item), runId } : undefined;
  }

  progress(id: string, runId: string, progress: number, stage: string): Promise<void> {
    return this.leases.progress(id, runId, progress, stage);
  }

  async complete(id: string, runId: string, result: ExportResult, objectKey: string): Promise<void> {
    await this.leases.finish(id, runId, {
      status: 'done',
      progress: 100,
      stage: 'Selesai',
      result,
      objectKey,
      finishedAt: new Date().toISOString(),
    });
  }

  /** `retry`: hand the job back to the queue (another run may succeed); otherwise it failed for good. */
  async fail(id: string, runId: string, error: JobError, retry: boolean): Promise<void> {
    await this.leases.fail(id, runId, error, retry);
  }

  async resumable(now = new Date()): Promise<ExportJob[]> {
    return (await this.leases.resumable(jobKeys.exportJobs(this.tenantCode), now)).map((item) =>
      toJob<ExportJob>(item),
    );
  }

  /**
   * Streams a finished file to `tenants/<code>/exports/<job>/<run>/<name>` as a multipart upload:
   * the body is read in parts of 8 MiB, two in flight, so memory stays flat whatever the size.
   */
  async uploadResult(
    jobId: string,
    runId: string,
    fileName: string,
    contentType: string,
    body: Readable,
  ): Promise<{ objectKey: string; size: number }> {
    const objectKey = jobKeys.exportObject(this.tenantCode, jobId, runId, fileName);
    let size = 0;
    const counted = new PassThrough();
    counted.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    const { client, s3 } = await this.clients.objects();
    const upload = new s3.Upload({
      client,
      // The tag lets the bucket's lifecycle rule expire the file with its job (job-object-tags.ts).
      params: {
        Bucket: this.bucket,
        Key: objectKey,
        Body: counted,
        ContentType: contentType,
        Tagging: jobObjectTagging(JOB_OBJECT_EXPORT),
      },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await Promise.all([pipeline(body, counted), upload.done()]);
    return { objectKey, size };
  }

  /** A short-lived GET of a finished job's file, with its download name. */
  async downloadUrl(
    jobId: string,
    expiresInSeconds: number,
  ): Promise<{ url: string; expiresAt: string } | undefined> {
    const item = await this.item(jobId);
    const result = item?.result as ExportResult | undefined;
    if (!item?.objectKey || !result) return undefined;
    const { client, s3 } = await this.clients.objects();
    const url = await s3.getSignedUrl(
      client,
      new s3.GetObjectCommand({
        Bucket: this.bucket,
        Key: String(item.objectKey),
        ResponseContentType: result.contentType,
        ResponseContentDisposition: attachment(result.fileName),
        ResponseCacheControl: 'private, max-age=300',
      }),
      { expiresIn: expiresInSeconds },
    );
    return { url, expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() };
  }

  /**
   * The stored bytes of one uploaded evidence item, as a stream (the pack copies them into its
   * ZIP without holding them). Undefined when the object is gone.
   */
  async openEvidence(evidence: Evidence): Promise<Readable | undefined> {
    if (evidence.source !== 'upload' || !evidence.fileName) return undefined;
    const { client, s3 } = await this.clients.objects();
    try {
      const object = await client.send(
        new s3.GetObjectCommand({
          Bucket: this.bucket,
          Key: evidenceObjectKey(this.tenantCode, evidence.id, evidence.fileName),
        }),
      );
      return object.Body as Readable;
    } catch (error) {
      const name = (error as Error).name;
      // A prefix-limited ListBucket makes S3 answer 403 for a missing key (docs/decisions/0003).
      if (name === 'NoSuchKey' || name === 'NotFound' || name === 'AccessDenied') return undefined;
      throw error;
    }
  }
}

export interface NewImport {
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly size: number;
  /** The file itself when small enough to travel in the request; otherwise a presigned PUT is issued. */
  readonly content?: Buffer | undefined;
}

const CONTENT_TYPES: Readonly<Record<ImportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/**
 * Spreadsheet imports of one tenant: the uploaded file (inline beside the record, or an object
 * uploaded with a presigned PUT), its preview (every row validated), the confirmation, the run and
 * its report.
 */
export class ImportRepository {
  private readonly leases: JobLeases;

  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {
    this.leases = new JobLeases(clients, (id) => jobKeys.importJob(tenantCode, id));
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  private get bucket() {
    return this.clients.config.bucketName;
  }

  private sourceKey(job: Pick<ImportJob, 'id' | 'format'>) {
    return jobKeys.importObject(
      this.tenantCode,
      job.id,
      job.format === 'xlsx' ? 'source.xlsx' : 'source.csv',
    );
  }

  async get(id: string): Promise<ImportJob | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: jobKeys.importJob(this.tenantCode, id),
        ConsistentRead: true,
      }),
    );
    return result.Item ? toJob<ImportJob>(result.Item) : undefined;
  }

  list(limit: number, cursor?: string) {
    return listJobs<ImportJob>(
      this.clients,
      this.tenantCode,
      jobKeys.importJobs(this.tenantCode),
      limit,
      cursor,
    );
  }

  /** Records the import; stores the file when it came in the request, otherwise presigns its upload. */
  async create(
    input: NewImport,
    actor: Actor,
    uploadSeconds: number,
    now = new Date(),
  ): Promise<{ job: ImportJob; upload?: PresignedPut | undefined }> {
    const id = ulid(now.getTime());
    const job: ImportJob = {
      id,
      status: input.content ? 'uploaded' : 'awaiting_upload',
      fileName: input.fileName,
      format: input.format,
      size: input.content?.length ?? input.size,
      progress: 0,
      attempts: 0,
      requestedBy: actor.userId,
      requestedAt: now.toISOString(),
      expiresAt: expiry(now, IMPORT_TTL_SECONDS),
      version: 1,
    };
    const ttl = ttlFrom(now, IMPORT_TTL_SECONDS);
    const record = {
      Put: {
        TableName: this.tableName,
        Item: { ...jobKeys.importJob(this.tenantCode, id), ...job, ttl },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    if (input.content) {
      // A small file travels in the request: it is kept beside the record, in the same transaction,
      // so the import exists with its file or not at all.
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            record,
            {
              Put: {
                TableName: this.tableName,
                Item: { ...jobKeys.importSource(this.tenantCode, id), content: input.content, ttl },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return { job };
    }
    await this.clients.table.send(new TransactWriteCommand({ TransactItems: [record] }));
    const objectKey = this.sourceKey(job);
    // The uploader must send the tag (it is signed), so the lifecycle rule expires the file with its import.
    const headers = {
      'content-type': CONTENT_TYPES[input.format],
      'x-amz-tagging': jobObjectTagging(JOB_OBJECT_IMPORT),
    };
    const { client, s3 } = await this.clients.objects();
    const url = await s3.getSignedUrl(
      client,
      new s3.PutObjectCommand({
        Bucket: this.bucket,
        Key: objectKey,
        ContentType: headers['content-type'],
        ContentLength: input.size,
        Tagging: headers['x-amz-tagging'],
      }),
      {
        expiresIn: uploadSeconds,
        // Signed as a header, not hoisted into the query: S3 reads tags from headers.
        unhoistableHeaders: new Set(['x-amz-tagging']),
        signableHeaders: new Set(['content-type', 'content-length']),
      },
    );
    return {
      job,
      upload: {
        method: 'PUT',
        url,
        headers,
        expiresAt: new Date(now.getTime() + uploadSeconds * 1000).toISOString(),
      },
    };
  }

  /** The uploaded file's bytes (a spreadsheet of at most `maxBytes`). */
  async readSource(job: ImportJob, maxBytes: number): Promise<Buffer> {
    const inline = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: jobKeys.importSource(this.tenantCode, job.id),
        ConsistentRead: true,
      }),
    );
    if (inline.Item?.content) return Buffer.from(inline.Item.content as Uint8Array);
    const { client, s3 } = await this.clients.objects();
    let object: GetObjectCommandOutput;
    try {
      object = await client.send(new s3.GetObjectCommand({ Bucket: this.bucket, Key: this.sourceKey(job) }));
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'NoSuchKey' || name === 'NotFound' || name === 'AccessDenied') {
        throw new ImportFileMissingError('import file not uploaded');
      }
      throw error;
    }
    const body = object.Body as Readable;
    if ((object.ContentLength ?? 0) > maxBytes) {
      body.destroy();
      throw new ImportFileTooLargeError(`${object.ContentLength} bytes`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of body) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        body.destroy();
        throw new ImportFileTooLargeError(`more than ${maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private async putJson(objectKey: string, value: unknown): Promise<void> {
    const { client, s3 } = await this.clients.objects();
    await client.send(
      new s3.PutObjectCommand({
        Bucket: this.bucket,
        Key: objectKey,
        Body: JSON.stringify(value),
        ContentType: 'application/json',
        Tagging: jobObjectTagging(JOB_OBJECT_IMPORT),
      }),
    );
  }

  private async getJson<T>(objectKey: string): Promise<T | undefined> {
    const { client, s3 } = await this.clients.objects();
    try {
      const object = await client.send(new s3.GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return JSON.parse(
        await (object.Body as { transformToString(): Promise<string> }).transformToString(),
      ) as T;
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'NoSuchKey' || name === 'NotFound' || name === 'AccessDenied') return undefined;
      throw error;
    }
  }

  /**
   * Stores the preview a preview run made (docs/decisions/0032): the rows in an object of its own
   * (`preview-<id>.json`), then the summary and a pointer to that object on the record, which
   * leaves `previewing`. Only the run holding the preview's lease (`runId`) may; a run that lost it
   * writes nothing on the record, and an object whose record update failed is never read.
   */
  async savePreview(
    id: string,
    runId: string,
    preview: {
      fileSha256: string;
      options: ImportOptions;
      summary: ImportSummary;
      rows: readonly ImportPreviewRow[];
    },
    now = new Date(),
  ): Promise<ImportJob> {
    const previewKey = jobKeys.importObject(this.tenantCode, id, `preview-${ulid(now.getTime())}.json`);
    await this.putJson(previewKey, preview.rows);
    try {
      const result = await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: jobKeys.importJob(this.tenantCode, id),
          UpdateExpression:
            'SET #status = :previewed, fileSha256 = :sha, #options = :options, summary = :summary, ' +
            'previewedAt = :now, previewKey = :key, progress = :done, stage = :stage, #version = #version + :one ' +
            'REMOVE runId, leaseUntil, previewFrom, previewOptions, #error',
          ConditionExpression: 'attribute_exists(pk) AND #status = :previewing AND runId = :run',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#options': 'options',
            '#version': 'version',
            '#error': 'error',
          },
          ExpressionAttributeValues: {
            ':previewed': 'previewed',
            ':previewing': 'previewing',
            ':run': runId,
            ':sha': preview.fileSha256,
            ':key': previewKey,
            ':options': preview.options,
            ':summary': preview.summary,
            ':now': now.toISOString(),
            ':done': 100,
            ':stage': 'Pratinjau siap',
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toJob<ImportJob>(result.Attributes ?? {});
    } catch (error) {
      if (isConditionFailure(error))
        throw new JobLeaseLostError(`preview of ${id} is no longer held by ${runId}`);
      throw error;
    }
  }

  /** Whether the file is there to be previewed: stored with the record, or uploaded. */
  async sourceExists(job: Pick<ImportJob, 'id' | 'format'>): Promise<boolean> {
    const inline = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: jobKeys.importSource(this.tenantCode, job.id),
        ProjectionExpression: 'pk',
        ConsistentRead: true,
      }),
    );
    if (inline.Item) return true;
    const { client, s3 } = await this.clients.objects();
    try {
      await client.send(new s3.HeadObjectCommand({ Bucket: this.bucket, Key: this.sourceKey(job) }));
      return true;
    } catch (error) {
      const name = (error as Error).name;
      // In AWS a missing key answers 403 under a prefix-limited ListBucket (docs/decisions/0008).
      if (name === 'NoSuchKey' || name === 'NotFound' || name === 'AccessDenied' || name === 'Forbidden') {
        return false;
      }
      throw error;
    }
  }

  /** Where the record says its preview and report are. */
  private async pointers(id: string): Promise<{ previewKey?: string; reportKey?: string }> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: jobKeys.importJob(this.tenantCode, id),
        ProjectionExpression: 'previewKey, reportKey',
        ConsistentRead: true,
      }),
    );
    return (result.Item ?? {}) as { previewKey?: string; reportKey?: string };
  }

  /** The previewed rows, as validated (and as the run imports them). */
  async previewRows(id: string): Promise<ImportPreviewRow[] | undefined> {
    const { previewKey } = await this.pointers(id);
    return previewKey ? this.getJson<ImportPreviewRow[]>(previewKey) : undefined;
  }

  async reportRows(id: string): Promise<ImportReportRow[] | undefined> {
    const { reportKey } = await this.pointers(id);
    return reportKey ? this.getJson<ImportReportRow[]>(reportKey) : undefined;
  }

  /** Confirms the preview the caller saw (its version): the import is queued, and audited. */
  async confirm(id: string, expectedVersion: number, actor: Actor, now = new Date()): Promise<ImportJob> {
    const key = jobKeys.importJob(this.tenantCode, id);
    try {
      await this.clients.table.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: key,
                UpdateExpression:
                  'SET #status = :queued, stage = :stage, progress = :zero, confirmedBy = :by, ' +
                  'confirmedAt = :now, #version = #version + :one',
                ConditionExpression: 'attribute_exists(pk) AND #version = :expected AND #status = :previewed',
                ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                ExpressionAttributeValues: {
                  ':queued': 'queued',
                  ':previewed': 'previewed',
                  ':stage': 'Menunggu giliran',
                  ':zero': 0,
                  ':by': actor.userId,
                  ':now': now.toISOString(),
                  ':one': 1,
                  ':expected': expectedVersion,
                },
              },
            },
            auditPut(
              this.tableName,
              this.tenantCode,
              this.audit,
              { action: 'import.confirmed', entity: 'import', entityId: id },
              now.toISOString(),
            ),
          ],
        }),
      );
    } catch (error) {
      if (!cancelledConditions(error).includes(0)) throw error;
      const current = await this.get(id);
      if (!current) throw new NotFoundError('import not found');
      if (current.version !== expectedVersion) throw new VersionConflictError(current.version);
      throw new ImportStateError('only a previewed import can be confirmed');
    }
    const confirmed = await this.get(id);
    if (!confirmed) throw new NotFoundError('import not found');
    return confirmed;
  }

  async claim(id: string, now = new Date()): Promise<ClaimedJob<ImportJob> | undefined> {
    const runId = ulid(now.getTime());
    const item = await this.leases.claim(id, runId, now);
    return item ? { job: toJob<ImportJob>(item), runId } : undefined;
  }

  progress(id: string, runId: string, progress: number, stage: string): Promise<void> {
    return this.leases.progress(id, runId, progress, stage);
  }

  async complete(
    id: string,
    runId: string,
    report: ImportReportSummary,
    rows: readonly ImportReportRow[],
  ): Promise<void> {
    const reportKey = jobKeys.importObject(this.tenantCode, id, `report-${runId}.json`);
    await this.putJson(reportKey, rows);
    await this.leases.finish(id, runId, {
      status: 'done',
      reportKey,
      progress: 100,
      stage: 'Selesai',
      report,
      finishedAt: new Date().toISOString(),
    });
  }

  async fail(id: string, runId: string, error: JobError, retry: boolean): Promise<void> {
    await this.leases.fail(id, runId, error, retry);
  }

  async resumable(now = new Date()): Promise<ImportJob[]> {
    return (await this.leases.resumable(jobKeys.importJobs(this.tenantCode), now)).map((item) =>
      toJob<ImportJob>(item),
    );
  }
}
