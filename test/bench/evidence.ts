/**
 * Evidence intake benchmark on the local stack (DynamoDB Local and s3rver on loopback, throwaway
 * state). The API runs as its own process so its memory is measured alone.
 *
 *   1. 20 files of 1 MiB completed one after another: the latency an operator sees.
 *   2. 200 files of 1 MiB (PDFs): presigned upload requests and PUTs to s3rver, then 200
 *      completions fired at once; prints their throughput and latency percentiles.
 *   3. The same server code, fresh process, 16 files of 32 MiB completed at once: 2.5× the bytes in
 *      flight with 12× fewer requests. If intake buffered whole files, the server would need at
 *      least the bytes in flight (512 MiB); streaming keeps its peak near the second run's.
 * Each run starts a fresh API process, so each peak (VmHWM) is that run's own.
 *
 * Run from the repository root: `npx tsx test/bench/evidence.ts`. It stops itself (a 10-minute
 * bound) and exits non-zero when a completion fails or the peak memory grows with the file size.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { officialAreas } from '@inovasi/app/areas';
import { type DataConfig, provisionTable, ScopedClientFactory } from '@inovasi/data';
import { seedDemoData, sha256Hex, startLocalStack, textPdf } from '@inovasi/local';

const MIB = 1024 * 1024;
const TENANT = '35.22';
const TIME_LIMIT_MS = 10 * 60_000;
/** Peak memory may differ between runs by allocator noise, not by the size of a file. */
const MEMORY_GROWTH_ALLOWANCE = 96 * MIB;

interface Run {
  readonly label: string;
  readonly files: number;
  readonly bytesEach: number;
  /** Completions in flight at once. */
  readonly concurrency: number;
}

let slowRequestWarnings = 0;

const RUNS: readonly Run[] = [
  { label: '20 × 1 MiB, one at a time', files: 20, bytesEach: 1 * MIB, concurrency: 1 },
  { label: '200 × 1 MiB, all at once', files: 200, bytesEach: 1 * MIB, concurrency: 200 },
  { label: '16 × 32 MiB, all at once', files: 16, bytesEach: 32 * MIB, concurrency: 16 },
];

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Runs `task` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index] as T);
      }
    }),
  );
  return results;
}

/**
 * `fetch` that retries a connection the server closed as it was reused (Node's keep-alive race on a
 * busy loopback server), not an HTTP answer: every request here is safe to send twice.
 */
async function retryingFetch(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
}

