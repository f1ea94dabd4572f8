import { describe, expect, it } from 'vitest';
import { API_LOG_RETENTION, API_THROTTLE } from '../lib/api.ts';
import { logicalId, onlyResource, synthesize } from './support.ts';

describe('API function', () => {
  // Prepare
  const { stack, template } = synthesize();
  const functionId = logicalId(stack.api.function);
  const fn = template.toJSON().Resources[functionId];

  it('runs Node.js 22 on arm64 with active tracing', () => {
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
    });
  });

  it('gets the table, bucket, user pool, web client, counters and origin secret from the stack', () => {
    expect(fn.Properties.Environment.Variables).toEqual({
      APP_MODE: 'aws',
      TABLE_NAME: { Ref: logicalId(stack.data.table) },
      BUCKET_NAME: { Ref: logicalId(stack.data.evidenceBucket) },
      COGNITO_USER_POOL_ID: { Ref: logicalId(stack.auth.userPool) },
      COGNITO_CLIENT_ID: { Ref: logicalId(stack.webClient) },
      // Sign-out goes to the managed login's /logout (the web app learns it from GET /auth/config).
      COGNITO_DOMAIN_ORIGIN: stack.resolve(stack.auth.domainOrigin),
      POWERTOOLS_SERVICE_NAME: 'inovasi-api',
      NODE_OPTIONS: '--enable-source-maps',
      // What CloudFront sends; requests without it went around the WAF (ADR 0022).
      ORIGIN_VERIFY_SECRET: stack.resolve(stack.api.originSecret.secretValue.unsafeUnwrap()),
      // The shared rate-limit counters (ADR 0022).
      RATE_LIMIT_TABLE_NAME: { Ref: logicalId(stack.rateLimits.table) },
      // Export and import jobs run in the jobs worker, invoked asynchronously (ADR 0011).
      JOBS_FUNCTION_NAME: { Ref: logicalId(stack.jobsWorker.function) },
      // The catalogue detail's shell is read from the web bucket (ADR 0044).
      WEB_BUCKET_NAME: { Ref: logicalId(stack.web.bucket) },
      WEB_ORIGINS: {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] }]],
      },
      // One ARN per data role (ADR 0008); pinned in detail by data-access.test.ts.
      ...Object.fromEntries(
        Object.entries(stack.dataAccess.environment()).map(([name, arn]) => [
          name,
          {
            'Fn::GetAtt': [
              logicalId(Object.values(stack.dataAccess.roles).find((role) => role.roleArn === arn)!),
              'Arn',
            ],
          },
        ]),
      ),
    });
  });

  it('logs to its own log group with a retention period', () => {
    const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
    expect(template.toJSON().Resources[logGroupId]).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: API_LOG_RETENTION },
    });
  });

  it('has a role without managed policies', () => {
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    expect(template.toJSON().Resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('HTTP API', () => {
  const { stack, template } = synthesize();

  it('routes /api and everything under /api/ to the function', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey,
    );
    expect(routes.sort()).toEqual(['ANY /api', 'ANY /api/{proxy+}']);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [logicalId(stack.api.function), 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
  });

  it('throttles and access-logs the default stage', () => {
    const { resource: stage } = onlyResource(template, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: API_THROTTLE.burstLimit,
      },
    });
    const settings = stage.Properties?.AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(JSON.parse(settings.Format)).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
    });
  });
});
