/**
 * What the scheduled worker runs and what it reports, shared with the CDK app (which builds one
 * EventBridge rule per job with `{ "job": <name> }` as its constant input, and the alarms on the
 * metrics). Pure data: `infra` imports it at synth time.
 */
export const SCHEDULED_JOBS = ['outbox', 'reminders', 'jobs-sweep', 'summaries-rebuild'] as const;
export type ScheduledJob = (typeof SCHEDULED_JOBS)[number];

export const isScheduledJob = (value: unknown): value is ScheduledJob =>
  typeof value === 'string' && (SCHEDULED_JOBS as readonly string[]).includes(value);

/** The event every schedule sends: EventBridge's constant input, nothing else. */
export interface ScheduledEvent {
  readonly job: ScheduledJob;
}

/**
 * Metrics of the nightly summary rebuild, in Embedded Metric Format. Powertools adds the `service`
 * dimension (the function's service name); no tenant is ever a dimension (a billed metric per tenant).
 */
export const SCHEDULED_WORKER_SERVICE = 'inovasi-scheduled-worker';
export const SUMMARY_METRICS = {
  /** Summaries whose stored copy differed from a recompute (then repaired): the projector missed a change. */
  drift: 'SummaryDrift',
  /** Regions whose rebuild failed outright. */
  failures: 'SummaryRebuildFailures',
} as const;
/** One namespace per deployment stage, so two stages in one account never share an alarm's metric. */
export const metricsNamespace = (stage: string): string => `InovasiDaerah/${stage}`;
