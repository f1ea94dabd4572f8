import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareStack } from '@smithy/types';
import { type DataScope, guardObjects, guardTable } from './tenant-guard.ts';

/** Where the data lives. In AWS only the names are set; locally the endpoints point at loopback. */
export interface DataConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly region: string;
  readonly dynamoEndpoint?: string | undefined;
  readonly s3Endpoint?: string | undefined;
  /** Fake credentials for the local stack; in AWS the default provider chain is used. */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export interface ScopedClients {
  readonly table: DynamoDBDocumentClient;
  readonly objects: S3Client;
  readonly config: DataConfig;
  readonly scope: DataScope;
}

const TRANSLATE = {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  unmarshallOptions: { wrapNumbers: false },
} as const;

export function createTableClient(config: DataConfig): DynamoDBDocumentClient {
  const base = new DynamoDBClient({
    region: config.region,
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    maxAttempts: 4,
  });
  return DynamoDBDocumentClient.from(base, TRANSLATE);
}

export function createObjectClient(config: DataConfig): S3Client {
  const local = Boolean(config.s3Endpoint);
  return new S3Client({
    region: config.region,
    ...(config.credentials ? { credentials: config.credentials } : {}),
    ...(local
      ? {
          endpoint: config.s3Endpoint,
          forcePathStyle: true,
          // s3rver stores streamed uploads corrupted under the SDK's default checksum mode.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  });
}

/** Every field of a scope is part of its identity: two scopes share clients only if they allow the same. */
const scopeKey = (scope: DataScope): string =>
  JSON.stringify([scope.keyPrefixes, scope.objectPrefixes, scope.readOnly, scope.indexPrefixes ?? null]);

/**
 * Hands out clients bound to one scope, each with the tenant guard installed in its middleware
 * stack. Clients are cached per scope: building SDK clients per request would cost more than the
 * request itself, and a scope's guard never changes.
 */
export class ScopedClientFactory {
  private readonly cache = new Map<string, ScopedClients>();

  constructor(
    readonly config: DataConfig,
    private readonly maxCached = 500,
  ) {}

  forScope(scope: DataScope): ScopedClients {
    const cacheKey = scopeKey(scope);
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const table = createTableClient(this.config);
    guardTable(table.middlewareStack as unknown as MiddlewareStack<object, object>, scope);
    const objects = createObjectClient(this.config);
    guardObjects(objects.middlewareStack as unknown as MiddlewareStack<object, object>, scope);
    const clients: ScopedClients = { table, objects, config: this.config, scope };
    if (this.cache.size >= this.maxCached) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(cacheKey, clients);
    return clients;
  }
}
