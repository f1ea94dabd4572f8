import { DATA_ROLE_NAMES, DATA_ROLES } from '@inovasi/data/data-roles';
import {
  EVIDENCE_STATE_PENDING,
  EVIDENCE_STATE_TAG,
  UNCHECKED_UPLOAD_EXPIRY_DAYS,
} from '@inovasi/data/evidence-objects';
import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_WORKER_CONCURRENCY,
  EVIDENCE_WORKER_RETRIES,
  EVIDENCE_WORKER_TIMEOUT,
} from '../lib/evidence-worker.ts';
import { logicalId, synthesize } from './support.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, any>; DependsOn?: unknown }>;

/**
 * The evidence worker (ADR 0007): the bucket's object-created events reach it through EventBridge,
 * failed events end in a dead-letter queue, unchecked uploads expire, and its role reaches data only
 * by assuming the tenant data role.
 */
describe('evidence worker', () => {
  // Prepare
  const { stack, template } = synthesize();
  const resources = template.toJSON().Resources as Resources;
  const worker = stack.evidenceWorker;
  const functionId = logicalId(worker.function);
  const fn = resources[functionId]!.Properties;
  const queueArn = { 'Fn::GetAtt': [logicalId(worker.deadLetterQueue), 'Arn'] };
  const bucket = resources[logicalId(stack.data.evidenceBucket)]!.Properties;

  it('runs Node 22 on arm64 with a bounded time and concurrency, retrying into a dead-letter queue', () => {
    expect(fn).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: EVIDENCE_WORKER_TIMEOUT.toSeconds(),
      ReservedConcurrentExecutions: EVIDENCE_WORKER_CONCURRENCY,
      DeadLetterConfig: { TargetArn: queueArn },
      TracingConfig: { Mode: 'Active' },
    });
    const invokeConfig = Object.values(resources).find(
      (resource) =>
        resource.Type === 'AWS::Lambda::EventInvokeConfig' &&
        JSON.stringify(resource.Properties.FunctionName) === JSON.stringify({ Ref: functionId }),
    );
    expect(invokeConfig?.Properties.MaximumRetryAttempts).toBe(EVIDENCE_WORKER_RETRIES);
  });

  it('learns the tenant data role and nothing else of the data roles', () => {
    const variables = fn.Environment.Variables;
    expect(variables[DATA_ROLES.tenant.envVar]).toEqual({
      'Fn::GetAtt': [logicalId(stack.dataAccess.roles.tenant), 'Arn'],
    });
    for (const name of DATA_ROLE_NAMES.filter((role) => role !== 'tenant')) {
      expect(variables[DATA_ROLES[name].envVar]).toBeUndefined();
    }
    expect(variables.TABLE_NAME).toEqual({ Ref: logicalId(stack.data.table) });
    expect(variables.BUCKET_NAME).toEqual({ Ref: logicalId(stack.data.evidenceBucket) });
  });

  it('may only write its logs, send traces, park failed events and assume the tenant data role', () => {
    const roleId = logicalId(worker.function.role!);
    const policies = Object.values(resources).filter(
      (resource) =>
        resource.Type === 'AWS::IAM::Policy' &&
        JSON.stringify(resource.Properties.Roles) === JSON.stringify([{ Ref: roleId }]),
    );
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties.PolicyDocument.Statement as Record<string, unknown>[];
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Action: 'sqs:SendMessage', Resource: queueArn }),
        expect.objectContaining({
          Sid: 'AssumeDataRoles',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Resource: { 'Fn::GetAtt': [logicalId(stack.dataAccess.roles.tenant), 'Arn'] },
        }),
      ]),
    );
    const actions = statements.flatMap((statement) => [statement.Action].flat() as string[]);
    expect(actions.filter((action) => /^(dynamodb|s3):/.test(action))).toEqual([]);
    expect(resources[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('is invoked by an EventBridge rule for objects created under tenants/ in the evidence bucket', () => {
    const rule = resources[logicalId(worker.rule)]!;
    expect(rule.Properties).toMatchObject({
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: {
          bucket: { name: [{ Ref: logicalId(stack.data.evidenceBucket) }] },
          object: { key: [{ prefix: 'tenants/' }] },
        },
      },
      Targets: [
        expect.objectContaining({
          Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
          DeadLetterConfig: { Arn: queueArn },
          RetryPolicy: expect.objectContaining({ MaximumRetryAttempts: EVIDENCE_WORKER_RETRIES }),
        }),
      ],
    });
    expect(bucket.NotificationConfiguration).toEqual({
      EventBridgeConfiguration: { EventBridgeEnabled: true },
    });
    // No notification custom resource (and no Lambda allowed s3:PutBucketNotification on every bucket).
    expect(
      Object.values(resources).some((resource) => resource.Type === 'Custom::S3BucketNotifications'),
    ).toBe(false);
  });

  it('keeps its dead-letter queue encrypted and reachable over TLS only', () => {
    expect(resources[logicalId(worker.deadLetterQueue)]!.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    const policy = Object.values(resources).find(
      (resource) =>
        resource.Type === 'AWS::SQS::QueuePolicy' &&
        JSON.stringify(resource.Properties.Queues).includes(logicalId(worker.deadLetterQueue)),
    );
    expect(policy?.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    );
  });

  it('expires uploads that never passed intake (tagged pending), and their bytes a day later', () => {
    expect(bucket.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        {
          Id: 'expire-unchecked-evidence-uploads',
          Prefix: 'tenants/',
          TagFilters: [{ Key: EVIDENCE_STATE_TAG, Value: EVIDENCE_STATE_PENDING }],
          ExpirationInDays: UNCHECKED_UPLOAD_EXPIRY_DAYS,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          Status: 'Enabled',
        },
      ]),
    );
  });
});
