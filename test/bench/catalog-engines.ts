/**
 * Catalogue search engines compared in process (no DynamoDB, no HTTP): today's engine, Orama and
 * FlexSearch on the same synthetic corpus as test/bench/catalog.ts and its query mix. Each engine
 * is built in its own child process (rebuild time, snapshot size), then a second child loads the
 * stored snapshot from disk (cold load, memory) and answers the query mix (p50/p95). Run from the
 * repository root:
 *
 *   npx tsx test/bench/catalog-engines.ts --size 50000 [--engines engine,orama,flexsearch] [--stored]
 *
 * `--stored` also times the API's cold start for the engines with a one-file snapshot: the snapshot
 * is put on the local stack's S3 (s3rver on loopback), then the meta item, the object and the log
 * are read and the snapshot loaded, three times.
 *
 * Two cores are shared: run 200,000 once, engine by engine if need be.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { officialAreas } from '@inovasi/app/areas';
import type { CatalogEntry } from '@inovasi/core';
import type { DataConfig } from '@inovasi/data';
import { createEngine, ENGINE_NAMES, type EngineName, parseBenchQuery } from './catalog-engines/engines.ts';
import { benchmarkQueries, type SyntheticRegion, syntheticEntries } from './synthetic-catalog.ts';

const WARMUP_QUERIES = 40;
const MEASURED_QUERIES = 400;
/** A slow engine is not waited for: the query mix stops after this long and says how far it got. */
const QUERY_BUDGET_MS = 180_000;
const TARGET_P95_MS = 50;
const TARGET_LOAD_MS = 1000;

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '50000' },
    engines: { type: 'string', default: ENGINE_NAMES.join(',') },
    child: { type: 'string' },
    engine: { type: 'string' },
    dir: { type: 'string' },
    stored: { type: 'boolean', default: false },
  },
});
const size = Number(args.size);

const percentile = (values: readonly number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
};
/** CPU time (user + system): on a shared machine it moves far less with the neighbours' load than wall time. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;

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

/** The benchmark's published entries: one publication a minute, so "newest first" is a real order. */
function publishedEntries(regionList: readonly SyntheticRegion[]): CatalogEntry[] {
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  return syntheticEntries(size, regionList).map((content, index) => {
    const at = new Date(base + index * 60_000).toISOString();
    return {
      ...content,
      version: 1,
      firstPublishedAt: at,
      publishedAt: at,
      updatedAt: at,
      replicatedByRegions: 0,
    };
  });
}

function heapMegabytes(): { heap: number; external: number; rss: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return {
    heap: megabytes(usage.heapUsed),
    external: megabytes(usage.arrayBuffers),
    rss: megabytes(usage.rss),
  };
}

async function buildChild(name: EngineName, dir: string): Promise<object> {
  const entries = publishedEntries(await regions());
  const engine = await createEngine(name);
  let started = performance.now();
  await engine.build(entries);
  const buildMs = performance.now() - started;
  started = performance.now();
  const files = await engine.snapshot();
  const snapshotMs = performance.now() - started;
  let bytes = 0;
  for (const [file, content] of files) {
    writeFileSync(join(dir, file), content);
    bytes += content.byteLength;
  }
  return { buildMs, snapshotMs, snapshotMB: megabytes(bytes), files: files.size };
}

