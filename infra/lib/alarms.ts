import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * Thresholds of the operational alarms (docs/operations.md explains what to do for each). The
 * tenant never appears in a metric dimension (a billed metric per tenant); logs carry it.
 */
export const ALARM_THRESHOLDS = {
  /** Share of API answers that are 5xx, in percent, over 5 minutes with at least 20 requests. */
  api5xxPercent: 5,
  api5xxMinimumRequests: 20,
  /** Function errors (uncaught, timeouts) in 5 minutes. */
  functionErrors: 5,
  /** Any throttled invocation or DynamoDB request in 5 minutes. */
  throttles: 1,
  /** Any event parked in a dead-letter queue. */
  deadLetters: 1,
  /** Any summary whose stored copy differed from a recompute in the nightly rebuild (a bug or a lost refresh). */
  summaryDrift: 1,
  /** Any region whose nightly rebuild failed. */
  summaryRebuildFailures: 1,
} as const;

const FIVE_MINUTES = Duration.minutes(5);

export interface AlarmsProps {
  readonly api: { readonly httpApi: HttpApi; readonly function: IFunction };
  readonly table: ITable;
  /** Where alarms are e-mailed (the platform administrator); unset: the topic has no subscriber. */
  readonly email?: string | undefined;
}

/**
 * The alarms the deployment creates, all sending to one encrypted SNS topic: the API's 5xx rate,
 * function errors and throttles, DynamoDB throttles, and per worker its errors and dead-letter
 * queue depth (`watchWorker`).
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key: a key of our own,
    // usable by CloudWatch for exactly that.
    const key = new Key(this, 'TopicKey', {
      description: 'Inovasi Daerah alarm topic',
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Inovasi Daerah alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);

    const requests = props.api.httpApi.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    const errors = props.api.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    this.add(
      'Api5xxRate',
      new MathExpression({
        expression: `IF(requests >= ${ALARM_THRESHOLDS.api5xxMinimumRequests}, 100 * errors / requests, 0)`,
        usingMetrics: { requests, errors },
        period: FIVE_MINUTES,
        label: 'API 5xx (% of requests)',
      }),
      ALARM_THRESHOLDS.api5xxPercent,
      'More than 5% of API answers are 5xx (503 means a data store is throttled or down; 500 a bug).',
    );
    this.watchFunction('Api', props.api.function);

    const throttled = (metricName: string) =>
      props.table.metric(metricName, { period: FIVE_MINUTES, statistic: 'Sum' });
    this.add(
      'DynamoDbThrottles',
      new MathExpression({
        expression: 'reads + writes',
        usingMetrics: { reads: throttled('ReadThrottleEvents'), writes: throttled('WriteThrottleEvents') },
        period: FIVE_MINUTES,
        label: 'DynamoDB throttle events',
      }),
      ALARM_THRESHOLDS.throttles,
      'DynamoDB throttled requests (on-demand: a sudden burst or a hot partition).',
    );
  }

  /** Errors and throttles of one function. */
  watchFunction(name: string, fn: IFunction): void {
    this.add(
      `${name}FunctionErrors`,
      fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      ALARM_THRESHOLDS.functionErrors,
      `${name} function errors (uncaught exceptions or timeouts).`,
    );
    this.add(
      `${name}FunctionThrottles`,
      fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
      ALARM_THRESHOLDS.throttles,
      `${name} function invocations throttled (account or reserved concurrency reached).`,
    );
  }

  /** A worker: its function errors and throttles, and events parked in its dead-letter queue. */
  watchWorker(name: string, fn: IFunction, deadLetterQueue: IQueue): void {
    this.watchFunction(name, fn);
    this.add(
      `${name}DeadLetters`,
      deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: 'Maximum',
      }),
      ALARM_THRESHOLDS.deadLetters,
      `${name} events failed every retry and wait in the dead-letter queue.`,
    );
  }

  /**
   * The nightly summary rebuild's own report: drift it found (and repaired) and regions it could
   * not rebuild. Daily periods, so the alarm shows the last night's result until the next run.
   */
  watchSummaryRebuild(drift: IMetric, failures: IMetric): void {
    this.add(
      'SummaryDrift',
      drift,
      ALARM_THRESHOLDS.summaryDrift,
      'The nightly rebuild found summaries that differed from their sources (repaired; find the cause).',
    );
    this.add(
      'SummaryRebuildFailures',
      failures,
      ALARM_THRESHOLDS.summaryRebuildFailures,
      'The nightly summary rebuild failed for at least one region (oversight may show stale figures).',
    );
  }

  private add(id: string, metric: IMetric, threshold: number, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
  }
}
