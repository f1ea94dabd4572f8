/**
 * Summaries from the change stream (docs/decisions/0018), measured on the local stack (DynamoDB
 * Local and s3rver on loopback, a throwaway stack of its own, the summary projector driven by the
 * stream poller exactly as `pnpm start` runs it):
 *
 *   npx tsx test/bench/projector.ts
 *
 * 1. DynamoDB requests of one saved answer, one innovation edit and one review (accepted, which
 *    reads the answer's evidence, and returned), in a region of 100 and of 1,000 innovations: at
 *    most 4 each, and the same at both sizes (the write no longer recomputes anything).
 * 2. Saving an answer over HTTP: p50 at most 3× the p50 of reading the same innovation, one run.
 * 3. A change visible in the region's summary within 2 s p95 (from the write's answer to the stored
 *    summary showing it), over 100 sequential writes.
 * 4. A burst of 100 edits of one region leads to at most 5 recomputes of it.
 *
 * Every figure is printed with its target and PASS/FAIL; the process exits non-zero if any fails.
 * Bounded: a fixed number of requests, a global time limit, and it stops what it started.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Logger } from '@aws-lambda-powertools/logger';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createApp } from '@inovasi/api';
import { startServer } from '@inovasi/api/server';
import { officialAreas } from '@inovasi/app/areas';
import { demoIdentity } from '@inovasi/app/identity/local-tokens';
import { defaultAssessmentYear } from '@inovasi/core';
import {
  createTableClient,
  keys,
  repositoriesFor,
  ScopedClientFactory,
  type ScopedClients,
  tenantScope,
} from '@inovasi/data';
import { seedDemoData, startLocalStack, startSummaryProjection } from '@inovasi/local';
import { copyId, growRegion } from './grow-region.ts';

const TENANT = '35.22';
const SIZES = [100, 1_000] as const;
const YEAR = defaultAssessmentYear();
const TIME_LIMIT_MS = 15 * 60_000;
const LATENCY_SAMPLES = 200;
const VISIBILITY_WRITES = 100;
const BURST_EDITS = 100;
const BURST_CONCURRENCY = 8;
/** The copies' ids (test/bench/grow-region.ts), so the benchmark can delete them again. */
const COPY_PREFIX = '01PROJ';
/** A 1×1 PNG: the evidence an accepted review needs. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const watchdog = setTimeout(() => {
  console.error(`projector bench: gave up after ${TIME_LIMIT_MS / 60_000} minutes`);
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

const percentile = (values: readonly number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
};

/** DynamoDB requests of the request being measured: every table request of the app's clients. */
const metered = new AsyncLocalStorage<{ requests: number; commands: string[] }>();
function meter(clients: ScopedClients): void {
  clients.table.middlewareStack.add(
    (next, context) => async (args) => {
      const usage = metered.getStore();
      if (usage) {
        usage.requests += 1;
        usage.commands.push(String(context.commandName).replace(/Command$/, ''));
      }
      return next(args);
    },
    { step: 'initialize', name: 'projectorBenchMeter', priority: 'high' },
  );
}

