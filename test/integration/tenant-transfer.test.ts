import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { todayInJakarta } from '@inovasi/core';
import {
  createTableClient,
  exportTenant,
  importTenant,
  offboardTenant,
  readExport,
  TenantAlreadyPresentError,
  TransferFormatError,
} from '@inovasi/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../support/environment.ts';
import { snapshotStore } from '../support/snapshot.ts';

/**
 * The tested restore procedure for one tenant (docs/operations.md): export a tenant to a file
 * (Query-based, through guard-scoped clients, objects included), import it into an empty table,
 * and offboarding (export, then removal with an audit record). The export is compared with a
 * full read of the store, so a partition family it does not know yet fails here.
 */
const TENANT = '35.22';
const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'inovasi-transfer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let source: TestEnvironment;
let lines: string[];

/** The tenant's items as the oracle (a full read) sees them: its partitions and what it owns elsewhere. */
function belongsTo(key: string, value: string, tenant: string): boolean {
  const [, pk = '', sk = ''] = key.split(' ');
  if (!key.startsWith('item ')) return key.startsWith(`object tenants/${tenant}/`);
  if (pk.startsWith(`T#${tenant}#`) || pk.startsWith(`CATALOG#ENTRY#${tenant}#`)) return true;
  if (pk === 'PLATFORM#' && sk === `TENANT#${tenant}`) return true;
  if (pk.startsWith('LOGIN#')) return (JSON.parse(value) as { tenantCode?: string }).tenantCode === tenant;
  if (pk.startsWith('PROV#') || pk.startsWith('NATIONAL#')) return sk.startsWith(`R#${tenant}#`);
  // The public copies of its contest calls (docs/decisions/0037).
  if (pk === 'CATALOG#META#CONTESTS') return sk.startsWith(`${tenant}#`);
  return false;
}

const only = (snapshot: Map<string, string>, tenant: string) =>
  new Map([...snapshot].filter(([key, value]) => belongsTo(key, value, tenant)));

