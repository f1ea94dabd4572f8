import { join } from 'node:path';
import type { DataRoleName } from '@inovasi/data/data-roles';
import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, StartingPosition, Tracing } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data } from './data.ts';
import type { DataAccess } from './data-access.ts';
import { dataRoleEnvironment, workerBundling } from './jobs-worker.ts';
import { acknowledge } from './nag.ts';
import { REPO_ROOT, SUMMARY_PROJECTOR_ENTRY } from './paths.ts';
import { workerBasics } from './worker-basics.ts';

/**
 * The projector reads a region's sources (tenant role, read-only scope) and writes its summary,
 * province row, drill-down and national row (summary writer role); nothing else (ADR 0008).
 */
export const SUMMARY_PROJECTOR_DATA_ROLES: readonly DataRoleName[] = ['tenant', 'summaryWriter'];

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

    const { logGroup, role, deadLetterQueue } = workerBasics(this, 'Inovasi Daerah summary projector');
    this.deadLetterQueue = deadLetterQueue;

    this.function = new NodejsFunction(this, 'Function', {
      entry: SUMMARY_PROJECTOR_ENTRY,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: SUMMARY_PROJECTOR_TIMEOUT,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'pnpm-lock.yaml'),
      environment: {
        TABLE_NAME: props.data.table.tableName,
        BUCKET_NAME: props.data.evidenceBucket.bucketName,
        ...dataRoleEnvironment(props.dataAccess, SUMMARY_PROJECTOR_DATA_ROLES),
        POWERTOOLS_SERVICE_NAME: 'inovasi-summary-projector',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: workerBundling(),
    });
    props.dataAccess.trust(role, SUMMARY_PROJECTOR_DATA_ROLES);

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
    acknowledge(this.function, {
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose: it is the LTS the local runtime and CI use, so AWS runs what the tests ran.',
    });
    acknowledge(role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (added by active tracing) and dynamodb:ListStreams (added by the stream event source) do not support resource-level permissions.',
    });
  }
}
