import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp } from '@inovasi/api';
import type { RateLimitSettings } from '@inovasi/api/rate-limit';
import { officialAreas } from '@inovasi/app/areas';
import { demoIdentity } from '@inovasi/app/identity/local-tokens';
import type { JobDispatcher } from '@inovasi/app/jobs/background';
import type { EvidenceLimits } from '@inovasi/core';
import {
  type DataConfig,
  provisionTable,
  ScopedClientFactory,
  type ScopedClientFactoryOptions,
} from '@inovasi/data';
import { createObjectClient, provisionBucket } from '@inovasi/data/object-client';
import {
  type DynamoDbLocal,
  type RegionProjected,
  seedDemoData,
  startDynamoDbLocal,
  startSummaryProjection,
} from '@inovasi/local';
import { inject } from 'vitest';

export interface RequestOptions {
  readonly token?: string | undefined;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

const areas = officialAreas();

/**
 * A fresh table on the shared local DynamoDB for one test file, the real app on top of it, and
 * helpers to sign in as demo users and call routes in-process (the same fetch handler as the server).
 */
export interface TestEnvironmentOptions {
  readonly seed?: boolean;
  readonly mode?: 'local' | 'aws';
  /** Credentials source and test instrumentation (fault injection, capacity metering) for the data layer. */
  readonly factory?: ScopedClientFactoryOptions;
  /** Off unless a test sets them: suites fire hundreds of writes as one user in a second. */
  readonly rateLimits?: RateLimitSettings | false;
  readonly webOrigins?: readonly string[];
  /** A bucket of its own, so a suite can compare every object before and after (others share one). */
  readonly isolatedBucket?: boolean;
  /** Evidence intake limits (smaller files and quota than the defaults, for the limit tests). */
  readonly evidenceLimits?: EvidenceLimits;
  /**
   * Where routes hand jobs over (as the AWS adapter's Lambda dispatcher does); by default the
   * in-process runner of the embedded product.
   */
  readonly jobs?: JobDispatcher;
  /** How long member records are trusted (default 60 s); 0 reads them on every request. */
  readonly memberCacheMs?: number;
  /** The deploy's first platform administrator (AWS mode), made a member at its first sign-in. */
  readonly firstPlatformAdminEmail?: string;
  /**
   * The summary projector on the table's change stream (docs/decisions/0018): on unless `false`.
   * It begins after the seed (whose summaries the seed writes itself); `projected()` waits for it.
   */
  readonly projector?: boolean;
  /**
   * Data access of the projector. Default: plain clients of the local stack, so the app's fault
   * injection and request metering see the app's own requests only.
   */
  readonly projectorFactory?: ScopedClientFactoryOptions;
}

/** Every environment of this test file still running; the teardown setup file stops them all. */
const running = new Set<() => Promise<void>>();

/**
 * This test file's own DynamoDB Local, in memory, started on first use. One shared by every file
 * slowed as the run went on (every file's tables and stream records in one database, and each
 * environment's stream poller taking its locks) until set-ups late in the run failed with lock
 * timeouts. Files still share the s3rver and cognito-local of the global setup.
 */
let fileDynamo: Promise<DynamoDbLocal> | undefined;

/** The global setup's local stack, with this file's own DynamoDB Local in place of the shared one. */
export async function fileDataConfig(): Promise<DataConfig> {
  fileDynamo ??= startDynamoDbLocal();
  const { endpoint } = await fileDynamo;
  return { ...inject('dataConfig'), dynamoEndpoint: endpoint };
}

/**
 * Stops the projectors and drops the tables of this file's environments, then this file's
 * DynamoDB Local (test/support/teardown.ts).
 */
export async function stopTestEnvironments(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()));
  const dynamo = fileDynamo;
  fileDynamo = undefined;
  await dynamo?.then((started) => started.stop());
}

export async function createTestEnvironment(options: TestEnvironmentOptions = {}) {
  const config: DataConfig = {
    ...(await fileDataConfig()),
    tableName: `t${randomUUID().replaceAll('-', '')}`,
    ...(options.isolatedBucket ? { bucketName: `b${randomUUID().replaceAll('-', '')}` } : {}),
  };
  if (options.isolatedBucket) {
    const objects = createObjectClient(config);
    await provisionBucket(objects, config.bucketName);
    objects.destroy();
  }
  const admin = new DynamoDBClient({
    region: config.region,
    endpoint: config.dynamoEndpoint,
    credentials: config.credentials,
  });
  await provisionTable(admin, config.tableName);
  admin.destroy();

  const data = new ScopedClientFactory(config, options.factory);
  const identity = await demoIdentity();
  if (options.seed ?? true) await seedDemoData(data, areas);
  const deps = {
    mode: options.mode ?? 'local',
    data,
    verifier: identity.verifier,
    // In AWS mode there is no demo directory; tests sign in there with tokens issued below.
    demoTokens: options.mode === 'aws' ? undefined : identity.demoTokens,
    areas,
    logger: new Logger({ serviceName: 'inovasi-test', logLevel: 'SILENT' }),
    rateLimits: options.rateLimits ?? false,
    // A refused request is answered at once: suites count refusals, not the wait (unit-tested).
    rateLimitRefusalDelayMs: 0,
    webOrigins: options.webOrigins,
    evidenceLimits: options.evidenceLimits,
    memberCacheMs: options.memberCacheMs,
    firstPlatformAdminEmail: options.firstPlatformAdminEmail,
    jobs: options.jobs,
  } as const;
  const app = createApp(deps);

  const regionsProjected: RegionProjected[] = [];
  const projector =
    options.projector === false
      ? undefined
      : startSummaryProjection({
          config,
          data: new ScopedClientFactory(config, options.projectorFactory),
          logger: deps.logger,
          startAt: 'latest',
          onRegionProjected: (projected) => regionsProjected.push(projected),
        });
  await projector?.ready;
  /** Waits until every change committed so far has reached the summaries (no sleeping). */
  const projected = async (timeoutMs?: number) => {
    if (!projector) throw new Error('this test environment runs no summary projector');
    await projector.caughtUp(timeoutMs);
  };

  const request = async (method: string, path: string, init: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.request(`/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json: json as any };
  };

  const tokenCache = new Map<string, string>();
  const login = async (email: string): Promise<string> => {
    const cached = tokenCache.get(email);
    if (cached) return cached;
    if (deps.demoTokens) {
      const response = await request('POST', '/dev/login', { body: { email } });
      if (response.status !== 200)
        throw new Error(`login ${email} failed: ${response.status} ${response.text}`);
      tokenCache.set(email, response.json.token);
      return response.json.token;
    }
    // As Cognito would: a token proving who the person is; access still comes from the member record.
    const token = await identity.demoTokens.issue({ subject: email, email });
    tokenCache.set(email, token);
    return token;
  };

  const stop = async () => {
    if (!running.delete(stop)) return;
    await projector?.stop();
    // A table left behind keeps its stream, and DynamoDB Local slows with every stream it holds.
    const dropper = new DynamoDBClient({
      region: config.region,
      endpoint: config.dynamoEndpoint,
      credentials: config.credentials,
    });
    await dropper.send(new DeleteTableCommand({ TableName: config.tableName })).catch(() => undefined);
    dropper.destroy();
  };
  running.add(stop);

  return { config, data, deps, app, request, login, projector, projected, regionsProjected, stop };
}

export type TestEnvironment = Awaited<ReturnType<typeof createTestEnvironment>>;
