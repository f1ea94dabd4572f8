import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  type ICommandHooks,
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Data } from './data.ts';
import type { DataAccess } from './data-access.ts';
import { acknowledge } from './nag.ts';
import { API_ENTRY, API_PACKAGE_JSON, REPO_ROOT } from './paths.ts';

export const API_RUNTIME = Runtime.NODEJS_22_X;
export const API_LOG_RETENTION = RetentionDays.THREE_MONTHS;

/** Stage-wide throttling; per-route limits can be added when a route proves expensive. */
export const API_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;

/**
 * ESM output needs a real `require` for the CommonJS dependencies esbuild leaves as `require()`
 * calls (Node built-ins inside bundled CJS packages). The alias avoids clashing with bundle names.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __inovasiCreateRequire } from 'node:module'; const require = __inovasiCreateRequire(import.meta.url);";

/**
 * Files of packages that must stay outside the bundle. `idn-area-data` reads its CSV files at run
 * time from `../data/` relative to its own module file, so inlining it would point that path
 * outside the asset. It is marked external and copied, with its one dependency, into the asset's
 * `node_modules`. Only the two CSV files the product uses (provinces, regencies) are shipped.
 */
export const EXTERNAL_RUNTIME_FILES = {
  'idn-area-data': [
    'package.json',
    'LICENSE',
    'lib/index.js',
    'data/provinces.csv',
    'data/regencies.csv',
    // The area data's own licence travels with the data.
    'data/LICENSE.md',
  ],
  papaparse: ['package.json', 'LICENSE', 'papaparse.js'],
} as const;

/** Resolves where pnpm installed a package, as seen from the API workspace package. */
const packageDir = (fromPackageJson: string, name: string): string => {
  try {
    return dirname(realpathSync(createRequire(fromPackageJson).resolve(`${name}/package.json`)));
  } catch (error) {
    throw new Error(`Cannot find ${name} from ${fromPackageJson}; run pnpm install at the repository root`, {
      cause: error,
    });
  }
};

const toPosix = (path: string): string => path.split(sep).join(posix.sep);

/** Shell commands that copy the external runtime files into the bundle's `node_modules`. */
export const copyExternalRuntimeFiles = (inputDir: string, outputDir: string): string[] => {
  const idnAreaData = packageDir(API_PACKAGE_JSON, 'idn-area-data');
  const sources: Record<keyof typeof EXTERNAL_RUNTIME_FILES, string> = {
    'idn-area-data': idnAreaData,
    papaparse: packageDir(join(idnAreaData, 'package.json'), 'papaparse'),
  };
  const commands: string[] = [];
  for (const [name, files] of Object.entries(EXTERNAL_RUNTIME_FILES)) {
    const source = posix.join(inputDir, toPosix(relative(REPO_ROOT, sources[name as keyof typeof sources])));
    const target = posix.join(outputDir, 'node_modules', name);
    for (const file of files) {
      const to = posix.join(target, file);
      commands.push(`mkdir -p "${posix.dirname(to)}"`, `cp "${posix.join(source, file)}" "${to}"`);
    }
  }
  return commands;
};

const bundlingHooks: ICommandHooks = {
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (inputDir, outputDir) => copyExternalRuntimeFiles(inputDir, outputDir),
};

export interface ApiProps {
  readonly stage: string;
  readonly data: Data;
  readonly userPool: IUserPool;
}

/** The API function (the Hono app behind a thin Lambda adapter) and the HTTP API in front of it. */
export class Api extends Construct {
  readonly function: NodejsFunction;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'FunctionLogs', { retention: API_LOG_RETENTION });
    // An explicit role instead of the AWSLambdaBasicExecutionRole managed policy: log writes are
    // limited to this function's own log group.
    const role = new Role(this, 'FunctionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Inovasi Daerah API function',
    });
    logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: API_ENTRY,
      handler: 'handler',
      runtime: API_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(25),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'pnpm-lock.yaml'),
      environment: {
        APP_MODE: 'aws',
        TABLE_NAME: props.data.table.tableName,
        BUCKET_NAME: props.data.evidenceBucket.bucketName,
        COGNITO_USER_POOL_ID: props.userPool.userPoolId,
        POWERTOOLS_SERVICE_NAME: 'inovasi-api',
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
        // Everything else, the AWS SDK included, is bundled: the versions we test are the versions we run.
        externalModules: Object.keys(EXTERNAL_RUNTIME_FILES),
        commandHooks: bundlingHooks,
      },
    });
    // No table or bucket access of its own: data is reached only through the roles of `DataAccess`,
    // assumed per request scope with the tenant as a session tag (`useDataAccess`).

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: API_LOG_RETENTION });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `inovasi-${props.stage}`,
      description: 'Inovasi Daerah API; browsers reach it through CloudFront under /api/',
      createDefaultStage: false,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration('Integration', this.function);
    this.httpApi.addRoutes({ path: '/api', methods: [HttpMethod.ANY], integration });
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration });

    acknowledge(this.function, {
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose: it is the LTS the local runtime and CI use, so AWS runs what the tests ran.',
    });
    acknowledge(this.httpApi, {
      id: 'AwsSolutions-APIG4',
      reason:
        'Authentication is done in the function: it verifies Cognito ID tokens with aws-jwt-verify and routes that need a user reject requests without one; a few routes (the OpenAPI document) are public by design.',
    });
    acknowledge(role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (added by active tracing) do not support resource-level permissions.',
    });
  }

  /**
   * Wires the function to the data roles: it may assume them (with session tags) and learns their
   * ARNs from its environment. The data layer picks a role per request scope (ADR 0008).
   */
  useDataAccess(access: DataAccess): void {
    access.grantAssume(this.function);
    for (const [name, value] of Object.entries(access.environment())) {
      this.function.addEnvironment(name, value);
    }
  }

  /** The web client's id, used by the API to verify ID/access tokens (`aws-jwt-verify`). */
  setWebClient(client: IUserPoolClient): void {
    this.function.addEnvironment('COGNITO_CLIENT_ID', client.userPoolClientId);
  }
}
