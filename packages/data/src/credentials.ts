import { AssumeRoleCommand, type AssumeRoleCommandOutput, STSClient } from '@aws-sdk/client-sts';
import { isTenantCode } from '@inovasi/core';

export type { AssumeRoleCommand, AssumeRoleCommandInput } from '@aws-sdk/client-sts';

import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import {
  DATA_ROLE_NAMES,
  DATA_ROLES,
  type DataRoleDefinition,
  type DataRoleName,
  ITEM_READ_ACTIONS,
  ITEM_WRITE_ACTIONS,
  OBJECT_READ_ACTIONS,
  OBJECT_WRITE_ACTIONS,
  PROVINCE_TAG_KEY,
  type SessionTagKey,
  TENANT_TAG_KEY,
  tagPatterns,
} from './data-roles.ts';
import type { DataScope } from './tenant-guard.ts';

/** A scope that no data role covers: in AWS it gets no credentials at all. */
export class NoDataRoleError extends Error {
  override readonly name = 'NoDataRoleError';
}

/** Which role a scope's sessions assume, with which session tags, and exactly what the session may reach. */
export interface CredentialPlan {
  readonly role: DataRoleName;
  /** Session tags (`TenantId`, and `PeerTenantId` for a two-region flow); empty for untagged roles. */
  readonly tags: Readonly<Partial<Record<SessionTagKey, string>>>;
  readonly readOnly: boolean;
  /** Partition-key prefixes of the table and its indexes (the session's `dynamodb:LeadingKeys`). */
  readonly keyPrefixes: readonly string[];
  /**
   * Partition keys reached exactly, not as prefixes (a scope's `sortKeyLimited` partitions): the
   * session may name `T#35.22#` itself but none of `T#35.22#INNO#…`. IAM cannot limit sort keys, so
   * which items of such a partition are read stays the guard's.
   */
  readonly exactKeys: readonly string[];
  readonly objectPrefixes: readonly string[];
}

/** Key families that name a tenant: its partitions and a province's read model. */
const TENANT_KEY = /^(?:T|PROV)#([^#]+)#/;
const TENANT_OBJECT = /^tenants\/([^/]+)\//;

const unique = (values: readonly string[]): string[] => [...new Set(values)].sort();

const describe = (scope: DataScope): string =>
  JSON.stringify({ keys: scope.keyPrefixes, objects: scope.objectPrefixes, readOnly: scope.readOnly });

/** The tenants a scope names, through its key, index and object prefixes. */
function tenantsOf(keyPrefixes: readonly string[], objectPrefixes: readonly string[]): string[] {
  const tenants = new Set<string>();
  for (const prefix of keyPrefixes) {
    const code = TENANT_KEY.exec(prefix)?.[1];
    if (code !== undefined) tenants.add(code);
  }
  for (const prefix of objectPrefixes) {
    const code = TENANT_OBJECT.exec(prefix)?.[1];
    if (code !== undefined) tenants.add(code);
  }
  return [...tenants].sort();
}

/** IAM `StringLike` patterns of area codes as the stricter local check (`?` is a digit here). */
const shapeOf = (patterns: readonly string[]) =>
  new RegExp(
    `^(${patterns.map((pattern) => pattern.replaceAll('.', '\\.').replaceAll('?', '\\d')).join('|')})$`,
  );

/**
 * Every way of giving a role's tags values from the scope's tenants and their provinces (with
 * repetition: a province is its own province). Coverage then decides which assignment is right.
 */
function tagAssignments(definition: DataRoleDefinition, tenants: readonly string[]): string[][] {
  if (definition.tags.length === 0) return tenants.length === 0 ? [[]] : [];
  if (tenants.length === 0) return [];
  const candidates = unique([...tenants, ...tenants.map((code) => code.slice(0, 2))]);
  let assignments: string[][] = [[]];
  for (const [position, tag] of definition.tags.entries()) {
    const shape = shapeOf(tagPatterns(definition, tag));
    const tenantAt = definition.tags.indexOf(TENANT_TAG_KEY);
    assignments = assignments.flatMap((partial) => {
      // `ProvinceId` is never chosen freely: it is the province of the session's tenant.
      if (tag === PROVINCE_TAG_KEY && tenantAt >= 0 && tenantAt < position) {
        const province = partial[tenantAt]?.slice(0, 2) ?? '';
        return shape.test(province) ? [[...partial, province]] : [];
      }
      return candidates.filter((code) => shape.test(code)).map((code) => [...partial, code]);
    });
  }
  // Every tenant the scope names must be one of the tags: a tag is never a wildcard for another tenant.
  return assignments.filter((values) => tenants.every((tenant) => values.includes(tenant)));
}

