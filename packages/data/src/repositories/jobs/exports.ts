import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, Evidence, ExportJob, ExportKind, ExportResult, JobError } from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { ulid } from 'ulid';
import { type TenantClients, tenantOf } from '../../clients.ts';
import { cancelledConditions } from '../../errors.ts';
import { EXPORT_OBJECT_EXPIRY_DAYS, JOB_OBJECT_EXPORT, jobObjectTagging } from '../../job-object-tags.ts';
import { evidenceObjectKey, jobKeys } from '../../keys.ts';
import { type AuditContext, auditPut, SYSTEM_AUDIT } from '../audit.ts';
import { JobLeases } from './leases.ts';
import { attachment, type ClaimedJob, expiry, listJobs, sha256, toJob, ttlFrom } from './shared.ts';

/** A finished export stays downloadable for a week. */
const EXPORT_TTL_SECONDS = EXPORT_OBJECT_EXPIRY_DAYS * 24 * 60 * 60;

export interface ExportJobInput {
  readonly kind: ExportKind;
  readonly periodYear: number;
  readonly innovationId?: string | undefined;
  readonly callId?: string | undefined;
}

/**
 * Export jobs of one tenant and their files. A request is deduplicated through a request record
 * (`REQ#<fingerprint>`) written in the same transaction as the job, with a condition: the same
 * Idempotency-Key always answers with its job, and an identical request while a job for it is
 * queued or running answers with that job instead of starting a second one.
 */
/** The request's parameters, hashed; the call only when there is one, so the other kinds keep their earlier hashes. */
function exportParamsHash(input: ExportJobInput): string {
  return sha256(
    JSON.stringify([
      input.kind,
      input.periodYear,
      input.innovationId ?? null,
      ...(input.callId ? [input.callId] : []),
    ]),
  );
}

function queuedExportJob(id: string, input: ExportJobInput, actor: Actor, now: Date): ExportJob {
  return {
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
}

export class ExportJobRepository {
  private readonly leases: JobLeases;

  constructor(
    private readonly clients: TenantClients,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {
    this.leases = new JobLeases(clients, (id) => jobKeys.exportJob(tenantOf(clients), id));
  }

  private get tenantCode(): string {
    return tenantOf(this.clients);
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
  async request(
    input: ExportJobInput,
    actor: Actor,
    idempotencyKey?: string,
    now = new Date(),
  ): Promise<{ job: ExportJob; created: boolean }> {
    const paramsHash = exportParamsHash(input);
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
      const existing = record ? await this.answeredBy(record, paramsHash, idempotencyKey) : undefined;
      if (existing) return { job: existing, created: false };
      const id = ulid(now.getTime());
      const job = queuedExportJob(id, input, actor, now);
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

  /**
   * The job an earlier request record answers this request with: its job, when the caller sent the
   * same idempotency key or the job is still queued or running. A key reused for other parameters
   * is refused.
   */
  private async answeredBy(
    record: Record<string, unknown>,
    paramsHash: string,
    idempotencyKey: string | undefined,
  ): Promise<ExportJob | undefined> {
    if (idempotencyKey && record.paramsHash !== paramsHash) {
      throw new DomainError('idempotency_mismatch', 'Idempotency-Key');
    }
    const existing = await this.get(String(record.jobId));
    const active = existing?.status === 'queued' || existing?.status === 'running';
    return existing && (idempotencyKey || active) ? existing : undefined;
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
