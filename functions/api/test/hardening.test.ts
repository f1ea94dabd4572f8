import { createLogger, REDACTED, RequestLogger, redactText } from '@inovasi/app/logging';
import type { Actor } from '@inovasi/core';
import { ScopedClientFactory } from '@inovasi/data';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.ts';
import type { AppDeps } from '../src/deps.ts';
import {
  cachedVerifier,
  isDependencyUnavailable,
  ORIGIN_VERIFY_HEADER,
  VIEWER_ADDRESS_HEADER,
  withGlobalResponses,
} from '../src/hardening.ts';
import {
  chargesFor,
  DEFAULT_RATE_LIMITS,
  RateLimiter,
  readCost,
  requestKind,
  sharedRateLimitStore,
  windowOf,
} from '../src/rate-limit.ts';
import { directoryOf } from './support/directory.ts';

/**
 * The API's defences that need no data store: rate limits, security headers and CORS, error
 * classification, log redaction. Routes are called in-process; the data layer points at nothing,
 * so every request here is decided before it would reach DynamoDB.
 */
const actors: Record<string, Actor> = {
  'token-a1': { userId: 'u-a1', email: 'a1@demo.local', tenantCode: '35.22', roles: ['tenant_admin'] },
  'token-a2': { userId: 'u-a2', email: 'a2@demo.local', tenantCode: '35.22', roles: ['tenant_admin'] },
  'token-b1': { userId: 'u-b1', email: 'b1@demo.local', tenantCode: '35.20', roles: ['tenant_admin'] },
};

const directory = directoryOf(actors);
const { identities } = directory;

const appWith = (overrides: Partial<AppDeps> = {}) =>
  createApp({
    mode: 'local',
    data: new ScopedClientFactory({ tableName: 'unused', bucketName: 'unused', region: 'ap-southeast-3' }),
    verifier: directory.verifier,
    findMember: directory.findMember,
    areas: { list: async () => [], find: async () => undefined },
    logger: createLogger({ serviceName: 'test', logLevel: 'SILENT' }),
    rateLimitRefusalDelayMs: 0,
    ...overrides,
  });

/** A write that fails validation: it passes the limiter, then never reaches the data layer. */
const invalidWrite = (app: ReturnType<typeof appWith>, token: string, tenant: string) =>
  app.request(`/api/v1/tenants/${tenant}/opds`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });

