import { ExecuteStatementCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  CATALOG_OBJECT_PREFIX,
  catalogIndexKeys,
  catalogPublisherScope,
  catalogReaderScope,
  evidenceObjectKey,
  INDEXES,
  innovationIndexKeys,
  keys,
  replicationAgreementScope,
  replicationRequestScope,
  repositoriesFor,
  TenantGuardError,
  tenantScope,
} from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
});

const bojonegoro = () => env.data.forScope(tenantScope('35.22'));
const TableName = () => env.config.tableName;

describe('tenant guard on the DynamoDB client', () => {
  it('lets a tenant read its own keys', async () => {
    const result = await bojonegoro().table.send(
      new GetCommand({ TableName: TableName(), Key: keys.tenantProfile('35.22') }),
    );
    expect(result.Item?.name).toBe('Kabupaten Bojonegoro');
  });

  it.each([
    ['another regency', keys.tenantProfile('35.20')],
    ['its own province', keys.tenantProfile('35')],
    ['a prefix look-alike', { pk: 'T#35.221#', sk: 'PROFILE' }],
    ['the platform registry', keys.platformTenant('35.22')],
  ])('refuses GetItem on %s', async (_label, key) => {
    await expect(
      bojonegoro().table.send(new GetCommand({ TableName: TableName(), Key: key })),
    ).rejects.toThrow(TenantGuardError);
  });

  it('stops a province-scoped client from reaching a regency by prefix', async () => {
    const province = env.data.forScope(tenantScope('35'));
    await expect(
      province.table.send(new GetCommand({ TableName: TableName(), Key: keys.tenantProfile('35.22') })),
    ).rejects.toThrow(TenantGuardError);
  });

  it('refuses a put whose index key points into another tenant, and writes nothing', async () => {
    const item = { ...keys.opd('35.22', 'sneaky'), gsi1pk: 'T#35.20#INNO', gsi1sk: 'x', name: 'x' };
    await expect(
      bojonegoro().table.send(new PutCommand({ TableName: TableName(), Item: item })),
    ).rejects.toThrow(TenantGuardError);
    const stored = await bojonegoro().table.send(
      new GetCommand({ TableName: TableName(), Key: keys.opd('35.22', 'sneaky') }),
    );
    expect(stored.Item).toBeUndefined();
  });

  it('refuses an update that moves an index key into another tenant', async () => {
    await expect(
      bojonegoro().table.send(
        new UpdateCommand({
          TableName: TableName(),
          Key: keys.opd('35.22', 'opd-dinkes'),
          UpdateExpression: 'SET #g = :g',
          ExpressionAttributeNames: { '#g': 'gsi2pk' },
          ExpressionAttributeValues: { ':g': 'T#35.20#OPD#x#INNO' },
        }),
      ),
    ).rejects.toThrow(TenantGuardError);
  });

  it('refuses queries on another tenant, on either index, and with a foreign start key', async () => {
    const send = (input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) =>
      bojonegoro().table.send(new QueryCommand({ ...input, TableName: TableName() }));
    await expect(
      send({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'T#35.20#' } }),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      send({
        IndexName: 'gsi1',
        KeyConditionExpression: '#p = :pk',
        ExpressionAttributeNames: { '#p': 'gsi1pk' },
        ExpressionAttributeValues: { ':pk': 'T#35.20#INNO' },
      }),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      send({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'T#35.22#' },
        ExclusiveStartKey: { pk: 'T#35.20#', sk: 'PROFILE' },
      }),
    ).rejects.toThrow(TenantGuardError);
    // A condition that does not bind the partition by equality cannot be checked: refused.
    await expect(
      send({
        KeyConditionExpression: 'pk = :pk OR pk = :other',
        ExpressionAttributeValues: { ':pk': 'T#35.22#', ':other': 'T#35.20#' },
      }),
    ).rejects.toThrow(TenantGuardError);
  });

  it('refuses a transaction if any one entry leaves the tenant, and applies none of it', async () => {
    const own = { ...keys.opd('35.22', 'tx-own'), name: 'Own' };
    const foreign = { ...keys.opd('35.20', 'tx-foreign'), name: 'Foreign' };
    await expect(
      bojonegoro().table.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: TableName(), Item: own } },
            {
              ConditionCheck: {
                TableName: TableName(),
                Key: keys.tenantProfile('35.20'),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            { Put: { TableName: TableName(), Item: foreign } },
          ],
        }),
      ),
    ).rejects.toThrow(TenantGuardError);
    const stored = await bojonegoro().table.send(
      new GetCommand({ TableName: TableName(), Key: keys.opd('35.22', 'tx-own') }),
    );
    expect(stored.Item).toBeUndefined();
  });

  it('refuses Scan and PartiQL outright', async () => {
    const client = bojonegoro().table;
    await expect(client.send(new ScanCommand({ TableName: TableName() }))).rejects.toThrow(TenantGuardError);
    await expect(
      client.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${TableName()}"` })),
    ).rejects.toThrow(TenantGuardError);
  });

  it('keeps the audit trail append-only: no update, delete or overwrite', async () => {
    const key = { pk: 'T#35.22#AUDIT#2026-01', sk: '2026-01-05T08:00:00.000Z#x' };
    const client = bojonegoro().table;
    await expect(
      client.send(
        new UpdateCommand({
          TableName: TableName(),
          Key: key,
          UpdateExpression: 'SET action = :a',
          ExpressionAttributeValues: { ':a': 'forged' },
        }),
      ),
    ).rejects.toThrow(TenantGuardError);
    await expect(client.send(new DeleteCommand({ TableName: TableName(), Key: key }))).rejects.toThrow(
      TenantGuardError,
    );
    await expect(
      client.send(new PutCommand({ TableName: TableName(), Item: { ...key, action: 'forged' } })),
    ).rejects.toThrow(TenantGuardError);
    // A new entry that cannot overwrite an old one is the only write allowed.
    await client.send(
      new PutCommand({
        TableName: TableName(),
        Item: { ...key, action: 'appended' },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  });

  it('makes a read-only scope refuse writes', async () => {
    const readOnly = env.data.forScope(tenantScope('35.22', true));
    await expect(
      readOnly.table.send(
        new PutCommand({ TableName: TableName(), Item: { ...keys.opd('35.22', 'ro'), name: 'x' } }),
      ),
    ).rejects.toThrow(TenantGuardError);
    const profile = await readOnly.table.send(
      new GetCommand({ TableName: TableName(), Key: keys.tenantProfile('35.22') }),
    );
    expect(profile.Item?.code).toBe('35.22');
  });

  it('stops a repository bound to the wrong tenant code from reaching it through a scoped client', async () => {
    // A repository takes its tenant from its clients (docs/decisions/0048), so the old bug (Magetan's
    // code passed beside Bojonegoro's clients) can only be written as clients forged to claim Magetan.
    const buggy = repositoriesFor({ ...bojonegoro(), tenantCode: '35.20' }).innovations;
    await expect(buggy.list({ limit: 5 })).rejects.toThrow(TenantGuardError);
    await expect(buggy.get('anything')).rejects.toThrow(TenantGuardError);
  });
});

describe('tenant guard on the S3 client', () => {
  it('round-trips bytes inside the tenant prefix exactly', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, index) => index % 251));
    const key = evidenceObjectKey('35.22', 'ev1', 'bukti.bin');
    const { client: objects } = await bojonegoro().objects();
    await objects.send(new PutObjectCommand({ Bucket: env.config.bucketName, Key: key, Body: bytes }));
    const read = await objects.send(new GetObjectCommand({ Bucket: env.config.bucketName, Key: key }));
    const body = Buffer.from(await read.Body!.transformToByteArray());
    expect(body.equals(bytes)).toBe(true);
  });

  it('refuses objects of another tenant, also when presigning', async () => {
    const { client: objects } = await bojonegoro().objects();
    const foreign = evidenceObjectKey('35.20', 'ev1', 'bukti.pdf');
    await expect(
      objects.send(new PutObjectCommand({ Bucket: env.config.bucketName, Key: foreign, Body: 'x' })),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      getSignedUrl(objects, new GetObjectCommand({ Bucket: env.config.bucketName, Key: foreign }), {
        expiresIn: 60,
      }),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      objects.send(new GetObjectCommand({ Bucket: env.config.bucketName, Key: 'tenants/35.221/x' })),
    ).rejects.toThrow(TenantGuardError);
  });
});

