import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

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
