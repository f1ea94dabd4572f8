import type { DataRoleName } from '@inovasi/data/data-roles';
import { Duration } from 'aws-cdk-lib';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data } from './data.ts';
import type { DataAccess } from './data-access.ts';
import { acknowledge } from './nag.ts';
import { SUMMARY_PROJECTOR_ENTRY } from './paths.ts';
import { workerFunction } from './worker-basics.ts';

/**
 * The projector reads a region's sources (tenant role, read-only scope) and writes its summary,
 * province row, drill-down and national row (summary writer role) and the public catalogue entries
 * of its published innovations (catalogue publisher role); nothing else (ADR 0008).
 */
export const SUMMARY_PROJECTOR_DATA_ROLES: readonly DataRoleName[] = [
  'tenant',
  'summaryWriter',
  'catalogPublisher',
];

/**
 * How the stream reaches the projector (docs/decisions/0018). A batching window of a few seconds
 * lets a burst of edits of one region become one recompute; a change is still visible within
 * seconds. One batch per shard at a time keeps a region's recomputes in stream order.
 */
export const SUMMARY_PROJECTOR_STREAM = {
  batchSize: 500,
  maxBatchingWindow: Duration.seconds(3),
  /** A failing batch is halved until the failing records stand alone (a poison record). */
  bisectBatchOnError: true,
  /** Then at most this many retries, before the records go to the on-failure queue. */
  retryAttempts: 4,
  /** A record older than this is past helping; the nightly rebuild covers what it changed. */
  maxRecordAge: Duration.hours(6),
  parallelizationFactor: 1,
} as const;

/** A recompute of a 1,000-innovation region reads a few MB; 3,000 evidence links take seconds. */
export const SUMMARY_PROJECTOR_TIMEOUT = Duration.minutes(2);

export interface SummaryProjectorProps {
  readonly data: Data;
  readonly dataAccess: DataAccess;
}

/**
 * The summary projector: a Lambda event source mapping on the table's stream runs the same handler
 * the embedded default drives with its stream poller. Partial batch failures are reported per
 * region; a batch that keeps failing is bisected, retried a bounded number of times, and what still
 * fails is described in the on-failure queue (SQS), which an alarm watches.
 */
export class SummaryProjector extends Construct {
  readonly function: NodejsFunction;
  /** The on-failure destination: one message per batch of records that failed every retry. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: SummaryProjectorProps) {
    super(scope, id);

    const {
      role,
      deadLetterQueue,
      function: fn,
    } = workerFunction(this, {
      entry: SUMMARY_PROJECTOR_ENTRY,
      description: 'Inovasi Daerah summary projector',
      serviceName: 'inovasi-summary-projector',
      memorySize: 1024,
      timeout: SUMMARY_PROJECTOR_TIMEOUT,
      data: props.data,
      dataAccess: props.dataAccess,
      dataRoles: SUMMARY_PROJECTOR_DATA_ROLES,
    });
    this.function = fn;
    this.deadLetterQueue = deadLetterQueue;

    const source = new DynamoEventSource(props.data.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      ...SUMMARY_PROJECTOR_STREAM,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(this.deadLetterQueue),
    });
    this.function.addEventSource(source);

    acknowledge(this.deadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason:
        'It is the dead-letter queue: the on-failure destination of the stream event source mapping, which cdk-nag does not recognise as a DLQ use.',
    });
    acknowledge(role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (added by active tracing) and dynamodb:ListStreams (added by the stream event source) do not support resource-level permissions.',
    });
  }
}
