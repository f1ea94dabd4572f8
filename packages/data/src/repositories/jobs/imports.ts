import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type {
  Actor,
  ImportFormat,
  ImportJob,
  ImportOptions,
  ImportPreviewRow,
  ImportReportRow,
  ImportReportSummary,
  ImportSummary,
  JobError,
} from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { ulid } from 'ulid';
import { type TenantClients, tenantOf } from '../../clients.ts';
import { cancelledConditions } from '../../errors.ts';
import { IMPORT_OBJECT_EXPIRY_DAYS } from '../../job-object-tags.ts';
import { jobKeys } from '../../keys.ts';
import { type AuditContext, auditPut, SYSTEM_AUDIT } from '../audit.ts';
import { ImportFiles } from './import-files.ts';
import type { LeaseProtocol } from './lease-protocol.ts';
import { JobLeases } from './leases.ts';
import { previewLease } from './preview-lease.ts';
import { type ClaimedJob, expiry, listJobs, type PresignedPut, toJob, ttlFrom } from './shared.ts';

/** An import's record and report stay a month. */
const IMPORT_TTL_SECONDS = IMPORT_OBJECT_EXPIRY_DAYS * 24 * 60 * 60;

export interface NewImport {
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly size: number;
  /** The file itself when small enough to travel in the request; otherwise a presigned PUT is issued. */
  readonly content?: Buffer | undefined;
}

/**
 * Spreadsheet imports of one tenant: the uploaded file (its bytes are ImportFiles' business), its
 * preview (every row validated), the confirmation, the run and its report.
 */
export class ImportRepository {
  private readonly leases: JobLeases;
  /** The preview's run writes its result under the preview's lease (`savePreview`). */
  private readonly previewLease: LeaseProtocol;
  private readonly files: ImportFiles;

  constructor(
    private readonly clients: TenantClients,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {
    this.leases = new JobLeases(clients, (id) => jobKeys.importJob(tenantOf(clients), id));
    this.previewLease = previewLease(clients);
    this.files = new ImportFiles(clients);
  }

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
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
    return { job, upload: await this.files.presignSource(job, input.size, uploadSeconds, now) };
  }

  /** The uploaded file's bytes (a spreadsheet of at most `maxBytes`). */
  readSource(job: ImportJob, maxBytes: number): Promise<Buffer> {
    return this.files.readSource(job, maxBytes);
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
    await this.files.putJson(previewKey, preview.rows);
    const item = await this.previewLease.write(
      id,
      runId,
      {
        set: {
          status: 'previewed',
          fileSha256: preview.fileSha256,
          options: preview.options,
          summary: preview.summary,
          previewedAt: now.toISOString(),
          previewKey,
          progress: 100,
          stage: 'Pratinjau siap',
        },
        remove: ['runId', 'leaseUntil', 'previewFrom', 'previewOptions', 'error'],
      },
      true,
    );
    return toJob<ImportJob>(item ?? {});
  }

  /** Whether the file is there to be previewed: stored with the record, or uploaded. */
  sourceExists(job: Pick<ImportJob, 'id' | 'format'>): Promise<boolean> {
    return this.files.sourceExists(job);
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
    return previewKey ? this.files.getJson<ImportPreviewRow[]>(previewKey) : undefined;
  }

  async reportRows(id: string): Promise<ImportReportRow[] | undefined> {
    const { reportKey } = await this.pointers(id);
    return reportKey ? this.files.getJson<ImportReportRow[]>(reportKey) : undefined;
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
      if (!current) throw new DomainError('not_found');
      if (current.version !== expectedVersion) throw new DomainError('version_conflict', 'If-Match');
      throw new DomainError('import_wrong_state', 'status');
    }
    const confirmed = await this.get(id);
    if (!confirmed) throw new DomainError('not_found');
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
    await this.files.putJson(reportKey, rows);
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
