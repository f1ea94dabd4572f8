/**
 * Oversight benchmark: a province with 38 regencies and cities × 300 innovations on the local stack
 * (DynamoDB Local and s3rver on loopback). It measures the province cockpit through the HTTP API —
 * DynamoDB requests and consumed read capacity per load (target: one query, ≤ 10 RCU) and its
 * latency — and what keeping one regency's summary current costs (one recompute). Run from the
 * repository root:
 *
 *   npx tsx test/bench/oversight.ts
 *
 * `OVERSIGHT_BENCH_INNOVATIONS` changes the innovations per regency (default 300). It starts and
 * stops its own stack and server, sends a bounded number of requests, and exits non-zero if a
 * target is missed.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startServer } from '@inovasi/api/server';
import { officialAreas } from '@inovasi/app/areas';
import { demoIdentity } from '@inovasi/app/identity/local-tokens';
import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { refreshSummary } from '@inovasi/app/summaries/compute';
import type { Innovation, StoredIndicatorAnswer, StoredSpdAnswer } from '@inovasi/core';
import { getRubric, KEMANFAATAN_CODE } from '@inovasi/core/scoring';
import {
  evidenceKeys,
  innovationIndexKeys,
  keys,
  memberAdminScope,
  onboardingScope,
  platformRepositoryFor,
  repositoriesFor,
  ScopedClientFactory,
  type ScopedClients,
  tenantScope,
} from '@inovasi/data';
import { startLocalStack } from '@inovasi/local';

const PROVINCE = '35';
const YEAR = 2026;
const INNOVATIONS = Number(process.env.OVERSIGHT_BENCH_INNOVATIONS ?? 300);
/** Regencies that also get evidence: one passed item linked to each of two in three answers. */
const EVIDENCE_REGENCIES = Number(process.env.OVERSIGHT_BENCH_EVIDENCE_REGENCIES ?? 2);
const WARMUP_REQUESTS = 20;
const MEASURED_REQUESTS = 300;
const TARGET_REQUESTS = 1;
const TARGET_RCU = 10;
const TARGET_P95_MS = 100;
const SEEDED_AT = '2026-03-02T08:00:00.000Z';
/** On-demand prices in us-east-1 (USD per million request units); Jakarta is somewhat dearer. */
const PRICE_READ = 0.125;
const PRICE_WRITE = 0.625;

/** DynamoDB requests and consumed capacity of everything the factory's clients send. */
class Meter {
  requests = 0;
  commands: string[] = [];
  read = 0;
  write = 0;
  reset() {
    this.requests = 0;
    this.commands = [];
    this.read = 0;
    this.write = 0;
  }
  readonly instrument = (clients: ScopedClients) => {
    clients.table.middlewareStack.add(
      // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        input.ReturnConsumedCapacity = 'TOTAL';
        this.requests += 1;
        this.commands.push(String(context.commandName).replace(/Command$/, ''));
        const result = await next(args);
        const output = result.output as { ConsumedCapacity?: unknown };
        const entries = Array.isArray(output.ConsumedCapacity)
          ? output.ConsumedCapacity
          : output.ConsumedCapacity
            ? [output.ConsumedCapacity]
            : [];
        for (const entry of entries as {
          CapacityUnits?: number;
          ReadCapacityUnits?: number;
          WriteCapacityUnits?: number;
        }[]) {
          const units = entry.CapacityUnits ?? 0;
          if (
            entry.WriteCapacityUnits !== undefined ||
            /Put|Update|Delete|Write/.test(String(context.commandName))
          ) {
            this.write += entry.WriteCapacityUnits ?? units;
          } else this.read += entry.ReadCapacityUnits ?? units;
        }
        return result;
      },
      { step: 'initialize', name: 'benchMeter' },
    );
  };
}