/** Resident set now and at its peak (VmHWM), from Linux's view of the process. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

async function startApi(config: DataConfig): Promise<{ url: string; child: ChildProcess }> {
  const entry = fileURLToPath(new URL('./evidence-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      ...process.env,
      BENCH_DATA_CONFIG: JSON.stringify(config),
      // Large enough for the 32 MiB files of the second run; everything else at its defaults.
      EVIDENCE_MAX_DOCUMENT_MB: '64',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The SDK warns once per data request slower than its timeout; count them rather than print them.
  child.stderr?.on('data', (data: Buffer) => {
    for (const line of data.toString().split('\n')) {
      if (line.includes('exceeded the configured')) slowRequestWarnings++;
      else if (line.trim() && !/socketAcquisitionWarningTimeout|maxsockets/.test(line))
        process.stderr.write(`${line}\n`);
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /LISTENING (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
  });
  return { url, child };
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function run(config: DataConfig, spec: Run) {
  const { url, child } = await startApi(config);
  try {
    const api = async (method: string, path: string, token?: string, body?: unknown) => {
      const response = await retryingFetch(`${url}/api/v1${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    const token = (await api('POST', '/dev/login', undefined, { email: 'admin.3522@demo.local' })).json.token;
    // Warm the process (module loading, first clients) before its memory counts.
    await api('GET', `/tenants/${TENANT}/evidence/usage`, token);
    const idle = memoryOf(child.pid ?? 0);

    // Prepare: upload every file first (client work, not measured), one buffer at a time.
    const uploaded = await pool(
      Array.from({ length: spec.files }, (_, index) => index),
      16,
      async (index) => {
        const bytes = textPdf({ lines: [`Berkas ${index}`], padToBytes: spec.bytesEach });
        const asked = await api('POST', `/tenants/${TENANT}/evidence/uploads`, token, {
          kind: 'laporan',
          title: `Berkas uji ${index}`,
          fileName: `berkas-${index}.pdf`,
          mediaType: 'application/pdf',
          size: bytes.length,
          sha256: sha256Hex(bytes),
        });
        if (asked.status !== 201)
          throw new Error(`upload request ${asked.status}: ${JSON.stringify(asked.json)}`);
        const put = await retryingFetch(asked.json.upload.url, {
          method: 'PUT',
          headers: asked.json.upload.headers,
          body: bytes,
        });
        if (!put.ok) throw new Error(`PUT ${put.status}`);
        return asked.json.evidence.id as string;
      },
    );

    // Act: every completion at once.
    const latencies: number[] = [];
    const started = performance.now();
    const failures = new Map<string, number>();
    let retries = 0;
    const outcomes = await pool(uploaded, spec.concurrency, async (id) => {
      const begin = performance.now();
      let completed = await api('POST', `/tenants/${TENANT}/evidence/${id}/complete`, token);
      // A 503 (the data layer gave up waiting under load) says "try again"; completing is idempotent.
      for (let attempt = 0; completed.status === 503 && attempt < 3; attempt++) {
        retries++;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        completed = await api('POST', `/tenants/${TENANT}/evidence/${id}/complete`, token);
      }
      latencies.push(performance.now() - begin);
      const passed = completed.status === 200 && completed.json.status === 'passed';
      if (!passed) {
        const reason = `${completed.status} ${completed.json.error?.code ?? completed.json.status}`;
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
      }
      return passed;
    });
    if (failures.size > 0) console.error(`${spec.label}: failed completions`, Object.fromEntries(failures));
    const seconds = (performance.now() - started) / 1000;
    const after = memoryOf(child.pid ?? 0);
    latencies.sort((left, right) => left - right);
    return {
      label: spec.label,
      passed: outcomes.filter(Boolean).length,
      retries,
      files: spec.files,
      megabytes: (spec.files * spec.bytesEach) / MIB,
      seconds,
      perSecond: spec.files / seconds,
      mibPerSecond: (spec.files * spec.bytesEach) / MIB / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies.at(-1) ?? Number.NaN,
      idleRss: idle.rss,
      peakRss: after.peak,
    };
  } finally {
    await stopApi(child);
  }
}

const watchdog = setTimeout(() => {
  console.error(`evidence benchmark exceeded ${TIME_LIMIT_MS / 60_000} minutes`);
  process.exit(2);
}, TIME_LIMIT_MS);

const stack = await startLocalStack();
let failed = false;
try {
  const config: DataConfig = { ...stack.config, tableName: 'bench' };
  const admin = new DynamoDBClient({
    region: config.region,
    endpoint: config.dynamoEndpoint,
    credentials: config.credentials,
  });
  await provisionTable(admin, config.tableName);
  admin.destroy();
  await seedDemoData(new ScopedClientFactory(config), officialAreas());

  const results = [];
  for (const spec of RUNS) results.push(await run(config, spec));

  const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;
  console.log(`\nEvidence intake on the local stack (Node ${process.versions.node}):\n`);
  console.log(
    '| run | passed | retried after 503 | MiB | wall | completions/s | MiB/s | p50 | p95 | max | server RSS idle → peak |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    console.log(
      `| ${result.label} | ${result.passed}/${result.files} | ${result.retries} | ${result.megabytes} | ` +
        `${result.seconds.toFixed(1)} s | ` +
        `${result.perSecond.toFixed(1)} | ${result.mibPerSecond.toFixed(0)} | ${result.p50.toFixed(0)} ms | ` +
        `${result.p95.toFixed(0)} ms | ${result.max.toFixed(0)} ms | ${mib(result.idleRss)} → ${mib(result.peakRss)} |`,
    );
  }
  console.log(`\nData requests slower than the SDK's timeout warning (all runs): ${slowRequestWarnings}.`);
  const [, small, large] = results;
  if (small && large) {
    const growth = large.peakRss - small.peakRss;
    console.log(
      `\nPeak server memory with 32 MiB files vs 1 MiB files: ${growth >= 0 ? '+' : ''}${mib(growth)} ` +
        `(bytes in flight: ${large.megabytes} MiB vs ${small.megabytes} MiB; allowance ${mib(MEMORY_GROWTH_ALLOWANCE)}).`,
    );
    if (growth > MEMORY_GROWTH_ALLOWANCE) {
      console.error('FAIL: the server’s peak memory grows with the file size');
      failed = true;
    }
  }
  if (results.some((result) => result.passed !== result.files)) {
    console.error('FAIL: not every completion passed intake');
    failed = true;
  }
} finally {
  clearTimeout(watchdog);
  await stack.stop();
}
process.exit(failed ? 1 : 0);
