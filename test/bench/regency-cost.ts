/**
 * Cost per regency-month (docs/performance.md): the DynamoDB units of every route of the standard
 * scenario (test/bench/route-budgets.ts) and of the read models (test/bench/read-model-usage.ts),
 * measured on the typical regency of 100 innovations, × the monthly call counts of a typical
 * regency × list prices (us-east-1 arm64, × 1.25 for Jakarta, an assumption). Which routes' writes
 * reach the summary projector is measured too: the stream poller runs beside the scenario and each
 * route that led it to recompute 35.22 counts. Targets: under US$1.00, and issue 17's US$0.25.
 * Alone:
 *
 *   npx tsx test/bench/regency-cost.ts
 *
 * (test/bench/budgets.ts runs it with the other budgets.)
 */

import { Logger } from '@aws-lambda-powertools/logger';
import { type DataConfig, ScopedClientFactory } from '@inovasi/data';
import { startSummaryProjection } from '@inovasi/local';
import {
  type BudgetApp,
  type Login,
  record,
  reportFigures,
  runDirectly,
  startBudgetStack,
  startWatchdog,
  TENANT,
  type Usage,
} from './budget-support.ts';
import { type ReadModelUsage, readModelUsage } from './read-model-usage.ts';
import { routeBudgets, SETUP } from './route-budgets.ts';

/** How often each route runs in a typical regency's busiest month of the season (see the doc). */
export const MONTHLY_CALLS: Record<string, number> = {
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
export const PRICES = {
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

/** Nightly runs of the summary rebuild a month (infra/lib/schedules.ts): every region once. */
const MONTHLY_REBUILDS = 30;
/**
 * Writes of one region per recompute: the projector recomputes a region once per stream batch,
 * and an operator's edits arrive seconds apart, inside one batching window (3 s in AWS). Measured
 * by test/bench/projector.ts (a burst of 100 edits: at most 5 recomputes); assumed 3 for the
 * typical month, which has quieter hours too.
 */
const WRITES_PER_RECOMPUTE = 3;
/**
 * Samples of each route's and the projector's in-process time; the Lambda duration line is priced
 * from their median (one sample on a loaded machine is mostly the load).
 */
export const DURATION_SAMPLES = 5;

/**
 * The standard scenario with the summary projector on the stream beside it: after each route has
 * answered, waits for the projector and books the route as projected if it recomputed the region.
 */
export async function measureWithProjector(app: BudgetApp, login: Login, config: DataConfig) {
  let recomputes = 0;
  const projector = startSummaryProjection({
    config,
    data: new ScopedClientFactory(config),
    logger: new Logger({ serviceName: 'budgets', logLevel: 'SILENT' }),
    startAt: 'latest',
    onRegionProjected: (projected) => {
      if (projected.tenantCode === TENANT) recomputes += 1;
    },
  });
  try {
    await projector.ready;
    const projectedRoutes = new Set<string>();
    const { measured } = await routeBudgets(app, login, {
      samples: DURATION_SAMPLES,
      afterCall: async (route) => {
        const before = recomputes;
        await projector.caughtUp(60_000);
        if (recomputes > before && route !== SETUP) projectedRoutes.add(route);
      },
    });
    return { measured, projectedRoutes };
  } finally {
    await projector.stop();
  }
}

/** The whole cost benchmark on a started budget stack. */
export async function regencyCost(
  app: BudgetApp,
  login: Login,
  config: DataConfig,
  data: ScopedClientFactory,
) {
  const { measured, projectedRoutes } = await measureWithProjector(app, login, config);
  monthlyCost(measured, await readModelUsage(data, DURATION_SAMPLES), projectedRoutes);
  return measured;
}

/**
 * The month's bill of one typical regency: the measured units of each route × its monthly calls,
 * the read models (`projectedRoutes`: the routes whose writes led the projector to recompute the
 * region, measured) × list prices.
 */
export function monthlyCost(
  measured: ReadonlyMap<string, Usage>,
  readModels: ReadModelUsage,
  projectedRoutes: ReadonlySet<string>,
) {
  const projectedWrites = [...projectedRoutes].reduce((sum, route) => sum + (MONTHLY_CALLS[route] ?? 0), 0);
  let calls = 0;
  let reads = 0;
  let writes = 0;
  let gbSeconds = 0;
  const runs: [Usage, number][] = [
    [readModels.rebuild, MONTHLY_REBUILDS],
    [readModels.projector, projectedWrites / WRITES_PER_RECOMPUTE],
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
    // Billed duration: the in-process time measured here, the median of DURATION_SAMPLES calls (a
    // loaded 2-vCPU machine; Lambda arm64 with 1 GB is usually faster), at least 10 ms.
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
    `\nWrites that reach the summary projector (measured per route): ${[...projectedRoutes].join(', ')}; ${projectedWrites.toLocaleString('en')} a month, ${(projectedWrites / WRITES_PER_RECOMPUTE).toFixed(0)} recomputes`,
  );
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

if (runDirectly(import.meta.filename)) {
  startWatchdog('regency cost', 10);
  const { stack, deps, app, login } = await startBudgetStack();
  try {
    await regencyCost(app, login, stack.config, deps.data);
  } finally {
    await stack.stop();
  }
  reportFigures();
}
