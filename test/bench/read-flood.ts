/**
 * Read floods against the running server (issue 19, point 2; docs/decisions/0022). Run from the
 * repository root:
 *
 *   npx tsx test/bench/read-flood.ts
 *
 * It starts its own local stack (DynamoDB Local and s3rver on loopback, demo data) and the API
 * server in a child process of its own (so the flood's client does not share the server's event
 * loop), twice: with the product's default limits, and with limits off (how reads were served
 * before: never limited). Each time another region's user (admin.3520) reads its innovation list
 * at a person's pace, and its p50 is measured quiet, then under a flood of advice reads (the
 * expensive read of the issue) by one user of 35.22 at concurrency 8, then under a flood of
 * anonymous catalogue searches at concurrency 8. Target: each flooded p50 within 2x of the quiet
 * one with the limits on. Bounded: every phase sends a fixed number of victim requests, and the
 * child is killed after 5 minutes.
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startServer } from '@inovasi/api/server';
import { officialAreas } from '@inovasi/app/areas';
import { demoIdentity } from '@inovasi/app/identity/local-tokens';
import { createLogger } from '@inovasi/app/logging';
import { type DataConfig, ScopedClientFactory } from '@inovasi/data';
import { seedDemoData, startLocalStack } from '@inovasi/local';
import { startBenchServer } from './child-server.ts';

/** Victim reads per phase, one every VICTIM_GAP_MS: a person's pace (within the default limits). */
const VICTIM_REQUESTS = 60;
const VICTIM_GAP_MS = 40;
const FLOOD_CONCURRENCY = 8;
const TARGET_RATIO = 2;

/** The child: the API server alone, on loopback, over the parent's stack. */
async function serve(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as DataConfig;
  const server = await startServer(
    {
      mode: 'local',
      data: new ScopedClientFactory(config),
      ...(await demoIdentity()),
      areas: officialAreas(),
      logger: createLogger({ serviceName: 'read-flood-bench', logLevel: 'SILENT' }),
      // The product's defaults, or none at all (reads before issue 19 were never limited).
      ...(process.env.BENCH_LIMITS === 'off' ? { rateLimits: false as const } : {}),
    },
    { port: 0 },
  );
  process.stdout.write(`READY ${server.url}\n`);
}

async function startChild(config: DataConfig, limits: 'on' | 'off') {
  return startBenchServer(fileURLToPath(import.meta.url), {
    BENCH_CONFIG: JSON.stringify(config),
    BENCH_LIMITS: limits,
  });
}

const percentile = (values: readonly number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Phase {
  readonly p50: number;
  readonly p95: number;
  readonly victimRefused: number;
  /** Flood answers by status, e.g. `{ 200: 150, 429: 4000 }`. */
  readonly flood: Record<number, number>;
}

/** The victim's reads at a person's pace, while `flood` (if any) runs at FLOOD_CONCURRENCY. */
async function phase(
  victim: () => Promise<Response>,
  flood: (() => Promise<Response>) | undefined,
): Promise<Phase> {
  let flooding = flood !== undefined;
  const floodStatuses: Record<number, number> = {};
  const flooders = flood
    ? Array.from({ length: FLOOD_CONCURRENCY }, async () => {
        while (flooding) {
          const response = await flood();
          await response.arrayBuffer();
          floodStatuses[response.status] = (floodStatuses[response.status] ?? 0) + 1;
        }
      })
    : [];
  // Let the flood reach its pace before measuring.
  if (flood) await sleep(300);
  const latencies: number[] = [];
  let victimRefused = 0;
  for (let i = 0; i < VICTIM_REQUESTS; i++) {
    const started = performance.now();
    const response = await victim();
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status === 429) victimRefused += 1;
    else if (response.status !== 200) throw new Error(`victim read answered ${response.status}`);
    await sleep(VICTIM_GAP_MS);
  }
  flooding = false;
  await Promise.all(flooders);
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    victimRefused,
    flood: floodStatuses,
  };
}

async function run(config: DataConfig, limits: 'on' | 'off'): Promise<Record<string, Phase>> {
  const { child, url } = await startChild(config, limits);
  try {
    const login = async (email: string) => {
      const response = await fetch(`${url}/api/v1/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    const victimToken = await login('admin.3520@demo.local');
    const flooderToken = await login('admin.3522@demo.local');
    const victim = () =>
      fetch(`${url}/api/v1/tenants/35.20/innovations`, {
        headers: { authorization: `Bearer ${victimToken}` },
      });
    const adviceFlood = () =>
      fetch(`${url}/api/v1/tenants/35.22/periods/2026/projection/advice?basis=claimed`, {
        headers: { authorization: `Bearer ${flooderToken}` },
      });
    let search = 0;
    const anonymousFlood = () =>
      fetch(`${url}/api/v1/catalog/innovations?q=${['sehat', 'desa', 'digital'][search++ % 3]}`);
    // Warm the modules, the token and member caches and the catalogue index (not measured).
    for (let i = 0; i < 5; i++) await (await victim()).arrayBuffer();
    await (await fetch(`${url}/api/v1/catalog/innovations?q=sehat`)).arrayBuffer();
    await sleep(1_000);
    const quiet = await phase(victim, undefined);
    const regionFlood = await phase(victim, adviceFlood);
    const anonymous = await phase(victim, anonymousFlood);
    return { quiet, regionFlood, anonymous };
  } finally {
    child.kill('SIGTERM');
  }
}

const floodText = (flood: Record<number, number>) =>
  Object.entries(flood)
    .map(([status, count]) => `${count} x ${status}`)
    .join(', ') || '-';

async function main(): Promise<void> {
  const stack = await startLocalStack();
  let missed = false;
  try {
    await seedDemoData(new ScopedClientFactory(stack.config), officialAreas());
    console.log(
      `Load average before (1 min): ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
    );
    console.log(
      `Read flood benchmark, Node ${process.version}; victim: 35.20's innovation list, ${VICTIM_REQUESTS} reads per phase`,
    );
    console.log('\n| limits | phase | victim p50 | victim p95 | p50 / quiet | victim 429s | flood answers |');
    console.log('|---|---|---|---|---|---|---|');
    for (const limits of ['on', 'off'] as const) {
      const phases = await run(stack.config, limits);
      const quiet = phases.quiet?.p50 ?? Number.NaN;
      for (const [name, result] of Object.entries(phases)) {
        const ratio = result.p50 / quiet;
        if (limits === 'on' && ratio > TARGET_RATIO) missed = true;
        console.log(
          `| ${limits} | ${name} | ${result.p50.toFixed(1)} ms | ${result.p95.toFixed(1)} ms | ${ratio.toFixed(2)}x | ${result.victimRefused} | ${floodText(result.flood)} |`,
        );
      }
    }
    console.log(`\nLoad average after (1 min): ${loadavg()[0]?.toFixed(1)}`);
    console.log(
      `\nTarget with limits on: every flooded p50 within ${TARGET_RATIO}x of quiet -> ${missed ? 'MISSED' : 'met'}`,
    );
  } finally {
    await stack.stop();
  }
  if (missed) process.exitCode = 1;
}

if (process.argv.includes('--server')) await serve();
else await main();
