import { resumeBackgroundJobs } from '@inovasi/api/jobs/background';
import { dispatchOutbox, fileMailSink } from '@inovasi/api/jobs/outbox';
import { runDeadlineReminders } from '@inovasi/api/jobs/reminders';
import { formatRebuildReport, rebuildSummaries, sweepStaleSummaries } from '@inovasi/api/jobs/summaries';
import { createLogger } from '@inovasi/api/logging';
import type { ScopedClientFactory } from '@inovasi/data';

const OUTBOX_EVERY_MS = 15_000;
const REMINDERS_EVERY_MS = 60 * 60 * 1000;
/** Repairs summary drift (a lost in-request refresh) and writes each region's daily trend point. */
const SUMMARY_REBUILD_EVERY_MS = 15 * 60 * 1000;
/** Recomputes only regions whose in-request refresh was lost or whose season summary is missing. */
const SUMMARY_SWEEP_EVERY_MS = 60_000;
/** Takes up export and import jobs nobody started or whose run died (docs/decisions/0011). */
const JOB_SWEEP_EVERY_MS = 60_000;

/**
 * The embedded default's stand-in for EventBridge schedules: timers that run the same job
 * functions the AWS workers run. A failing run is reported and retried on the next tick.
 */
export function startScheduledJobs(data: ScopedClientFactory, outboxFile: string) {
  const sink = fileMailSink(outboxFile);
  let running = false;
  const guarded = (job: () => Promise<unknown>) => async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      console.error('scheduled job failed; it runs again on the next tick', error);
    } finally {
      running = false;
    }
  };
  const reminders = guarded(() => runDeadlineReminders(data));
  const outbox = guarded(() => dispatchOutbox(data, sink));
  // Their own guard: a rebuild of many regions must not hold up the outbox, and the sweep and the
  // rebuild would only do the same work twice.
  let summarising = false;
  const summaryJob = (name: string, job: () => Promise<string[]>) => async () => {
    if (summarising) return;
    summarising = true;
    try {
      for (const line of await job()) console.warn(`summaries: ${line}`);
    } catch (error) {
      console.error(`summary ${name} failed; it runs again on the next tick`, error);
    } finally {
      summarising = false;
    }
  };
  const summaries = summaryJob('rebuild', async () => {
    const report = await rebuildSummaries(data);
    return report.drifted > 0 || report.failures.length > 0 ? formatRebuildReport(report, false) : [];
  });
  const summarySweep = summaryJob('sweep', async () => {
    const report = await sweepStaleSummaries(data);
    return [
      ...report.refreshed.map(({ tenantCode, reason }) => `${tenantCode} refreshed (${reason})`),
      ...report.failures.map(({ tenantCode, error }) => `${tenantCode} sweep FAILED: ${error}`),
    ];
  });
  // Its own guard too: a national-entry pack may take minutes.
  let sweeping = false;
  const jobLogger = createLogger({ serviceName: 'inovasi-jobs', logLevel: 'WARN' });
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      await resumeBackgroundJobs({ data, logger: jobLogger });
    } catch (error) {
      console.error('background job sweep failed; it runs again on the next tick', error);
    } finally {
      sweeping = false;
    }
  };
  const timers = [
    setInterval(sweep, JOB_SWEEP_EVERY_MS),
    setInterval(outbox, OUTBOX_EVERY_MS),
    setInterval(reminders, REMINDERS_EVERY_MS),
    setInterval(summaries, SUMMARY_REBUILD_EVERY_MS),
    setInterval(summarySweep, SUMMARY_SWEEP_EVERY_MS),
  ];
  for (const timer of timers) timer.unref();
  const first = setTimeout(reminders, 1_000);
  first.unref();
  return {
    outboxFile,
    stop: () => {
      for (const timer of timers) clearInterval(timer);
      clearTimeout(first);
    },
  };
}
