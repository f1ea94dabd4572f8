import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, posix, relative, sep } from 'node:path';
import type { DataRoleName } from '@inovasi/data/data-roles';
import { Duration } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type IFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { ICommandHooks, NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data } from './data.ts';
import type { DataAccess } from './data-access.ts';
import { acknowledge } from './nag.ts';
import { JOBS_WORKER_ENTRY, REPO_ROOT, WORKERS_PACKAGE_JSON } from './paths.ts';
import { workerFunction } from './worker-basics.ts';

export const JOBS_WORKER_RUNTIME = Runtime.NODEJS_22_X;
/**
 * A national-entry pack copies every evidence file of a region into one ZIP: Lambda's maximum, so
 * the biggest region finishes in one run; a run that still dies is resumed by the sweep (lease).
 */
export const JOBS_WORKER_TIMEOUT = Duration.minutes(15);
/**
 * exceljs holds a workbook's rows in memory; the ZIP and uploads stream. A preview parses here too
 * (docs/decisions/0032), inline and bounded by the archive checks and the streaming caps (0021); a
 * file that still kills the run is retried, then given up by the sweep.
 */
export const JOBS_WORKER_MEMORY_MB = 1024;
export const JOBS_WORKER_RETRIES = 2;
/** Exports read a whole region; ten at once keep the table and the account's concurrency for the API. */
export const JOBS_WORKER_CONCURRENCY = 10;
/**
 * The data roles the jobs worker may assume: the job's tenant and the platform registry (the sweep
 * lists tenants). Nothing cross-tenant; an import's rows reach the summaries through the table's
 * stream (docs/decisions/0018), so it no longer needs the summary writer. An import's preview
 * (docs/decisions/0032) reads the file, the region's OPDs, periods and innovations and writes the
 * preview object and record: all the tenant's own, so it adds no role.
 */
export const JOBS_WORKER_DATA_ROLES = ['tenant', 'platform'] as const satisfies readonly DataRoleName[];

/**
 * pdfkit (0.20) loads each standard font's metrics (Helvetica, …) at run time with
 * `createRequire(import.meta.url)('#standard-fonts/<name>')`, a package import esbuild cannot see.
 * In a bundle, `import.meta.url` is the bundle itself, so the asset ships the font modules beside
 * it and a `package.json` whose `imports` maps the specifier to them, exactly as pdfkit's own does.
 */
export const PDFKIT_FONTS_DIR = 'pdfkit-standard-fonts';
export const PDFKIT_IMPORTS = { '#standard-fonts/*': `./${PDFKIT_FONTS_DIR}/*.cjs` } as const;

const toPosix = (path: string): string => path.split(sep).join(posix.sep);

/** pdfkit's package folder as pnpm installed it for the workers (its exports hide package.json). */
const pdfkitDir = (): string => {
  try {
    // `require` resolves to `<pkg>/js/pdfkit.js`.
    return dirname(dirname(realpathSync(createRequire(WORKERS_PACKAGE_JSON).resolve('pdfkit'))));
  } catch (error) {
    throw new Error('Cannot find pdfkit from functions/workers; run pnpm install at the repository root', {
      cause: error,
    });
  }
};

/** Shell commands that put pdfkit's standard-font modules and the import map into the asset. */
export const shipPdfkitStandardFonts = (inputDir: string, outputDir: string): string[] => {
  const source = posix.join(inputDir, toPosix(relative(REPO_ROOT, pdfkitDir())), 'js/standard-fonts');
  const target = posix.join(outputDir, PDFKIT_FONTS_DIR);
  const manifest = JSON.stringify({ private: true, imports: PDFKIT_IMPORTS });
  return [
    `mkdir -p "${target}/chunks"`,
    `cp "${source}"/*.cjs "${target}/"`,
    `cp "${source}"/chunks/*.cjs "${target}/chunks/"`,
    `printf '%s' '${manifest}' > "${posix.join(outputDir, 'package.json')}"`,
  ];
};

/**
 * Lets a function invoke exactly this one function (no versions or aliases), and tells it which.
 * `grantInvoke` would also allow `<arn>:*`.
 */
export const allowInvoke = (invoker: IGrantable, target: IFunction): void => {
  invoker.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'InvokeJobsWorker',
      actions: ['lambda:InvokeFunction'],
      resources: [target.functionArn],
    }),
  );
};

export interface JobsWorkerProps {
  readonly data: Data;
  readonly dataAccess: DataAccess;
}

/**
 * The jobs worker (docs/decisions/0011): the API invokes it asynchronously with one export or
 * import job's reference, and the scheduled sweep does the same for jobs nobody ran. An invocation
 * that fails every retry waits in the dead-letter queue; the job itself stays queued in the table
 * and the next sweep hands it over again. Its own role holds no table or bucket access (ADR 0008).
 */
export class JobsWorker extends Construct {
  readonly function: NodejsFunction;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: JobsWorkerProps) {
    super(scope, id);

    const hooks: ICommandHooks = {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir, outputDir) => shipPdfkitStandardFonts(inputDir, outputDir),
    };
    const {
      role,
      deadLetterQueue,
      function: fn,
    } = workerFunction(this, {
      entry: JOBS_WORKER_ENTRY,
      description: 'Inovasi Daerah jobs worker (exports, imports and import previews)',
      serviceName: 'inovasi-jobs-worker',
      memorySize: JOBS_WORKER_MEMORY_MB,
      timeout: JOBS_WORKER_TIMEOUT,
      reservedConcurrentExecutions: JOBS_WORKER_CONCURRENCY,
      retryAttempts: JOBS_WORKER_RETRIES,
      maxEventAge: Duration.hours(6),
      asyncDeadLetters: true,
      data: props.data,
      dataAccess: props.dataAccess,
      dataRoles: JOBS_WORKER_DATA_ROLES,
      commandHooks: hooks,
    });
    this.function = fn;
    this.deadLetterQueue = deadLetterQueue;

    acknowledge(role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (added by active tracing) do not support resource-level permissions.',
    });
  }

  /** Lets a function hand jobs over: `lambda:InvokeFunction` on this function only, and its name. */
  allowDispatchFrom(dispatcher: NodejsFunction): void {
    allowInvoke(dispatcher, this.function);
    dispatcher.addEnvironment('JOBS_FUNCTION_NAME', this.function.functionName);
  }
}
