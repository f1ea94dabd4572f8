import { join } from 'node:path';
import { DATA_ROLES, type DataRoleName } from '@inovasi/data/data-roles';
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  type ICommandHooks,
  NodejsFunction,
  type NodejsFunctionProps,
  OutputFormat,
  SourceMapMode,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ESM_REQUIRE_BANNER } from './api.ts';
import type { Data } from './data.ts';
import type { DataAccess } from './data-access.ts';
import { acknowledge } from './nag.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * What every worker function starts from: a log group kept three months, a role of its own that
 * may write to it and nothing else yet, and a dead-letter queue where events that failed every retry
 * wait 14 days. The construct ids are fixed so the logical ids stay stable across refactors.
 */
export function workerBasics(scope: Construct, description: string) {
  const logGroup = new LogGroup(scope, 'FunctionLogs', { retention: RetentionDays.THREE_MONTHS });
  const role = new Role(scope, 'FunctionRole', {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description,
  });
  logGroup.grantWrite(role);
  const deadLetterQueue = new Queue(scope, 'DeadLetterQueue', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  return { logGroup, role, deadLetterQueue };
}

/** Bundling shared by the workers: ESM for Node 22, minified, source maps beside it, SDK inside. */
export const workerBundling = (commandHooks?: ICommandHooks): BundlingOptions => ({
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
  ...(commandHooks ? { commandHooks } : {}),
});

/** The ARN variables of the data roles a worker is trusted with, and no others. */
export const dataRoleEnvironment = (
  access: DataAccess,
  names: readonly DataRoleName[],
): Record<string, string> =>
  Object.fromEntries(names.map((name) => [DATA_ROLES[name].envVar, access.roles[name].roleArn]));

export interface WorkerFunctionProps
  extends Pick<
    NodejsFunctionProps,
    'memorySize' | 'timeout' | 'reservedConcurrentExecutions' | 'retryAttempts' | 'maxEventAge'
  > {
  readonly entry: string;
  /** The role's description. */
  readonly description: string;
  readonly serviceName: string;
  readonly data: Data;
  readonly dataAccess: DataAccess;
  /** The only data roles the function may assume (ADR 0008); its own role has no data access. */
  readonly dataRoles: readonly DataRoleName[];
  /** Asynchronous invocations that failed every retry go to the dead-letter queue. */
  readonly asyncDeadLetters?: boolean;
  readonly environment?: Record<string, string>;
  readonly commandHooks?: ICommandHooks;
}

/**
 * A worker function as every worker runs: Node 22 on arm64 with active tracing, the basics above,
 * the table and bucket names, the ARNs of its data roles and nothing else, and the shared bundling.
 * The function's construct id is `Function` in the caller's scope, as it always was.
 */
export function workerFunction(scope: Construct, props: WorkerFunctionProps) {
  const basics = workerBasics(scope, props.description);
  const fn = new NodejsFunction(scope, 'Function', {
    entry: props.entry,
    handler: 'handler',
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    reservedConcurrentExecutions: props.reservedConcurrentExecutions,
    tracing: Tracing.ACTIVE,
    logGroup: basics.logGroup,
    role: basics.role,
    retryAttempts: props.retryAttempts,
    maxEventAge: props.maxEventAge,
    ...(props.asyncDeadLetters ? { deadLetterQueue: basics.deadLetterQueue } : {}),
    projectRoot: REPO_ROOT,
    depsLockFilePath: join(REPO_ROOT, 'pnpm-lock.yaml'),
    environment: {
      TABLE_NAME: props.data.table.tableName,
      BUCKET_NAME: props.data.evidenceBucket.bucketName,
      ...dataRoleEnvironment(props.dataAccess, props.dataRoles),
      POWERTOOLS_SERVICE_NAME: props.serviceName,
      ...props.environment,
      NODE_OPTIONS: '--enable-source-maps',
    },
    bundling: workerBundling(props.commandHooks),
  });
  props.dataAccess.trust(basics.role, props.dataRoles);
  acknowledge(fn, {
    id: 'AwsSolutions-L1',
    reason:
      'Node.js 22 is pinned on purpose: it is the LTS the local runtime and CI use, so AWS runs what the tests ran.',
  });
  return { ...basics, function: fn };
}
