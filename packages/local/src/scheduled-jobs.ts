import { dispatchOutbox, fileMailSink } from '@inovasi/api/jobs/outbox';
import { runDeadlineReminders } from '@inovasi/api/jobs/reminders';
import type { ScopedClientFactory } from '@inovasi/data';

const OUTBOX_EVERY_MS = 15_000;
const REMINDERS_EVERY_MS = 60 * 60 * 1000;

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
  const timers = [setInterval(outbox, OUTBOX_EVERY_MS), setInterval(reminders, REMINDERS_EVERY_MS)];
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
