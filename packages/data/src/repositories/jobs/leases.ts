import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { JobError } from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import type { ScopedClients } from '../../clients.ts';
import { isConditionFailure } from '../../errors.ts';
import { jobKeys, type TableKey } from '../../keys.ts';
import { queryAll } from '../../query-all.ts';

/**
 * A run holds its job for this long and renews the lease while it works (every progress report
 * and a heartbeat). A run that stops renewing (its process died) loses the job to the next one.
 */
export const JOB_LEASE_MS = 2 * 60 * 1000;
/** Runs that may start for one job before it is given up as failed. */
export const JOB_MAX_ATTEMPTS = 3;

/**
 * The lease protocol both kinds of job share. A run claims a job with a conditional update (it is
 * queued, or running under an expired lease, and has attempts left), then every write it makes is
 * conditioned on its own run id: two runs can never both write a job, and a run that lost its
 * lease finds out at its next write.
 */
export class JobLeases {
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
      if (isConditionFailure(error)) throw new DomainError('job_lease_lost');
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
