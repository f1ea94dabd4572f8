/**
 * Cost and performance budgets, checked in one run on the local stack (DynamoDB Local and s3rver
 * on loopback, its own throwaway stack):
 *
 *   npx tsx test/bench/budgets.ts                 (everything, about 5 minutes)
 *   npx tsx test/bench/budgets.ts --bundle-only   (3. alone, no local stack)
 *
 * 1. DynamoDB requests and consumed capacity per API route for a standard scenario, measured
 *    with `ReturnConsumedCapacity`, against the per-route budget table in docs/performance.md.
 * 2. A monthly AWS cost estimate per regency (requests × list prices for Lambda, API Gateway,
 *    DynamoDB on-demand, S3, CloudWatch Logs) for a typical regency; target under US$1.
 * 3. The Lambda bundle, built with the options infra/lib/api-bundle.ts deploys (ESM, code
 *    splitting): the code a cold start loads, the entry and the chunks it imports statically
 *    (target ≤ 1 MB minified), the total of all chunks (reported), and its cold init in a fresh
 *    Node process against a bare Hono hello-world bundle built the same way (target ≤ 3×). Beside
 *    it, reported, the first answer of a fresh process (the import, then one request through the
 *    handler) against the hello-world's: what a user of a cold instance waits for.
 * 4. API overhead: p50/p95 latency and throughput of reading one innovation through the HTTP API
 *    against a bare GetItem of the same item on the same DynamoDB Local (target p50 ratio ≤ 2×),
 *    both over node:http keep-alive clients; the API read over fetch is reported beside.
 *
 * Every figure is printed with its target and PASS/FAIL; the process exits non-zero if any fails.
 * Bounded: a fixed number of requests, a global time limit, and it stops what it started.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createApp } from '@inovasi/api';
import { officialAreas } from '@inovasi/api/areas';
import { rebuildSummaries } from '@inovasi/api/jobs/summaries';
import { demoIdentity } from '@inovasi/api/local-tokens';
import { createLogger } from '@inovasi/api/logging';
import { startServer } from '@inovasi/api/server';
import { defaultAssessmentYear } from '@inovasi/core';
import {
  createTableClient,
  DATA_ROLES,
  type DataConfig,
  keys,
  ScopedClientFactory,
  type ScopedClients,
} from '@inovasi/data';
import { seedDemoData, startLocalStack } from '@inovasi/local';
import { createSummaryProjector } from '@inovasi/workers/summary-projector';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { API_BUNDLE_OPTIONS } from '../../infra/lib/api-bundle.ts';
import { growRegion } from './grow-region.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PERFORMANCE_DOC = join(ROOT, 'docs/performance.md');
const TIME_LIMIT_MS = 10 * 60_000;
const TENANT = '35.22';
/** The typical regency of the cost target: 100 innovations in the period (the demo has fewer). */
const TYPICAL_INNOVATIONS = 100;

const watchdog = setTimeout(() => {
  console.error(`budgets: gave up after ${TIME_LIMIT_MS / 60_000} minutes`);
  process.exit(2);
}, TIME_LIMIT_MS);
watchdog.unref();

interface Figure {
  readonly name: string;
  readonly value: string;
  readonly target: string;
  readonly pass: boolean;
}
const figures: Figure[] = [];
const record = (name: string, value: string, target: string, pass: boolean) =>
  figures.push({ name, value, target, pass });

// ---------------------------------------------------------------------------------------------
// 1. DynamoDB per route
// ---------------------------------------------------------------------------------------------

interface Usage {
  requests: number;
  read: number;
  write: number;
  ms: number;
}
const routeOf = new AsyncLocalStorage<Usage>();

/** Adds `ReturnConsumedCapacity` to every table request and books it on the route being measured. */
function meter(clients: ScopedClients): void {
  clients.table.middlewareStack.add(
    (next, context) => async (args) => {
      const usage = routeOf.getStore();
      if (!usage) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      usage.requests += 1;
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const entries = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as {
        CapacityUnits?: number;
      }[];
      const writes = /Put|Update|Delete|Write/.test(String(context.commandName));
      for (const entry of entries) usage[writes ? 'write' : 'read'] += entry.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'budgetMeter', priority: 'high' },
  );
}

interface Budget {
  readonly requests: number;
  readonly read: number;
  readonly write: number;
}

/** The table under "### Per-route DynamoDB budget" in docs/performance.md. */
function readBudgets(): Map<string, Budget> {
  const text = readFileSync(PERFORMANCE_DOC, 'utf8');
  const start = text.indexOf('### Per-route DynamoDB budget');
  if (start < 0) throw new Error('docs/performance.md has no "### Per-route DynamoDB budget" table');
  const budgets = new Map<string, Budget>();
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (line.startsWith('#')) break;
    const cells = line.split('|').map((cell) => cell.trim());
    const route = cells[1]?.replaceAll('`', '');
    if (!route || !/^(GET|POST|PUT|PATCH|DELETE) \//.test(route)) continue;
    budgets.set(route, { requests: Number(cells[2]), read: Number(cells[3]), write: Number(cells[4]) });
  }
  return budgets;
}

