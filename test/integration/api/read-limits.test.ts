import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp } from '@inovasi/api';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings, sharedRateLimitStore } from '@inovasi/api/rate-limit';
import { DynamoWindowCounters, provisionRateLimitTable } from '@inovasi/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * Issue 19, point 2: reads were not limited at all, so one region's script (or an anonymous
 * flood of catalogue searches) slowed every other region. These fail on the code before the read
 * limits: every read there answered 200.
 */
const SETTINGS: RateLimitSettings = {
  ...DEFAULT_RATE_LIMITS,
  userReads: { burst: 20, perSecond: 0.1 },
  tenantReads: { burst: 60, perSecond: 0.5 },
  anonymous: { burst: 10, perSecond: 0.1 },
  expensiveReadCost: 10,
};

let env: TestEnvironment;
let flooder: string;
let otherRegion: string;
let operator: string;
let thirdRegion: string;

beforeAll(async () => {
  env = await createTestEnvironment({ rateLimits: SETTINGS, projector: false });
  flooder = await env.login('admin.3522@demo.local');
  otherRegion = await env.login('admin.3520@demo.local');
  operator = await env.login('opd1.3520@demo.local');
  thirdRegion = await env.login('admin.3516@demo.local');
});

describe('read limits in one process', () => {
  it('answers a flood of reads by one user with 429 and Retry-After while another region is served', async () => {
    // Act
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<TestEnvironment['request']>> | undefined;
    for (let i = 0; i < 40; i++) {
      const response = await env.request('GET', '/tenants/35.22/innovations', { token: flooder });
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
    }
    const other = await env.request('GET', '/tenants/35.20/innovations', { token: otherRegion });
    // Assess
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused?.json.error.code).toBe('rate_limited');
    expect(refused?.json.error.message).toMatch(/Terlalu banyak permintaan/);
    expect(other.status).toBe(200);
  });

  it('charges expensive reads (the advice) by their cost', async () => {
    const token = operator;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await env.request(
        'GET',
        '/tenants/35.20/periods/2026/projection/advice?basis=claimed',
        {
          token,
        },
      );
      statuses.push(response.status);
    }
    // 20 tokens, 10 an advice: the third is refused, where three plain reads would pass.
    expect(statuses.slice(0, 2).every((status) => status !== 429)).toBe(true);
    expect(statuses[2]).toBe(429);
  });

  it('limits anonymous catalogue searches per client address', async () => {
    // As the Node server binds them: the socket's address is the client's.
    const search = (address: string, token?: string) =>
      env.app.request(
        '/api/v1/catalog/innovations?q=sehat',
        { headers: token ? { authorization: `Bearer ${token}` } : {} },
        { incoming: { socket: { remoteAddress: address } } },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await search('192.0.2.10')).status);
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429, 429]);
    // Another address, and a signed-in user on the same address, are counted apart.
    expect((await search('192.0.2.11')).status).toBe(200);
    expect((await search('192.0.2.10', otherRegion)).status).toBe(200);
  });
});

describe('read limits shared by two instances (the AWS path)', () => {
  let admin: DynamoDBClient;
  let tableName: string;

  beforeAll(async () => {
    admin = new DynamoDBClient({
      region: env.config.region,
      endpoint: env.config.dynamoEndpoint,
      credentials: env.config.credentials,
    });
    tableName = `${env.config.tableName}limits`;
    await provisionRateLimitTable(admin, tableName);
  });

  afterAll(() => admin?.destroy());

  it('holds one limit across instances: neither instance alone could refuse', async () => {
    // Prepare: two apps, as two Lambda instances, each with its own in-process buckets, sharing the
    // counters table. A clock held 5 s into the current window keeps every request in it (held
    // near the real time: DynamoDB Local drops items whose TTL has passed).
    const windowMs = 200_000;
    const fixedNow = Math.floor(Date.now() / windowMs) * windowMs + 5_000;
    const store = () => sharedRateLimitStore(new DynamoWindowCounters(admin, tableName, () => fixedNow));
    const first = createApp({ ...env.deps, rateLimitStore: store() });
    const second = createApp({ ...env.deps, rateLimitStore: store() });
    const token = thirdRegion;
    const read = (app: ReturnType<typeof createApp>) =>
      app.request('/api/v1/tenants/35.16/innovations', { headers: { authorization: `Bearer ${token}` } });
    // Act: 12 reads on each instance, 24 in all, against one user's 20 tokens.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await read(first)).status, (await read(second)).status);
    }
    // Assess: each instance allowed fewer than its own 20; together exactly the shared 20.
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
    const refused = await read(first);
    // The window (20 tokens at 0.1/s: 200 s) ends 195 s after the fixed clock.
    expect(refused.headers.get('retry-after')).toBe('195');
  });
});