/** Seeded pseudo-random numbers, so every run seeds the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPDS = [
  'dinkes',
  'disdik',
  'dpupr',
  'dinsos',
  'bappeda',
  'dpmptsp',
  'kecamatan',
  'puskesmas',
  'rsud',
  'dukcapil',
];
const URUSAN = [
  'kesehatan',
  'pendidikan',
  'pupr',
  'perkim',
  'trantibumlinmas',
  'sosial',
  'statistik',
  'penanaman_modal',
];
const STATUSES: Innovation['status'][] = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'verified',
  'ready',
  'sent',
];
const NAME_WORDS = [
  'Layanan',
  'Gerakan',
  'Sistem',
  'Desa',
  'Sehat',
  'Cerdas',
  'Terpadu',
  'Digital',
  'Jemput',
  'Bola',
  'Warga',
  'Mandiri',
];
const DESIGN = Array.from(
  { length: 320 },
  (_, index) => ['warga', 'layanan', 'petugas', 'data', 'desa'][index % 5],
).join(' ');

function innovationsOf(code: string, rubric: ReturnType<typeof getRubric>, count: number): Innovation[] {
  const next = random(Number(code.replace('.', '')));
  return Array.from({ length: count }, (_, index) => {
    const id = `${code.replace('.', '')}${String(index).padStart(6, '0')}`.padEnd(12, '0');
    const opd = OPDS[index % OPDS.length] ?? 'dinkes';
    const answers: Record<string, StoredIndicatorAnswer> = {};
    for (const indicator of rubric.sidIndicators) {
      const level = Math.floor(next() * 4);
      if (level === 0) continue;
      answers[indicator.code] = {
        level: level as 1 | 2 | 3,
        ...(indicator.code === KEMANFAATAN_CODE ? { basis: 'a' as const } : {}),
        updatedAt: SEEDED_AT,
        updatedBy: `u-${code}-opd`,
        ...(next() < 0.5
          ? { review: { status: 'accepted' as const, by: `u-${code}-verifikator`, at: SEEDED_AT } }
          : {}),
      };
    }
    const name = `${NAME_WORDS[Math.floor(next() * NAME_WORDS.length)]} ${NAME_WORDS[Math.floor(next() * NAME_WORDS.length)]} ${index + 1}`;
    return {
      id,
      tenantCode: code,
      opdId: `opd-${opd}`,
      periodYear: YEAR,
      status: STATUSES[Math.floor(next() * STATUSES.length)] ?? 'draft',
      archived: false,
      version: 1,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      createdBy: `u-${code}-opd`,
      updatedBy: `u-${code}-opd`,
      profile: {
        name,
        stage: 'penerapan',
        initiator: 'opd',
        classification: 'perangkat_daerah',
        kind: next() < 0.5 ? 'digital' : 'non_digital',
        form: 'pelayanan_publik',
        urusanMain: URUSAN[Math.floor(next() * URUSAN.length)] as Innovation['profile']['urusanMain'],
        implementationDate: '2024-06-03',
        rancangBangun: DESIGN,
        tujuan: 'Mempercepat dan meratakan layanan kepada warga.',
        manfaat: 'Layanan lebih cepat dan mudah dijangkau.',
        hasil: 'Waktu layanan turun separuh menurut survei kepuasan.',
        budget: 150_000_000,
      },
      answers,
    };
  });
}

/** Evidence as intake leaves it: one passed PDF per answered indicator (two in three), linked to it. */
function evidenceOf(code: string, innovations: readonly Innovation[]): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  let counter = 0;
  for (const innovation of innovations) {
    for (const indicator of Object.keys(innovation.answers)) {
      counter += 1;
      if (counter % 3 === 0) continue;
      const id = `E${innovation.id}${indicator.replace('.', '')}`;
      const fingerprint = `${id}`.padEnd(64, '0').slice(0, 64).toLowerCase();
      const target = { type: 'innovation' as const, innovationId: innovation.id, indicator };
      items.push({
        ...evidenceKeys.item(code, id),
        ...evidenceKeys.itemIndex(code, SEEDED_AT, id, fingerprint),
        id,
        tenantCode: code,
        source: 'upload',
        kind: 'sk',
        title: `SK Kepala Daerah tentang ${innovation.profile.name}`,
        fileName: `sk-${id}.pdf`,
        mediaType: 'application/pdf',
        size: 184_320,
        sha256: fingerprint,
        fileKind: 'pdf',
        documentDate: '2025-03-01',
        public: false,
        status: 'passed',
        linkedCodes: { [indicator]: 1 },
        version: 2,
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        createdBy: `u-${code}-opd`,
        updatedBy: `u-${code}-opd`,
        objectKey: `tenants/${code}/evidence/${id}/sk-${id}.pdf`,
        fingerprint,
      });
      items.push({
        ...evidenceKeys.link(code, id, target),
        ...evidenceKeys.linkIndex(code, id, target),
        evidenceId: id,
        target,
        linkedAt: SEEDED_AT,
        linkedBy: `u-${code}-opd`,
      });
    }
  }
  return items;
}

