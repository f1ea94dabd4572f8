import { resumeBackgroundJobs } from '@inovasi/app/jobs/background';
import { dispatchOutbox, fileMailSink } from '@inovasi/app/jobs/outbox';
import { runDeadlineReminders } from '@inovasi/app/jobs/reminders';
import { formatRebuildReport, rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { createLogger } from '@inovasi/app/logging';
import type { ScopedClientFactory } from '@inovasi/data';

const OUTBOX_EVERY_MS = 15_000;
const REMINDERS_EVERY_MS = 60 * 60 * 1000;
/**
 * The safety net behind the summary projector (docs/decisions/0018): reports and repairs drift it
 * should never find, and writes each region's daily trend point.
 */
const SUMMARY_REBUILD_EVERY_MS = 15 * 60 * 1000;
/** Takes up export and import jobs nobody started or whose run died (docs/decisions/0011). */
const JOB_SWEEP_EVERY_MS = 60_000;

/**
 * Runs jobs one at a time on one lane: a tick that finds the lane busy is skipped, and a failing run
 * is reported and tried again on the next tick.
 */
function lane() {
  let running = false;
  return (name: string, job: () => Promise<unknown>) => async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      console.error(`${name} failed; it runs again on the next tick`, error);
    } finally {
      running = false;
    }
  };
}

/**
 * The embedded default's stand-in for EventBridge schedules: timers that run the same job
 * functions the AWS workers run. A failing run is reported and retried on the next tick.
 */
export function startScheduledJobs(data: ScopedClientFactory, outboxFile: string) {
  // Three lanes, so a long run holds up only its own kind: a rebuild of many regions must not hold
  // up the outbox, and a national-entry pack may take minutes.
  const mailLane = lane();
  const summaryLane = lane();
  const jobLane = lane();
  const sink = fileMailSink(outboxFile);
  const reminders = mailLane('deadline reminders', () => runDeadlineReminders(data));
  const outbox = mailLane('outbox', () => dispatchOutbox(data, sink));
  const summaries = summaryLane('summary rebuild', async () => {
    const report = await rebuildSummaries(data);
    if (report.drifted > 0 || report.failures.length > 0) {
      for (const line of formatRebuildReport(report, false)) console.warn(`summaries: ${line}`);
    }
  });
  const jobLogger = createLogger({ serviceName: 'inovasi-jobs', logLevel: 'WARN' });
  const sweep = jobLane('background job sweep', () => resumeBackgroundJobs({ data, logger: jobLogger }));
  const timers = [
    setInterval(sweep, JOB_SWEEP_EVERY_MS),
    setInterval(outbox, OUTBOX_EVERY_MS),
    setInterval(reminders, REMINDERS_EVERY_MS),
    setInterval(summaries, SUMMARY_REBUILD_EVERY_MS),
  ];
  for (const timer of timers) timer.unref();
  const first = setTimeout(reminders, 1_000);
  first.unref();
  return {
    stop: () => {
      for (const timer of timers) clearInterval(timer);
      clearTimeout(first);
    },
  };
}