async function loadChild(name: EngineName, dir: string): Promise<object> {
  const queries = benchmarkQueries(await regions()).map(parseBenchQuery);
  const engine = await createEngine(name);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const files = new Map(readdirSync(dir).map((file) => [file, readFileSync(join(dir, file))]));
  await engine.load(files);
  const loadMs = performance.now() - started;
  const loadCpuMs = cpuMs(process.cpuUsage(cpuStarted));
  const firstStarted = performance.now();
  const first = await engine.search(queries[0] as (typeof queries)[0]);
  const firstQueryMs = performance.now() - firstStarted;
  const memory = heapMegabytes();
  const budgetEnds = performance.now() + QUERY_BUDGET_MS;
  for (let at = 0; at < WARMUP_QUERIES && performance.now() < budgetEnds; at++) {
    await engine.search(queries[at % queries.length] as (typeof queries)[0]);
  }
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const perQuery = queries.map(() => [] as number[]);
  const totals: number[] = [];
  for (let at = 0; at < MEASURED_QUERIES && (at < queries.length || performance.now() < budgetEnds); at++) {
    const query = queries[at % queries.length] as (typeof queries)[0];
    const queryStarted = performance.now();
    const queryCpu = process.cpuUsage();
    const answer = await engine.search(query);
    cpuTimes.push(cpuMs(process.cpuUsage(queryCpu)));
    const elapsed = performance.now() - queryStarted;
    times.push(elapsed);
    perQuery[at % queries.length]?.push(elapsed);
    if (at < queries.length) totals.push(answer.total);
  }
  return {
    measuredQueries: times.length,
    loadMs,
    loadCpuMs,
    firstQueryMs,
    firstTotal: first.total,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    cpuP50: percentile(cpuTimes, 0.5),
    cpuP95: percentile(cpuTimes, 0.95),
    slowest: queries
      .map((query, index) => ({
        query: query.text ?? JSON.stringify(query.filters),
        p50: percentile(perQuery[index] ?? [], 0.5),
      }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 3),
    totals,
    memory,
  };
}

/**
 * The API's cold start from S3: read the meta item, fetch the object (parallel byte ranges), load
 * it, read the log after it — what `CatalogService` does, done here step by step so that the
 * previous engine can be timed the same way. s3rver runs in another process (until 2026-12-07 it
 * ran in this one, so its serving CPU and event loop were in the figures).
 */
async function storedChild(name: EngineName, dir: string): Promise<object> {
  const { CatalogReader, catalogReaderScope, ScopedClientFactory } = await import('@inovasi/data');
  const engine = await createEngine(name);
  const stack = await storeSnapshotInAnotherProcess(dir);
  try {
    const [file] = readdirSync(dir);
    const loads: number[] = [];
    const loadsCpu: number[] = [];
    // Where each reader's time goes: the first one also pays for the SDK's first connection.
    const phases: { metaMs: number; fetchMs: number; loadMs: number; logMs: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const reader = new CatalogReader(new ScopedClientFactory(stack.config).forScope(catalogReaderScope));
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const meta = await reader.meta();
      const metaDone = performance.now();
      const bytes = await reader.snapshot(meta.snapshot?.key as string);
      const fetched = performance.now();
      await engine.load(new Map([[file as string, bytes]]));
      const loaded = performance.now();
      await reader.changesSince(1, 2000);
      const ended = performance.now();
      loads.push(ended - started);
      loadsCpu.push(cpuMs(process.cpuUsage(cpuStarted)));
      phases.push({
        metaMs: Math.round(metaDone - started),
        fetchMs: Math.round(fetched - metaDone),
        loadMs: Math.round(loaded - fetched),
        logMs: Math.round(ended - loaded),
      });
    }
    return {
      storedPhases: phases,
      storedLoadsMs: loads,
      storedLoadMs: percentile(loads, 0.5),
      storedLoadCpuMs: percentile(loadsCpu, 0.5),
    };
  } finally {
    stack.stop();
  }
}

/**
 * The local stack (DynamoDB Local, s3rver) in a process of its own, with the snapshot already
 * stored: in AWS, S3's serving does not run on the Lambda's CPU, so the reader measured must not
 * share its event loop and core with s3rver either.
 */
async function storeSnapshotInAnotherProcess(dir: string): Promise<{ config: DataConfig; stop: () => void }> {
  const server = spawn(
    process.execPath,
    [...process.execArgv, process.argv[1] as string, '--child=stack', `--dir=${dir}`],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: server.stdout });
  for await (const line of lines) {
    if (!line.startsWith('STACK ')) continue;
    const config = JSON.parse(line.slice('STACK '.length)) as DataConfig;
    // Closing its stdin tells the server to stop its stack and exit.
    return { config, stop: () => server.stdin.end() };
  }
  throw new Error(`the stack process exited with ${server.exitCode ?? server.signalCode}`);
}

