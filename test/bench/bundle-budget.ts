/**
 * The Lambda bundle (docs/performance.md, docs/decisions/0013), built with the options
 * infra/lib/api-bundle.ts deploys (ESM, code splitting): the code a cold start loads, the entry and
 * the chunks it imports statically (target ≤ 1 MB minified), the total of all chunks (reported),
 * and its cold init in a fresh Node process against a bare Hono hello-world bundle built the same
 * way (target ≤ 3×). Beside it, reported, the first answer of a fresh process (the import, then one
 * request through the handler) against the hello-world's: what a user of a cold instance waits
 * for; and the cold init of the DynamoDB client, zod and the data layer's client factory alone.
 * No local stack, about 15 seconds:
 *
 *   npx tsx test/bench/bundle-budget.ts
 *
 * (also `npx tsx test/bench/budgets.ts --bundle-only`; test/bench/budgets.ts runs it with the
 * other budgets.)
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DATA_ROLES } from '@inovasi/data';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { API_BUNDLE_OPTIONS } from '../../infra/lib/api-bundle.ts';
import { median, ROOT, record, reportFigures, runDirectly, startWatchdog } from './budget-support.ts';

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

/** The secret CloudFront sends the API (ORIGIN_VERIFY_SECRET), here a made-up one. */
const ORIGIN_SECRET = 'budget-origin-secret';

/** An API Gateway (HTTP API) event for a GET, as Lambda hands it to the handler. */
const getEvent = (path: string, query: string) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: query,
  // As CloudFront forwards it: with the origin's secret header (functions/api/src/hardening.ts).
  headers: { host: 'budgets', 'accept-language': 'id', 'x-inovasi-origin-verify': ORIGIN_SECRET },
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
  // CPU time (user + system) of the whole process, start-up included: on a loaded machine the wall
  // time mostly measures the neighbours, the CPU time hardly moves (docs/performance.md).
  const cpu = `const used = process.cpuUsage(); process.stdout.write(' CPU ' + (used.user + used.system) / 1000);`;
  const probe = `const t0 = performance.now(); const bundle = await import(${url}); process.stdout.write('IMPORT ' + (performance.now() - t0));\n${answer}\n${cpu}`;
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 30_000,
  });
  const wall = performance.now() - started;
  const importMs = Number(/IMPORT ([\d.]+)/.exec(result.stdout)?.[1]);
  const cpuMs = Number(/CPU ([\d.]+)/.exec(result.stdout)?.[1]);
  if (result.status !== 0 || Number.isNaN(importMs) || Number.isNaN(cpuMs))
    throw new Error(`cold init failed: ${result.stderr.slice(0, 400)}`);
  return { wall, importMs, cpuMs };
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

export async function bundleBudgets() {
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
        return { name, dir, bytes, samples: [] as { wall: number; importMs: number; cpuMs: number }[] };
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
      // Read at init since docs/decisions/0022 (rate limits, the CloudFront origin secret).
      RATE_LIMIT_TABLE_NAME: 'budget-rate-limits',
      ORIGIN_VERIFY_SECRET: ORIGIN_SECRET,
      POWERTOOLS_SERVICE_NAME: 'inovasi-api',
      ...Object.fromEntries(
        Object.values(DATA_ROLES).map((role) => [
          role.envVar,
          `arn:aws:iam::111122223333:role/${role.constructId}`,
        ]),
      ),
    };
    const runs = 7;
    const api: { wall: number; importMs: number; cpuMs: number }[] = [];
    const hello: { wall: number; importMs: number; cpuMs: number }[] = [];
    const apiFirst: { wall: number; cpuMs: number }[] = [];
    const helloFirst: { wall: number; cpuMs: number }[] = [];
    coldInit(helloDir, env);
    for (let run = 0; run < runs; run++) {
      api.push(coldInit(apiDir, env));
      hello.push(coldInit(helloDir, env));
      apiFirst.push(coldInit(apiDir, env, FIRST_API_REQUEST));
      helloFirst.push(coldInit(helloDir, env, { path: '/', query: '', status: 200 }));
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
    const apiFirstWall = median(apiFirst.map((sample) => sample.wall));
    const helloFirstWall = median(helloFirst.map((sample) => sample.wall));
    const apiCpu = median(api.map((sample) => sample.cpuMs));
    const helloCpu = median(hello.map((sample) => sample.cpuMs));
    const apiFirstCpu = median(apiFirst.map((sample) => sample.cpuMs));
    const helloFirstCpu = median(helloFirst.map((sample) => sample.cpuMs));
    console.log(
      `  CPU time (user + system), cold init: API ${apiCpu.toFixed(0)} ms, hello-world ${helloCpu.toFixed(0)} ms, ratio ${(apiCpu / helloCpu).toFixed(2)}; first answer: API ${apiFirstCpu.toFixed(0)} ms, hello-world ${helloFirstCpu.toFixed(0)} ms, ratio ${(apiFirstCpu / helloFirstCpu).toFixed(2)}`,
    );
    console.log(
      `  first answer, process start to one request answered (GET ${FIRST_API_REQUEST.path}?${FIRST_API_REQUEST.query}: validated and refused): API ${apiFirstWall.toFixed(0)} ms, hello-world ${helloFirstWall.toFixed(0)} ms, ratio ${(apiFirstWall / helloFirstWall).toFixed(2)}`,
    );
    const floorWalls = floors.map((floor) => ({
      ...floor,
      wall: median(floor.samples.map((sample) => sample.wall)),
      cpuMs: median(floor.samples.map((sample) => sample.cpuMs)),
    }));
    for (const floor of floorWalls) {
      console.log(
        `  floor, ${floor.name}: ${kB(floor.bytes)} at cold start, cold init ${floor.wall.toFixed(0)} ms, ratio ${(floor.wall / helloWall).toFixed(2)}; CPU ${floor.cpuMs.toFixed(0)} ms, ratio ${(floor.cpuMs / helloCpu).toFixed(2)}`,
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
    record(
      'Cold init CPU time vs hello-world (reported; steadier than wall time on a loaded machine)',
      `${(apiCpu / helloCpu).toFixed(2)}× (${apiCpu.toFixed(0)} / ${helloCpu.toFixed(0)} ms)`,
      'reported',
      true,
    );
    // What a user of a cold instance waits for: the import and the first request (docs/performance.md).
    record(
      'First answer of a fresh process vs hello-world (reported)',
      `${(apiFirstWall / helloFirstWall).toFixed(2)}× (${apiFirstWall.toFixed(0)} / ${helloFirstWall.toFixed(0)} ms)`,
      'reported',
      true,
    );
    record(
      'First answer CPU time vs hello-world (reported)',
      `${(apiFirstCpu / helloFirstCpu).toFixed(2)}× (${apiFirstCpu.toFixed(0)} / ${helloFirstCpu.toFixed(0)} ms)`,
      'reported',
      true,
    );
    for (const floor of floorWalls) {
      record(
        `Cold init of ${floor.name} vs hello-world (reported)`,
        `${(floor.wall / helloWall).toFixed(2)}× (${floor.wall.toFixed(0)} / ${helloWall.toFixed(0)} ms; CPU ${(floor.cpuMs / helloCpu).toFixed(2)}×)`,
        'reported',
        true,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (runDirectly(import.meta.filename)) {
  startWatchdog('bundle budget', 5);
  await bundleBudgets();
  reportFigures();
}