describe('rate limits', () => {
  it('lets a burst through, then refuses with 429 and Retry-After until the bucket refills', () => {
    // Prepare
    let now = 0;
    const limiter = new RateLimiter(
      { ...DEFAULT_RATE_LIMITS, userWrites: { burst: 3, perSecond: 0.5 } },
      () => now,
    );
    // Act
    const burst = [1, 2, 3].map(() => limiter.take('write', '35.22', 'u1').allowed);
    const refused = limiter.take('write', '35.22', 'u1');
    now = 2_000;
    const refilled = limiter.take('write', '35.22', 'u1');
    // Assess
    expect(burst).toEqual([true, true, true]);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(refilled.allowed).toBe(true);
  });

  it('keeps one region from starving another, and one user from starving their region', () => {
    let now = 0;
    const limiter = new RateLimiter(
      {
        ...DEFAULT_RATE_LIMITS,
        userWrites: { burst: 5, perSecond: 1 },
        tenantWrites: { burst: 8, perSecond: 1 },
      },
      () => now,
    );
    // One busy user of 35.22 takes their own five …
    for (let i = 0; i < 5; i++) expect(limiter.take('write', '35.22', 'busy').allowed).toBe(true);
    expect(limiter.take('write', '35.22', 'busy').allowed).toBe(false);
    // … a colleague still gets the rest of the region's eight …
    for (let i = 0; i < 3; i++) expect(limiter.take('write', '35.22', 'colleague').allowed).toBe(true);
    expect(limiter.take('write', '35.22', 'colleague').allowed).toBe(false);
    // … and another region is untouched.
    expect(limiter.take('write', '35.20', 'other').allowed).toBe(true);
    // A refused request cost nothing: after a second each bucket has exactly one more token.
    now = 1_000;
    expect(limiter.take('write', '35.22', 'colleague').allowed).toBe(true);
  });

  it('counts uploads against their own, tighter buckets and reads against buckets of their own', () => {
    const limiter = new RateLimiter(
      {
        ...DEFAULT_RATE_LIMITS,
        userUploads: { burst: 2, perSecond: 0.01 },
        userReads: { burst: 5, perSecond: 0.01 },
      },
      () => 0,
    );
    expect(requestKind('POST', '/api/v1/tenants/35.22/evidence/uploads')).toBe('upload');
    expect(requestKind('POST', '/api/v1/tenants/35.22/evidence/abc/links')).toBe('write');
    expect(requestKind('GET', '/api/v1/tenants/35.22/evidence/uploads')).toBe('read');
    // A resumable upload counts once, when it starts; its part signatures are reads (ADR 0035).
    expect(requestKind('POST', '/api/v1/tenants/35.22/evidence/uploads/multipart')).toBe('upload');
    expect(requestKind('GET', '/api/v1/tenants/35.22/evidence/abc/multipart/0123/parts/3')).toBe('read');
    expect(requestKind('POST', '/api/v1/tenants/35.22/evidence/abc/multipart/0123/complete')).toBe('write');
    expect(requestKind('DELETE', '/api/v1/tenants/35.22/evidence/abc/multipart/0123')).toBe('write');
    // The what-if simulation stores nothing: a (costly) read, though sent as a POST.
    expect(requestKind('POST', '/api/v1/scoring/simulate')).toBe('read');
    expect([1, 2, 3].map(() => limiter.take('upload', '35.22', 'u').allowed)).toEqual([true, true, false]);
    expect(limiter.take('write', '35.22', 'u').allowed).toBe(true);
    expect([1, 2, 3, 4, 5, 6].map(() => limiter.take('read', '35.22', 'u').allowed)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    // Writes are not held back by spent reads, nor the other way round.
    expect(limiter.take('write', '35.22', 'u').allowed).toBe(true);
  });

  it('charges expensive reads more tokens, and anonymous requests per client address', () => {
    // Prepare
    const settings = {
      ...DEFAULT_RATE_LIMITS,
      userReads: { burst: 20, perSecond: 1 },
      expensiveReadCost: 10,
    };
    const limiter = new RateLimiter(settings, () => 0);
    const user = { tenantCode: '35.22', userId: 'u' };
    const advice = chargesFor(settings, user, 'GET', '/api/v1/tenants/35.22/periods/2026/projection/advice');
    const plain = chargesFor(settings, user, 'GET', '/api/v1/tenants/35.22/innovations');
    // Act
    const expensive = [1, 2, 3].map(() => limiter.takeCharges(advice));
    // Assess
    expect(advice.map((charge) => charge.cost)).toEqual([10, 10]);
    expect(plain.map((charge) => charge.cost)).toEqual([1, 1]);
    expect(expensive.map((decision) => decision.allowed)).toEqual([true, true, false]);
    expect(expensive[2]?.retryAfterSeconds).toBe(10);
    expect(readCost('/api/v1/scoring/simulate', settings)).toBe(settings.simulationCost);
    for (const path of [
      '/api/v1/tenants/35.22/periods/2026/projection',
      '/api/v1/tenants/35.22/periods/2026/projection/portfolio',
      '/api/v1/tenants/35.22/periods/2026/gaps',
      '/api/v1/tenants/35.22/audit/export',
      '/api/v1/tenants/35.22/exports/abc/download',
      '/api/v1/tenants/35.22/innovations/abc/national-entry',
    ]) {
      expect(readCost(path, settings), path).toBe(10);
    }
    const anonymous = chargesFor(
      settings,
      { clientAddress: '203.0.113.7' },
      'GET',
      '/api/v1/catalog/innovations',
    );
    expect(anonymous).toEqual([{ key: 'anonymous#203.0.113.7', limit: settings.anonymous, cost: 1 }]);
  });

  it('maps a bucket onto a fixed window of the same burst and sustained rate for the shared store', async () => {
    // Prepare
    const seen: unknown[] = [];
    const store = sharedRateLimitStore({
      take: async (charges) => {
        seen.push(...charges);
        return { allowed: false, retryAfterSeconds: 7 };
      },
    });
    // Act
    const decision = await store.take([
      { key: 'user-reads#35.22#u', limit: { burst: 200, perSecond: 4 }, cost: 10 },
    ]);
    // Assess
    expect(seen).toEqual([{ key: 'user-reads#35.22#u', cost: 10, allowance: 200, windowSeconds: 50 }]);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 7 });
    expect(windowOf({ burst: 10, perSecond: 0.2 })).toEqual({ allowance: 10, windowSeconds: 50 });
  });

  it('bounds its memory by dropping the least recently used buckets', () => {
    const limiter = new RateLimiter(
      { ...DEFAULT_RATE_LIMITS, userWrites: { burst: 1, perSecond: 0.001 } },
      () => 0,
      4,
    );
    expect(limiter.take('write', '35.22', 'first').allowed).toBe(true);
    expect(limiter.take('write', '35.22', 'first').allowed).toBe(false);
    for (const user of ['u1', 'u2', 'u3', 'u4']) limiter.take('write', '35.20', user);
    // `first`'s bucket was dropped; it comes back full (the generous side).
    expect(limiter.take('write', '35.22', 'first').allowed).toBe(true);
  });

  it('answers 429 with Retry-After through the API, per user and per region', async () => {
    // Prepare
    const app = appWith({
      rateLimits: {
        ...DEFAULT_RATE_LIMITS,
        userWrites: { burst: 2, perSecond: 0.1 },
        tenantWrites: { burst: 3, perSecond: 0.1 },
      },
    });
    // Act
    const statuses = async (token: string, tenant: string, count: number) => {
      const result: number[] = [];
      for (let i = 0; i < count; i++) result.push((await invalidWrite(app, token, tenant)).status);
      return result;
    };
    const first = await statuses('token-a1', '35.22', 3);
    const colleague = await statuses('token-a2', '35.22', 2);
    const otherRegion = await statuses('token-b1', '35.20', 2);
    const limited = await invalidWrite(app, 'token-a1', '35.22');
    const read = await app.request('/api/v1/openapi.json', { headers: { authorization: 'Bearer token-a1' } });
    // Assess
    expect(first).toEqual([400, 400, 429]);
    expect(colleague).toEqual([400, 429]);
    expect(otherRegion).toEqual([400, 400]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as any).error.code).toBe('rate_limited');
    expect(read.status).toBe(200);
  });
});