/** Sends over node:http with a keep-alive agent (the SDK's own transport); answers status and body. */
function send(
  agent: Agent,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; text: string; etag: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = request(
      url,
      {
        agent,
        method,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            etag: String(response.headers.etag ?? ''),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
async function main() {
  const stack = await startLocalStack();
  const areas = officialAreas();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const silent = new Logger({ serviceName: 'projector-bench', logLevel: 'SILENT' });
  const recomputes: number[] = [];
  let projector: ReturnType<typeof startSummaryProjection> | undefined;
  try {
    await seedDemoData(new ScopedClientFactory(stack.config), areas);
    // From here on, as `pnpm start` runs it; the seed wrote its own summaries.
    projector = startSummaryProjection({
      config: stack.config,
      data: new ScopedClientFactory(stack.config),
      logger: silent,
      startAt: 'latest',
      onRegionProjected: (projected) => {
        if (projected.tenantCode === TENANT) recomputes.push(Date.now());
      },
    });
    await projector.ready;
    const deps = {
      mode: 'local' as const,
      data: new ScopedClientFactory(stack.config, { instrument: meter }),
      ...(await demoIdentity()),
      areas,
      logger: silent,
      rateLimits: false as const,
    };
    const app = createApp(deps);
    const call = async (method: string, path: string, token: string, body?: unknown, etag?: string) => {
      const usage = { requests: 0, commands: [] as string[] };
      const response = await metered.run(usage, () =>
        app.request(`/api/v1${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(etag ? { 'if-match': etag } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
      const text = await response.text();
      if (response.status >= 300)
        throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
      return {
        json: JSON.parse(text || '{}'),
        etag: response.headers.get('etag') ?? '',
        requests: usage.requests,
        commands: usage.commands,
      };
    };
    const login = async (email: string) =>
      (await call('POST', '/dev/login', '', { email })).json.token as string;
    const admin = await login('admin.3522@demo.local');
    const verifier = await login('verifikator.3522@demo.local');
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const period = await app.request(`/api/v1/tenants/${TENANT}/periods/${YEAR}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    if (period.status === 404) {
      await call('POST', `/tenants/${TENANT}/periods`, admin, {
        year: YEAR,
        internalDeadline: inDays(60),
        nationalDeadline: inDays(120),
      });
    }
    const opds = await call('GET', `/tenants/${TENANT}/opds`, admin);
    const opdId = opds.json.items[0].id as string;

    // 1. Requests per write, at each size.
    const perWrite = new Map<string, number[]>();
    for (const size of SIZES) {
      await growRegion(stack.config, {
        tenant: TENANT,
        size,
        idPrefix: COPY_PREFIX,
        name: (n) => `Inovasi salinan ${n}`,
        periodYear: YEAR,
      });
      await projector.caughtUp(120_000);
      // Member records are cached for 60 s; growing the region takes longer. Counted is the write's
      // own requests, as in steady use, so each caller's record is read (unmeasured) just before.
      await call('GET', '/me', admin);
      const created = await call('POST', `/tenants/${TENANT}/innovations`, admin, {
        opdId,
        profile: { name: `Inovasi ukur ${size}` },
      });
      const id = created.json.id as string;
      const edited = await call(
        'PATCH',
        `/tenants/${TENANT}/innovations/${id}`,
        admin,
        { profile: { name: `Inovasi ukur ${size} (revisi)` } },
        created.etag,
      );
      const answered = await call(
        'PUT',
        `/tenants/${TENANT}/innovations/${id}/answers/sid.16`,
        admin,
        { level: 2 },
        edited.etag,
      );
      // Not measured: a second answer (to return), and evidence that passed intake for the first
      // (a verifier accepts only an answer backed by it).
      const second = await call(
        'PUT',
        `/tenants/${TENANT}/innovations/${id}/answers/sid.17`,
        admin,
        { level: 1 },
        answered.etag,
      );
      const upload = await call('POST', `/tenants/${TENANT}/evidence/uploads`, admin, {
        kind: 'foto',
        title: `Foto kegiatan ${size}`,
        fileName: 'kegiatan.png',
        mediaType: 'image/png',
        size: PNG.length,
        sha256: createHash('sha256').update(PNG).digest('hex'),
      });
      await fetch(upload.json.upload.url, { method: 'PUT', headers: upload.json.upload.headers, body: PNG });
      const evidenceId = upload.json.evidence.id as string;
      await call('POST', `/tenants/${TENANT}/evidence/${evidenceId}/complete`, admin);
      await call('POST', `/tenants/${TENANT}/evidence/${evidenceId}/links`, admin, {
        type: 'innovation',
        innovationId: id,
        indicator: 'sid.16',
      });
      const submitted = await call(
        'POST',
        `/tenants/${TENANT}/innovations/${id}/transitions`,
        admin,
        { action: 'submit' },
        second.etag,
      );
      await call('GET', '/me', verifier);
      const accepted = await call(
        'POST',
        `/tenants/${TENANT}/innovations/${id}/answers/sid.16/review`,
        verifier,
        { status: 'accepted' },
        submitted.etag,
      );
      const returned = await call(
        'POST',
        `/tenants/${TENANT}/innovations/${id}/answers/sid.17/review`,
        verifier,
        { status: 'returned', note: 'Lengkapi data dukung.' },
        accepted.etag,
      );
      for (const [name, requests] of [
        ['innovation edit (PATCH)', edited.requests],
        ['saved answer (PUT …/answers/{indicator})', answered.requests],
        ['accepted review (POST …/review)', accepted.requests],
        ['returned review (POST …/review)', returned.requests],
      ] as const) {
        perWrite.set(name, [...(perWrite.get(name) ?? []), requests]);
      }
      console.log(
        `${size} innovations: edit ${edited.requests} (${edited.commands.join(', ')}), answer ${answered.requests} (${answered.commands.join(', ')}), accepted review ${accepted.requests} (${accepted.commands.join(', ')}), returned review ${returned.requests} (${returned.commands.join(', ')}) DynamoDB requests`,
      );
    }
    for (const [name, counts] of perWrite) {
      const same = counts.every((count) => count === counts[0]);
      record(
        `DynamoDB requests per ${name} at ${SIZES.join(' / ')} innovations`,
        counts.join(' / '),
        '≤ 4, the same at both sizes',
        same && counts.every((count) => count <= 4),
      );
    }

    // 2. Latency over HTTP: saving an answer against reading the same innovation (unmetered).
    server = await startServer({ ...deps, data: new ScopedClientFactory(stack.config) }, { port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const headers = { authorization: `Bearer ${admin}` };
    const fresh = await call('POST', `/tenants/${TENANT}/innovations`, admin, {
      opdId,
      profile: { name: 'Inovasi ukur latensi' },
    });
    const itemUrl = `${server.url}/api/v1/tenants/${TENANT}/innovations/${fresh.json.id}`;
    let etag = fresh.etag;
    const reads: number[] = [];
    const saves: number[] = [];
    for (let n = 0; n < 20; n++) await send(agent, 'GET', itemUrl, headers);
    for (let n = 0; n < LATENCY_SAMPLES; n++) {
      let started = performance.now();
      await send(agent, 'GET', itemUrl, headers);
      reads.push(performance.now() - started);
      started = performance.now();
      const saved = await send(
        agent,
        'PUT',
        `${itemUrl}/answers/sid.16`,
        { ...headers, 'if-match': etag },
        { level: (n % 3) + 1 },
      );
      saves.push(performance.now() - started);
      if (saved.status !== 200) throw new Error(`answer save: ${saved.status} ${saved.text.slice(0, 200)}`);
      etag = saved.etag;
    }
    agent.destroy();
    const readP50 = percentile(reads, 0.5);
    const saveP50 = percentile(saves, 0.5);
    console.log(
      `HTTP at ${SIZES.at(-1)} innovations: read p50 ${readP50.toFixed(1)} ms p95 ${percentile(reads, 0.95).toFixed(1)} ms; answer save p50 ${saveP50.toFixed(1)} ms p95 ${percentile(saves, 0.95).toFixed(1)} ms`,
    );
    record(
      'answer save p50 / innovation read p50 (HTTP, one run)',
      `${(saveP50 / readP50).toFixed(2)}× (${saveP50.toFixed(1)} / ${readP50.toFixed(1)} ms)`,
      '≤ 3×',
      saveP50 <= 3 * readP50,
    );
    await projector.caughtUp(120_000);

    // 3. and 4. at the typical size: shrink the period back to 100 innovations by archiving the copies.
    const table = createTableClient(stack.config);
    for (let start = SIZES[0]; start < SIZES[1]; start += 25) {
      const batch = Array.from({ length: Math.min(25, SIZES[1] - start) }, (_, offset) => start + offset);
      await table.send(
        new BatchWriteCommand({
          RequestItems: {
            [stack.config.tableName]: batch.map((n) => ({
              DeleteRequest: { Key: keys.innovation(TENANT, copyId(COPY_PREFIX, n)) },
            })),
          },
        }),
      );
    }
    table.destroy();
    await projector.caughtUp(120_000);
    const summaries = repositoriesFor(
      new ScopedClientFactory(stack.config).forScope(tenantScope(TENANT, true)),
    ).summaries;
    const total = async () => (await summaries.get(YEAR))?.innovations.total ?? -1;
    const lags: number[] = [];
    const drafts: { id: string; etag: string }[] = [];
    let expected = await total();
    for (let n = 0; n < VISIBILITY_WRITES; n++) {
      const created = await call('POST', `/tenants/${TENANT}/innovations`, admin, {
        opdId,
        profile: { name: `Inovasi lihat ${n}` },
      });
      drafts.push({ id: created.json.id, etag: created.etag });
      const answered = performance.now();
      expected += 1;
      while ((await total()) < expected) {
        if (performance.now() - answered > 30_000) throw new Error(`write ${n} not visible after 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      lags.push(performance.now() - answered);
    }
    const lagP95 = percentile(lags, 0.95);
    console.log(
      `visibility over ${VISIBILITY_WRITES} writes (~${expected} innovations): p50 ${percentile(lags, 0.5).toFixed(0)} ms, p95 ${lagP95.toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms`,
    );
    record(
      `change visible in the summary, p95 over ${VISIBILITY_WRITES} writes`,
      `${lagP95.toFixed(0)} ms`,
      '≤ 2,000 ms',
      lagP95 <= 2_000,
    );

    // 4. A burst of edits of one region: the drafts just created, each edited once.
    const targets = drafts.slice(0, BURST_EDITS);
    await projector.caughtUp(120_000);
    const before = recomputes.length;
    const started = performance.now();
    const queue = [...targets.entries()];
    await Promise.all(
      Array.from({ length: BURST_CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [n, target] = next;
          await call(
            'PATCH',
            `/tenants/${TENANT}/innovations/${target.id}`,
            admin,
            { profile: { name: `Inovasi serbu ${n}` } },
            target.etag,
          );
        }
      }),
    );
    const burstMs = performance.now() - started;
    await projector.caughtUp(120_000);
    const burstRecomputes = recomputes.length - before;
    console.log(
      `burst: ${targets.length} edits in ${(burstMs / 1000).toFixed(1)} s, ${burstRecomputes} recomputes of ${TENANT}`,
    );
    record(
      `recomputes after a burst of ${targets.length} edits (${(burstMs / 1000).toFixed(1)} s)`,
      String(burstRecomputes),
      '≤ 5',
      burstRecomputes <= 5 && targets.length === BURST_EDITS,
    );
    record(
      'stream records set aside',
      String(projector.deadLetters.length),
      '0',
      projector.deadLetters.length === 0,
    );
  } finally {
    await server?.stop();
    await projector?.stop();
    await stack.stop();
  }
}

await main();
console.log('\n| measurement | value | target | |\n|---|---|---|---|');
for (const figure of figures) {
  console.log(`| ${figure.name} | ${figure.value} | ${figure.target} | ${figure.pass ? 'PASS' : 'FAIL'} |`);
}
const failed = figures.filter((figure) => !figure.pass);
process.exit(failed.length > 0 ? 1 : 0);
