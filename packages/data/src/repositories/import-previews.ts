import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportJob, ImportOptions, JobError } from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { ulid } from 'ulid';
import { type TenantClients, tenantOf } from '../clients.ts';
import { isConditionFailure } from '../errors.ts';
import { jobKeys } from '../keys.ts';
import type { LeaseProtocol } from './jobs/lease-protocol.ts';
import { previewLease } from './jobs/preview-lease.ts';
import { toRecord } from './versioned.ts';

/** Statuses from which a preview may be asked for: the file is there, nothing is imported yet. */
const PREVIEWABLE = ['awaiting_upload', 'uploaded', 'previewed'] as const;

export { PREVIEW_GIVEN_UP } from './jobs/preview-lease.ts';

export interface ClaimedPreview {
  readonly job: ImportJob;
  readonly runId: string;
  readonly options: ImportOptions;
}

const publicJob = (item: Record<string, unknown>): ImportJob => {
  const { runId, leaseUntil, previewKey, reportKey, previewFrom, previewOptions, previewAttempts, ...job } =
    toRecord<Record<string, unknown>>(item);
  return job as unknown as ImportJob;
};

/**
 * An import's preview as a job of the jobs worker (docs/decisions/0032): the API records the
 * request and answers at once; a run claims it with a lease, reads the file and stores the preview
 * (`ImportRepository.savePreview`) or its failure. The record is the import's own item: its status
 * is `previewing` meanwhile, and `previewFrom` remembers where a failed preview returns to.
 */
export class ImportPreviewJobs {
  private readonly lease: LeaseProtocol;

  constructor(private readonly clients: TenantClients) {
    this.lease = previewLease(clients);
  }

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  private key(id: string) {
    return jobKeys.importJob(this.tenantCode, id);
  }

  /** Queues a preview with these options; an earlier preview's error is cleared. */
  async request(id: string, options: ImportOptions): Promise<ImportJob> {
    try {
      const result = await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(id),
          UpdateExpression:
            'SET previewFrom = #status, #status = :previewing, previewOptions = :options, previewAttempts = :zero, ' +
            'progress = :zero, stage = :stage, #version = #version + :one ' +
            'REMOVE #error, runId, leaseUntil',
          ConditionExpression: `attribute_exists(pk) AND #status IN (${PREVIEWABLE.map((_, i) => `:s${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version', '#error': 'error' },
          ExpressionAttributeValues: {
            ...Object.fromEntries(PREVIEWABLE.map((status, i) => [`:s${i}`, status])),
            ':previewing': 'previewing',
            ':options': options,
            ':zero': 0,
            ':stage': 'Menunggu giliran',
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return publicJob(result.Attributes ?? {});
    } catch (error) {
      if (isConditionFailure(error)) throw new DomainError('import_wrong_state', 'status');
      throw error;
    }
  }

  /** Takes the preview for one run, unless another run holds a live lease or attempts are spent. */
  async claim(id: string, now = new Date()): Promise<ClaimedPreview | undefined> {
    const runId = ulid(now.getTime());
    const item = await this.lease.claim(id, runId, now);
    if (!item) return undefined;
    return { job: publicJob(item), runId, options: (item.previewOptions ?? {}) as ImportOptions };
  }

  /** Progress for the polling client, renewing the lease. */
  progress(id: string, runId: string, progress: number, stage: string, now = new Date()): Promise<void> {
    return this.lease.progress(id, runId, progress, stage, now);
  }

  /** The file cannot be previewed: back to where the import was, with the reason on the record. */
  async fail(id: string, runId: string, error: JobError): Promise<void> {
    await this.lease.write(id, runId, {
      copy: { status: 'previewFrom' },
      set: { error },
      remove: ['runId', 'leaseUntil'],
    });
  }

  /** Lets another run try soon (a failure that is not the file's): the lease ends now. */
  async release(id: string, runId: string, now = new Date()): Promise<void> {
    await this.lease.write(id, runId, {
      set: { leaseUntil: now.toISOString(), stage: 'Menunggu percobaan ulang' },
    });
  }

  /**
   * Previews the sweep should hand over: asked for and never claimed, or whose run stopped renewing.
   * One that used up its attempts (a file that kills every run) fails with `import_preview_limit`.
   */
  async pending(now = new Date()): Promise<ImportJob[]> {
    const items = await this.lease.runnable(jobKeys.importJobs(this.tenantCode), jobKeys.jobSortPrefix, now);
    return items.map(publicJob);
  }
}
