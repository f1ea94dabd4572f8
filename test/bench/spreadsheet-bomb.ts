/**
 * Spreadsheet bombs against the running server (issue 19, docs/decisions/0021). Run from the
 * repository root:
 *
 *   npx tsx test/bench/spreadsheet-bomb.ts
 *
 * It starts its own local stack (DynamoDB Local and s3rver on loopback, demo data) and the API
 * server in a child process of its own, so the server's memory is its own: its RSS is sampled from
 * /proc every 20 ms (Linux). For each file it uploads the import as the web app does (presigned
 * PUT), then asks for the preview (a job since docs/decisions/0032: 202, then polled until it is
 * no longer `previewing`) while a request for /api/v1/openapi.json is due every 20 ms, and
 * prints: the preview's time and answer, the server's RSS growth over the preview (peak minus the
 * RSS before), and the concurrent requests' wait (counted from when each was due, so an event loop
 * held between two requests counts too). A small preview first warms the modules. Files: a normal import (200 rows), a large legitimate one
 * (2,000 rows × 94 columns), a 2-million-cell bomb with addresses (4 MB) and the 4-million-cell
 * bomb of the issue (250 KB), and a sheet hiding 210,000 cells behind a false dimension (refused by
 * the streaming parse's cell cap, in the worker thread). Bounded: the child is killed after 5 minutes.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '@inovasi/api/server';
import { officialAreas } from '@inovasi/app/areas';
import { demoIdentity } from '@inovasi/app/identity/local-tokens';
import { createLogger } from '@inovasi/app/logging';
import { type DataConfig, ScopedClientFactory } from '@inovasi/data';
import { seedDemoData, startLocalStack } from '@inovasi/local';
import { addressedBomb, buildXlsx, issue19Bomb } from '../support/xlsx-bomb.ts';
import { startBenchServer } from './child-server.ts';

const TENANT = '35.22';
const REQUEST_EVERY_MS = 20;

/** The child: the API server alone, on loopback, over the parent's stack. */
async function serve(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as DataConfig;
  const server = await startServer(
    {
      mode: 'local',
      data: new ScopedClientFactory(config),
      ...(await demoIdentity()),
      areas: officialAreas(),
      logger: createLogger({ serviceName: 'spreadsheet-bomb-bench', logLevel: 'SILENT' }),
      rateLimits: false,
    },
    { port: 0 },
  );
  process.stdout.write(`READY ${server.url}\n`);
}

/** The process's resident memory, or 0 once it has died. */
const rssMiB = (pid: number): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

const percentile = (values: readonly number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
};

interface Measured {
  readonly file: string;
  readonly sizeKb: number;
  readonly previewMs: number;
  readonly answer: string;
  readonly rssGrowthMiB: number;
  readonly concurrentP50Ms: number;
  readonly concurrentMaxMs: number;
  readonly concurrentRequests: number;
}

async function measure(
  base: string,
  token: string,
  pid: number,
  file: string,
  bytes: Buffer,
): Promise<Measured> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${base}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
  const created = await api(`/tenants/${TENANT}/imports`, {
    method: 'POST',
    body: JSON.stringify({ fileName: 'bench.xlsx', size: bytes.length }),
  });
  if (created.status !== 201) throw new Error(`import of ${file}: ${created.status} ${await created.text()}`);
  const { import: job, upload } = (await created.json()) as {
    import: { id: string };
    upload: { url: string; headers: Record<string, string> };
  };
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
  if (!put.ok) throw new Error(`upload of ${file} failed: ${put.status}`);
  await (await fetch(`${base}/api/v1/openapi.json`)).arrayBuffer();

  const rssBefore = rssMiB(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMiB(pid));
  }, 20);
  let previewing = true;
  const started = performance.now();
  // The preview is a job (docs/decisions/0032): asked for (202), then polled until the worker is done.
  const preview = api(`/tenants/${TENANT}/imports/${job.id}/preview`, {
    method: 'POST',
    body: JSON.stringify({ periodYear: 2026 }),
  })
    .then(async (asked) => {
      if (asked.status !== 202) {
        const body = (await asked.json()) as { error?: { code: string } };
        return { previewMs: performance.now() - started, answer: `${asked.status} ${body.error?.code}` };
      }
      for (;;) {
        const read = await api(`/tenants/${TENANT}/imports/${job.id}`);
        const body = (await read.json()) as {
          import: { status: string; summary?: { rows: number; valid: number }; error?: { code: string } };
        };
        if (body.import.status !== 'previewing') {
          const previewMs = performance.now() - started;
          const answer = body.import.error
            ? `202, then ${body.import.status} with ${body.import.error.code}`
            : `202, then ${body.import.status}: ${body.import.summary?.rows} rows, ${body.import.summary?.valid} valid`;
          return { previewMs, answer };
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })
    // The server before issue 19 could die of a bomb (V8's heap limit): that is the answer then.
    .catch(() => ({ previewMs: performance.now() - started, answer: 'server died (connection lost)' }))
    .finally(() => {
      previewing = false;
    });
  const waits: number[] = [];
  let due = performance.now();
  while (previewing) {
    const answered = await fetch(`${base}/api/v1/openapi.json`).then(
      (response) => response.arrayBuffer(),
      () => undefined,
    );
    if (!answered) break;
    const answeredAt = performance.now();
    waits.push(answeredAt - due);
    due = answeredAt + REQUEST_EVERY_MS;
    await new Promise((resolve) => setTimeout(resolve, REQUEST_EVERY_MS));
  }
  const { previewMs, answer } = await preview;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, rssMiB(pid));
  return {
    file,
    sizeKb: Math.round(bytes.length / 1024),
    previewMs: Math.round(previewMs),
    answer,
    rssGrowthMiB: Math.round(rssPeak - rssBefore),
    concurrentP50Ms: Math.round(percentile(waits, 0.5)),
    concurrentMaxMs: Math.round(Math.max(0, ...waits)),
    concurrentRequests: waits.length,
  };
}

