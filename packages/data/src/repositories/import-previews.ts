import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportJob, ImportOptions, JobError } from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { ulid } from 'ulid';
import type { ScopedClients } from '../clients.ts';
import { isConditionFailure } from '../errors.ts';
import { jobKeys } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { JOB_LEASE_MS, JOB_MAX_ATTEMPTS } from './jobs.ts';
import { toRecord } from './versioned.ts';

/** Statuses from which a preview may be asked for: the file is there, nothing is imported yet. */
const PREVIEWABLE = ['awaiting_upload', 'uploaded', 'previewed'] as const;

/** Why a preview that ran out of attempts stopped: the file is what keeps killing its runs. */
export const PREVIEW_GIVEN_UP: JobError = {
  code: 'import_preview_limit',
  field: 'file',
  message:
    'Berkas ini terlalu berat untuk dipratinjau. Hapus baris dan kolom kosong yang berformat, atau bagi berkasnya.',
};

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
  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
  ) {}

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
    try {
      const result = await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(id),
          UpdateExpression:
            'SET runId = :run, leaseUntil = :lease, previewAttempts = previewAttempts + :one, ' +
            'progress = :progress, stage = :stage, #version = #version + :one',
          ConditionExpression:
            '#status = :previewing AND previewAttempts < :max AND ' +
            '(attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':previewing': 'previewing',
            ':run': runId,
            ':lease': new Date(now.getTime() + JOB_LEASE_MS).toISOString(),
            ':now': now.toISOString(),
            ':max': JOB_MAX_ATTEMPTS,
            ':one': 1,
            ':progress': 5,
            ':stage': 'Membaca berkas',
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const item = result.Attributes ?? {};
      return { job: publicJob(item), runId, options: (item.previewOptions ?? {}) as ImportOptions };
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Progress for the polling client, renewing the lease. */
  async progress(
    id: string,
    runId: string,
    progress: number,
    stage: string,
    now = new Date(),
  ): Promise<void> {
    await this.write(id, runId, 'SET progress = :p, stage = :stage, leaseUntil = :lease', {
      ':p': Math.max(0, Math.min(99, Math.round(progress))),
      ':stage': stage,
      ':lease': new Date(now.getTime() + JOB_LEASE_MS).toISOString(),
    });
  }

  /** The file cannot be previewed: back to where the import was, with the reason on the record. */
  async fail(id: string, runId: string, error: JobError): Promise<void> {
    await this.write(id, runId, 'SET #status = previewFrom, #error = :error REMOVE runId, leaseUntil', {
      ':error': error,
    });
  }

  /** Lets another run try soon (a failure that is not the file's): the lease ends now. */
  async release(id: string, runId: string, now = new Date()): Promise<void> {
    await this.write(id, runId, 'SET leaseUntil = :now, stage = :stage', {
      ':now': now.toISOString(),
      ':stage': 'Menunggu percobaan ulang',
    });
  }

  /**
   * Previews the sweep should hand over: asked for and never claimed, or whose run stopped renewing.
   * One that used up its attempts (a file that kills every run) fails with `import_preview_limit`.
   */
  async pending(now = new Date()): Promise<ImportJob[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :job)',
      FilterExpression: '#status = :previewing AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': jobKeys.importJobs(this.tenantCode),
        ':job': jobKeys.jobSortPrefix,
        ':previewing': 'previewing',
        ':now': now.toISOString(),
      },
    });
    const runnable: ImportJob[] = [];
    for (const item of items) {
      if (Number(item.previewAttempts ?? 0) < JOB_MAX_ATTEMPTS) {
        runnable.push(publicJob(item));
        continue;
      }
      await this.giveUp(item).catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    }
    return runnable;
  }

  private async giveUp(item: Record<string, unknown>): Promise<void> {
    await this.clients.table.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(String(item.id)),
        UpdateExpression:
          'SET #status = previewFrom, #error = :error, #version = #version + :one REMOVE runId, leaseUntil',
        ConditionExpression: '#version = :seen AND #status = :previewing',
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error', '#version': 'version' },
        ExpressionAttributeValues: {
          ':error': PREVIEW_GIVEN_UP,
          ':one': 1,
          ':seen': item.version,
          ':previewing': 'previewing',
        },
      }),
    );
  }

  private async write(
    id: string,
    runId: string,
    expression: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    const [set = '', remove] = expression.split(' REMOVE ');
    try {
      await this.clients.table.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(id),
          UpdateExpression: `${set}, #version = #version + :one${remove ? ` REMOVE ${remove}` : ''}`,
          ConditionExpression: '#status = :previewing AND runId = :run',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#version': 'version',
            ...(expression.includes('#error') ? { '#error': 'error' } : {}),
          },
          ExpressionAttributeValues: { ...values, ':previewing': 'previewing', ':run': runId, ':one': 1 },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new DomainError('job_lease_lost');
      throw error;
    }
  }
}
