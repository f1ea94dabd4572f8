import type { AssumeRoleCommand, AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import {
  type AssumeRoleClient,
  catalogImportScope,
  catalogIndexWriterScope,
  catalogPublisherScope,
  catalogReaderScope,
  contestCallWriterScope,
  contestPublisherScope,
  credentialPlanFor,
  type DataScope,
  loginDirectoryScope,
  memberAdminScope,
  NoDataRoleError,
  nationalReaderScope,
  onboardingScope,
  platformAdminScope,
  platformRegistryScope,
  provinceNoteReaderScope,
  provinceOversightScope,
  provinceReaderScope,
  replicationAgreementScope,
  replicationRequestScope,
  ScopedClientFactory,
  ScopedCredentialVendor,
  SDK_REFRESH_WINDOW_MS,
  sessionPolicyFor,
  summaryWriterScope,
  tenantScope,
} from '../src/index.ts';

const ROLE_ARNS = {
  tenant: 'arn:aws:iam::111122223333:role/TenantData',
  platform: 'arn:aws:iam::111122223333:role/PlatformData',
  tenantAdmin: 'arn:aws:iam::111122223333:role/TenantAdminData',
  catalogReader: 'arn:aws:iam::111122223333:role/CatalogReader',
  catalogPublisher: 'arn:aws:iam::111122223333:role/CatalogPublisher',
  catalogWriter: 'arn:aws:iam::111122223333:role/CatalogWriter',
  contestCallWriter: 'arn:aws:iam::111122223333:role/ContestCallWriter',
  replication: 'arn:aws:iam::111122223333:role/ReplicationData',
  provinceReader: 'arn:aws:iam::111122223333:role/ProvinceReader',
  nationalReader: 'arn:aws:iam::111122223333:role/NationalReader',
  summaryWriter: 'arn:aws:iam::111122223333:role/SummaryWriter',
};

const HOUR = 3_600_000;

/**
 * There is no STS on this machine (and no AWS account), so the vendor's caching and refresh logic is
 * tested against a stand-in that records each AssumeRole input and answers like STS: credentials
 * that expire `DurationSeconds` after the (injected) clock.
 */
function fakeSts(clock: { now: number }, options: { failNext?: number; delayMs?: number } = {}) {
  const calls: AssumeRoleCommandInput[] = [];
  let failures = options.failNext ?? 0;
  const sts: AssumeRoleClient = {
    send: async (command: AssumeRoleCommand) => {
      calls.push(command.input);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (failures > 0) {
        failures--;
        throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
      }
      const tenant = command.input.Tags?.find((tag) => tag.Key === 'TenantId')?.Value ?? 'none';
      return {
        Credentials: {
          AccessKeyId: `ASIA${calls.length}${tenant.replace('.', '')}`,
          SecretAccessKey: 'secret',
          SessionToken: 'token',
          Expiration: new Date(clock.now + (command.input.DurationSeconds ?? 3600) * 1000),
        },
      };
    },
  };
  return { sts, calls };
}

const vendorWith = (clock: { now: number }, sts: AssumeRoleClient) =>
  new ScopedCredentialVendor({
    roleArns: ROLE_ARNS,
    bucketName: 'inovasi-prod-evidence',
    sts,
    now: () => clock.now,
  });

describe('credential plans: which data role serves which scope', () => {
  it.each<[string, DataScope, string, Record<string, string>]>([
    ['a tenant', tenantScope('35.22'), 'tenant', { TenantId: '35.22' }],
    ['a province', tenantScope('35'), 'tenant', { TenantId: '35' }],
    ['a read-only view of a regency', tenantScope('35.22', true), 'tenant', { TenantId: '35.22' }],
    ['member administration', memberAdminScope('35.22'), 'tenantAdmin', { TenantId: '35.22' }],
    ['onboarding', onboardingScope('35.22'), 'tenantAdmin', { TenantId: '35.22' }],
    ['the platform registry', platformRegistryScope, 'platform', {}],
    ['the login directory', loginDirectoryScope, 'platform', {}],
    ['platform administrators', platformAdminScope, 'platform', {}],
    ['the public catalogue', catalogReaderScope, 'catalogReader', {}],
    ['publishing one region', catalogPublisherScope('35.22'), 'catalogPublisher', { TenantId: '35.22' }],
    ['publishing contest copies', contestPublisherScope('35.22'), 'catalogPublisher', { TenantId: '35.22' }],
    [
      'a contest call with its public copy',
      contestCallWriterScope('35.22'),
      'contestCallWriter',
      { TenantId: '35.22' },
    ],
    ['the catalogue index writer', catalogIndexWriterScope, 'catalogWriter', {}],
    ['a catalogue import', catalogImportScope, 'catalogWriter', {}],
    [
      'a replication request',
      replicationRequestScope('35.22', '63.03'),
      'replication',
      {
        TenantId: '35.22',
        PeerTenantId: '63.03',
      },
    ],
    [
      'a replication agreement',
      replicationAgreementScope('63.03', '35.22'),
      'replication',
      {
        TenantId: '63.03',
        PeerTenantId: '35.22',
      },
    ],
    ['a province’s cockpit', provinceReaderScope('35'), 'provinceReader', { TenantId: '35' }],
    [
      'a regency reading its province’s note',
      provinceNoteReaderScope('35.22', 2026),
      'tenant',
      { TenantId: '35' },
    ],
    ['the national view', nationalReaderScope, 'nationalReader', {}],
    [
      'a regency keeping its summaries',
      summaryWriterScope('35.22'),
      'summaryWriter',
      { TenantId: '35.22', ProvinceId: '35' },
    ],
    [
      'a province keeping its summaries',
      summaryWriterScope('35'),
      'summaryWriter',
      { TenantId: '35', ProvinceId: '35' },
    ],
  ])('gives %s the narrowest role that covers it', (_label, scope, role, tags) => {
    // Act
    const plan = credentialPlanFor(scope);
    // Assess
    expect(plan.role).toBe(role);
    expect(plan.tags).toEqual(tags);
    expect(plan.readOnly).toBe(scope.readOnly);
  });

  it('gives a read-only session no write action, on items or objects', () => {
    const policy = JSON.parse(sessionPolicyFor(credentialPlanFor(tenantScope('35.22', true)), 'bucket'));
    const actions = policy.Statement.flatMap((statement: { Action: string | string[] }) =>
      [statement.Action].flat(),
    );
    expect(actions.sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
      's3:GetObject',
      's3:ListBucket',
    ]);
  });

  it('writes the scope itself into the session policy, closing delimiter included', () => {
    // Act
    const policy = JSON.parse(sessionPolicyFor(credentialPlanFor(tenantScope('35')), 'inovasi-evidence'));
    // Assess: the province's session cannot reach its regencies (`T#35#*` never matches `T#35.22#…`).
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'dynamodb:GetItem',
            'dynamodb:BatchGetItem',
            'dynamodb:Query',
            'dynamodb:ConditionCheckItem',
            'dynamodb:PutItem',
            'dynamodb:UpdateItem',
            'dynamodb:DeleteItem',
            'dynamodb:BatchWriteItem',
          ],
          Resource: '*',
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#35#*'] } },
        },
        {
          Effect: 'Allow',
          Action: [
            's3:GetObject',
            's3:PutObject',
            's3:DeleteObject',
            's3:PutObjectTagging',
            's3:AbortMultipartUpload',
            's3:ListMultipartUploadParts',
          ],
          Resource: ['arn:aws:s3:::inovasi-evidence/tenants/35/*'],
        },
        {
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::inovasi-evidence',
          Condition: { StringLike: { 's3:prefix': ['tenants/35/*'] } },
        },
      ],
    });
  });

  it('gives a province at a regency a read-only session of its summaries and its main partition only', () => {
    // Act
    const plan = credentialPlanFor(provinceOversightScope('35.22'));
    const policy = JSON.parse(sessionPolicyFor(plan, 'inovasi-evidence'));
    // Assess: the regency's tenant role, tagged with the regency, narrowed to two partitions: the
    // main one named exactly (no `*`), so `T#35.22#INNO#…` and `T#35.22#EVID#…` are not reachable;
    // no object statement at all.
    expect(plan.role).toBe('tenant');
    expect(plan.tags).toEqual({ TenantId: '35.22' });
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
        Resource: '*',
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#35.22#SUMMARY#*', 'T#35.22#'] },
        },
      },
    ]);
  });

  it('narrows a wide role to the scope: one region publishes only its own catalogue entries', () => {
    const policy = JSON.parse(sessionPolicyFor(credentialPlanFor(catalogPublisherScope('35.22')), 'b'));
    expect(policy.Statement[0].Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']).toEqual([
      'CATALOG#ENTRY#35.22#*',
      'CATALOG#LOG#*',
      'CATALOG#META#*',
      'CATALOG#PUBLISHED#*',
      'T#35.22#AUDIT#*',
    ]);
  });

  it.each<[string, DataScope]>([
    [
      'two tenants’ whole partitions',
      { keyPrefixes: ['T#35.22#', 'T#35.20#'], objectPrefixes: [], readOnly: false },
    ],
    [
      'a tenant with someone else’s objects',
      { keyPrefixes: ['T#35.22#'], objectPrefixes: ['tenants/35.20/'], readOnly: false },
    ],
    ['the platform pseudo-tenant', tenantScope('platform', true)],
    ['a key family no role names', { keyPrefixes: ['SOMETHING#'], objectPrefixes: [], readOnly: true }],
    [
      'a tenant plus the catalogue',
      { keyPrefixes: ['T#35.22#', 'CATALOG#LOG#'], objectPrefixes: [], readOnly: false },
    ],
    [
      'a regency writing another province’s read model',
      { keyPrefixes: ['T#35.22#SUMMARY#', 'PROV#63#'], objectPrefixes: [], readOnly: false },
    ],
    ['a regency reading as a province', { keyPrefixes: ['PROV#35.22#'], objectPrefixes: [], readOnly: true }],
  ])('has no role for %s', (_label, scope) => {
    expect(() => credentialPlanFor(scope)).toThrow(NoDataRoleError);
  });
});