/**
 * Picks the narrowest data role that covers a scope (see `DATA_ROLES`). A scope that keys no role
 * covers has no plan: such a path needs its own role and a decision record, not a wider one.
 */
export function credentialPlanFor(scope: DataScope): CredentialPlan {
  const keyPrefixes = unique([
    ...scope.keyPrefixes,
    ...Object.values(scope.indexPrefixes ?? {}).flatMap((prefixes) => prefixes ?? []),
  ]);
  const objectPrefixes = unique(scope.objectPrefixes);
  const exactKeys = unique((scope.sortKeyLimited ?? []).map((rule) => rule.partition));
  const tenants = tenantsOf([...keyPrefixes, ...exactKeys], objectPrefixes);
  for (const code of tenants) {
    // The trust policies admit only tags of this shape; checking here turns a misuse into a clear error.
    if (!isTenantCode(code)) {
      throw new NoDataRoleError(`"${code}" is not a tenant code a session may be tagged with`);
    }
  }
  for (const role of DATA_ROLE_NAMES) {
    const definition: DataRoleDefinition = DATA_ROLES[role];
    if (definition.readOnly && !scope.readOnly) continue;
    for (const values of tagAssignments(definition, tenants)) {
      const allowedKeys = definition.keyPrefixes(...values);
      const allowedObjects = definition.objectPrefixes(...values);
      const covered =
        [...keyPrefixes, ...exactKeys].every((prefix) =>
          allowedKeys.some((allowed) => prefix.startsWith(allowed)),
        ) && objectPrefixes.every((prefix) => allowedObjects.some((allowed) => prefix.startsWith(allowed)));
      if (covered) {
        const tags = Object.fromEntries(definition.tags.map((tag, index) => [tag, values[index]]));
        return { role, tags, readOnly: scope.readOnly, keyPrefixes, exactKeys, objectPrefixes };
      }
    }
  }
  throw new NoDataRoleError(`no data role covers the scope ${describe(scope)}`);
}

/**
 * The inline session policy of one plan: the scope itself in IAM terms. STS intersects it with the
 * role's policy, so a session reaches what the guard allows and what the role allows, never more.
 * A read-only scope (a province's oversight of a regency) gets no write action at all.
 */
