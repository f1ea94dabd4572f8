import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isDependencyUnavailable } from '@inovasi/api/hardening';
import { type DataConfig, provisionTable, ScopedClientFactory, tenantScope } from '@inovasi/data';
import { freePort } from '@inovasi/local';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../support/environment.ts';
import { FaultInjector, type FaultKind, type FaultInjector as Injector } from '../support/faults.ts';

/**
 * What the data layer and the API do when DynamoDB or S3 throttle, time out, fail with 5xx or
 * cannot be reached: the SDK retries with its own backoff, and what still fails becomes a 503 with
 * Retry-After, never a 500. The write-atomicity half of this suite (every write completes or leaves
 * no trace, walking every write route of the OpenAPI document) is in faults-writes.test.ts.
 */
let config: DataConfig;

beforeAll(async () => {
  const shared = inject('dataConfig');
  config = { ...shared, tableName: `t${randomUUID().replaceAll('-', '')}` };
  const admin = new DynamoDBClient({
    region: config.region,
    endpoint: config.dynamoEndpoint,
    credentials: config.credentials,
  });
  await provisionTable(admin, config.tableName);
  admin.destroy();
});

const clientsWith = (injector: Injector) =>
  new ScopedClientFactory(config, { ...injector.instruments }).forScope(tenantScope('35.22'));

const item = () => ({ pk: 'T#35.22#FAULT', sk: randomUUID(), value: 1 });

