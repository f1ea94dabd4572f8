import { Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type Data, EVIDENCE_OBJECTS_PREFIX } from './data.ts';
import type { DataAccess } from './data-access.ts';
import { acknowledge } from './nag.ts';
import { EVIDENCE_WORKER_ENTRY } from './paths.ts';
import { workerFunction } from './worker-basics.ts';

export const EVIDENCE_WORKER_RUNTIME = Runtime.NODEJS_22_X;
/** A 200 MB MP4 streams through the hash in seconds; the margin covers a slow read. */
export const EVIDENCE_WORKER_TIMEOUT = Duration.minutes(2);
/** Lambda retries a failed event this often before it parks it in the dead-letter queue. */
export const EVIDENCE_WORKER_RETRIES = 2;
/**
 * Caps concurrent checks, so a burst of uploads cannot starve the API of table capacity or of the
 * account's Lambda concurrency; events wait in Lambda's async queue meanwhile.
 */
export const EVIDENCE_WORKER_CONCURRENCY = 20;

export interface EvidenceWorkerProps {
  readonly data: Data;
  readonly dataAccess: DataAccess;
}

/**
 * The evidence worker: the bucket's object-created events (through EventBridge) run the same intake
 * check as the API's `complete`, so an upload whose client never completes it is still checked
 * within seconds, and a file that fails is removed. Its own role may write its logs, send traces
 * and failed events to the dead-letter queue, and assume the tenant data role; it holds no table
 * or bucket access itself (ADR 0008), exactly like the API function.
 */
export class EvidenceWorker extends Construct {
  readonly function: NodejsFunction;
  readonly deadLetterQueue: Queue;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: EvidenceWorkerProps) {
    super(scope, id);

    // Data only through the tenant role, tagged with the tenant the object key names.
    const {
      role,
      deadLetterQueue,
      function: fn,
    } = workerFunction(this, {
      entry: EVIDENCE_WORKER_ENTRY,
      description: 'Inovasi Daerah evidence worker',
      serviceName: 'inovasi-evidence-worker',
      memorySize: 512,
      timeout: EVIDENCE_WORKER_TIMEOUT,
      reservedConcurrentExecutions: EVIDENCE_WORKER_CONCURRENCY,
      retryAttempts: EVIDENCE_WORKER_RETRIES,
      maxEventAge: Duration.hours(6),
      asyncDeadLetters: true,
      data: props.data,
      dataAccess: props.dataAccess,
      dataRoles: ['tenant'],
    });
    this.function = fn;
    this.deadLetterQueue = deadLetterQueue;

    this.rule = new Rule(this, 'ObjectCreated', {
      description: 'Evidence objects created under tenants/ in the evidence bucket',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [props.data.evidenceBucket.bucketName] },
          object: { key: [{ prefix: EVIDENCE_OBJECTS_PREFIX }] },
        },
      },
    });
    this.rule.addTarget(
      new LambdaFunction(this.function, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: EVIDENCE_WORKER_RETRIES,
        maxEventAge: Duration.hours(6),
      }),
    );

    acknowledge(role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (added by active tracing) do not support resource-level permissions.',
    });
  }
}
