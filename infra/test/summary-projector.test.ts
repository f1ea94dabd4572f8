import { DATA_ROLE_NAMES, DATA_ROLES } from '@inovasi/data/data-roles';
import { describe, expect, it } from 'vitest';
import {
  SUMMARY_PROJECTOR_DATA_ROLES,
  SUMMARY_PROJECTOR_STREAM,
  SUMMARY_PROJECTOR_TIMEOUT,
} from '../lib/summary-projector.ts';
import { logicalId, synthesize } from './support.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

/**
 * The summary projector in AWS (docs/decisions/0018): an event source mapping on the table's
 * stream, with partial batch failures, bisection, bounded retries and an SQS on-failure destination
 * that an alarm watches; its role reaches data only through the tenant and summary-writer roles.
 */
describe('summary projector', () => {
  // Prepare
  const { stack, template } = synthesize();
  const resources = template.toJSON().Resources as Resources;
  const projector = stack.summaryProjector;
  const functionId = logicalId(projector.function);
  const fn = resources[functionId]!.Properties;
  const mappings = Object.values(resources).filter(
    (resource) =>
      resource.Type === 'AWS::Lambda::EventSourceMapping' &&
      JSON.stringify(resource.Properties.FunctionName) === JSON.stringify({ Ref: functionId }),
  );

  it('reads the table’s stream in small windows, reporting failures per record', () => {
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.data.table), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: SUMMARY_PROJECTOR_STREAM.batchSize,
      MaximumBatchingWindowInSeconds: SUMMARY_PROJECTOR_STREAM.maxBatchingWindow.toSeconds(),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: SUMMARY_PROJECTOR_STREAM.retryAttempts,
      MaximumRecordAgeInSeconds: SUMMARY_PROJECTOR_STREAM.maxRecordAge.toSeconds(),
      ParallelizationFactor: 1,
    });
    expect(SUMMARY_PROJECTOR_STREAM.maxBatchingWindow.toSeconds()).toBeLessThanOrEqual(5);
    expect(SUMMARY_PROJECTOR_STREAM.retryAttempts).toBeGreaterThan(0);
  });

  it('sends what failed every retry to an SQS queue that an alarm watches', () => {
    const queueArn = { 'Fn::GetAtt': [logicalId(projector.deadLetterQueue), 'Arn'] };
    expect(mappings[0]!.Properties.DestinationConfig).toEqual({ OnFailure: { Destination: queueArn } });
    const alarm = Object.values(resources).find(
      (resource) =>
        resource.Type === 'AWS::CloudWatch::Alarm' &&
        resource.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
        JSON.stringify(resource.Properties.Dimensions) ===
          JSON.stringify([
            {
              Name: 'QueueName',
              Value: { 'Fn::GetAtt': [logicalId(projector.deadLetterQueue), 'QueueName'] },
            },
          ]),
    );
    expect(alarm).toBeDefined();
    expect(alarm?.Properties.AlarmActions).toHaveLength(1);
    expect(alarm?.Properties.Threshold).toBeLessThanOrEqual(1);
  });

  it('runs the projector handler on Node 22 arm64 with a bounded time', () => {
    expect(fn).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: SUMMARY_PROJECTOR_TIMEOUT.toSeconds(),
      TracingConfig: { Mode: 'Active' },
    });
  });

  it('learns the tenant and summary-writer data roles and no other', () => {
    const variables = fn.Environment.Variables;
    for (const name of DATA_ROLE_NAMES) {
      if (SUMMARY_PROJECTOR_DATA_ROLES.includes(name)) {
        expect(variables[DATA_ROLES[name].envVar]).toEqual({
          'Fn::GetAtt': [logicalId(stack.dataAccess.roles[name]), 'Arn'],
        });
      } else {
        expect(variables[DATA_ROLES[name].envVar], name).toBeUndefined();
      }
    }
    // Its own role may read the stream and assume those roles; it holds no item access itself.
    const policies = Object.values(resources).filter(
      (resource) =>
        resource.Type === 'AWS::IAM::Policy' &&
        JSON.stringify(resource.Properties.Roles) ===
          JSON.stringify([{ Ref: logicalId(projector.function.role!) }]),
    );
    const actions = policies.flatMap((policy) =>
      policy.Properties.PolicyDocument.Statement.flatMap((statement: { Action: string | string[] }) =>
        Array.isArray(statement.Action) ? statement.Action : [statement.Action],
      ),
    );
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords', 'sts:AssumeRole']));
    for (const itemAction of ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:Scan']) {
      expect(actions).not.toContain(itemAction);
    }
  });
});
