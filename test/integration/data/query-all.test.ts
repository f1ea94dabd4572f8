import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, ScopedClientFactory, tenantScope } from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The data layer's one pagination helper against DynamoDB Local: every page, in order, each sent
 * through the scope's own client (so its tenant guard and instrumentation see them all).
 */
let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});

describe('queryAll', () => {
  it('reads every page of a query in order through the scoped client, leaving its input alone', async () => {
    // Prepare: 7 items in a partition of region 35.22, and a scoped client counting its queries.
    const startKeys: unknown[] = [];
    const factory = new ScopedClientFactory(env.config, {
      instrument: (clients) =>
        clients.table.middlewareStack.add(
          (next) => async (args) => {
            startKeys.push((args.input as { ExclusiveStartKey?: unknown }).ExclusiveStartKey);
            return next(args);
          },
          { step: 'initialize', name: 'countQueryPages' },
        ),
    });
    const { table } = factory.forScope(tenantScope('35.22'));
    const pk = `T#35.22#QUERYALL#${Date.now()}`;
    const sortKeys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (const sk of sortKeys) {
      await table.send(
        new PutCommand({ TableName: env.config.tableName, Item: { pk, sk, n: sk.charCodeAt(0) } }),
      );
    }
    startKeys.length = 0;
    const input = {
      TableName: env.config.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      Limit: 3,
    };

    // Act
    const items = await queryAll(table, input);

    // Assess: pages of 3, 3, 1 (and DynamoDB's empty last page after a full one is not needed here).
    expect(items.map((item) => item.sk)).toEqual(sortKeys);
    expect(startKeys).toEqual([undefined, { pk, sk: 'c' }, { pk, sk: 'f' }]);
    expect(input).not.toHaveProperty('ExclusiveStartKey');
  });
});