export function sessionPolicyFor(plan: CredentialPlan, bucketName: string): string {
  const statements: Record<string, unknown>[] = [
    {
      Effect: 'Allow',
      Action: plan.readOnly ? [...ITEM_READ_ACTIONS] : [...ITEM_READ_ACTIONS, ...ITEM_WRITE_ACTIONS],
      Resource: '*',
      Condition: {
        'ForAllValues:StringLike': {
          'dynamodb:LeadingKeys': [...plan.keyPrefixes.map((prefix) => `${prefix}*`), ...plan.exactKeys],
        },
      },
    },
  ];
  if (plan.objectPrefixes.length > 0) {
    statements.push(
      {
        Effect: 'Allow',
        Action: plan.readOnly ? [...OBJECT_READ_ACTIONS] : [...OBJECT_READ_ACTIONS, ...OBJECT_WRITE_ACTIONS],
        Resource: plan.objectPrefixes.map((prefix) => `arn:aws:s3:::${bucketName}/${prefix}*`),
      },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: `arn:aws:s3:::${bucketName}`,
        Condition: { StringLike: { 's3:prefix': plan.objectPrefixes.map((prefix) => `${prefix}*`) } },
      },
    );
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Where each scope's clients get their credentials (see `ScopedClientFactory`). */
export interface ScopeCredentialSource {
  /** Credentials for one scope's clients; undefined: the configured (local) credentials or the default chain. */
  providerFor(scope: DataScope): AwsCredentialIdentityProvider | undefined;
}

/** The one STS call the vendor makes; `STSClient` satisfies it. */
export interface AssumeRoleClient {
  send(command: AssumeRoleCommand): Promise<Pick<AssumeRoleCommandOutput, 'Credentials'>>;
}

export interface ScopedCredentialVendorOptions {
  /** ARN of each data role; a plan whose role has no ARN fails with NoDataRoleError. */
  readonly roleArns: Partial<Record<DataRoleName, string>>;
  readonly bucketName: string;
  /** The STS client; by default a regional one with the SDK's retries (`region` required then). */
  readonly sts?: AssumeRoleClient | undefined;
  readonly region?: string | undefined;
  /** Requested session length. Role chaining (a Lambda role assuming a role) caps it at one hour. */
  readonly sessionSeconds?: number;
  /**
   * How much earlier than STS says the credentials are reported to expire. A URL presigned with
   * them stays valid at least this long, and the SDK refreshes before a request could fail.
   */
  readonly earlyExpiryMs?: number;
  /** Distinct sessions kept (one per tenant and scope shape); the oldest is dropped beyond this. */
  readonly maxSessions?: number;
  readonly now?: () => number;
}

/** The SDK refreshes a memoized identity when less than this is left (`@smithy/core` EXPIRATION_MS). */
export const SDK_REFRESH_WINDOW_MS = 5 * 60_000;
/** Slack so that a cached identity is still outside the SDK's window when the SDK looks at it. */
const REFRESH_SLACK_MS = 60_000;

interface Session {
  credentials?: AwsCredentialIdentity & { expiration: Date };
  pending?: Promise<AwsCredentialIdentity>;
}

/**
 * Vends per-scope credentials in AWS: `AssumeRole` on the plan's data role with the `TenantId`
 * session tag (transitive, so it survives any further chaining) and the scope's session policy,
 * cached per (role, tags, policy) — in practice per tenant — until shortly before expiry. Concurrent first requests of a
 * tenant share one STS call; a failed call is not cached.
 */
export class ScopedCredentialVendor implements ScopeCredentialSource {
  private readonly sessions = new Map<string, Session>();
  private readonly sessionSeconds: number;
  private readonly earlyExpiryMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;
  /** Built by the first STS call: a cold start that serves no data request never constructs it. */
  private stsClient: AssumeRoleClient | undefined;
  /** STS calls made, for tests and metrics. */
  assumeRoleCalls = 0;

  constructor(private readonly options: ScopedCredentialVendorOptions) {
    this.sessionSeconds = options.sessionSeconds ?? 3600;
    this.earlyExpiryMs = options.earlyExpiryMs ?? 15 * 60_000;
    this.maxSessions = options.maxSessions ?? 1000;
    this.now = options.now ?? Date.now;
    if (!options.sts && !options.region)
      throw new Error('ScopedCredentialVendor needs an STS client or a region');
    this.stsClient = options.sts;
    if (this.sessionSeconds * 1000 - this.earlyExpiryMs <= SDK_REFRESH_WINDOW_MS + REFRESH_SLACK_MS) {
      throw new Error('sessionSeconds is too short for earlyExpiryMs and the SDK refresh window');
    }
  }

  private get sts(): AssumeRoleClient {
    this.stsClient ??= new STSClient({ region: this.options.region, maxAttempts: 4 });
    return this.stsClient;
  }

  providerFor(scope: DataScope): AwsCredentialIdentityProvider {
    const plan = credentialPlanFor(scope);
    const roleArn = this.options.roleArns[plan.role];
    if (!roleArn) {
      throw new NoDataRoleError(
        `${DATA_ROLES[plan.role].envVar} is not configured for the ${plan.role} role`,
      );
    }
    const policy = sessionPolicyFor(plan, this.options.bucketName);
    const key = JSON.stringify([roleArn, plan.tags, policy]);
    return () => this.credentials(key, roleArn, plan, policy);
  }

  private async credentials(
    key: string,
    roleArn: string,
    plan: CredentialPlan,
    policy: string,
  ): Promise<AwsCredentialIdentity> {
    let session = this.sessions.get(key);
    const fresh = session?.credentials;
    if (fresh && fresh.expiration.getTime() - this.now() > SDK_REFRESH_WINDOW_MS + REFRESH_SLACK_MS) {
      return fresh;
    }
    if (session?.pending) return session.pending;
    if (!session) {
      session = {};
      this.remember(key, session);
    }
    const current = session;
    current.pending = this.assume(roleArn, plan, policy)
      .then((credentials) => {
        current.credentials = credentials;
        return credentials;
      })
      .finally(() => {
        current.pending = undefined;
      });
    return current.pending;
  }

  private remember(key: string, session: Session): void {
    if (this.sessions.size >= this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    this.sessions.set(key, session);
  }

  private async assume(
    roleArn: string,
    plan: CredentialPlan,
    policy: string,
  ): Promise<AwsCredentialIdentity & { expiration: Date }> {
    this.assumeRoleCalls++;
    const tags = Object.entries(plan.tags).map(([Key, Value]) => ({ Key, Value }));
    const tenants = Object.values(plan.tags).join('-') || 'platform';
    const output = await this.sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        // Shows in CloudTrail next to every data call of the session.
        RoleSessionName: `inovasi-${plan.role}-${tenants}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64),
        DurationSeconds: this.sessionSeconds,
        Policy: policy,
        ...(tags.length > 0 ? { Tags: tags, TransitiveTagKeys: tags.map((tag) => tag.Key) } : {}),
      }),
    );
    const credentials = output.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.Expiration) {
      throw new Error(`AssumeRole on ${roleArn} returned no credentials`);
    }
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: new Date(new Date(credentials.Expiration).getTime() - this.earlyExpiryMs),
    };
  }
}
