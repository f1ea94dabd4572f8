import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { apiCode } from './api-bundle.ts';
import type { Data } from './data.ts';
import type { DataAccess } from './data-access.ts';
import { acknowledge } from './nag.ts';

export { ESM_REQUIRE_BANNER } from './api-bundle.ts';

export const API_RUNTIME = Runtime.NODEJS_22_X;
export const API_LOG_RETENTION = RetentionDays.THREE_MONTHS;

/** Stage-wide throttling; per-route limits can be added when a route proves expensive. */
export const API_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;

export interface ApiProps {
  readonly stage: string;
  readonly data: Data;
  readonly userPool: IUserPool;
}

/** The API function (the Hono app behind a thin Lambda adapter) and the HTTP API in front of it. */
export class Api extends Construct {
  readonly function: LambdaFunction;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /**
   * The value CloudFront sends in `X-Inovasi-Origin-Verify`; the function refuses requests without
   * it, so nobody reaches the API around CloudFront's WAF (docs/decisions/0022).
   */
  readonly originSecret: Secret;

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

    this.originSecret = new Secret(this, 'OriginVerifySecret', {
      description:
        'Inovasi Daerah: header value CloudFront sends to the API (requests without it are refused)',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    acknowledge(this.originSecret, {
      id: 'AwsSolutions-SMG4',
      reason:
        'Not a credential to data: it only tells requests forwarded by CloudFront from requests sent around it. Rotate by changing the secret and redeploying (CloudFront and the function read it at deploy).',
    });

    this.function = new LambdaFunction(this, 'Function', {
      // Built with code splitting, which NodejsFunction cannot do (infra/lib/api-bundle.ts).
      code: apiCode(),
      handler: 'index.handler',
      runtime: API_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(25),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        APP_MODE: 'aws',
        TABLE_NAME: props.data.table.tableName,
        BUCKET_NAME: props.data.evidenceBucket.bucketName,
        COGNITO_USER_POOL_ID: props.userPool.userPoolId,
        POWERTOOLS_SERVICE_NAME: 'inovasi-api',
        NODE_OPTIONS: '--enable-source-maps',
        // A CloudFormation dynamic reference, resolved at deploy: the value is never in the template.
        ORIGIN_VERIFY_SECRET: this.originSecret.secretValue.unsafeUnwrap(),
      },
    });
    // No table or bucket access of its own: data is reached only through the roles of `DataAccess`,
    // assumed per request scope with the tenant as a session tag (`useDataAccess`).

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: API_LOG_RETENTION });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `inovasi-${props.stage}`,
      description: 'Inovasi Daerah API; reached only through CloudFront (and its WAF) under /api/',
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

  /**
   * The web client's id (the API verifies its ID tokens with `aws-jwt-verify` and tells the web app
   * where to sign in), the managed login's origin (for sign-out), and the member administration
   * the API does on the pool: invitations, disabling, enabling, removal (docs/decisions/0020), and
   * reading whether an administrator has an authenticator app on (docs/decisions/0024).
   */
  setWebClient(client: IUserPoolClient, userPool: IUserPool, managedLoginOrigin: string): void {
    this.function.addEnvironment('COGNITO_CLIENT_ID', client.userPoolClientId);
    this.function.addEnvironment('COGNITO_DOMAIN_ORIGIN', managedLoginOrigin);
    userPool.grant(
      this.function,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminUserGlobalSignOut',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminGetUser',
    );
  }
}
