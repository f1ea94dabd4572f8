import {
  metricsNamespace,
  SCHEDULED_WORKER_SERVICE,
  type ScheduledJob,
  SUMMARY_METRICS,
} from '@inovasi/workers/scheduled-jobs';
import { Aws, Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data } from './data.ts';
import type { DataAccess } from './data-access.ts';
import type { JobsWorker } from './jobs-worker.ts';
import { acknowledge } from './nag.ts';
import { SCHEDULED_WORKER_ENTRY } from './paths.ts';
import { workerFunction } from './worker-basics.ts';

/**
 * When each scheduled job runs (UTC). The embedded default runs the same jobs on timers
 * (local/src/scheduled-jobs.ts), more often, since it costs nothing there.
 */
export const SCHEDULES: Readonly<
  Record<ScheduledJob, { readonly expression: string; readonly why: string }>
> = {
  outbox: { expression: 'rate(5 minutes)', why: 'E-mail from the outbox (notifications, reminders) via SES' },
  reminders: {
    expression: 'rate(1 hour)',
    why: 'Deadline reminders 7, 3 and 1 days ahead; idempotent per day, hourly catches a missed run',
  },
  'jobs-sweep': {
    expression: 'rate(15 minutes)',
    why: 'Exports and imports nobody ran or whose run died, handed to the jobs worker',
  },
  'summaries-rebuild': {
    // 02:00 WIB (UTC+7): after the working day, before the next; the day's trend point too.
    expression: 'cron(0 19 * * ? *)',
    why: 'Safety net behind the summary projector: recompute every region summary, report and repair drift, write the daily trend point',
  },
};

/** A run older than this is pointless: the next one of the same job is due by then. */
export const SCHEDULED_EVENT_MAX_AGE = Duration.hours(1);
export const SCHEDULED_WORKER_RETRIES = 2;
/** The summary rebuild walks every region; the other jobs finish in seconds. */
export const SCHEDULED_WORKER_TIMEOUT = Duration.minutes(15);
/**
 * One run of each job at a time at most, and never the account's whole concurrency. Every job is
 * also safe when two runs overlap (a slow rebuild and the next outbox run never conflict).
 */
export const SCHEDULED_WORKER_CONCURRENCY = 4;
/** The scheduled worker's data roles: the registry lists tenants, then each tenant and its summaries. */
export const SCHEDULED_WORKER_DATA_ROLES = ['tenant', 'summaryWriter', 'platform'] as const;

export interface SchedulesProps {
  readonly stage: string;
  readonly data: Data;
  readonly dataAccess: DataAccess;
  readonly jobsWorker: JobsWorker;
  /** The verified SES sender of outbox e-mail; unset: no outbox schedule and no SES permission. */
  readonly sesSender: string | undefined;
  readonly sesRegion: string;
}

/**
 * The scheduled worker and its EventBridge rules: one function, one rule per job, the job named in
 * the rule's constant input. Its role writes its logs, parks failed events, invokes the jobs worker,
 * sends e-mail only as the configured sender, and reaches data only through the data roles.
 */
export class Schedules extends Construct {
  readonly function: NodejsFunction;
  readonly deadLetterQueue: Queue;
  readonly rules: Partial<Record<ScheduledJob, Rule>> = {};
  /** Summaries whose stored copy had drifted, per nightly rebuild (the alarm watches it). */
  readonly summaryDrift: Metric;
  /** Regions whose nightly rebuild failed. */
  readonly summaryRebuildFailures: Metric;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);

    const namespace = metricsNamespace(props.stage);
    const {
      role,
      deadLetterQueue,
      function: fn,
    } = workerFunction(this, {
      entry: SCHEDULED_WORKER_ENTRY,
      description: 'Inovasi Daerah scheduled worker (outbox, reminders, jobs sweep, summary rebuild)',
      serviceName: SCHEDULED_WORKER_SERVICE,
      memorySize: 512,
      timeout: SCHEDULED_WORKER_TIMEOUT,
      reservedConcurrentExecutions: SCHEDULED_WORKER_CONCURRENCY,
      retryAttempts: SCHEDULED_WORKER_RETRIES,
      maxEventAge: SCHEDULED_EVENT_MAX_AGE,
      asyncDeadLetters: true,
      data: props.data,
      dataAccess: props.dataAccess,
      dataRoles: SCHEDULED_WORKER_DATA_ROLES,
      environment: {
        POWERTOOLS_METRICS_NAMESPACE: namespace,
        SES_REGION: props.sesRegion,
        ...(props.sesSender ? { MAIL_FROM: props.sesSender } : {}),
      },
    });
    this.function = fn;
    this.deadLetterQueue = deadLetterQueue;
    props.jobsWorker.allowDispatchFrom(this.function);

    if (props.sesSender) {
      // SES authorises against the verified identity (the sender's domain, as for Cognito's mail)
      // and the condition pins the From address, so the worker cannot send as anyone else.
      const domain = props.sesSender.split('@')[1];
      role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'SendOutboxMail',
          actions: ['ses:SendEmail'],
          resources: [`arn:${Aws.PARTITION}:ses:${props.sesRegion}:${Aws.ACCOUNT_ID}:identity/${domain}`],
          conditions: { StringEquals: { 'ses:FromAddress': props.sesSender } },
        }),
      );
    }

    for (const [job, schedule] of Object.entries(SCHEDULES) as [
      ScheduledJob,
      (typeof SCHEDULES)[ScheduledJob],
    ][]) {
      // Without a sender the outbox has nowhere to send; messages wait in it (docs/operations.md).
      if (job === 'outbox' && !props.sesSender) continue;
      const rule = new Rule(this, `Rule-${job}`, {
        description: `${job}: ${schedule.why}`,
        schedule: Schedule.expression(schedule.expression),
      });
      rule.addTarget(
        new LambdaFunction(this.function, {
          event: RuleTargetInput.fromObject({ job }),
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: SCHEDULED_WORKER_RETRIES,
          maxEventAge: SCHEDULED_EVENT_MAX_AGE,
        }),
      );
      this.rules[job] = rule;
    }

    const dimensionsMap = { service: SCHEDULED_WORKER_SERVICE };
    this.summaryDrift = new Metric({
      namespace,
      metricName: SUMMARY_METRICS.drift,
      dimensionsMap,
      statistic: 'Maximum',
      period: Duration.days(1),
    });
    this.summaryRebuildFailures = new Metric({
      namespace,
      metricName: SUMMARY_METRICS.failures,
      dimensionsMap,
      statistic: 'Maximum',
      period: Duration.days(1),
    });

    acknowledge(role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (added by active tracing) do not support resource-level permissions.',
    });
  }
}