describe('read limits and the shared store', () => {
  const tight = { ...DEFAULT_RATE_LIMITS, anonymous: { burst: 2, perSecond: 0.01 } };

  it('counts anonymous requests per viewer address in AWS, so one address cannot hold back another', async () => {
    // Prepare
    const app = appWith({ mode: 'aws', rateLimits: tight });
    const from = (address: string) =>
      app.request('/api/v1/openapi.json', { headers: { [VIEWER_ADDRESS_HEADER]: address } });
    // Act
    const flood = [];
    for (let i = 0; i < 3; i++) flood.push((await from('198.51.100.1')).status);
    const other = await from('198.51.100.2');
    // Assess
    expect(flood).toEqual([200, 200, 429]);
    expect(other.status).toBe(200);
  });

  it('asks the shared store only for what the in-process buckets allow, and obeys its refusal', async () => {
    // Prepare
    const asked: string[][] = [];
    let refuse = false;
    const app = appWith({
      rateLimits: tight,
      rateLimitStore: {
        take: async (charges) => {
          asked.push(charges.map((charge) => charge.key));
          return refuse ? { allowed: false, retryAfterSeconds: 42 } : { allowed: true, retryAfterSeconds: 0 };
        },
      },
    });
    const read = () => app.request('/api/v1/openapi.json', { headers: { authorization: 'Bearer token-a1' } });
    // Act
    const allowed = await read();
    refuse = true;
    const refused = await read();
    const anonymous = [];
    for (let i = 0; i < 3; i++) anonymous.push((await app.request('/api/v1/openapi.json')).status);
    // Assess
    expect(allowed.status).toBe(200);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('42');
    expect(asked.slice(0, 2)).toEqual([
      ['user-reads#35.22#u-a1', 'tenant-reads#35.22'],
      ['user-reads#35.22#u-a1', 'tenant-reads#35.22'],
    ]);
    // The third anonymous request was refused in process: the store never saw it.
    expect(anonymous).toEqual([429, 429, 429]);
    expect(asked).toHaveLength(4);
  });

  it('holds a refusal back before answering it, so a looping script slows down', async () => {
    const app = appWith({ rateLimits: tight, rateLimitRefusalDelayMs: 150 });
    for (let i = 0; i < 2; i++) await app.request('/api/v1/openapi.json');
    const started = performance.now();
    const refused = await app.request('/api/v1/openapi.json');
    expect(refused.status).toBe(429);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('lets a request through when the shared store fails, on the in-process limit alone', async () => {
    const app = appWith({
      rateLimits: tight,
      rateLimitStore: {
        take: async () => {
          throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
        },
      },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.request('/api/v1/openapi.json')).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('requests around CloudFront', () => {
  it('refuses, in AWS, a request without the origin secret CloudFront adds, before authentication', async () => {
    // Prepare
    const app = appWith({ mode: 'aws', originSecret: 'rahasia-cloudfront' });
    const get = (headers: Record<string, string>) => app.request('/api/v1/openapi.json', { headers });
    // Act
    const direct = await get({});
    const guessed = await get({ [ORIGIN_VERIFY_HEADER]: 'rahasia' });
    const directWithToken = await get({ authorization: 'Bearer token-a1' });
    const through = await get({ [ORIGIN_VERIFY_HEADER]: 'rahasia-cloudfront' });
    // Assess
    expect([direct.status, guessed.status, directWithToken.status]).toEqual([403, 403, 403]);
    expect(((await direct.json()) as any).error.code).toBe('direct_access_refused');
    expect(through.status).toBe(200);
  });

  it('checks nothing where no secret is configured (locally, tests)', async () => {
    expect((await appWith().request('/api/v1/openapi.json')).status).toBe(200);
  });
});

describe('security headers and CORS', () => {
  it('sends a locked-down CSP, frame-ancestors, nosniff and no HSTS on the local (HTTP) API', async () => {
    const response = await appWith().request('/api/v1/openapi.json');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('adds HSTS in AWS, where every request arrives over TLS', async () => {
    const response = await appWith({ mode: 'aws' }).request('/api/v1/openapi.json');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('gives the API reference page only the sources it loads', async () => {
    const response = await appWith().request('/api/v1/docs');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('script-src');
    expect(csp).toContain('https://cdn.jsdelivr.net');
  });

  it('allows CORS only for the configured web origin', async () => {
    const app = appWith({ webOrigins: ['https://inovasi.example.go.id'] });
    const preflight = (origin: string) =>
      app.request('/api/v1/tenants/35.22/opds', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,if-match',
        },
      });
    const allowed = await preflight('https://inovasi.example.go.id');
    const refused = await preflight('https://penyerang.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://inovasi.example.go.id');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers at all when no web origin is configured (same-origin only)', async () => {
    const response = await appWith().request('/api/v1/openapi.json', {
      headers: { origin: 'https://siapa.saja' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('documented answers every route can give', () => {
  it('adds 401, 413, 415, 429 and 503 where the middleware can answer them', async () => {
    const document = (await (await appWith().request('/api/v1/openapi.json')).json()) as any;
    const create = document.paths['/api/v1/tenants/{code}/opds'].post.responses;
    const list = document.paths['/api/v1/tenants/{code}/opds'].get.responses;
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['401', '413', '415', '429', '503']));
    expect(Object.keys(list)).toEqual(expect.arrayContaining(['401', '429', '503']));
    expect(create['503'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('keeps a route’s own description of a status', () => {
    const document = withGlobalResponses({
      paths: { '/x': { post: { requestBody: {}, responses: { '413': { description: 'mine' } } } } },
    });
    expect(document.paths['/x'].post.responses['413']).toEqual({ description: 'mine' });
  });

  it('answers a body that is not JSON with 415, not 500', async () => {
    const response = await appWith().request('/api/v1/tenants/35.22/opds', {
      method: 'POST',
      headers: { authorization: 'Bearer token-a1', 'content-type': 'text/plain' },
      body: 'nama=Dinas',
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as any).error).toMatchObject({
      code: 'unsupported_media_type',
      field: 'Content-Type',
    });
  });
});

describe('dependency errors', () => {
  const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(name), { name, ...extra });

  it.each([
    ['DynamoDB throttling', sdkError('ThrottlingException', { $metadata: { httpStatusCode: 400 } })],
    ['provisioned throughput', sdkError('ProvisionedThroughputExceededException')],
    ['S3 SlowDown', sdkError('SlowDown', { $metadata: { httpStatusCode: 503 } })],
    ['a 500', sdkError('InternalServerError', { $fault: 'server', $metadata: { httpStatusCode: 500 } })],
    ['an unknown 502', sdkError('Unknown', { $metadata: { httpStatusCode: 502 } })],
    ['a socket timeout', sdkError('TimeoutError', { code: 'ETIMEDOUT' })],
    ['a refused connection', sdkError('Error', { code: 'ECONNREFUSED' })],
    ['STS throttling', sdkError('Throttling')],
    [
      'a throttled transaction',
      sdkError('TransactionCanceledException', {
        CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }],
      }),
    ],
    ['a wrapped cause', new Error('outer', { cause: sdkError('Error', { code: 'ECONNRESET' }) })],
  ])('calls %s unavailable (503)', (_label, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a failed condition',
      sdkError('ConditionalCheckFailedException', { $fault: 'client', $metadata: { httpStatusCode: 400 } }),
    ],
    [
      'a cancelled transaction (conditions)',
      sdkError('TransactionCanceledException', {
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'ThrottlingError' }],
      }),
    ],
    [
      'a validation error',
      sdkError('ValidationException', { $fault: 'client', $metadata: { httpStatusCode: 400 } }),
    ],
    [
      'access denied',
      sdkError('AccessDeniedException', { $fault: 'client', $metadata: { httpStatusCode: 400 } }),
    ],
    ['a programming error', new TypeError('x is undefined')],
    ['not an error', 'ThrottlingException'],
  ])('does not call %s unavailable', (_label, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});

describe('log redaction', () => {
  afterEach(() => vi.restoreAllMocks());

  const captured = () => {
    const lines: string[] = [];
    // Powertools writes INFO to stdout and errors to stderr.
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
    }
    return lines;
  };

  it('never prints tokens, Authorization headers, AWS keys or e-mail addresses', () => {
    // Prepare
    const lines = captured();
    const logger = createLogger({ serviceName: 'test', logLevel: 'INFO' });
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTM1MjItYWRtaW4ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    // Act
    logger.info('incoming request', {
      headers: { authorization: `Bearer ${jwt}`, cookie: 'session=abc', 'x-request-id': 'req-12345678' },
      email: 'admin.3522@demo.local',
      user: 'u-3522-admin',
      tenant: '35.22',
      note: `retry for opd1.3522@demo.local with ${jwt} and key ASIAQWERTYUIOPASDFGH`,
    });
    logger.error('unhandled error', {
      error: new Error('member siti.aminah@bojonegorokab.go.id exists'),
      token: 'local-secret-token',
    });
    // Assess
    const output = lines.join('');
    for (const secret of [
      'eyJhbGci',
      'session=abc',
      'admin.3522@demo.local',
      'opd1.3522@demo.local',
      'siti.aminah@',
      'ASIAQWERTY',
      'local-secret-token',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain(REDACTED);
    // What an operator needs to follow a request stays.
    for (const kept of ['u-3522-admin', '35.22', 'req-12345678', 'unhandled error'])
      expect(output).toContain(kept);
  });

  it('masks secrets inside free text', () => {
    expect(redactText('Bearer abc.def-123 for x@y.co.id')).toBe(`Bearer ${REDACTED} for ${REDACTED}`);
  });

  it('writes a request’s keys on every line of its logger, redacted like the rest', () => {
    const lines = captured();
    const base = createLogger({ serviceName: 'test', logLevel: 'INFO' });
    const logger = new RequestLogger(base, { requestId: 'req-1' });
    logger.appendPersistentKeys({ tenant: '35.22', user: 'u-1' });
    logger.info('login', { email: 'platform@demo.local' });
    logger.warn('slow', { durationMs: 900 });
    base.info('process line');
    const [login, slow, processLine] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(login).toMatchObject({ message: 'login', requestId: 'req-1', tenant: '35.22', user: 'u-1' });
    expect(login?.email).toBe(REDACTED);
    expect(slow).toMatchObject({ message: 'slow', requestId: 'req-1', durationMs: 900 });
    // The process logger itself carries no request's keys.
    expect(processLine).not.toHaveProperty('requestId');
  });
});

describe('remembered token checks', () => {
  const jwt = (exp: number) =>
    [
      'eyJhbGciOiJIUzI1NiJ9',
      Buffer.from(JSON.stringify({ sub: 'u', exp })).toString('base64url'),
      'sig',
    ].join('.');
  const actor = identities['token-a1']!;

  it('checks a token once, then remembers it until shortly before it expires', async () => {
    // Prepare
    let now = 1_000_000;
    let checks = 0;
    const verifier = cachedVerifier(
      {
        verify: async () => {
          checks++;
          return actor;
        },
      },
      { now: () => now, maxAgeMs: 60_000 },
    );
    const token = jwt(Math.floor(now / 1000) + 30);
    // Act / Assess: remembered while valid …
    expect(await verifier.verify(token)).toBe(actor);
    expect(await verifier.verify(token)).toBe(actor);
    expect(checks).toBe(1);
    // … and checked again within 5 s of its expiry.
    now += 26_000;
    await verifier.verify(token);
    expect(checks).toBe(2);
  });

  it('never remembers a token that failed, nor one without an expiry', async () => {
    let checks = 0;
    const failing = cachedVerifier({
      verify: async () => {
        checks++;
        return undefined;
      },
    });
    await failing.verify('forged');
    await failing.verify('forged');
    expect(checks).toBe(2);
    const noExpiry = cachedVerifier({
      verify: async () => {
        checks++;
        return actor;
      },
    });
    await noExpiry.verify('no.exp.here');
    await noExpiry.verify('no.exp.here');
    expect(checks).toBe(4);
  });

  it('keeps a bounded number of tokens', async () => {
    let checks = 0;
    const verifier = cachedVerifier(
      {
        verify: async () => {
          checks++;
          return actor;
        },
      },
      { maxEntries: 2 },
    );
    const exp = Math.floor(Date.now() / 1000) + 600;
    const [a, b, c] = [jwt(exp), jwt(exp + 1), jwt(exp + 2)];
    for (const token of [a, b, c, a]) await verifier.verify(token);
    expect(checks).toBe(4);
  });
});