/** A real PNG uploaded as evidence, so the tenant has an object under its prefix. */
async function uploadEvidence(env: TestEnvironment) {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const token = await env.login('admin.3522@demo.local');
  const asked = await env.request('POST', `/tenants/${TENANT}/evidence/uploads`, {
    token,
    body: {
      kind: 'foto',
      title: 'Foto peluncuran',
      fileName: 'peluncuran.png',
      mediaType: 'image/png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    },
  });
  expect(asked.status).toBe(201);
  const put = await fetch(asked.json.upload.url, {
    method: 'PUT',
    headers: asked.json.upload.headers,
    body: png,
  });
  expect(put.ok).toBe(true);
  const done = await env.request('POST', `/tenants/${TENANT}/evidence/${asked.json.evidence.id}/complete`, {
    token,
  });
  expect(done.status).toBe(200);
}

/** A published contest call with one entry: its partition and public copy belong to the tenant. */
async function openContest(env: TestEnvironment) {
  const token = await env.login('admin.3522@demo.local');
  const call = await env.request('POST', `/tenants/${TENANT}/contests`, {
    token,
    body: {
      title: 'Lomba Inovasi 2026',
      year: 2026,
      categories: [{ id: 'opd', label: 'OPD', entrantKinds: ['opd'] }],
      stageDates: {
        // Every stage on today: the server takes entries only inside their stage's dates.
        entriesOpen: todayInJakarta(),
        entriesClose: todayInJakarta(),
        screeningEnd: todayInJakarta(),
        deskEnd: todayInJakarta(),
        finalEnd: todayInJakarta(),
        announcement: todayInJakarta(),
      },
      criteria: {
        desk: [{ id: 'manfaat', label: 'Manfaat', weight: 1 }],
        final: [{ id: 'presentasi', label: 'Presentasi', weight: 1 }],
      },
    },
  });
  expect(call.status).toBe(201);
  const path = `/tenants/${TENANT}/contests/${call.json.id}`;
  expect(
    (await env.request('POST', `${path}/publish`, { token, headers: { 'if-match': '"1"' } })).status,
  ).toBe(200);
  const operator = await env.login('opd1.3522@demo.local');
  const entry = await env.request('POST', `${path}/entries`, {
    token: operator,
    body: { categoryId: 'opd', profile: { name: 'Inovasi Lomba' } },
  });
  expect(entry.status).toBe(201);
}

beforeAll(async () => {
  source = await createTestEnvironment({ isolatedBucket: true });
  await uploadEvidence(source);
  await openContest(source);
  // The upload's summaries are written by the projector after the request answers: the export
  // must see them, or the oracle's later read differs from the file.
  await source.projected();
  lines = [];
  await exportTenant(source.data, TENANT, (line) => {
    lines.push(line);
  });
}, 180_000);

describe('exporting one tenant', () => {
  it('writes every item and object of the tenant, found without Scan, and nothing of anyone else', async () => {
    const expected = only(await snapshotStore(source.config), TENANT);
    const { records } = readExport(lines);
    const exported = new Map<string, string>();
    for (const record of records) {
      if (record.type === 'item') exported.set(`item ${record.item.pk} ${record.item.sk}`, '');
      if (record.type === 'object') exported.set(`object ${record.key}`, '');
    }
    expect([...exported.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(records.some((record) => record.type === 'object')).toBe(true);
    expect(
      records.some((record) => record.type === 'item' && String(record.item.pk).includes('#AUDIT#')),
    ).toBe(true);
  });

  it('refuses a changed or truncated file', () => {
    const tampered = [...lines];
    tampered[3] = (tampered[3] ?? '').replace('"T#35.22#', '"T#35.20#');
    expect(() => readExport(tampered)).toThrow(TransferFormatError);
    expect(() => readExport(lines.slice(0, -2))).toThrow(TransferFormatError);
  });
});

describe('importing it into an empty table', () => {
  let target: TestEnvironment;

  beforeAll(async () => {
    // No projector: the test compares the restore byte for byte, and a projector would restamp the
    // restored summaries' `computedAt` as it re-projects the imported changes.
    target = await createTestEnvironment({ seed: false, isolatedBucket: true, projector: false });
  }, 60_000);

  it('restores exactly the exported items and objects', async () => {
    // Act
    const result = await importTenant(target.data, lines);
    // Assess: item for item, byte for byte.
    const before = only(await snapshotStore(source.config), TENANT);
    const after = await snapshotStore(target.config);
    expect(result.tenant).toBe(TENANT);
    expect(after).toEqual(before);
  });

  it('gives a working region: its admin signs in and sees the same innovations', async () => {
    const token = await target.login('admin.3522@demo.local');
    const restored = await target.request('GET', `/tenants/${TENANT}/innovations?limit=100`, { token });
    const original = await source.request('GET', `/tenants/${TENANT}/innovations?limit=100`, {
      token: await source.login('admin.3522@demo.local'),
    });
    expect(restored.status).toBe(200);
    expect(restored.json.items).toEqual(original.json.items);
  });

  it('never overwrites: importing the same tenant again is refused before writing', async () => {
    const before = await snapshotStore(target.config);
    await expect(importTenant(target.data, lines)).rejects.toThrow(TenantAlreadyPresentError);
    expect(await snapshotStore(target.config)).toEqual(before);
  });
});

describe('the commands', () => {
  it('export and import a tenant from the command line (pnpm --filter @inovasi/local tenant:export / tenant:import)', async () => {
    const target = await createTestEnvironment({ seed: false, isolatedBucket: true });
    const file = join(work, '35.20.jsonl');
    const run = (command: string, config: TestEnvironment['config'], ...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
          join(ROOT, 'local/src/tenant-cli.ts'),
          command,
          '--dynamo-endpoint',
          config.dynamoEndpoint ?? '',
          '--s3-endpoint',
          config.s3Endpoint ?? '',
          '--table',
          config.tableName,
          '--bucket',
          config.bucketName,
          ...args,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
    const exported = run('export', source.config, '--tenant', '35.20', '--out', file);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/exported tenant 35\.20: \d+ items/);
    const imported = run('import', target.config, '--in', file);
    expect(imported.status, imported.stderr).toBe(0);
    expect(await snapshotStore(target.config)).toEqual(only(await snapshotStore(source.config), '35.20'));
    expect(readFileSync(file, 'utf8').split('\n')[0]).toContain('"tenant":"35.20"');
  }, 120_000);
});

describe('offboarding a tenant', () => {
  it('removes every item and object of the tenant, leaves others alone, and keeps an audit record', async () => {
    // Prepare
    const before = await snapshotStore(source.config);
    const { records } = readExport(lines);
    const footer = JSON.parse(lines.at(-1) ?? '{}') as { sha256: string };
    // Act
    const record = await offboardTenant(source.data, TENANT, {
      by: 'platform@demo.local',
      reason: 'Uji prosedur offboarding',
      exportSha256: footer.sha256,
      auditPurge: createTableClient(source.config),
    });
    // Assess
    const after = await snapshotStore(source.config);
    expect(only(after, TENANT)).toEqual(new Map());
    expect(record.items + record.objects).toBe(records.length);
    const others = (snapshot: Map<string, string>) =>
      new Map(
        [...snapshot].filter(([key, value]) => !belongsTo(key, value, TENANT) && !key.includes('AUDIT#')),
      );
    expect(others(after)).toEqual(others(before));
    const audit = [...after].filter(
      ([key]) => key.startsWith('item PLATFORM# AUDIT#') && key.endsWith(`tenant.offboard#${TENANT}`),
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.[1] ?? '{}')).toMatchObject({
      action: 'tenant.offboard',
      tenant: TENANT,
      by: 'platform@demo.local',
      exportSha256: footer.sha256,
    });
    // The region is gone from the platform: its admin can no longer sign in.
    const login = await source.request('POST', '/dev/login', { body: { email: 'admin.3522@demo.local' } });
    expect(login.status).toBe(404);
  });
});
