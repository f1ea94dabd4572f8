import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from './table-definition.ts';

/**
 * Creates the table if missing, from the same definition the CDK stack deploys.
 * Used by the embedded default and the tests; in AWS the CDK stack owns these resources.
 */
export async function provisionTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await addMissingIndexes(client, tableName, existing.Table);
    await enableStream(client, tableName, existing.Table);
    return;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [...tableDefinition.keySchema],
      AttributeDefinitions: [...tableDefinition.attributeDefinitions],
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        ...index,
        KeySchema: [...index.KeySchema],
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    }),
  );
}

/**
 * A local store created before the summary projector existed (docs/decisions/0018) gets its change
 * stream now. Changes made before this moment are not in it; the summary rebuild covers them.
 */
async function enableStream(
  client: DynamoDBClient,
  tableName: string,
  table: TableDescription | undefined,
): Promise<void> {
  if (table?.StreamSpecification?.StreamEnabled) return;
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
    }),
  );
}

/**
 * A local store created before an index joined the definition (a `.data` folder kept across
 * upgrades) gets the index now, one at a time as DynamoDB requires, waiting until it is usable.
 */
async function addMissingIndexes(
  client: DynamoDBClient,
  tableName: string,
  table: TableDescription | undefined,
): Promise<void> {
  const present = new Set((table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of tableDefinition.globalSecondaryIndexes) {
    if (present.has(index.IndexName)) continue;
    const names = index.KeySchema.map((element) => element.AttributeName as string);
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: tableDefinition.attributeDefinitions.filter((attribute) =>
          names.includes(attribute.AttributeName),
        ),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.IndexName,
              KeySchema: [...index.KeySchema],
              Projection: index.Projection,
            },
          },
        ],
      }),
    );
    for (let attempt = 0; attempt < 600; attempt++) {
      const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const created = described.Table?.GlobalSecondaryIndexes?.find(
        (gsi) => gsi.IndexName === index.IndexName,
      );
      if (created?.IndexStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