/** How often each route runs in a typical regency's busiest month of the season (see the doc). */
const MONTHLY_CALLS: Record<string, number> = {
  'GET /me': 1_200,
  'GET /tenants/{code}/innovations': 3_600,
  'GET /tenants/{code}/innovations/{id}': 6_000,
  'POST /tenants/{code}/innovations': 60,
  'PATCH /tenants/{code}/innovations/{id}': 1_000,
  'PUT /tenants/{code}/innovations/{id}/answers/{indicator}': 1_500,
  'POST /tenants/{code}/innovations/{id}/transitions': 300,
  'POST /tenants/{code}/innovations/{id}/answers/{indicator}/review': 1_000,
  'GET /tenants/{code}/periods/{year}/projection': 1_200,
  'GET /tenants/{code}/opds': 1_200,
  'GET /tenants/{code}/members': 300,
  'GET /tenants/{code}/audit': 300,
  'GET /tenants/{code}/notifications': 2_400,
  'GET /catalog/innovations': 600,
  'GET /tenants/{code}/evidence': 1_200,
  'POST /tenants/{code}/evidence/uploads': 1_000,
  'POST /tenants/{code}/evidence/{evidenceId}/complete': 1_000,
  'POST /tenants/{code}/evidence/{evidenceId}/links': 1_500,
};

