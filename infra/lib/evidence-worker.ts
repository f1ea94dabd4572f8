import { join } from 'node:path';
import { DATA_ROLES } from '@inovasi/data/data-roles';
import { Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ESM_REQUIRE_BANNER } from './api.ts';
import { type Data, EVIDENCE_OBJECTS_PREFIX } from './data.ts';
import type { DataAccess } from './data-access.ts';
import { acknowledge } from './nag.ts';
import { EVIDENCE_WORKER_ENTRY, REPO_ROOT } from './paths.ts';
import { workerBasics } from './worker-basics.ts';

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

    const { logGroup, role, deadLetterQueue } = workerBasics(this, 'Inovasi Daerah evidence worker');
    this.deadLetterQueue = deadLetterQueue;

    this.function = new NodejsFunction(this, 'Function', {
      entry: EVIDENCE_WORKER_ENTRY,
      handler: 'handler',
      runtime: EVIDENCE_WORKER_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: EVIDENCE_WORKER_TIMEOUT,
      reservedConcurrentExecutions: EVIDENCE_WORKER_CONCURRENCY,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      retryAttempts: EVIDENCE_WORKER_RETRIES,
      maxEventAge: Duration.hours(6),
      deadLetterQueue: this.deadLetterQueue,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'pnpm-lock.yaml'),
      environment: {
        TABLE_NAME: props.data.table.tableName,
        BUCKET_NAME: props.data.evidenceBucket.bucketName,
        [DATA_ROLES.tenant.envVar]: props.dataAccess.roles.tenant.roleArn,
        POWERTOOLS_SERVICE_NAME: 'inovasi-evidence-worker',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.EXTERNAL,
        sourcesContent: false,
        // The AWS SDK is bundled, as for the API: the versions we test are the versions we run.
        externalModules: [],
      },
    });
    // Data only through the tenant role, tagged with the tenant the object key names.
    props.dataAccess.trust(role, ['tenant']);

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

    acknowledge(this.function, {
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose: it is the LTS the local runtime and CI use, so AWS runs what the tests ran.',
    });
    acknowledge(role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (added by active tracing) do not support resource-level permissions.',
    });
  }
}