describe('ScopedCredentialVendor', () => {
  it('assumes the tenant role with the TenantId tag, transitively, and the scope as session policy', async () => {
    // Prepare
    const clock = { now: Date.parse('2026-03-01T00:00:00Z') };
    const { sts, calls } = fakeSts(clock);
    const vendor = vendorWith(clock, sts);
    // Act
    const credentials = await vendor.providerFor(tenantScope('35.22'))();
    // Assess
    expect(calls).toEqual([
      {
        RoleArn: ROLE_ARNS.tenant,
        RoleSessionName: 'inovasi-tenant-35.22',
        DurationSeconds: 3600,
        Policy: sessionPolicyFor(credentialPlanFor(tenantScope('35.22')), 'inovasi-prod-evidence'),
        Tags: [{ Key: 'TenantId', Value: '35.22' }],
        TransitiveTagKeys: ['TenantId'],
      },
    ]);
    expect(credentials.accessKeyId).toBe('ASIA13522');
    // Reported 15 minutes early, so a URL presigned with them stays valid that long.
    expect(credentials.expiration?.getTime()).toBe(clock.now + HOUR - 15 * 60_000);
  });

  it('passes no tags to an untagged role', async () => {
    const clock = { now: 0 };
    const { sts, calls } = fakeSts(clock);
    await vendorWith(clock, sts).providerFor(platformRegistryScope)();
    expect(calls[0]?.Tags).toBeUndefined();
    expect(calls[0]?.TransitiveTagKeys).toBeUndefined();
    expect(calls[0]?.RoleArn).toBe(ROLE_ARNS.platform);
  });

  it('caches per tenant: many requests, one STS call; another tenant gets its own', async () => {
    // Prepare
    const clock = { now: 0 };
    const { sts, calls } = fakeSts(clock);
    const vendor = vendorWith(clock, sts);
    // Act
    for (let i = 0; i < 50; i++) await vendor.providerFor(tenantScope('35.22'))();
    await vendor.providerFor(tenantScope('35.20'))();
    // Assess
    expect(calls.map((call) => call.Tags?.[0]?.Value)).toEqual(['35.22', '35.20']);
    expect(vendor.assumeRoleCalls).toBe(2);
  });

  it('shares one STS call among concurrent first requests of a tenant', async () => {
    const clock = { now: 0 };
    const { sts, calls } = fakeSts(clock, { delayMs: 20 });
    const vendor = vendorWith(clock, sts);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => vendor.providerFor(tenantScope('35.22'))()),
    );
    expect(calls).toHaveLength(1);
    expect(new Set(results.map((result) => result.accessKeyId)).size).toBe(1);
  });

  it('refreshes shortly before expiry, not earlier', async () => {
    // Prepare
    const clock = { now: 0 };
    const { sts, calls } = fakeSts(clock);
    const vendor = vendorWith(clock, sts);
    const provider = vendor.providerFor(tenantScope('35.22'));
    const first = await provider();
    const reportedExpiry = first.expiration?.getTime() ?? 0;
    // Act: just outside the SDK's refresh window (plus slack) the cached session is still used …
    clock.now = reportedExpiry - SDK_REFRESH_WINDOW_MS - 60_001;
    const stillCached = await provider();
    // … inside it, a new session is assumed.
    clock.now = reportedExpiry - SDK_REFRESH_WINDOW_MS - 30_000;
    const refreshed = await provider();
    // Assess
    expect(stillCached.accessKeyId).toBe(first.accessKeyId);
    expect(refreshed.accessKeyId).not.toBe(first.accessKeyId);
    expect(calls).toHaveLength(2);
    expect(refreshed.expiration?.getTime()).toBe(clock.now + HOUR - 15 * 60_000);
  });

  it('does not cache a failed STS call', async () => {
    const clock = { now: 0 };
    const { sts, calls } = fakeSts(clock, { failNext: 1 });
    const vendor = vendorWith(clock, sts);
    const provider = vendor.providerFor(tenantScope('35.22'));
    await expect(provider()).rejects.toThrow('Rate exceeded');
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'ASIA23522' });
    expect(calls).toHaveLength(2);
  });

  it('keeps a bounded number of sessions', async () => {
    const clock = { now: 0 };
    const { sts, calls } = fakeSts(clock);
    const vendor = new ScopedCredentialVendor({
      roleArns: ROLE_ARNS,
      bucketName: 'b',
      sts,
      now: () => clock.now,
      maxSessions: 2,
    });
    for (const code of ['35.22', '35.20', '35.16', '35.22']) await vendor.providerFor(tenantScope(code))();
    // 35.22 was the oldest when 35.16 arrived, so it was assumed again.
    expect(calls).toHaveLength(4);
  });

  it('refuses a scope whose role has no ARN configured, before any STS call', () => {
    const clock = { now: 0 };
    const { sts, calls } = fakeSts(clock);
    const vendor = new ScopedCredentialVendor({
      roleArns: { tenant: ROLE_ARNS.tenant },
      bucketName: 'b',
      sts,
    });
    expect(() => vendor.providerFor(catalogReaderScope)).toThrow(/CATALOG_READER_ROLE_ARN/);
    expect(calls).toEqual([]);
  });

  it('refuses a session too short for the early expiry and the SDK window', () => {
    const { sts } = fakeSts({ now: 0 });
    expect(
      () => new ScopedCredentialVendor({ roleArns: {}, bucketName: 'b', sts, sessionSeconds: 900 }),
    ).toThrow(/too short/);
  });
});