/** US$ list prices (us-east-1, arm64), and a margin for Jakarta (ap-southeast-3), an assumption. */
const PRICES = {
  regionFactor: 1.25,
  apiGatewayPerMillion: 1.0,
  lambdaRequestsPerMillion: 0.2,
  lambdaGbSecond: 0.0000133334,
  lambdaMemoryGb: 1,
  dynamoReadPerMillion: 0.125,
  dynamoWritePerMillion: 0.625,
  dynamoStorageGbMonth: 0.25,
  s3StorageGbMonth: 0.023,
  s3PutPerThousand: 0.005,
  s3GetPerThousand: 0.0004,
  logsIngestedPerGb: 0.5,
} as const;
/** A regency's evidence: 100 innovations × about 20 files × 1 MB; its items: about 20 MB with indexes. */
const EVIDENCE_GB = 2;
const TABLE_GB = 0.02;
/** One structured request log line plus the platform's REPORT/START lines per invocation. */
const LOG_BYTES_PER_REQUEST = 900;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function routeBudgets(app: ReturnType<typeof createApp>, login: (email: string) => Promise<string>) {
  const admin = await login('admin.3522@demo.local');
  const verifier = await login('verifikator.3522@demo.local');
  const year = defaultAssessmentYear();
  const measured = new Map<string, Usage>();
  const call = async (
    route: string,
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const send = () =>
      app.request(`/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const usage: Usage = { requests: 0, read: 0, write: 0, ms: 0 };
    const started = performance.now();
    const response = await routeOf.run(usage, send);
    usage.ms = performance.now() - started;
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${route}: ${response.status} ${text.slice(0, 200)}`);
    measured.set(route, usage);
    return { json: JSON.parse(text || '{}'), etag: response.headers.get('etag') ?? '' };
  };
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  // Setup (not measured): an open period, so innovations of this year are editable.
  const periods = await app.request(`/api/v1/tenants/${TENANT}/periods/${year}`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  if (periods.status === 404) {
    await app.request(`/api/v1/tenants/${TENANT}/periods`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ year, internalDeadline: inDays(60), nationalDeadline: inDays(120) }),
    });
  }

  await call('GET /me', 'GET', '/me', admin);
  const list = await call(
    'GET /tenants/{code}/innovations',
    'GET',
    `/tenants/${TENANT}/innovations?limit=20`,
    admin,
  );
  const someId = list.json.items[0].id as string;
  await call(
    'GET /tenants/{code}/innovations/{id}',
    'GET',
    `/tenants/${TENANT}/innovations/${someId}`,
    admin,
  );
  const opds = await call('GET /tenants/{code}/opds', 'GET', `/tenants/${TENANT}/opds`, admin);
  const created = await call(
    'POST /tenants/{code}/innovations',
    'POST',
    `/tenants/${TENANT}/innovations`,
    admin,
    {
      opdId: opds.json.items[0].id,
      profile: { name: 'Inovasi anggaran biaya' },
    },
  );
  const id = created.json.id as string;
  const patched = await call(
    'PATCH /tenants/{code}/innovations/{id}',
    'PATCH',
    `/tenants/${TENANT}/innovations/${id}`,
    admin,
    { profile: { name: 'Inovasi anggaran biaya (revisi)' } },
    { 'if-match': created.etag },
  );
  const answered = await call(
    'PUT /tenants/{code}/innovations/{id}/answers/{indicator}',
    'PUT',
    `/tenants/${TENANT}/innovations/${id}/answers/sid.16`,
    admin,
    { level: 2 },
    { 'if-match': patched.etag },
  );
  // Evidence for the draft, before it is submitted (a submitted innovation is not editable).
  const upload = await call(
    'POST /tenants/{code}/evidence/uploads',
    'POST',
    `/tenants/${TENANT}/evidence/uploads`,
    admin,
    {
      kind: 'foto',
      title: 'Foto kegiatan',
      fileName: 'kegiatan.png',
      mediaType: 'image/png',
      size: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    },
  );
  await fetch(upload.json.upload.url, { method: 'PUT', headers: upload.json.upload.headers, body: PNG });
  const evidenceId = upload.json.evidence.id as string;
  await call(
    'POST /tenants/{code}/evidence/{evidenceId}/complete',
    'POST',
    `/tenants/${TENANT}/evidence/${evidenceId}/complete`,
    admin,
  );
  await call(
    'POST /tenants/{code}/evidence/{evidenceId}/links',
    'POST',
    `/tenants/${TENANT}/evidence/${evidenceId}/links`,
    admin,
    {
      type: 'innovation',
      innovationId: id,
      indicator: 'sid.16',
    },
  );

  const submitted = await call(
    'POST /tenants/{code}/innovations/{id}/transitions',
    'POST',
    `/tenants/${TENANT}/innovations/${id}/transitions`,
    admin,
    { action: 'submit' },
    { 'if-match': answered.etag },
  );
  await call(
    'POST /tenants/{code}/innovations/{id}/answers/{indicator}/review',
    'POST',
    `/tenants/${TENANT}/innovations/${id}/answers/sid.16/review`,
    verifier,
    { status: 'accepted' },
    { 'if-match': submitted.etag },
  );
  await call(
    'GET /tenants/{code}/periods/{year}/projection',
    'GET',
    `/tenants/${TENANT}/periods/${year}/projection`,
    admin,
  );
  await call('GET /tenants/{code}/members', 'GET', `/tenants/${TENANT}/members`, admin);
  await call('GET /tenants/{code}/audit', 'GET', `/tenants/${TENANT}/audit`, admin);
  await call('GET /tenants/{code}/notifications', 'GET', `/tenants/${TENANT}/notifications`, verifier);
  await call('GET /catalog/innovations', 'GET', '/catalog/innovations?limit=20', admin);
  await call('GET /tenants/{code}/evidence', 'GET', `/tenants/${TENANT}/evidence`, admin);
  const budgets = readBudgets();
  console.log('\nDynamoDB per route (one call, standard scenario; budget from docs/performance.md)');
  console.log('| route | requests | RCU | WCU | in-process ms | budget (req / RCU / WCU) | |');
  console.log('|---|---|---|---|---|---|---|');
  let allWithin = true;
  for (const [route, usage] of measured) {
    const budget = budgets.get(route);
    const within =
      budget !== undefined &&
      usage.requests <= budget.requests &&
      usage.read <= budget.read &&
      usage.write <= budget.write;
    allWithin &&= within;
    console.log(
      `| ${route} | ${usage.requests} | ${usage.read} | ${usage.write} | ${usage.ms.toFixed(0)} | ${budget ? `${budget.requests} / ${budget.read} / ${budget.write}` : 'none'} | ${within ? 'PASS' : 'FAIL'} |`,
    );
    record(
      `DynamoDB budget ${route}`,
      `${usage.requests} req, ${usage.read} RCU, ${usage.write} WCU`,
      budget ? `≤ ${budget.requests} req, ${budget.read} RCU, ${budget.write} WCU` : 'a budget row',
      within,
    );
  }
  return { measured, allWithin };
}

/** Nightly runs of the summary rebuild a month (infra/lib/schedules.ts): every region once. */
const MONTHLY_REBUILDS = 30;
/** Writes that reach the summary projector through the table's stream (docs/decisions/0018). */
const MONTHLY_PROJECTED_WRITES = [
  'POST /tenants/{code}/innovations',
  'PATCH /tenants/{code}/innovations/{id}',
  'PUT /tenants/{code}/innovations/{id}/answers/{indicator}',
  'POST /tenants/{code}/innovations/{id}/transitions',
  'POST /tenants/{code}/innovations/{id}/answers/{indicator}/review',
  'POST /tenants/{code}/evidence/{evidenceId}/complete',
  'POST /tenants/{code}/evidence/{evidenceId}/links',
].reduce((sum, route) => sum + (MONTHLY_CALLS[route] ?? 0), 0);
/**
 * Writes of one region per recompute: the projector recomputes a region once per stream batch,
 * and an operator's edits arrive seconds apart, inside one batching window (5 s in AWS). Measured
 * by test/bench/projector.ts (a burst of 100 edits: at most 5 recomputes); assumed 3 for the
 * typical month, which has quieter hours too.
 */
