/**
 * Export benchmark: the national-entry pack of a region on the local stack (DynamoDB Local and
 * s3rver on loopback), at two sizes, to show that it streams: evidence files go from S3 into the
 * ZIP and the ZIP goes to S3 in parts, so memory does not grow with the pack. Run from the
 * repository root:
 *
 *   npx tsx test/bench/exports.ts
 *
 * `EXPORTS_BENCH_SIZES` sets the packs as `<innovations>x<files>` pairs (default `30x300,300x3000`),
 * `EXPORTS_BENCH_FILE_KB` the size of each evidence file (default 200). Each pack is built by the
 * same job function the worker runs, in a fresh child process whose V8 heap is capped at
 * `EXPORTS_BENCH_HEAP_MB` (default 128), so its peak RSS is its own. Evidence is seeded in bulk in
 * the stored shape (intake has its own benchmark). It starts and stops its own stack (a child is
 * killed after 15 minutes), and exits non-zero when a pack fails, misses a file, or the larger
 * pack's peak RSS exceeds the smaller's by more than `EXPORTS_BENCH_MAX_GROWTH_MB` (default 96,
 * the allowance the evidence benchmark uses for allocator noise).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { officialAreas } from '@inovasi/app/areas';
import { type JobRef, runBackgroundJob } from '@inovasi/app/jobs/background';
import {
  type Actor,
  type Evidence,
  type EvidenceKind,
  type EvidenceTarget,
  evidenceSchema,
} from '@inovasi/core';
import {
  type DataConfig,
  evidenceKeys,
  evidenceObjectKey,
  onboardingScope,
  platformRepositoryFor,
  repositoriesFor,
  ScopedClientFactory,
  tenantScope,
} from '@inovasi/data';
import { sha256Hex, startLocalStack, textPdf } from '@inovasi/local';

const YEAR = 2026;
const FILE_BYTES = Number(process.env.EXPORTS_BENCH_FILE_KB ?? 200) * 1024;
const MAX_GROWTH_MB = Number(process.env.EXPORTS_BENCH_MAX_GROWTH_MB ?? 96);
/**
 * The V8 old-space limit of each pack's process. A pack that held its files (or its ZIP) would
 * need hundreds of MB and die here; without a limit, V8 lets garbage pile up before collecting and
 * the peak then says more about the collector's timing than about the job.
 */
const HEAP_LIMIT_MB = Number(process.env.EXPORTS_BENCH_HEAP_MB ?? 128);
const SIZES = (process.env.EXPORTS_BENCH_SIZES ?? '30x300,300x3000').split(',').map((pair) => {
  const [innovations, files] = pair.split('x').map(Number);
  if (!innovations || !files || files % innovations !== 0) throw new Error(`bad size ${pair}`);
  return { innovations, files };
});
/** Regencies the packs are built for, one per size. */
const REGIONS = ['35.22', '35.23', '35.24', '35.25'];
const SEED_CONCURRENCY = Number(process.env.EXPORTS_BENCH_SEED_CONCURRENCY ?? 16);
const KINDS: readonly EvidenceKind[] = ['sk', 'perkada', 'laporan', 'sop', 'rkpd'];

const mb = (bytes: number) => bytes / (1024 * 1024);

interface ChildResult {
  readonly outcome: string;
  readonly durationMs: number;
  readonly baselineRssMb: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
}

/** The child: runs one job exactly as the worker would, and reports its own time and memory. */
async function child(): Promise<void> {
  const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as DataConfig;
  const ref = JSON.parse(process.env.BENCH_REF ?? '{}') as JobRef;
  const data = new ScopedClientFactory(config);
  const logger = new Logger({ serviceName: 'exports-bench', logLevel: 'SILENT' });
  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const started = performance.now();
  const outcome = await runBackgroundJob({ data, logger }, ref);
  const durationMs = performance.now() - started;
  clearInterval(sampler);
  const result: ChildResult = {
    outcome,
    durationMs,
    baselineRssMb: mb(baselineRss),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: mb(peakHeap),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        if (item !== undefined) await work(item);
      }
    }),
  );
}

