import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareStack } from '@smithy/types';
import { type ClientCredentials, type DataConfig, requestTimeouts } from './client-config.ts';
import type { ScopeCredentialSource } from './credentials.ts';
import {
  type DataScope,
  guardObjects,
  guardTable,
  type TenantDataScope,
  TenantGuardError,
} from './tenant-guard.ts';

export { type ClientCredentials, type DataConfig, requestTimeouts };

/** The S3 SDK module (loaded on first use) and a scope's client built with it. */
export type ObjectModule = typeof import('./object-client.ts');
export interface ObjectAccess {
  readonly client: S3Client;
  readonly s3: ObjectModule;
}

export interface ScopedClients {
  readonly table: DynamoDBDocumentClient;
  /**
   * The scope's S3 client, created (and the S3 SDK loaded) on the first call: a cold start that
   * serves no file request never loads it (docs/decisions/0013). Later calls share the client.
   */
  readonly objects: () => Promise<ObjectAccess>;
  readonly config: DataConfig;
  readonly scope: DataScope;
  /**
   * The tenant the scope belongs to (`scope.tenantCode`); undefined for a scope of no tenant.
   * Repositories read their tenant here, so none can be pointed at another tenant than the one
   * its clients' guard allows (docs/decisions/0048).
   */
  readonly tenantCode: string | undefined;
}

/** Clients of a scope that belongs to one tenant: what every tenant repository is built from. */
export interface TenantClients extends ScopedClients {
  readonly scope: TenantDataScope;
  readonly tenantCode: string;
}

/** Every pair of clients a factory built; anything else claiming a tenant is refused by `tenantOf`. */
const issued = new WeakSet<ScopedClients>();

/**
 * The tenant of clients that a `ScopedClientFactory` issued for a tenant's scope: the only place a
 * repository learns its tenant. An object put together by hand (`{ ...clients, tenantCode }`) is
 * refused here, before any key is built, so a repository cannot address another tenant than the
 * one its clients' guard allows even by a cast (docs/decisions/0048).
 */
export function tenantOf(clients: TenantClients): string {
  if (!issued.has(clients) || !clients.tenantCode) {
    throw new TenantGuardError('tenant: clients not issued by a ScopedClientFactory for a tenant scope');
  }
  return clients.tenantCode;
}

const TRANSLATE = {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  unmarshallOptions: { wrapNumbers: false },
} as const;

/** `credentials` overrides the config's: a scope's vended credentials in AWS. */
export function createTableClient(
  config: DataConfig,
  credentials: ClientCredentials = config.credentials,
): DynamoDBDocumentClient {
  const base = new DynamoDBClient({
    region: config.region,
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
    ...(credentials ? { credentials } : {}),
    // The SDK's standard retry strategy (exponential backoff with jitter) covers throttling,
    // 5xx and timeouts; after the last attempt the API answers 503 with Retry-After.
    maxAttempts: 4,
    requestHandler: requestTimeouts(Boolean(config.dynamoEndpoint), 5_000),
  });
  return DynamoDBDocumentClient.from(base, TRANSLATE);
}

/** Every field of a scope is part of its identity: two scopes share clients only if they allow the same. */
const scopeKey = (scope: DataScope): string =>
  JSON.stringify([
    scope.tenantCode ?? null,
    scope.keyPrefixes,
    scope.objectPrefixes,
    scope.readOnly,
    scope.indexPrefixes ?? null,
    scope.ownItems ?? null,
    // Patterns do not serialise by themselves: their source text is their identity.
    (scope.sortKeyLimited ?? []).map((rule) => ({
      ...rule,
      sortKeys: rule.sortKeys.map((pattern) => pattern.source),
    })),
  ]);

export interface ScopedClientFactoryOptions {
  /**
   * Where each scope's credentials come from. In AWS: a `ScopedCredentialVendor` (STS, one data
   * role per kind of scope, the tenant as a session tag). Omitted: the config's credentials (the
   * local stack's) or the default chain. Either way every scope's clients are built the same way.
   */
  readonly credentials?: ScopeCredentialSource | undefined;
  /**
   * For tests and benchmarks only, never in production: called once for each new pair of scoped
   * clients, after the guard is installed (fault injection, consumed-capacity metering).
   */
  readonly instrument?: ((clients: ScopedClients) => void) | undefined;
  /** The same for a scope's S3 client, called when it is created (on its scope's first file request). */
  readonly instrumentObjects?: ((objects: S3Client, scope: DataScope) => void) | undefined;
  readonly maxCached?: number | undefined;
}

/**
 * Hands out clients bound to one scope, each with the tenant guard installed in its middleware
 * stack and the scope's own credentials. Clients are cached per scope: building SDK clients per
 * request would cost more than the request itself, and a scope's guard never changes.
 */
export class ScopedClientFactory {
  private readonly cache = new Map<string, ScopedClients>();
  private readonly maxCached: number;

  constructor(
    readonly config: DataConfig,
    private readonly options: ScopedClientFactoryOptions = {},
  ) {
    this.maxCached = options.maxCached ?? 500;
  }

  forScope(scope: TenantDataScope): TenantClients;
  forScope(scope: DataScope): ScopedClients;
  forScope(scope: DataScope): ScopedClients {
    const cacheKey = scopeKey(scope);
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const credentials = this.options.credentials?.providerFor(scope) ?? this.config.credentials;
    const table = createTableClient(this.config, credentials);
    guardTable(table.middlewareStack as unknown as MiddlewareStack<object, object>, scope);
    let objects: Promise<ObjectAccess> | undefined;
    const loadObjects = async (): Promise<ObjectAccess> => {
      const s3 = await import('./object-client.ts');
      const client = s3.createObjectClient(this.config, credentials);
      guardObjects(client.middlewareStack as unknown as MiddlewareStack<object, object>, scope);
      this.options.instrumentObjects?.(client, scope);
      return { client, s3 };
    };
    const clients: ScopedClients = {
      table,
      objects: () => {
        // A failed load is not kept: the next request tries again.
        objects ??= loadObjects().catch((error: unknown) => {
          objects = undefined;
          throw error;
        });
        return objects;
      },
      config: this.config,
      scope,
      tenantCode: scope.tenantCode,
    };
    Object.freeze(clients);
    issued.add(clients);
    this.options.instrument?.(clients);
    if (this.cache.size >= this.maxCached) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(cacheKey, clients);
    return clients;
  }
}