const WRITES_PER_RECOMPUTE = 3;

/** One region's share of the read models: one projector recompute and one rebuild, metered. */
async function readModelUsage(data: ScopedClientFactory) {
  const projector: Usage = { requests: 0, read: 0, write: 0, ms: 0 };
  const rebuild: Usage = { requests: 0, read: 0, write: 0, ms: 0 };
  const project = createSummaryProjector({
    data,
    logger: createLogger({ serviceName: 'budgets', logLevel: 'SILENT' }),
  });
  const year = defaultAssessmentYear();
  // What one changed innovation of the period hands the projector.
  const batch = {
    Records: [
      {
        eventName: 'MODIFY' as const,
        dynamodb: {
          Keys: { pk: { S: keys.innovation(TENANT, 'x').pk }, sk: { S: 'A' } },
          NewImage: { periodYear: { N: String(year) } },
          SequenceNumber: '1',
        },
      },
    ],
  };
  const jobs: [Usage, () => Promise<unknown>][] = [
    [projector, () => project(batch)],
    [rebuild, () => rebuildSummaries(data, { tenants: [TENANT] })],
  ];
  for (const [usage, job] of jobs) {
    const started = performance.now();
    await routeOf.run(usage, job);
    usage.ms = performance.now() - started;
  }
  console.log(
    `\nRead models of ${TENANT}: one projector recompute ${projector.requests} requests, ${projector.read} RCU, ${projector.write} WCU, ${projector.ms.toFixed(0)} ms; one rebuild ${rebuild.requests} requests, ${rebuild.read} RCU, ${rebuild.write} WCU, ${rebuild.ms.toFixed(0)} ms`,
  );
  return { projector, rebuild };
}

function monthlyCost(measured: Map<string, Usage>, readModels: { projector: Usage; rebuild: Usage }) {
  let calls = 0;
  let reads = 0;
  let writes = 0;
  let gbSeconds = 0;
  const runs: [Usage, number][] = [
    [readModels.rebuild, MONTHLY_REBUILDS],
    [readModels.projector, MONTHLY_PROJECTED_WRITES / WRITES_PER_RECOMPUTE],
  ];
  for (const [usage, count] of runs) {
    reads += count * usage.read;
    writes += count * usage.write;
    // The workers' time spent on this region (the projector's and the scheduled worker's).
    gbSeconds += count * (usage.ms / 1000) * PRICES.lambdaMemoryGb;
  }
  for (const [route, perMonth] of Object.entries(MONTHLY_CALLS)) {
    const usage = measured.get(route);
    if (!usage) throw new Error(`no measurement for ${route}`);
    calls += perMonth;
    reads += perMonth * usage.read;
    writes += perMonth * usage.write;
    // Billed duration: the in-process time measured here (a loaded 2-vCPU machine; Lambda arm64 with
    // 1 GB is usually faster), at least 10 ms.
    gbSeconds += perMonth * (Math.max(10, usage.ms) / 1000) * PRICES.lambdaMemoryGb;
  }
  const uploads = MONTHLY_CALLS['POST /tenants/{code}/evidence/uploads'] ?? 0;
  const lines = {
    'API Gateway (HTTP API)': (calls / 1e6) * PRICES.apiGatewayPerMillion,
    'Lambda requests': (calls / 1e6) * PRICES.lambdaRequestsPerMillion,
    'Lambda duration (1 GB arm64)': gbSeconds * PRICES.lambdaGbSecond,
    'DynamoDB reads (on-demand)': (reads / 1e6) * PRICES.dynamoReadPerMillion,
    'DynamoDB writes (on-demand)': (writes / 1e6) * PRICES.dynamoWritePerMillion,
    'DynamoDB storage': TABLE_GB * PRICES.dynamoStorageGbMonth,
    'S3 storage (versioned evidence)': EVIDENCE_GB * PRICES.s3StorageGbMonth,
    'S3 requests (uploads, checks, downloads)':
      (uploads / 1000) * PRICES.s3PutPerThousand + ((uploads * 4) / 1000) * PRICES.s3GetPerThousand,
    'CloudWatch Logs ingestion': ((calls * LOG_BYTES_PER_REQUEST) / 1e9) * PRICES.logsIngestedPerGb,
  };
  const usEast = Object.values(lines).reduce((sum, value) => sum + value, 0);
  const total = usEast * PRICES.regionFactor;
  console.log(
    `\nMonthly cost of a typical regency (${calls.toLocaleString('en')} API calls, ${reads.toFixed(0)} RRU, ${writes.toFixed(0)} WRU)`,
  );
  for (const [name, value] of Object.entries(lines)) console.log(`  ${name.padEnd(42)} $${value.toFixed(4)}`);
  console.log(`  ${'total, us-east-1 list prices'.padEnd(42)} $${usEast.toFixed(4)}`);
  console.log(
    `  ${`total × ${PRICES.regionFactor} for ap-southeast-3 (assumption)`.padEnd(42)} $${total.toFixed(4)}`,
  );
  record('Cost per regency-month (typical usage)', `US$${total.toFixed(2)}`, '< US$1.00', total < 1);
  // Issue 17's target for the same model, once the read models followed the change stream.
  record(
    'Cost per regency-month, read models on the stream',
    `US$${total.toFixed(2)}`,
    '≤ US$0.25',
    total <= 0.25,
  );
}