describe('the SDK retries with its own backoff', () => {
  it.each<FaultKind>(['throttle', 'server-error', 'unavailable', 'timeout-before', 'connection-reset'])(
    'retries a DynamoDB call after %s and succeeds',
    async (fault) => {
      // Prepare: the first two attempts fail, the third gets through.
      const injector = new FaultInjector();
      const clients = clientsWith(injector);
      injector.script = [fault, fault, null];
      // Act
      const started = performance.now();
      const result = await clients.table.send(new PutCommand({ TableName: config.tableName, Item: item() }));
      const elapsed = performance.now() - started;
      // Assess: three attempts, and the SDK waited between them (exponential backoff with jitter).
      expect(result.$metadata.attempts).toBe(3);
      expect(result.$metadata.totalRetryDelay).toBeGreaterThan(0);
      expect(elapsed).toBeGreaterThanOrEqual(result.$metadata.totalRetryDelay ?? 0);
      expect(injector.stats.injected[fault]).toBe(2);
    },
  );

  it('backs off longer after throttling than after a server error (the SDK’s throttling base delay)', async () => {
    const injector = new FaultInjector();
    const clients = clientsWith(injector);
    const delays = { throttle: 0, 'server-error': 0 };
    for (let round = 0; round < 4; round++) {
      for (const fault of ['throttle', 'server-error'] as const) {
        injector.script = [fault, fault, null];
        const result = await clients.table.send(
          new PutCommand({ TableName: config.tableName, Item: item() }),
        );
        delays[fault] += result.$metadata.totalRetryDelay ?? 0;
      }
    }
    expect(delays.throttle).toBeGreaterThan(delays['server-error']);
  });

  it('does not apply a write twice when the response was lost and the retry resends it', async () => {
    // Prepare: the first attempt reaches DynamoDB, its answer is lost; the retry must not
    // overwrite (a conditional put reports the condition, which the repositories map to 409).
    const injector = new FaultInjector();
    const clients = clientsWith(injector);
    const written = item();
    injector.script = ['timeout-after', null];
    // Act
    const outcome = await clients.table
      .send(
        new PutCommand({
          TableName: config.tableName,
          Item: written,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .then(
        () => 'ok',
        (error: Error) => error.name,
      );
    // Assess: the item exists exactly once, as written.
    expect(outcome).toBe('ConditionalCheckFailedException');
    const stored = await clients.table.send(
      new GetCommand({
        TableName: config.tableName,
        Key: { pk: written.pk, sk: written.sk },
        ConsistentRead: true,
      }),
    );
    expect(stored.Item).toEqual(written);
  });

  it('gives up after four attempts, with an error the API classifies as unavailable', async () => {
    const injector = new FaultInjector();
    const clients = clientsWith(injector);
    injector.rate = 1;
    injector.kinds = ['throttle'];
    const error = await clients.table
      .send(new PutCommand({ TableName: config.tableName, Item: item() }))
      .catch((caught: unknown) => caught as Error & { $metadata: { attempts: number } });
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ThrottlingException');
    expect((error as { $metadata: { attempts: number } }).$metadata.attempts).toBe(4);
    expect(injector.stats.attempts).toBe(4);
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each<FaultKind>(['throttle', 'server-error', 'unavailable', 'timeout-before', 'connection-reset'])(
    'classifies an S3 call that keeps failing with %s as unavailable',
    async (fault) => {
      const injector = new FaultInjector();
      const clients = clientsWith(injector);
      injector.rate = 1;
      injector.kinds = [fault];
      const { client } = await clients.objects();
      const error = await client
        .send(new HeadObjectCommand({ Bucket: config.bucketName, Key: 'tenants/35.22/missing.pdf' }))
        .catch((caught: unknown) => caught);
      expect(isDependencyUnavailable(error)).toBe(true);
      expect(injector.stats.attempts).toBeGreaterThan(1);
    },
  );

  it('retries an S3 upload after SlowDown and stores it intact', async () => {
    const injector = new FaultInjector();
    const clients = clientsWith(injector);
    injector.script = ['throttle', null];
    const key = `tenants/35.22/faults/${randomUUID()}.txt`;
    const { client } = await clients.objects();
    const result = await client.send(
      new PutObjectCommand({
        Bucket: config.bucketName,
        Key: key,
        Body: 'isi berkas',
        ContentType: 'text/plain',
      }),
    );
    expect(result.$metadata.attempts).toBe(2);
    const head = await client.send(new HeadObjectCommand({ Bucket: config.bucketName, Key: key }));
    expect(head.ContentLength).toBe('isi berkas'.length);
  });

  it('does not call a data error (a failed condition, a validation error) unavailable', async () => {
    const clients = clientsWith(new FaultInjector());
    const conditional = await clients.table
      .send(
        new PutCommand({
          TableName: config.tableName,
          Item: item(),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      )
      .catch((caught: unknown) => caught);
    const invalid = await clients.table
      .send(new PutCommand({ TableName: config.tableName, Item: { pk: 'T#35.22#X' } }))
      .catch((caught: unknown) => caught);
    expect(isDependencyUnavailable(conditional)).toBe(false);
    expect(isDependencyUnavailable(invalid)).toBe(false);
  });
});

describe('the API when a dependency is down', () => {
  let env: TestEnvironment;
  let injector: FaultInjector;
  let innovationPath: string;

  beforeAll(async () => {
    injector = new FaultInjector();
    env = await createTestEnvironment({ factory: { ...injector.instruments } });
    const admin = await env.login('admin.3522@demo.local');
    const list = await env.request('GET', '/tenants/35.22/innovations?limit=1', { token: admin });
    innovationPath = `/tenants/35.22/innovations/${list.json.items[0].id}`;
  });

  it.each<FaultKind>(['throttle', 'server-error', 'unavailable', 'timeout-before', 'connection-reset'])(
    'answers a read with 503 and Retry-After when every attempt fails with %s',
    async (fault) => {
      const admin = await env.login('admin.3522@demo.local');
      injector.kinds = [fault];
      const response = await injector.during(1, () => env.request('GET', innovationPath, { token: admin }));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(response.json.error.code).toBe('service_unavailable');
      expect(response.json.error.requestId).toBeTruthy();
      injector.kinds = ['throttle', 'server-error', 'unavailable', 'timeout-before', 'connection-reset'];
    },
  );

  it('answers a write with 503 and writes nothing when the store keeps throttling', async () => {
    const admin = await env.login('admin.3522@demo.local');
    const before = await env.request('GET', innovationPath, { token: admin });
    injector.kinds = ['throttle'];
    const response = await injector.during(1, () =>
      env.request('PATCH', innovationPath, {
        token: admin,
        headers: { 'if-match': before.headers.get('etag') ?? '' },
        body: { profile: { name: 'Nama yang tidak pernah tersimpan' } },
      }),
    );
    const after = await env.request('GET', innovationPath, { token: admin });
    expect(response.status).toBe(503);
    expect(after.text).toBe(before.text);
  });

  it('answers 503 when DynamoDB cannot be reached at all (connection refused)', async () => {
    // Prepare: the same app, pointed at a port nothing listens on.
    const closed = await freePort();
    const down = await createTestEnvironment({ seed: false });
    const broken = new ScopedClientFactory({ ...down.config, dynamoEndpoint: `http://127.0.0.1:${closed}` });
    const { createApp } = await import('@inovasi/api');
    const app = createApp({ ...down.deps, data: broken });
    // Act
    const response = await app.request('/api/v1/tenants', { headers: { authorization: 'Bearer x' } });
    const health = await app.request('/api/v1/dev/users');
    // Assess: an unauthenticated call is still 401 (no data needed); a data call is 503.
    expect(response.status).toBe(401);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('2');
  });
});
