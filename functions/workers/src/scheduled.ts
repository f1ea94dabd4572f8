import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { type JobDispatcher, resumableJobs, resumeBackgroundJobs } from '@inovasi/app/jobs/background';
import { dispatchOutbox, type MailSink } from '@inovasi/app/jobs/outbox';
import { runDeadlineReminders } from '@inovasi/app/jobs/reminders';
import { formatRebuildReport, rebuildSummaries } from '@inovasi/app/jobs/summaries';
import type { ScopedClientFactory } from '@inovasi/data';
import { isScheduledJob, type ScheduledJob, SUMMARY_METRICS } from './scheduled-jobs.ts';

export interface ScheduledWorkerDeps {
  readonly data: ScopedClientFactory;
  readonly logger: Logger;
  readonly mail: MailSink;
  readonly metrics: Metrics;
  /**
   * Where the sweep hands the jobs it finds. Set (AWS): each job gets an invocation of the jobs
   * worker of its own, with that worker's memory and time. Unset: the sweep runs them here, one
   * after another, as the embedded default does.
   */
  readonly jobs?: JobDispatcher | undefined;
  readonly now?: () => Date;
}

export type ScheduledResult =
  | { readonly job: 'outbox'; readonly sent: number }
  | { readonly job: 'reminders'; readonly sent: number }
  | { readonly job: 'jobs-sweep'; readonly dispatched: number }
  | { readonly job: 'jobs-sweep'; readonly ran: number }
  | {
      readonly job: 'summaries-rebuild';
      readonly checked: number;
      readonly drifted: number;
      readonly repaired: number;
      readonly failed: number;
    };

/** Every export and import nobody started, or whose run died, handed to the dispatcher. */
async function dispatchResumableJobs(
  data: ScopedClientFactory,
  jobs: JobDispatcher,
  now: Date,
): Promise<number> {
  let dispatched = 0;
  for await (const ref of resumableJobs(data, now)) {
    await jobs.dispatch(ref);
    dispatched++;
  }
  return dispatched;
}

/**
 * The scheduled worker: one function, one EventBridge rule per job, each rule's constant input
 * naming the job (`{ "job": "outbox" }`). The jobs are the same functions the embedded default
 * runs on timers, and each is safe to run twice (the outbox marks conditionally, reminders carry
 * a fixed identity, jobs are claimed, the rebuild compares before it writes). An unknown job is a
 * deployment error and throws, so it shows as a function error and lands in the dead-letter queue.
 */
export function createScheduledHandler(deps: ScheduledWorkerDeps) {
  const now = deps.now ?? (() => new Date());

  const run = async (job: ScheduledJob): Promise<ScheduledResult> => {
    switch (job) {
      case 'outbox':
        return { job, sent: await dispatchOutbox(deps.data, deps.mail) };
      case 'reminders':
        return { job, sent: await runDeadlineReminders(deps.data, now()) };
      case 'jobs-sweep':
        return deps.jobs
          ? { job, dispatched: await dispatchResumableJobs(deps.data, deps.jobs, now()) }
          : { job, ran: await resumeBackgroundJobs({ data: deps.data, logger: deps.logger }, now()) };
      case 'summaries-rebuild': {
        const report = await rebuildSummaries(deps.data, { now: now() });
        const lines = formatRebuildReport(report, false);
        if (report.drifted > 0 || report.failures.length > 0) {
          deps.logger.warn('summary rebuild found drift or failures', { report: lines });
        } else {
          deps.logger.info('summary rebuild clean', { summary: lines.at(-1) });
        }
        deps.metrics.addMetric(SUMMARY_METRICS.drift, MetricUnit.Count, report.drifted);
        deps.metrics.addMetric(SUMMARY_METRICS.failures, MetricUnit.Count, report.failures.length);
        deps.metrics.publishStoredMetrics();
        return {
          job,
          checked: report.entries.length,
          drifted: report.drifted,
          repaired: report.repaired,
          failed: report.failures.length,
        };
      }
    }
  };

  return async function handler(event: unknown): Promise<ScheduledResult> {
    const job = (event as { job?: unknown } | null | undefined)?.job;
    if (!isScheduledJob(job)) {
      deps.logger.error('scheduled event names no known job', { job: String(job) });
      throw new Error(`scheduled event names no known job: ${String(job)}`);
    }
    const started = performance.now();
    const result = await run(job);
    deps.logger.info('scheduled job done', {
      ...result,
      durationMs: Math.round(performance.now() - started),
    });
    return result;
  };
}