// ---------------------------------------------------------------------------------------------
// 3. Bundle size and cold init
// ---------------------------------------------------------------------------------------------

/** The API's own build options (infra/lib/api-bundle.ts), so the figure is the deployed bundle's. */
const BUNDLE_OPTIONS: BuildOptions = { ...API_BUNDLE_OPTIONS, absWorkingDir: ROOT };

const HELLO = `import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
const app = new Hono();
app.get('/', (c) => c.text('halo'));
export const handler = handle(app);`;

/**
 * What every request needs before it can answer, built and timed like the API: the DynamoDB client,
 * zod (every route validates with it), and the data layer's client factory, which brings both and
 * the domain. Their cold init is a floor under the API's, reported beside it.
 */
const FLOORS = {
  'the DynamoDB document client alone': `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const table = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-3' }));`,
  'zod alone': `import { z } from 'zod';
export const schema = z.object({ name: z.string() });`,
  "the data layer's client factory (DynamoDB client, domain, zod)": `import { ScopedClientFactory } from '@inovasi/data';
export const factory = new ScopedClientFactory({ tableName: 't', bucketName: 'b', region: 'ap-southeast-3' });`,
} as const;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** An API Gateway (HTTP API) event for a GET, as Lambda hands it to the handler. */
const getEvent = (path: string, query: string) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: query,
  headers: { host: 'budgets', 'accept-language': 'id' },
  isBase64Encoded: false,
  requestContext: {
    http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'budgets' },
    requestId: 'budgets',
    routeKey: '$default',
    stage: '$default',
    domainName: 'budgets',
    accountId: '111122223333',
    apiId: 'budgets',
    time: '',
    timeEpoch: 0,
  },
});

/** What the first-answer run asks: a request its route must validate, and the status it must get. */
interface FirstRequest {
  readonly path: string;
  readonly query: string;
  readonly status: number;
}

/**
 * The first request of the first-answer run: public (no token, which would need Cognito), and
 * refused by validation before it reads data, so it runs the route's validation and the error path
 * without a table to read.
 */
const FIRST_API_REQUEST: FirstRequest = {
  path: '/api/v1/catalog/innovations',
  query: 'limit=0',
  status: 400,
};

/**
 * Imports a bundle in a fresh Node process, as Lambda's init phase does: wall time and import
 * time. With `firstRequest`, the process then answers that one request through the handler, as the
 * first invocation after a cold start does, and the wall time includes it.
 */
function coldInit(dir: string, env: Record<string, string>, firstRequest?: FirstRequest) {
  const url = JSON.stringify(`file://${join(dir, 'index.mjs')}`);
  const answer = firstRequest
    ? `const answer = await bundle.handler(${JSON.stringify(getEvent(firstRequest.path, firstRequest.query))}, {});
if (answer.statusCode !== ${firstRequest.status}) throw new Error('first answer ' + answer.statusCode + ': ' + answer.body);`
    : '';
  const probe = `const t0 = performance.now(); const bundle = await import(${url}); process.stdout.write('IMPORT ' + (performance.now() - t0));\n${answer}`;
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 30_000,
  });
  const wall = performance.now() - started;
  const importMs = Number(/IMPORT ([\d.]+)/.exec(result.stdout)?.[1]);
  if (result.status !== 0 || Number.isNaN(importMs))
    throw new Error(`cold init failed: ${result.stderr.slice(0, 400)}`);
  return { wall, importMs };
}

/** A build's own entry, `index.mjs` (dynamically imported modules are entry points too). */
function entryOutput(metafile: Metafile): string {
  const entry = Object.keys(metafile.outputs).find((file) => basename(file) === 'index.mjs');
  if (!entry) throw new Error('the build has no index.mjs output');
  return entry;
}

/** Bytes of the given output files. */
const bytesOf = (metafile: Metafile, files: Iterable<string>) =>
  [...files].reduce((sum, file) => sum + (metafile.outputs[file]?.bytes ?? 0), 0);

