/**
 * API overhead (docs/performance.md): p50/p95 latency and throughput of reading one innovation
 * through the HTTP API (the real Node server on loopback, a signed-in admin) against a bare
 * GetItem of the same item on the same DynamoDB Local (target p50 ratio ≤ 2×), both over node:http
 * keep-alive clients; the API read over fetch is reported beside. Alone:
 *
 *   npx tsx test/bench/api-overhead.ts
 *
 * (test/bench/budgets.ts runs it with the other budgets.)
 */

import { Agent, request } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startServer } from '@inovasi/api/server';
import { createTableClient, type DataConfig, keys, ScopedClientFactory } from '@inovasi/data';
import {
  type BudgetApp,
  type Login,
  percentile,
  record,
  reportFigures,
  runDirectly,
  startBudgetStack,
  startWatchdog,
  TENANT,
} from './budget-support.ts';

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

export async function apiOverhead(url: string, token: string, config: DataConfig, innovationId: string) {
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

/**
 * The comparison on a started budget stack: a server of its own (no meter) over real HTTP on
 * loopback, reading the first innovation of the typical regency.
 */
export async function apiOverheadOnStack(
  deps: Parameters<typeof startServer>[0],
  config: DataConfig,
  app: BudgetApp,
  login: Login,
) {
  const server = await startServer({ ...deps, data: new ScopedClientFactory(config) }, { port: 0 });
  try {
    const token = await login('admin.3522@demo.local');
    const list = await app.request(`/api/v1/tenants/${TENANT}/innovations?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const innovationId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    await apiOverhead(server.url, token, config, innovationId);
  } finally {
    await server.stop();
  }
}

if (runDirectly(import.meta.filename)) {
  startWatchdog('API overhead', 10);
  const { stack, deps, app, login } = await startBudgetStack();
  try {
    await apiOverheadOnStack(deps, stack.config, app, login);
  } finally {
    await stack.stop();
  }
  reportFigures();
}
