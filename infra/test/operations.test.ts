import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ALARM_THRESHOLDS } from '../lib/alarms.ts';
import { CONTEXT_KEYS } from '../lib/config.ts';
import { logicalId, onlyResource, SKIP_BUNDLING, synthesize } from './support.ts';

/**
 * What docs/operations.md promises an operator: the alarms and where they go, the first platform
 * administrator, Cognito mail through SES, and the backups (PITR, versioning) a restore relies on.
 */
type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

const OPERATED = {
  [CONTEXT_KEYS.adminEmail]: 'admin.platform@bojonegorokab.go.id',
  [CONTEXT_KEYS.sesSender]: 'no-reply@inovasi.example.go.id',
};

describe('alarms', () => {
  const { stack, template } = synthesize({ context: OPERATED });
  const resources = template.toJSON().Resources as Resources;
  const alarms = Object.entries(resources).filter(
    ([, resource]) => resource.Type === 'AWS::CloudWatch::Alarm',
  );
  const byName = (name: string) => {
    const found = alarms.find(([id]) => id.startsWith(`Alarms${name}`));
    if (!found) throw new Error(`no alarm ${name}: ${alarms.map(([id]) => id).join(', ')}`);
    return found[1].Properties;
  };
  const topic = { Ref: logicalId(stack.alarms.topic) };

  it('creates the API 5xx rate, throttle, DLQ depth and worker error alarms, all to one topic', () => {
    expect(alarms.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'AlarmsApi5xxRate',
      'AlarmsApiFunctionErrors',
      'AlarmsApiFunctionThrottles',
      'AlarmsDynamoDbThrottles',
      'AlarmsEvidenceWorkerDeadLetters',
      'AlarmsEvidenceWorkerFunctionErrors',
      'AlarmsEvidenceWorkerFunctionThrottles',
      'AlarmsJobsWorkerDeadLetters',
      'AlarmsJobsWorkerFunctionErrors',
      'AlarmsJobsWorkerFunctionThrottles',
      'AlarmsScheduledWorkerDeadLetters',
      'AlarmsScheduledWorkerFunctionErrors',
      'AlarmsScheduledWorkerFunctionThrottles',
      'AlarmsSummaryDrift',
      'AlarmsSummaryProjectorDeadLetters',
      'AlarmsSummaryProjectorFunctionErrors',
      'AlarmsSummaryProjectorFunctionThrottles',
      'AlarmsSummaryRebuildFailures',
    ]);
    for (const [, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([topic]);
      expect(alarm.Properties.OKActions).toEqual([topic]);
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
    }
  });

  it('alarms on the 5xx share of API answers, not on a handful of errors at night', () => {
    const rate = byName('Api5xxRate');
    expect(rate.Threshold).toBe(ALARM_THRESHOLDS.api5xxPercent);
    const expression = rate.Metrics.find((metric: { Expression?: string }) => metric.Expression)?.Expression;
    expect(expression).toBe(
      `IF(requests >= ${ALARM_THRESHOLDS.api5xxMinimumRequests}, 100 * errors / requests, 0)`,
    );
    const names = rate.Metrics.filter((metric: any) => metric.MetricStat).map(
      (metric: any) => metric.MetricStat.Metric.MetricName,
    );
    expect(names.sort()).toEqual(['5xx', 'Count']);
  });

  it('watches DynamoDB throttles and the worker’s dead-letter queue', () => {
    const throttles = byName('DynamoDbThrottles');
    const names = throttles.Metrics.filter((metric: any) => metric.MetricStat).map(
      (metric: any) => metric.MetricStat.Metric.MetricName,
    );
    expect(names.sort()).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
    const dlq = byName('EvidenceWorkerDeadLetters');
    expect(dlq).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: ALARM_THRESHOLDS.deadLetters,
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [logicalId(stack.evidenceWorker.deadLetterQueue), 'QueueName'] },
        },
      ],
    });
  });

  it('keeps no tenant in any metric dimension (a billed metric per tenant)', () => {
    expect(JSON.stringify(alarms)).not.toMatch(/tenant/i);
  });

  it('sends alarms to an encrypted, TLS-only topic that e-mails the administrator', () => {
    const { resource: topicResource } = onlyResource(template, 'AWS::SNS::Topic');
    expect(topicResource.Properties?.KmsMasterKeyId).toBeDefined();
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: OPERATED[CONTEXT_KEYS.adminEmail],
      TopicArn: topic,
    });
    const { resource: policy } = onlyResource(template, 'AWS::SNS::TopicPolicy');
    expect(
      (policy.Properties?.PolicyDocument as { Statement: unknown[] } | undefined)?.Statement,
    ).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'sns:Publish',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it('lets CloudWatch use the topic’s key, and nothing else new', () => {
    const key = Object.values(resources).find((resource) => resource.Type === 'AWS::KMS::Key');
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    const statements = key?.Properties.KeyPolicy.Statement as any[];
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Principal: { Service: 'cloudwatch.amazonaws.com' },
      }),
    );
  });
});

describe('first platform administrator and mail', () => {
  it('creates the first platform administrator in Cognito, invited by e-mail', () => {
    const { stack, template } = synthesize({ context: OPERATED });
    template.hasResourceProperties('AWS::Cognito::UserPoolUser', {
      UserPoolId: { Ref: logicalId(stack.auth.userPool) },
      Username: OPERATED[CONTEXT_KEYS.adminEmail],
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: OPERATED[CONTEXT_KEYS.adminEmail] },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:tenant', Value: 'platform' },
        { Name: 'custom:roles', Value: 'platform_admin' },
      ],
    });
    // Access comes from member records: the API makes this address the platform's administrator
    // member at its first sign-in.
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ FIRST_ADMIN_EMAIL: OPERATED[CONTEXT_KEYS.adminEmail] }),
      },
    });
  });

  it('sends Cognito mail through SES from the configured sender', () => {
    const { template } = synthesize({ context: OPERATED });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: `Inovasi Daerah <${OPERATED[CONTEXT_KEYS.sesSender]}>`,
      },
    });
  });

  it('creates no user and keeps Cognito’s sender when neither is configured', () => {
    const { template } = synthesize();
    expect(Object.keys(template.findResources('AWS::Cognito::UserPoolUser'))).toEqual([]);
    expect(Object.keys(template.findResources('AWS::SNS::Subscription'))).toEqual([]);
  });

  it.each([CONTEXT_KEYS.adminEmail, CONTEXT_KEYS.sesSender])('refuses a malformed %s', (key) => {
    expect(() => synthesize({ context: { [key]: 'bukan-email' } })).toThrow(/e-mail address/);
  });
});

describe('backups a restore relies on', () => {
  const { template } = synthesize();

  it('keeps point-in-time recovery on the table and versions on the evidence bucket', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    template.hasResourceProperties('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } });
  });
});

describe('cdk-nag with the operated options', () => {
  it('finds nothing unacknowledged with an administrator, SES and alarms configured', () => {
    const { app } = synthesize({ context: { ...SKIP_BUNDLING, ...OPERATED } });
    const findings = new AwsSolutionsChecks()
      .validateScope(app)
      .violations.flatMap((violation) =>
        violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
      );
    expect(findings).toEqual([]);
  });
});