/** A region with `innovations` ready innovations, each with `files / innovations` evidence PDFs. */
async function seedRegion(data: ScopedClientFactory, code: string, innovations: number, files: number) {
  const area = await officialAreas().find(code);
  if (!area) throw new Error(`${code} is not an official area`);
  await platformRepositoryFor(data.forScope(onboardingScope(code))).onboard(area);
  const clients = data.forScope(tenantScope(code));
  const actor: Actor = {
    userId: 'bench-admin',
    email: 'bench@local',
    tenantCode: code,
    roles: ['tenant_admin'],
  };
  const opds = repositoriesFor(clients).opds;
  const opdIds: string[] = [];
  for (let index = 0; index < 10; index++) {
    opdIds.push((await opds.create({ name: `Dinas Uji ${index + 1}`, kind: 'dinas' })).id);
  }
  const repository = repositoriesFor(clients).innovations;
  const perInnovation = files / innovations;
  const targets: { innovationId: string; indicator: string; index: number }[] = [];
  await pool(
    Array.from({ length: innovations }, (_, index) => index),
    SEED_CONCURRENCY,
    async (index) => {
      const { innovation } = await repository.create(
        {
          opdId: opdIds[index % opdIds.length] ?? '',
          periodYear: YEAR,
          profile: {
            name: `Inovasi Layanan Uji Nomor ${index + 1}`,
            stage: 'penerapan',
            kind: 'digital',
            form: 'pelayanan_publik',
            urusanMain: 'kesehatan',
            implementationDate: '2024-03-04',
            tujuan: 'Mempercepat layanan bagi warga.',
          },
        },
        actor,
      );
      const codes = Array.from({ length: Math.min(20, perInnovation) }, (_, k) => `sid.${16 + k}`);
      const answers = Object.fromEntries(
        codes.map((indicator) => [
          indicator,
          { level: 2, updatedAt: new Date().toISOString(), updatedBy: actor.userId },
        ]),
      );
      const answered = await repository.setAnswers(innovation.id, innovation.version, actor, answers);
      await repository.setStatus(answered, answered.version, actor, 'ready', {}, 'bench.ready');
      for (let k = 0; k < perInnovation; k++) {
        targets.push({
          innovationId: innovation.id,
          indicator: codes[k % codes.length] ?? 'sid.16',
          index: k,
        });
      }
    },
  );
  // Evidence that passed intake, written in bulk in the shape EvidenceRepository stores it (intake
  // itself has its own benchmark, test/bench/evidence.ts): one object and one item per file, each
  // linked to one indicator answer. The pack then reads it through the repository like any other.
  const now = new Date().toISOString();
  const items: Record<string, unknown>[] = [];
  await pool(targets, SEED_CONCURRENCY, async (target) => {
    const bytes = textPdf({ lines: [`Data dukung ${target.indicator}`], padToBytes: FILE_BYTES });
    const id = randomUUID().replaceAll('-', '');
    const fileName = `dokumen-${target.index + 1}.pdf`;
    const sha256 = sha256Hex(bytes);
    await (await clients.objects()).client.send(
      new PutObjectCommand({
        Bucket: clients.config.bucketName,
        Key: evidenceObjectKey(code, id, fileName),
        Body: bytes,
        ContentType: 'application/pdf',
      }),
    );
    const evidence: Evidence = evidenceSchema.parse({
      id,
      tenantCode: code,
      source: 'upload',
      kind: KINDS[target.index % KINDS.length] ?? 'sk',
      title: `Dokumen ${target.indicator} nomor ${target.index + 1}`,
      fileName,
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256,
      fileKind: 'pdf',
      public: false,
      status: 'passed',
      intake: {
        checkedAt: now,
        checkedBy: 'api',
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256,
        textLayer: true,
        findings: [],
      },
      linkedCodes: { [target.indicator]: 1 },
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    const link: EvidenceTarget = {
      type: 'innovation',
      innovationId: target.innovationId,
      indicator: target.indicator,
    };
    items.push(
      {
        ...evidenceKeys.item(code, id),
        ...evidenceKeys.itemIndex(code, now, id, sha256),
        ...evidence,
        objectKey: evidenceObjectKey(code, id, fileName),
        fingerprint: sha256,
      },
      {
        ...evidenceKeys.link(code, id, link),
        ...evidenceKeys.linkIndex(code, id, link),
        evidenceId: id,
        target: link,
        linkedAt: now,
        linkedBy: actor.userId,
      },
    );
  });
  for (let start = 0; start < items.length; start += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [clients.config.tableName]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    for (let attempt = 0; request && Object.keys(request).length > 0 && attempt < 10; attempt++) {
      const result = await clients.table.send(new BatchWriteCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  }
  return { actor, bytes: targets.length * FILE_BYTES };
}

function runChild(config: DataConfig, ref: JobRef): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        `--max-old-space-size=${HEAP_LIMIT_MB}`,
        fileURLToPath(import.meta.url),
        '--child',
      ],
      {
        env: { ...process.env, BENCH_CONFIG: JSON.stringify(config), BENCH_REF: JSON.stringify(ref) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => process_.kill('SIGKILL'), 15 * 60 * 1000);
    process_.on('error', reject);
    process_.on('exit', (code) => {
      clearTimeout(timer);
      const line = output.split('\n').find((candidate) => candidate.startsWith('RESULT '));
      if (code !== 0 || !line) return reject(new Error(`child exited with ${code}: ${output}`));
      resolve(JSON.parse(line.slice('RESULT '.length)) as ChildResult);
    });
  });
}

async function main(): Promise<void> {
  if (SIZES.length > REGIONS.length) throw new Error(`at most ${REGIONS.length} sizes`);
  console.log(
    `Exports benchmark: national-entry packs of ${SIZES.map((size) => `${size.innovations} innovations / ${size.files} files`).join(' and ')}, ${FILE_BYTES / 1024} KB per file, Node ${process.version}`,
  );
  const stack = await startLocalStack();
  try {
    const data = new ScopedClientFactory(stack.config);
    const rows: string[] = [];
    const results: ChildResult[] = [];
    for (const [index, size] of SIZES.entries()) {
      const code = REGIONS[index] ?? '35.22';
      const seedStarted = performance.now();
      const { actor, bytes } = await seedRegion(data, code, size.innovations, size.files);
      console.log(`  ${code}: seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
      const jobs = repositoriesFor(data.forScope(tenantScope(code))).exportJobs;
      const { job } = await jobs.request({ kind: 'national_pack', periodYear: YEAR }, actor);
      const result = await runChild(stack.config, { type: 'export', tenantCode: code, id: job.id });
      const finished = await jobs.get(job.id);
      if (result.outcome !== 'done' || finished?.status !== 'done') {
        throw new Error(`pack ${code} did not finish: ${result.outcome} ${JSON.stringify(finished?.error)}`);
      }
      if (finished.result?.files !== size.files || finished.result.missingFiles !== 0) {
        throw new Error(`pack ${code} holds ${finished.result?.files} files, expected ${size.files}`);
      }
      results.push(result);
      const seconds = result.durationMs / 1000;
      rows.push(
        `| ${size.innovations} innovations / ${size.files.toLocaleString('en')} files | ${mb(bytes).toFixed(0)} MB | ${mb(finished.result.size).toFixed(0)} MB | ${seconds.toFixed(1)} s | ${(mb(finished.result.size) / seconds).toFixed(0)} MB/s | ${result.baselineRssMb.toFixed(0)} MB | **${result.peakRssMb.toFixed(0)} MB** | ${result.peakHeapMb.toFixed(0)} MB |`,
      );
    }
    console.log('');
    console.log('| pack | evidence | ZIP | duration | throughput | RSS before | peak RSS | peak heap |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(row);
    const growth = (results.at(-1)?.peakRssMb ?? 0) - (results[0]?.peakRssMb ?? 0);
    console.log('');
    console.log(
      `Peak RSS grows by ${growth.toFixed(0)} MB from the smallest to the largest pack (limit ${MAX_GROWTH_MB} MB).`,
    );
    if (growth > MAX_GROWTH_MB) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

if (process.argv.includes('--child')) await child();
else await main();