async function startChild(config: DataConfig) {
  return startBenchServer(fileURLToPath(import.meta.url), { BENCH_CONFIG: JSON.stringify(config) });
}

async function main(): Promise<void> {
  const stack = await startLocalStack();
  let child: ChildProcess | undefined;
  try {
    await seedDemoData(new ScopedClientFactory(stack.config), officialAreas());
    const started = await startChild(stack.config);
    child = started.child;
    const pid = child.pid ?? 0;
    const login = await fetch(`${started.url}/api/v1/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin.3522@demo.local' }),
    });
    const { token } = (await login.json()) as { token: string };

    const importRow = (row: number, column: number) =>
      [`Inovasi Bench ${row + 1}`, 'Dinas Kesehatan', 'Penerapan', 'Kesehatan'][column - 1] ??
      `catatan ${row + 1}-${column}`;
    const header = ['Nama Inovasi', 'Nama OPD', 'Tahapan', 'Urusan'];
    const extra = Array.from({ length: 90 }, (_, index) => `Catatan ${index + 1}`);
    const files: [string, Buffer][] = [
      ['normal (200 rows x 4 columns)', await buildXlsx({ rows: 200, columns: 4, header, value: importRow })],
      [
        'large legitimate (2,000 rows x 94 columns)',
        await buildXlsx({ rows: 2_000, columns: 94, header: [...header, ...extra], value: importRow }),
      ],
      ['bomb, 2 million addressed cells', await addressedBomb()],
      ['bomb of issue 19, 4 million cells', await issue19Bomb()],
      [
        'false dimension (A1:A1), 210,000 cells',
        await buildXlsx({
          rows: 2_100,
          columns: 100,
          declaredRef: 'A1:A1',
          value: (row, column) => row * 1000 + column,
        }),
      ],
    ];
    // Warm: the first preview loads the spreadsheet modules (and, here, has tsx compile them).
    await measure(
      started.url,
      token,
      pid,
      'warm-up',
      await buildXlsx({ rows: 5, columns: 4, header, value: importRow }),
    );
    const results: Measured[] = [];
    for (const [name, bytes] of files) {
      const result = await measure(started.url, token, pid, name, bytes);
      results.push(result);
      if (result.answer.startsWith('server died')) break;
      console.log(
        `${name}: ${result.sizeKb} KB; preview ${result.previewMs} ms -> ${result.answer}; server RSS +${result.rssGrowthMiB} MiB; ` +
          `openapi.json meanwhile: ${result.concurrentRequests} requests, p50 ${result.concurrentP50Ms} ms, max ${result.concurrentMaxMs} ms`,
      );
    }
    console.log(
      '\n| file | size | preview | answer | server RSS growth | concurrent openapi.json p50 / max |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const result of results) {
      console.log(
        `| ${result.file} | ${result.sizeKb} KB | ${result.previewMs} ms | ${result.answer} | +${result.rssGrowthMiB} MiB | ${result.concurrentP50Ms} / ${result.concurrentMaxMs} ms |`,
      );
    }
  } finally {
    child?.kill('SIGTERM');
    await stack.stop();
  }
}

if (process.argv.includes('--server')) await serve();
else await main();