/** What a cold start loads: the entry and, transitively, the chunks it imports statically. */
function loadedAtInit(metafile: Metafile, entry: string): Set<string> {
  const loaded = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (loaded.has(file)) continue;
    loaded.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path);
    }
  }
  return loaded;
}

/** Bytes of the given output files by the package (or workspace folder) their code came from. */
function bytesByPackage(metafile: Metafile, files: Iterable<string>): [string, number][] {
  const totals = new Map<string, number>();
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[file]?.inputs ?? {})) {
      const name =
        /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ??
        input.split('/').slice(0, 3).join('/');
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const kB = (bytes: number) => `${(bytes / 1e3).toFixed(0)} kB`;

async function bundleBudgets() {
  const work = mkdtempSync(join(tmpdir(), 'inovasi-budgets-'));
  try {
    const apiDir = join(work, 'api');
    const helloDir = join(work, 'hello');
    const { metafile } = await build({ ...BUNDLE_OPTIONS, outdir: apiDir, metafile: true });
    const helloEntry = join(work, 'hello.ts');
    writeFileSync(helloEntry, HELLO);
    await build({
      ...BUNDLE_OPTIONS,
      entryPoints: { index: helloEntry },
      // The hello-world resolves Hono from the API package, where it is installed.
      nodePaths: [join(ROOT, 'functions/api/node_modules')],
      outdir: helloDir,
    });
    const floors = await Promise.all(
      Object.entries(FLOORS).map(async ([name, source], index) => {
        const entryFile = join(work, `floor-${index}.ts`);
        const dir = join(work, `floor-${index}`);
        writeFileSync(entryFile, source);
        const { metafile: floorMetafile } = await build({
          ...BUNDLE_OPTIONS,
          entryPoints: { index: entryFile },
          // Resolved from the packages that depend on them, where pnpm installed them.
          nodePaths: [join(ROOT, 'functions/api/node_modules'), join(ROOT, 'packages/data/node_modules')],
          outdir: dir,
          metafile: true,
        });
        writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
        const bytes = bytesOf(floorMetafile, loadedAtInit(floorMetafile, entryOutput(floorMetafile)));
        return { name, dir, bytes, samples: [] as { wall: number; importMs: number }[] };
      }),
    );
    // The external area data resolves as it does in the asset (copied into node_modules there).
    symlinkSync(join(ROOT, 'functions/api/node_modules'), join(apiDir, 'node_modules'), 'dir');
    writeFileSync(join(apiDir, 'package.json'), '{"type":"module"}');
    writeFileSync(join(helloDir, 'package.json'), '{"type":"module"}');
    const code = Object.keys(metafile.outputs).filter((file) => !file.endsWith('.map'));
    const initial = loadedAtInit(metafile, entryOutput(metafile));
    const initialBytes = bytesOf(metafile, initial);
    const totalBytes = bytesOf(metafile, code);
    const helloBytes = statSync(join(helloDir, 'index.mjs')).size;
    const env = {
      AWS_REGION: 'ap-southeast-3',
      TABLE_NAME: 'budget-table',
      BUCKET_NAME: 'budget-bucket',
      COGNITO_USER_POOL_ID: 'ap-southeast-3_budget',
      COGNITO_CLIENT_ID: 'budget-client',
      COGNITO_DOMAIN_ORIGIN: 'https://budget.auth.ap-southeast-3.amazoncognito.com',
      POWERTOOLS_SERVICE_NAME: 'inovasi-api',
      ...Object.fromEntries(
        Object.values(DATA_ROLES).map((role) => [
          role.envVar,
          `arn:aws:iam::111122223333:role/${role.constructId}`,
        ]),
      ),
    };
    const runs = 7;
    const api: { wall: number; importMs: number }[] = [];
    const hello: { wall: number; importMs: number }[] = [];
    const apiFirst: number[] = [];
    const helloFirst: number[] = [];
    coldInit(helloDir, env);
    for (let run = 0; run < runs; run++) {
      api.push(coldInit(apiDir, env));
      hello.push(coldInit(helloDir, env));
      apiFirst.push(coldInit(apiDir, env, FIRST_API_REQUEST).wall);
      helloFirst.push(coldInit(helloDir, env, { path: '/', query: '', status: 200 }).wall);
      for (const floor of floors) floor.samples.push(coldInit(floor.dir, env));
    }
    const apiWall = median(api.map((sample) => sample.wall));
    const helloWall = median(hello.map((sample) => sample.wall));
    const apiImport = median(api.map((sample) => sample.importMs));
    const helloImport = median(hello.map((sample) => sample.importMs));
    console.log('\nLambda bundle (infra/lib/api-bundle.ts options; median of 7 fresh processes)');
    console.log(
      `  loaded at cold start: ${(initialBytes / 1e6).toFixed(3)} MB minified (index.mjs and ${initial.size - 1} chunks it imports)`,
    );
    console.log(
      `  all code: ${(totalBytes / 1e6).toFixed(3)} MB in ${code.length} files (the rest is loaded by the routes that need it); hello-world ${(helloBytes / 1e3).toFixed(1)} kB`,
    );
    console.log(
      `  loaded at cold start, by package: ${bytesByPackage(metafile, initial)
        .slice(0, 16)
        .map(([name, bytes]) => `${name} ${kB(bytes)}`)
        .join(', ')}`,
    );
    const lazy = code.filter((file) => !initial.has(file));
    console.log(
      `  loaded on demand, by package: ${bytesByPackage(metafile, lazy)
        .slice(0, 10)
        .map(([name, bytes]) => `${name} ${kB(bytes)}`)
        .join(', ')}`,
    );
    console.log(
      `  cold init, process start to imported: API ${apiWall.toFixed(0)} ms, hello-world ${helloWall.toFixed(0)} ms, ratio ${(apiWall / helloWall).toFixed(2)}`,
    );
    console.log(`  import alone: API ${apiImport.toFixed(0)} ms, hello-world ${helloImport.toFixed(1)} ms`);
    const apiFirstWall = median(apiFirst);
    const helloFirstWall = median(helloFirst);
    console.log(
      `  first answer, process start to one request answered (GET ${FIRST_API_REQUEST.path}?${FIRST_API_REQUEST.query}: validated and refused): API ${apiFirstWall.toFixed(0)} ms, hello-world ${helloFirstWall.toFixed(0)} ms, ratio ${(apiFirstWall / helloFirstWall).toFixed(2)}`,
    );
    const floorWalls = floors.map((floor) => ({
      ...floor,
      wall: median(floor.samples.map((sample) => sample.wall)),
    }));
    for (const floor of floorWalls) {
      console.log(
        `  floor, ${floor.name}: ${kB(floor.bytes)} at cold start, cold init ${floor.wall.toFixed(0)} ms, ratio ${(floor.wall / helloWall).toFixed(2)}`,
      );
    }
    record(
      'API bundle loaded at cold start (minified)',
      `${(initialBytes / 1e6).toFixed(3)} MB`,
      '≤ 1.000 MB',
      initialBytes <= 1_000_000,
    );
    record('API bundle, all chunks (reported)', `${(totalBytes / 1e6).toFixed(3)} MB`, 'reported', true);
    record(
      'Cold init vs Hono hello-world (fresh process, median)',
      `${(apiWall / helloWall).toFixed(2)}× (${apiWall.toFixed(0)} / ${helloWall.toFixed(0)} ms)`,
      '≤ 3×',
      apiWall / helloWall <= 3,
    );
    // What a user of a cold instance waits for: the import and the first request (docs/performance.md).
    record(
      'First answer of a fresh process vs hello-world (reported)',
      `${(apiFirstWall / helloFirstWall).toFixed(2)}× (${apiFirstWall.toFixed(0)} / ${helloFirstWall.toFixed(0)} ms)`,
      'reported',
      true,
    );
    for (const floor of floorWalls) {
      record(
        `Cold init of ${floor.name} vs hello-world (reported)`,
        `${(floor.wall / helloWall).toFixed(2)}× (${floor.wall.toFixed(0)} / ${helloWall.toFixed(0)} ms)`,
        'reported',
        true,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 4. API overhead over a bare GetItem
// ---------------------------------------------------------------------------------------------

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
};

async function timed(count: number, work: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function throughput(total: number, concurrency: number, work: () => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) await work();
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/**
 * GETs a URL over node:http with a keep-alive agent, the transport the SDK's own handler uses for
 * the bare GetItem, so both sides of the comparison pay the same client; resolves once the body
 * has arrived.
 */
function httpGet(agent: Agent, url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const outgoing = request(url, { agent, headers }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`API read: ${response.statusCode}`));
      response.on('data', () => {});
      response.on('end', () => resolvePromise());
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function apiOverhead(url: string, token: string, config: DataConfig, innovationId: string) {
  const table = createTableClient(config);
  const key = keys.innovation(TENANT, innovationId);
  const readUrl = `${url}/api/v1/tenants/${TENANT}/innovations/${innovationId}`;
  const headers = { authorization: `Bearer ${token}` };
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const viaApi = () => httpGet(agent, readUrl, headers);
  // The same read with fetch (undici), as a browser-like client would send it: reported beside.
  const viaFetch = async () => {
    const response = await fetch(readUrl, { headers });
    if (response.status !== 200) throw new Error(`API read: ${response.status}`);
    await response.arrayBuffer();
  };
  const bare = async () => {
    const result = await table.send(new GetCommand({ TableName: config.tableName, Key: key }));
    if (!result.Item) throw new Error('GetItem found nothing');
  };
  await timed(50, viaApi);
  await timed(50, viaFetch);
  await timed(50, bare);
  const samples = 400;
  // Interleaved rounds so that background load hits all alike.
  const api: number[] = [];
  const fetched: number[] = [];
  const direct: number[] = [];
  for (let round = 0; round < 4; round++) {
    api.push(...(await timed(samples / 4, viaApi)));
    fetched.push(...(await timed(samples / 4, viaFetch)));
    direct.push(...(await timed(samples / 4, bare)));
  }
  const apiRate = await throughput(600, 8, viaApi);
  const directRate = await throughput(600, 8, bare);
  table.destroy();
  agent.destroy();
  const ratio50 = percentile(api, 0.5) / percentile(direct, 0.5);
  const ratio95 = percentile(api, 0.95) / percentile(direct, 0.95);
  console.log(
    `\nReading one innovation: HTTP API vs bare GetItem on the same DynamoDB Local, both over node:http keep-alive (${samples} sequential each, then 600 at concurrency 8)`,
  );
  console.log(
    `  API      p50 ${percentile(api, 0.5).toFixed(2)} ms  p95 ${percentile(api, 0.95).toFixed(2)} ms  ${apiRate.toFixed(0)} req/s`,
  );
  console.log(
    `  API over fetch (undici) p50 ${percentile(fetched, 0.5).toFixed(2)} ms  p95 ${percentile(fetched, 0.95).toFixed(2)} ms`,
  );
  console.log(
    `  GetItem  p50 ${percentile(direct, 0.5).toFixed(2)} ms  p95 ${percentile(direct, 0.95).toFixed(2)} ms  ${directRate.toFixed(0)} req/s`,
  );
  record(
    'API read p50 / bare GetItem p50',
    `${ratio50.toFixed(2)}× (${percentile(api, 0.5).toFixed(2)} / ${percentile(direct, 0.5).toFixed(2)} ms)`,
    '≤ 2×',
    ratio50 <= 2,
  );
  record('API read p95 / bare GetItem p95 (reported)', `${ratio95.toFixed(2)}×`, 'reported', true);
  record(
    'API read over fetch p50 / bare GetItem p50 (reported)',
    `${(percentile(fetched, 0.5) / percentile(direct, 0.5)).toFixed(2)}× (${percentile(fetched, 0.5).toFixed(2)} ms)`,
    'reported',
    true,
  );
  record(
    'API throughput / bare GetItem throughput (reported)',
    `${(apiRate / directRate).toFixed(2)} (${apiRate.toFixed(0)} / ${directRate.toFixed(0)} req/s)`,
    'reported',
    true,
  );
}

// ---------------------------------------------------------------------------------------------

async function measureAll() {
  const stack = await startLocalStack();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const areas = officialAreas();
    const seeding = new ScopedClientFactory(stack.config);
    await seedDemoData(seeding, areas);
    // The typical regency: the demo tenant's own innovations copied under new ids.
    const innovations = await growRegion(stack.config, {
      tenant: TENANT,
      size: TYPICAL_INNOVATIONS,
      idPrefix: '01BUDGET',
      name: (n) => `Inovasi tipikal ${n}`,
    });
    console.log(
      `standard scenario: tenant ${TENANT} with ${innovations} innovations (demo data grown to a typical regency)`,
    );
    const deps = {
      mode: 'local' as const,
      data: new ScopedClientFactory(stack.config, { instrument: meter }),
      ...(await demoIdentity()),
      areas,
      logger: createLogger({ serviceName: 'budgets', logLevel: 'SILENT' }),
      rateLimits: false as const,
    };
    const app = createApp(deps);
    const login = async (email: string) => {
      const response = await app.request('/api/v1/dev/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    const { measured } = await routeBudgets(app, login);
    monthlyCost(measured, await readModelUsage(deps.data));
    await bundleBudgets();

    // A server of its own (no meter) for the latency comparison, over real HTTP on loopback.
    server = await startServer({ ...deps, data: new ScopedClientFactory(stack.config) }, { port: 0 });
    const token = await login('admin.3522@demo.local');
    const list = await app.request(`/api/v1/tenants/${TENANT}/innovations?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const innovationId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    await apiOverhead(server.url, token, stack.config, innovationId);
  } finally {
    await server?.stop();
    await stack.stop();
  }
}

async function main() {
  // The bundle alone needs no local stack: seconds instead of minutes while working on it.
  if (process.argv.includes('--bundle-only')) await bundleBudgets();
  else await measureAll();

  console.log('\nBudgets');
  console.log('| figure | value | target | |');
  console.log('|---|---|---|---|');
  for (const figure of figures)
    console.log(`| ${figure.name} | ${figure.value} | ${figure.target} | ${figure.pass ? 'PASS' : 'FAIL'} |`);
  const failed = figures.filter((figure) => !figure.pass);
  console.log(failed.length === 0 ? '\nAll budgets met.' : `\n${failed.length} budget(s) missed.`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

await main();