async function batchWrite(clients: ScopedClients, items: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let request: Record<string, unknown>[] | undefined = items
      .slice(start, start + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; request && request.length > 0 && attempt < 10; attempt++) {
      const result = await clients.table.send(
        new BatchWriteCommand({ RequestItems: { [clients.config.tableName]: request as never } }),
      );
      request = result.UnprocessedItems?.[clients.config.tableName] as Record<string, unknown>[] | undefined;
    }
  }
}

const percentile = (values: readonly number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const median = (values: readonly number[]) => percentile(values, 0.5);

async function main(): Promise<void> {
  console.log(`Oversight benchmark: 38 regencies × ${INNOVATIONS} innovations, Node ${process.version}`);
  const stack = await startLocalStack();
  const meter = new Meter();
  let stopServer: (() => Promise<void>) | undefined;
  try {
    const data = new ScopedClientFactory(stack.config, { instrument: meter.instrument });
    const areas = officialAreas();
    const regencies = (await areas.list()).filter(
      (area) => area.kind !== 'provinsi' && area.provinceCode === PROVINCE,
    );
    const rubric = getRubric('iid-2026');

    const seeding = performance.now();
    let evidenceItems = 0;
    const province = await areas.find(PROVINCE);
    if (!province) throw new Error('province 35 missing from the area list');
    await platformRepositoryFor(data.forScope(onboardingScope(PROVINCE))).onboard(province, SEEDED_AT);
    await repositoriesFor(data.forScope(memberAdminScope(PROVINCE))).members.invite(
      { email: 'admin.35@bench.local', name: 'Admin Provinsi', roles: ['tenant_admin', 'province_viewer'] },
      { now: SEEDED_AT, id: 'u-35-admin' },
    );
    await Promise.all(
      regencies.map(async (area) => {
        await platformRepositoryFor(data.forScope(onboardingScope(area.code))).onboard(area, SEEDED_AT);
        const clients = data.forScope(tenantScope(area.code));
        const opds = repositoriesFor(clients).opds;
        for (const opd of OPDS)
          await opds.create({ name: `OPD ${opd}`, kind: 'dinas' }, SEEDED_AT, `opd-${opd}`);
        const spd: Record<string, StoredSpdAnswer> = {};
        for (const row of rubric.spdRows)
          spd[row.code] = { level: 2, updatedAt: SEEDED_AT, updatedBy: 'u-bench' };
        await repositoriesFor(clients).spd.save(YEAR, rubric.id, 0, spd);
        const innovations = innovationsOf(area.code, rubric, INNOVATIONS);
        await batchWrite(
          clients,
          innovations.map((innovation) => ({
            ...keys.innovation(area.code, innovation.id),
            ...innovationIndexKeys(area.code, innovation.opdId, innovation.createdAt, innovation.id),
            ...innovation,
          })),
        );
        if (regencies.indexOf(area) < EVIDENCE_REGENCIES) {
          const evidence = evidenceOf(area.code, innovations);
          await batchWrite(clients, evidence);
          evidenceItems += evidence.length / 2;
        }
      }),
    );
    console.log(
      `seeded ${regencies.length} regencies × ${INNOVATIONS} innovations (${evidenceItems} evidence items with their links in ${EVIDENCE_REGENCIES}) in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );

    // Keeping one regency current: a full recompute, as every write does.
    const recomputes: { ms: number; requests: number; read: number; write: number }[] = [];
    const withEvidence: typeof recomputes = [];
    for (const area of regencies) {
      meter.reset();
      const started = performance.now();
      await refreshSummary(data, area.code, YEAR);
      const entry = {
        ms: performance.now() - started,
        requests: meter.requests,
        read: meter.read,
        write: meter.write,
      };
      (regencies.indexOf(area) < EVIDENCE_REGENCIES ? withEvidence : recomputes).push(entry);
    }
    const province35 = await rebuildSummaries(data, { tenants: [PROVINCE], check: false });
    if (province35.failures.length > 0) throw new Error(province35.failures[0]?.error);

    const silent = new Logger({ serviceName: 'oversight-bench', logLevel: 'SILENT' });
    const server = await startServer(
      { mode: 'local', data, ...(await demoIdentity()), areas, logger: silent, rateLimits: false },
      { port: 0 },
    );
    stopServer = server.stop;
    const login = await fetch(`${server.url}/api/v1/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin.35@bench.local' }),
    });
    const { token } = (await login.json()) as { token: string };
    const cockpit = async () => {
      const response = await fetch(`${server.url}/api/v1/tenants/${PROVINCE}/oversight/${YEAR}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await response.text();
      if (response.status !== 200)
        throw new Error(`cockpit answered ${response.status}: ${body.slice(0, 200)}`);
      return body;
    };

    for (let i = 0; i < WARMUP_REQUESTS; i++) await cockpit();
    const latencies: number[] = [];
    const perLoad: { requests: number; read: number; commands: string[] }[] = [];
    let size = 0;
    let rows = 0;
    for (let i = 0; i < MEASURED_REQUESTS; i++) {
      meter.reset();
      const started = performance.now();
      const body = await cockpit();
      latencies.push(performance.now() - started);
      perLoad.push({ requests: meter.requests, read: meter.read, commands: [...meter.commands] });
      size = body.length;
      rows = (JSON.parse(body) as { rows: unknown[] }).rows.length;
    }

    const requests = Math.max(...perLoad.map((load) => load.requests));
    const rcu = Math.max(...perLoad.map((load) => load.read));
    const p95 = percentile(latencies, 0.95);
    const recompute = {
      ms: median(recomputes.map((entry) => entry.ms)),
      requests: median(recomputes.map((entry) => entry.requests)),
      read: median(recomputes.map((entry) => entry.read)),
      write: median(recomputes.map((entry) => entry.write)),
    };
    const costPerRecompute = (recompute.read * PRICE_READ + recompute.write * PRICE_WRITE) / 1_000_000;
    const evidenced = {
      ms: median(withEvidence.map((entry) => entry.ms)),
      requests: median(withEvidence.map((entry) => entry.requests)),
      read: median(withEvidence.map((entry) => entry.read)),
      write: median(withEvidence.map((entry) => entry.write)),
    };
    const costWithEvidence = (evidenced.read * PRICE_READ + evidenced.write * PRICE_WRITE) / 1_000_000;
    const rows_ = [
      ['cockpit rows', `${rows}`, '', ''],
      ['cockpit response size', `${(size / 1024).toFixed(1)} KB`, '', ''],
      [
        'DynamoDB requests per cockpit load',
        `${requests} (${perLoad[0]?.commands.join(', ')})`,
        `${TARGET_REQUESTS}`,
        (requests / TARGET_REQUESTS).toFixed(2),
      ],
      [
        'read capacity per cockpit load',
        `${rcu.toFixed(2)} RCU`,
        `≤ ${TARGET_RCU}`,
        (rcu / TARGET_RCU).toFixed(2),
      ],
      ['cockpit p50, sequential', ms(median(latencies)), '', ''],
      ['cockpit p95, sequential', ms(p95), `≤ ${TARGET_P95_MS} ms`, (p95 / TARGET_P95_MS).toFixed(2)],
      ['cockpit p99, sequential', ms(percentile(latencies, 0.99)), '', ''],
      [`one regency recompute, no evidence (median of ${recomputes.length})`, ms(recompute.ms), '', ''],
      ['  its DynamoDB requests', `${recompute.requests}`, '', ''],
      [
        '  its read / write capacity',
        `${recompute.read.toFixed(1)} RCU / ${recompute.write.toFixed(1)} WCU`,
        '',
        '',
      ],
      [
        '  its on-demand cost (us-east-1)',
        `$${costPerRecompute.toFixed(7)} (${Math.floor(1 / costPerRecompute).toLocaleString('en')} per US$1)`,
        '',
        '',
      ],
      [
        `one regency recompute, ${Math.round(evidenceItems / Math.max(1, EVIDENCE_REGENCIES))} evidence items`,
        ms(evidenced.ms),
        '',
        '',
      ],
      ['  its DynamoDB requests', `${evidenced.requests}`, '', ''],
      [
        '  its read / write capacity',
        `${evidenced.read.toFixed(1)} RCU / ${evidenced.write.toFixed(1)} WCU`,
        '',
        '',
      ],
      [
        '  its on-demand cost (us-east-1)',
        `$${costWithEvidence.toFixed(7)} (${Math.floor(1 / costWithEvidence).toLocaleString('en')} per US$1)`,
        '',
        '',
      ],
    ];
    console.log('');
    for (const [label, value, target, ratio] of rows_) {
      console.log(`${label?.padEnd(40)} ${value?.padEnd(34)} ${target?.padEnd(10)} ${ratio}`);
    }
    const missed =
      requests > TARGET_REQUESTS || rcu > TARGET_RCU || p95 > TARGET_P95_MS || rows !== regencies.length;
    if (missed) {
      console.error('\na target was missed');
      process.exitCode = 1;
    }
  } finally {
    await stopServer?.();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
