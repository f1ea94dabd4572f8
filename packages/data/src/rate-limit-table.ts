import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DataConfig } from './clients.ts';
import { rateLimitTableDefinition } from './table-definition.ts';

/** Creates the counters table if missing (the embedded default and the tests; CDK owns it in AWS). */
export async function provisionRateLimitTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: rateLimitTableDefinition.partitionKey, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: rateLimitTableDefinition.partitionKey, AttributeType: 'S' }],
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: rateLimitTableDefinition.timeToLiveAttribute, Enabled: true },
    }),
  );
}

/** One counter to charge: a window of `windowSeconds` allows `allowance` tokens under `key`. */
export interface WindowCharge {
  readonly key: string;
  readonly allowance: number;
  readonly windowSeconds: number;
  readonly cost: number;
}

export interface WindowDecision {
  readonly allowed: boolean;
  readonly retryAfterSeconds: number;
}

/** Spent windows stay a little past their end, then DynamoDB's TTL removes them (within days). */
const TTL_MARGIN_SECONDS = 60;

/**
 * Fixed-window counters, one conditional `UpdateItem` each: `ADD` the cost unless the window's
 * count would pass its allowance. One round trip, no read-before-write and no transaction, so
 * concurrent instances never conflict; the price is the fixed window's edge (up to twice the
 * allowance across a window boundary), which a limit against floods can afford.
 */
export class DynamoWindowCounters {
  private built: DynamoDBClient | undefined;

  /** `client` may be a function that builds it: then it is built by the first charge, not at start. */
  constructor(
    private readonly client: DynamoDBClient | (() => DynamoDBClient),
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  private get table(): DynamoDBClient {
    this.built ??= typeof this.client === 'function' ? this.client() : this.client;
    return this.built;
  }

  /**
   * Charges every counter (in parallel) and refuses when any refuses. Counters that accepted keep
   * their charge: a refused request may cost a caller tokens of its other buckets, on the strict side.
   */
  async take(charges: readonly WindowCharge[]): Promise<WindowDecision> {
    const now = this.now();
    const results = await Promise.all(charges.map((charge) => this.charge(charge, now)));
    const refused = results.filter((wait) => wait > 0);
    if (refused.length === 0) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(...refused) };
  }

  /** 0 when charged, else whole seconds until the counter's window ends. */
  private async charge(charge: WindowCharge, now: number): Promise<number> {
    const windowMs = charge.windowSeconds * 1000;
    const window = Math.floor(now / windowMs);
    const endsAt = (window + 1) * windowMs;
    const wait = Math.max(1, Math.ceil((endsAt - now) / 1000));
    const room = charge.allowance - charge.cost;
    if (room < 0) return wait;
    try {
      await this.table.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: {
            [rateLimitTableDefinition.partitionKey]: {
              S: `${rateLimitTableDefinition.keyPrefix}${charge.key}#${window}`,
            },
          },
          UpdateExpression: 'ADD #used :cost SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(#used) OR #used <= :room',
          ExpressionAttributeNames: { '#used': 'used', '#ttl': rateLimitTableDefinition.timeToLiveAttribute },
          ExpressionAttributeValues: {
            ':cost': { N: String(charge.cost) },
            ':room': { N: String(room) },
            ':ttl': { N: String(Math.ceil(endsAt / 1000) + TTL_MARGIN_SECONDS) },
          },
        }),
      );
      return 0;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return wait;
      throw error;
    }
  }
}

/**
 * Counters over the table named in the config's endpoint and credentials (the function's own role
 * in AWS: the counters hold no tenant data). One retry and a short timeout: a limiter that waits
 * seconds for its store would slow every request it lets through.
 */
export function createRateLimitCounters(config: {
  readonly region: string;
  readonly tableName: string;
  readonly endpoint?: string | undefined;
  readonly credentials?: DataConfig['credentials'];
}): DynamoWindowCounters {
  // Built by the first counted request rather than at a cold start.
  const client = () =>
    new DynamoDBClient({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 1_000 },
    });
  return new DynamoWindowCounters(client, config.tableName);
}
