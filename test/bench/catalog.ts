/**
 * Catalogue benchmark: 50,000 synthetic published innovations on the local stack (DynamoDB Local
 * and s3rver on loopback), then search latency through the HTTP API and the cold-start time to
 * load the search index. Run from the repository root:
 *
 *   npx tsx test/bench/catalog.ts [--size 50000]
 *
 * `--size` (or `CATALOG_BENCH_ENTRIES`) changes the corpus size (default 50000). The engines alone,
 * without DynamoDB and HTTP, and against Orama and FlexSearch: test/bench/catalog-engines.ts. It starts and stops its own
 * stack and server, sends a bounded number of requests, and exits non-zero if a target is missed.
 */
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { startServer } from '@inovasi/api/server';
import { officialAreas } from '@inovasi/app/areas';
import { CatalogService } from '@inovasi/app/catalog/service';
import { demoIdentity } from '@inovasi/app/identity/local-tokens';
import {
  CatalogImporter,
  CatalogReader,
  catalogImportScope,
  catalogReaderScope,
  ScopedClientFactory,
} from '@inovasi/data';
import { startLocalStack } from '@inovasi/local';
import { benchmarkQueries, type SyntheticRegion, syntheticEntries } from './synthetic-catalog.ts';

const { values: args } = parseArgs({ options: { size: { type: 'string' } } });
const ENTRIES = Number(args.size ?? process.env.CATALOG_BENCH_ENTRIES ?? 50_000);
const WARMUP_REQUESTS = 100;
const SEQUENTIAL_REQUESTS = 1000;
const CONCURRENT_REQUESTS = 1000;
const CONCURRENCY = 8;
const COLD_RUNS = 3;
const TARGET_P95_MS = 50;
const TARGET_LOAD_MS = 1000;

const percentile = (values: readonly number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
};
const median = (values: readonly number[]) => percentile(values, 0.5);
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; elapsed: number }> {
  const started = performance.now();
  const value = await run();
  return { value, elapsed: performance.now() - started };
}

async function regions(): Promise<SyntheticRegion[]> {
  const areas = await officialAreas().list();
  const provinces = new Map(
    areas.filter((area) => area.kind === 'provinsi').map((area) => [area.code, area.name]),
  );
  return areas
    .filter((area) => area.kind !== 'provinsi')
    .map((area) => ({
      code: area.code,
      name: area.name,
      kind: area.kind,
      provinceCode: area.provinceCode,
      provinceName: provinces.get(area.provinceCode) ?? area.provinceCode,
    }));
}

async function main(): Promise<void> {
  const silent = new Logger({ serviceName: 'catalog-bench', logLevel: 'SILENT' });
  console.log(
    `Catalogue benchmark: ${ENTRIES.toLocaleString('en')} published innovations, Node ${process.version}`,
  );
  const stack = await startLocalStack();
  let stopServer: (() => Promise<void>) | undefined;
  try {
    const regionList = await regions();
    const entries = syntheticEntries(ENTRIES, regionList);
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    const importing = await timed(() =>
      new CatalogImporter(new ScopedClientFactory(stack.config).forScope(catalogImportScope)).importEntries(
        entries,
        {
          // One publication a minute, so "newest first" is a real order.
          publishedAtOf: (index) => new Date(base + index * 60_000).toISOString(),
          concurrency: 8,
        },
      ),
    );
    console.log(
      `seeded ${entries.length} entries over ${regionList.length} regions in ${(importing.elapsed / 1000).toFixed(1)} s`,
    );

    const rebuild = await timed(() =>
      new CatalogService(new ScopedClientFactory(stack.config)).rebuildSnapshot(),
    );
    const reader = new CatalogReader(new ScopedClientFactory(stack.config).forScope(catalogReaderScope));
    const meta = await reader.meta();
    const snapshotBytes = meta.snapshot ? (await reader.snapshot(meta.snapshot.key)).length : 0;
    console.log(
      `rebuilt the search snapshot from the sparse index: ${rebuild.value} entries in ${(rebuild.elapsed / 1000).toFixed(1)} s, ` +
        `${(snapshotBytes / 1e6).toFixed(1)} MB`,
    );

    // Cold start: a new instance (new clients, empty cache) loads the snapshot and reads the log.
    const loads: number[] = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      const service = new CatalogService(new ScopedClientFactory(stack.config));
      loads.push((await timed(() => service.current())).elapsed);
    }

    const data = new ScopedClientFactory(stack.config);
    const server = await startServer(
      { mode: 'local', data, ...(await demoIdentity()), areas: officialAreas(), logger: silent },
      { port: 0 },
    );
    stopServer = server.stop;
    const queries = benchmarkQueries(regionList);
    const call = async (query: string) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/v1/catalog/innovations?${query}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${query} answered ${response.status}`);
      return performance.now() - started;
    };
    const firstRequest = await call(queries[0] as string);

    for (let index = 0; index < WARMUP_REQUESTS; index++)
      await call(queries[index % queries.length] as string);
    const sequential: number[] = [];
    for (let index = 0; index < SEQUENTIAL_REQUESTS; index++) {
      sequential.push(await call(queries[index % queries.length] as string));
    }
    const concurrent: number[] = [];
    let next = 0;
    const concurrentRun = await timed(() =>
      Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < CONCURRENT_REQUESTS) {
            const index = next++;
            concurrent.push(await call(queries[index % queries.length] as string));
          }
        }),
      ),
    );

    const perQuery = queries.map((query, index) => ({
      query,
      p50: median(sequential.filter((_, call) => call % queries.length === index)),
    }));
    const p95 = percentile(sequential, 0.95);
    const load = median(loads);
    console.log('');
    console.log('| measurement | value | target | ratio |');
    console.log('|---|---|---|---|');
    console.log(
      `| search p50, sequential (${SEQUENTIAL_REQUESTS} requests, ${queries.length} queries) | ${ms(median(sequential))} | | |`,
    );
    console.log(
      `| search p95, sequential | ${ms(p95)} | ≤ ${TARGET_P95_MS} ms | ${(p95 / TARGET_P95_MS).toFixed(2)} |`,
    );
    console.log(`| search p99, sequential | ${ms(percentile(sequential, 0.99))} | | |`);
    console.log(
      `| search p50 / p95 with ${CONCURRENCY} concurrent clients | ${ms(median(concurrent))} / ${ms(percentile(concurrent, 0.95))} | | ` +
        `${(CONCURRENT_REQUESTS / (concurrentRun.elapsed / 1000)).toFixed(0)} req/s |`,
    );
    console.log(
      `| index load on cold start (median of ${COLD_RUNS}: ${loads.map((value) => value.toFixed(0)).join(', ')}) | ${ms(load)} | ≤ ${TARGET_LOAD_MS} ms | ${(load / TARGET_LOAD_MS).toFixed(2)} |`,
    );
    console.log(`| first HTTP search of a fresh server (load included) | ${ms(firstRequest)} | | |`);
    console.log('');
    console.log('median per query:');
    for (const { query, p50 } of perQuery) console.log(`  ${ms(p50).padStart(9)}  ${query}`);
    const met = p95 <= TARGET_P95_MS && load <= TARGET_LOAD_MS;
    console.log(met ? '\nTargets met.' : '\nA target was missed.');
    if (!met) process.exitCode = 1;
  } finally {
    await stopServer?.();
    await stack.stop();
  }
}

await main();
