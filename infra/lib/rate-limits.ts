import { rateLimitTableDefinition } from '@inovasi/data/table-definition';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/**
 * The counters behind the API's shared rate limits (docs/decisions/0022): a table of their own, so
 * a counter write per request never becomes a record on the data table's change stream (which
 * drives the summary projector). It holds no tenant data, only spent windows that TTL removes.
 */
export class RateLimits extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: rateLimitTableDefinition.partitionKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: rateLimitTableDefinition.timeToLiveAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      // Counters of the last minutes: nothing to keep when the stack goes.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(this.table, {
      id: 'AwsSolutions-DDB3',
      reason:
        'Rate-limit counters live for minutes and are recreated on the next request; a point-in-time restore of them has no use.',
    });
  }

  /**
   * Lets the API count: `UpdateItem` on this table only, and only on counter keys. It reads
   * nothing (the conditional update both counts and decides).
   */
  grantCounting(fn: LambdaFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [this.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${rateLimitTableDefinition.keyPrefix}*`] },
        },
      }),
    );
    fn.addEnvironment('RATE_LIMIT_TABLE_NAME', this.table.tableName);
  }
}