describe('ScopedClientFactory with vended credentials', () => {
  it('signs each scope’s clients with that scope’s session; the guard stays on', async () => {
    // Prepare
    const clock = { now: Date.now() };
    const { sts, calls } = fakeSts(clock);
    const factory = new ScopedClientFactory(
      { tableName: 't', bucketName: 'inovasi-prod-evidence', region: 'ap-southeast-3' },
      { credentials: vendorWith(clock, sts) },
    );
    // Act: the SDK resolves the identity it will sign with, without sending anything.
    const bojonegoro = factory.forScope(tenantScope('35.22'));
    const tuban = factory.forScope(tenantScope('35.23'));
    const [tableIdentity, objectIdentity, otherIdentity] = await Promise.all([
      bojonegoro.table.config.credentials(),
      bojonegoro.objects().then(({ client }) => client.config.credentials()),
      tuban.table.config.credentials(),
    ]);
    // Assess: one session per tenant, shared by its table and object clients.
    expect(tableIdentity.accessKeyId).toBe(objectIdentity.accessKeyId);
    expect(otherIdentity.accessKeyId).not.toBe(tableIdentity.accessKeyId);
    expect(calls.map((call) => call.Tags?.[0]?.Value).sort()).toEqual(['35.22', '35.23']);
    expect(bojonegoro.table.middlewareStack.identify().join()).toContain('tenantGuard');
  });
});