/** The other side of storeSnapshotInAnotherProcess: runs until its stdin closes. */
async function stackChild(dir: string): Promise<void> {
  const { CatalogIndexWriter, catalogIndexWriterScope, ScopedClientFactory } = await import('@inovasi/data');
  const { startLocalStack } = await import('@inovasi/local');
  const stack = await startLocalStack();
  const [file] = readdirSync(dir);
  const writer = new CatalogIndexWriter(
    new ScopedClientFactory(stack.config).forScope(catalogIndexWriterScope),
  );
  await writer.writeSnapshot(readFileSync(join(dir, file as string)), 1);
  console.log(`STACK ${JSON.stringify(stack.config)}`);
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.on('end', resolve));
  await stack.stop();
}

function runChild(mode: 'build' | 'load' | 'stored', name: EngineName, dir: string): Record<string, unknown> {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=6144',
      ...process.execArgv,
      process.argv[1] as string,
      `--child=${mode}`,
      `--engine=${name}`,
      `--dir=${dir}`,
      `--size=${size}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  const line = child.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (!line) return { error: `child ${mode} ${name} exited with ${child.status ?? child.signal}` };
  return JSON.parse(line.slice('RESULT '.length));
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
async function main(): Promise<void> {
  if (args.child === 'stack') {
    await stackChild(args.dir as string);
    process.exit(0);
  }
  if (args.child) {
    const dir = args.dir as string;
    const result =
      args.child === 'build'
        ? await buildChild(args.engine as EngineName, dir)
        : args.child === 'load'
          ? await loadChild(args.engine as EngineName, dir)
          : await storedChild(args.engine as EngineName, dir);
    console.log(`RESULT ${JSON.stringify(result)}`);
    process.exit(0);
    return;
  }
  const engines = (args.engines ?? '').split(',') as EngineName[];
  console.log(
    `Catalogue engines: ${size.toLocaleString('en')} entries, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    '| engine | entries | p50 | p95 | p95 CPU | cold load | load CPU | snapshot | rebuild | heap + buffers | targets |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  let missed = false;
  for (const name of engines) {
    const dir = join(tmpdir(), `catalog-engines-${process.pid}-${name}`);
    mkdirSync(dir, { recursive: true });
    try {
      const built = runChild('build', name, dir);
      if ('error' in built) {
        console.log(`${name}: ${built.error}`);
        missed = true;
        continue;
      }
      const stored = readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
      const files = readdirSync(dir).length;
      const loaded = runChild('load', name, dir);
      const fromS3 = args.stored && files === 1 ? runChild('stored', name, dir) : {};
      console.log(
        JSON.stringify({ engine: name, size, ...built, storedMB: megabytes(stored), ...loaded, ...fromS3 }),
      );
      const p95 = Number(loaded.p95);
      const load = Number(loaded.loadMs);
      const ok = p95 <= TARGET_P95_MS && load <= TARGET_LOAD_MS;
      if (!ok) missed = true;
      console.log(
        `| ${name} | ${size.toLocaleString('en')} | ${Number(loaded.p50).toFixed(1)} ms | ${p95.toFixed(1)} ms | ` +
          `${Number(loaded.cpuP95).toFixed(1)} ms | ${load.toFixed(0)} ms | ${Number(loaded.loadCpuMs).toFixed(0)} ms | ${built.snapshotMB} MB | ${((Number(built.buildMs) + Number(built.snapshotMs)) / 1000).toFixed(1)} s | ` +
          `${(loaded.memory as { heap: number }).heap} + ${(loaded.memory as { external: number }).external} MB | ${ok ? 'PASS' : 'FAIL'} |`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.exitCode = missed ? 1 : 0;
}

await main();
