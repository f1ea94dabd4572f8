import type { JobError } from '@inovasi/core';
import type { ScopedClients } from '../../clients.ts';
import { jobKeys, type TableKey } from '../../keys.ts';
import { JOB_MAX_ATTEMPTS, LeaseProtocol } from './lease-protocol.ts';

export { JOB_LEASE_MS, JOB_MAX_ATTEMPTS } from './lease-protocol.ts';

/**
 * The jobs of the jobs worker (exports, imports) on the shared lease protocol
 * (`lease-protocol.ts`): a run claims a queued job, or a running one whose lease expired, and holds
 * it in `running`; a job whose runs all stopped fails with `attempts_exhausted`.
 */
export class JobLeases {
  private readonly protocol: LeaseProtocol;

  constructor(clients: ScopedClients, keyOf: (id: string) => TableKey) {
    this.protocol = new LeaseProtocol(clients, {
      keyOf,
      heldStatus: 'running',
      attemptsAttribute: 'attempts',
      claimable: {
        expression: '#status = :queued OR (#status = :held AND leaseUntil < :now)',
        names: { '#status': 'status' },
        values: { ':queued': 'queued' },
      },
      onClaim: {
        assignments: ['#status = :held', 'startedAt = if_not_exists(startedAt, :now)'],
        remove: ['#error'],
        names: { '#error': 'error' },
      },
      givenUp: (now) => ({
        set: {
          status: 'failed',
          error: {
            code: 'attempts_exhausted',
            message: `Pekerjaan ini berhenti ${JOB_MAX_ATTEMPTS} kali sebelum selesai. Minta sekali lagi.`,
          } satisfies JobError,
          finishedAt: now.toISOString(),
        },
      }),
      describe: (id) => `job ${id}`,
    });
  }

  claim(id: string, runId: string, now: Date): Promise<Record<string, unknown> | undefined> {
    return this.protocol.claim(id, runId, now);
  }

  /** Progress for the UI and a renewed lease, in one write. */
  progress(id: string, runId: string, progress: number, stage: string, now = new Date()): Promise<void> {
    return this.protocol.progress(id, runId, progress, stage, now);
  }

  /** The run's last write: done, failed, or handed back to the queue for another attempt. */
  async finish(id: string, runId: string, changes: Record<string, unknown>): Promise<void> {
    await this.protocol.write(id, runId, { set: changes, remove: ['runId', 'leaseUntil'] });
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

  /**
   * Jobs a scheduled sweep should take up: queued ones nobody started, and running ones whose run
   * stopped renewing. A stale job with no attempts left is marked failed here.
   */
  resumable(partition: string, now: Date): Promise<Record<string, unknown>[]> {
    return this.protocol.runnable(partition, jobKeys.jobSortPrefix, now);
  }
}
