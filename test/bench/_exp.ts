import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { startLocalStack } from '@inovasi/local';

const stack = await startLocalStack();
const c = new DynamoDBClient({
  endpoint: stack.config.dynamoEndpoint,
  region: stack.config.region,
  credentials: stack.config.credentials,
});
const t = stack.config.tableName;
console.log(
  await c
    .send(
      new PutItemCommand({
        TableName: t,
        Item: {
          pk: { S: 'T#1#' },
          sk: { S: 'A' },
          gsi1pk: { S: 'x' },
          gsi1sk: { S: 'y' },
          big: { S: 'x'.repeat(3000) },
        },
        ReturnConsumedCapacity: 'INDEXES',
      }),
    )
    .then((r) => r.ConsumedCapacity),
);
console.log(
  await c
    .send(
      new GetItemCommand({
        TableName: t,
        Key: { pk: { S: 'T#1#' }, sk: { S: 'A' } },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    )
    .then((r) => r.ConsumedCapacity),
);
console.log(
  await c
    .send(
      new QueryCommand({
        TableName: t,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': { S: 'T#1#' } },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    )
    .then((r) => r.ConsumedCapacity),
);
console.log(
  await c
    .send(
      new TransactWriteItemsCommand({
        TransactItems: [{ Put: { TableName: t, Item: { pk: { S: 'T#2#' }, sk: { S: 'A' } } } }],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    )
    .then((r) => JSON.stringify(r.ConsumedCapacity)),
);
console.log(c.middlewareStack.identify());
await stack.stop();
