import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type DataConfig, provisionTable } from '@inovasi/data';
import { createObjectClient, provisionBucket } from '@inovasi/data/object-client';
import S3rver, { type S3rverMiddleware } from 's3rver';
import { LOOPBACK_HOST, spawnDynamoDbLocal } from './dynamodb/spawn.ts';
import { assertJava } from './java.ts';
import { multipartCompletion } from './multipart.ts';
import { verifySignatureV4 } from './sigv4.ts';

export interface LocalStack {
  readonly config: DataConfig;
  /** Where the state lives; a throwaway folder unless a data directory was given. */
  readonly dataDir: string;
  stop(): Promise<void>;
  /**
   * Ends DynamoDB Local abruptly (SIGKILL, no shutdown hook), as a crash or a pulled plug would.
   * For the durability test; `stop()` still closes the rest afterwards.
   */
  crashDynamo(): Promise<void>;
}

export interface LocalStackOptions {
  /** Persist state here (the `pnpm start` mode). Omitted: throwaway state, removed on stop. */
  readonly dataDir?: string | undefined;
  readonly tableName?: string;
  readonly bucketName?: string;
  /**
   * Browser origins that may PUT and GET evidence with presigned URLs. Loopback on any port by
   * default: the product's own page and a Vite dev server alike.
   */
  readonly corsOrigins?: readonly string[];
}

const LOOPBACK_ORIGINS = ['http://127.0.0.1:*', 'http://localhost:*'] as const;

/**
 * The evidence bucket's CORS rule, as S3 would have it: presigned PUT/GET/HEAD from the web origin
 * with any header (the signature, not CORS, binds a request to one key, size, type and checksum).
 */
export function evidenceCorsXml(origins: readonly string[]): string {
  const allowed = origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    allowed +
    '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>' +
    '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader>' +
    '<MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>'
  );
}

/** s3rver accepts only these; DynamoDB Local wants letters and digits only, which they are. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const xmlText = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Runs before s3rver's own middleware: every request must carry a valid Signature Version 4 of
 * the local key, in its header or as a presigned URL that has not expired, as S3 requires; s3rver
 * would otherwise serve unsigned reads, lists and deletes of any region's files. A CORS preflight
 * carries no signature on S3 either.
 */
const requireSignature: S3rverMiddleware = (context, next) => {
  if (context.method === 'OPTIONS') return next();
  const verdict = verifySignatureV4(
    { method: context.method, url: context.req.url ?? '', headers: context.req.headers },
    LOCAL_CREDENTIALS,
  );
  if (verdict.ok) return next();
  context.status = 403;
  context.type = 'application/xml';
  context.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${verdict.code}</Code><Message>${xmlText(verdict.reason)}</Message></Error>`;
  return undefined;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK_HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForDynamo(endpoint: string, process: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (process.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${process.exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  /** Ends it and waits for the process to exit. */
  stop(): Promise<void>;
  /** Ends it abruptly (SIGKILL, no shutdown hook), as a crash or a pulled plug would. */
  crash(): Promise<void>;
}

/**
 * DynamoDB Local alone on a free loopback port, answering before this resolves: its database in
 * `dataDir`, or in memory when none is given (a test file's own throwaway database).
 */
export async function startDynamoDbLocal(
  options: { readonly dataDir?: string } = {},
): Promise<DynamoDbLocal> {
  assertJava();
  const port = await freePort();
  const child = spawnDynamoDbLocal({ port, dataDir: options.dataDir });
  const endpoint = `http://${LOOPBACK_HOST}:${port}`;
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      // Already gone: exited, or killed by a signal (then exitCode stays null).
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const dynamo = { endpoint, stop: () => end('SIGTERM'), crash: () => end('SIGKILL') };
  try {
    await waitForDynamo(endpoint, child);
  } catch (error) {
    await dynamo.crash();
    throw error;
  }
  return dynamo;
}

/**
 * The embedded default: DynamoDB Local and s3rver on loopback, with the table and bucket created
 * from the same definition the CDK stack deploys.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const throwaway = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'inovasi-'));
  const dynamoDir = join(dataDir, 'dynamodb');
  const objectsDir = join(dataDir, 's3');
  mkdirSync(dynamoDir, { recursive: true });
  mkdirSync(objectsDir, { recursive: true });

  const bucketName = options.bucketName ?? 'inovasi-evidence';
  const objectServer = new S3rver({
    address: LOOPBACK_HOST,
    port: 0,
    silent: true,
    directory: objectsDir,
    configureBuckets: [
      { name: bucketName, configs: [evidenceCorsXml(options.corsOrigins ?? LOOPBACK_ORIGINS)] },
    ],
  });

  // First in line, before s3rver's logging, routing and handlers: the signature, then what s3rver
  // lacks of the multipart API (ListParts, AbortMultipartUpload, upload ids bound to their key).
  objectServer.middleware.unshift(requireSignature, multipartCompletion(objectsDir));

  const dynamoStarting = startDynamoDbLocal({ dataDir: dynamoDir });
  const stop = async () => {
    await objectServer.close().catch(() => undefined);
    await dynamoStarting.then(
      (dynamo) => dynamo.stop(),
      () => undefined,
    );
    if (throwaway) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const [{ port: s3Port }, dynamo] = await Promise.all([objectServer.run(), dynamoStarting]);
    const dynamoEndpoint = dynamo.endpoint;
    const config: DataConfig = {
      tableName: options.tableName ?? 'inovasi',
      bucketName,
      region: 'ap-southeast-3',
      dynamoEndpoint,
      s3Endpoint: `http://${LOOPBACK_HOST}:${s3Port}`,
      credentials: LOCAL_CREDENTIALS,
    };
    const admin = new DynamoDBClient({
      endpoint: dynamoEndpoint,
      region: config.region,
      credentials: LOCAL_CREDENTIALS,
    });
    const objects = createObjectClient(config);
    await provisionTable(admin, config.tableName);
    await provisionBucket(objects, config.bucketName);
    admin.destroy();
    objects.destroy();
    return { config, dataDir, stop, crashDynamo: dynamo.crash };
  } catch (error) {
    await stop();
    throw error;
  }
}