describe('tenant guard on the catalogue and replication scopes', () => {
  const query = (
    scope: Parameters<typeof env.data.forScope>[0],
    indexName: string | undefined,
    partition: string,
  ) => {
    const attribute = indexName
      ? Object.values(INDEXES).find((index) => index.name === indexName)!.partition
      : 'pk';
    return env.data.forScope(scope).table.send(
      new QueryCommand({
        TableName: TableName(),
        IndexName: indexName,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': attribute },
        ExpressionAttributeValues: { ':p': partition },
      }),
    );
  };

  it('lets the public reader read catalogue entries and the sparse index, and nothing of a tenant', async () => {
    await expect(
      query(catalogReaderScope, INDEXES.catalog.name, 'CATALOG#PUBLISHED#0'),
    ).resolves.toBeDefined();
    const reader = env.data.forScope(catalogReaderScope);
    await expect(
      reader.table.send(new GetCommand({ TableName: TableName(), Key: keys.catalogEntry('35.22', 'x') })),
    ).resolves.toBeDefined();
    for (const key of [
      keys.tenantProfile('35.22'),
      keys.innovation('35.22', 'x'),
      keys.replication('35.22', 'x'),
    ]) {
      await expect(reader.table.send(new GetCommand({ TableName: TableName(), Key: key }))).rejects.toThrow(
        TenantGuardError,
      );
    }
    // The catalogue index allows its own partitions only, and the tenant indexes none of them.
    await expect(query(catalogReaderScope, INDEXES.catalog.name, 'T#35.22#INNO')).rejects.toThrow(
      TenantGuardError,
    );
    await expect(query(catalogReaderScope, INDEXES.byType.name, 'CATALOG#PUBLISHED#0')).rejects.toThrow(
      TenantGuardError,
    );
    await expect(query(catalogReaderScope, INDEXES.byType.name, 'T#35.22#INNO')).rejects.toThrow(
      TenantGuardError,
    );
    await expect(
      reader.table.send(
        new PutCommand({ TableName: TableName(), Item: { ...keys.catalogEntry('35.22', 'x'), name: 'x' } }),
      ),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      (await reader.objects()).client.send(
        new GetObjectCommand({ Bucket: env.config.bucketName, Key: 'tenants/35.22/x' }),
      ),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      (await reader.objects()).client.send(
        new PutObjectCommand({ Bucket: env.config.bucketName, Key: `${CATALOG_OBJECT_PREFIX}x`, Body: 'x' }),
      ),
    ).rejects.toThrow(TenantGuardError);
  });

  it('lets a publisher write only its own entries, with catalogue index keys only', async () => {
    const publisher = env.data.forScope(catalogPublisherScope('35.22'));
    const put = (item: Record<string, unknown>) =>
      publisher.table.send(new PutCommand({ TableName: TableName(), Item: item }));
    await expect(
      put({
        ...keys.catalogEntry('35.22', 'guard-own'),
        ...catalogIndexKeys('35.22', 'guard-own', '2026-01-01'),
      }),
    ).resolves.toBeDefined();
    await expect(put({ ...keys.catalogEntry('35.20', 'guard-foreign') })).rejects.toThrow(TenantGuardError);
    await expect(put({ ...keys.catalogEntry('35.221', 'look-alike') })).rejects.toThrow(TenantGuardError);
    // An index attribute with its own rule does not fall back to the key prefixes, and vice versa.
    await expect(
      put({
        ...keys.catalogEntry('35.22', 'guard-bad-index'),
        [INDEXES.catalog.partition]: 'CATALOG#ENTRY#35.22#x',
      }),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      put({
        ...keys.catalogEntry('35.22', 'guard-bad-list'),
        [INDEXES.byType.partition]: 'CATALOG#PUBLISHED#1',
      }),
    ).rejects.toThrow(TenantGuardError);
    await expect(put({ ...keys.innovation('35.22', 'guard') })).rejects.toThrow(TenantGuardError);
  });

  it('keeps two scopes that differ only in index prefixes on separate guarded clients', () => {
    const narrow = { keyPrefixes: ['CATALOG#'], objectPrefixes: [], readOnly: false };
    const wide = { ...narrow, indexPrefixes: { [INDEXES.byType.partition]: ['T#'] } };
    expect(env.data.forScope(narrow)).not.toBe(env.data.forScope(wide));
  });

  it('lets a request between two regions touch their replication partitions only', async () => {
    const pair = env.data.forScope(replicationRequestScope('35.20', '35.16'));
    const put = (item: Record<string, unknown>) =>
      pair.table.send(new PutCommand({ TableName: TableName(), Item: item }));
    await expect(put({ ...keys.replication('35.20', 'guard-pair') })).resolves.toBeDefined();
    await expect(put({ ...keys.replication('35.16', 'guard-pair') })).resolves.toBeDefined();
    await expect(put({ ...keys.replication('35.22', 'guard-pair') })).rejects.toThrow(TenantGuardError);
    for (const key of [
      keys.tenantProfile('35.20'),
      keys.innovation('35.16', 'x'),
      keys.member('35.20', 'x'),
    ]) {
      await expect(pair.table.send(new GetCommand({ TableName: TableName(), Key: key }))).rejects.toThrow(
        TenantGuardError,
      );
    }
  });

  it('lets an agreement add a draft to the replicator only, and never touch the source’s innovations', async () => {
    const agreement = env.data.forScope(replicationAgreementScope('35.20', '35.16'));
    const put = (item: Record<string, unknown>) =>
      agreement.table.send(new PutCommand({ TableName: TableName(), Item: item }));
    await expect(
      put({
        ...keys.innovation('35.16', 'guard-replica'),
        ...innovationIndexKeys('35.16', 'opd-dinkes', '2026-01-01', 'guard-replica'),
      }),
    ).resolves.toBeDefined();
    // Not into the source's innovations, not into a third region, not into a foreign list.
    await expect(put({ ...keys.innovation('35.20', 'guard-replica') })).rejects.toThrow(TenantGuardError);
    await expect(put({ ...keys.innovation('35.22', 'guard-replica') })).rejects.toThrow(TenantGuardError);
    await expect(
      put({
        ...keys.innovation('35.16', 'guard-replica-2'),
        ...innovationIndexKeys('35.22', 'opd-dinkes', '2026-01-01', 'guard-replica-2'),
      }),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      put({
        ...keys.innovation('35.16', 'guard-replica-3'),
        ...catalogIndexKeys('35.16', 'x', '2026-01-01'),
      }),
    ).rejects.toThrow(TenantGuardError);
    // Only the source's catalogue entries, not the replicator's.
    await expect(
      agreement.table.send(
        new UpdateCommand({
          TableName: TableName(),
          Key: keys.catalogEntry('35.16', 'x'),
          UpdateExpression: 'ADD replicatedByRegions :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      ),
    ).rejects.toThrow(TenantGuardError);
    await expect(
      agreement.table.send(new GetCommand({ TableName: TableName(), Key: keys.tenantProfile('35.16') })),
    ).rejects.toThrow(TenantGuardError);
  });
});
