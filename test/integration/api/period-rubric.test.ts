import { repositoriesFor, tenantScope } from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { exportFile, readWorkbook, sheetRecords } from '../exports/support.ts';

/**
 * A period scores with the rubric it pinned when it was opened (issue 18, item 1): a 2026 period of
 * Bojonegoro pinned to the 2027 rules shows the 2027 figures on every screen-facing API, the same
 * figures its export shows, and not the 2026 figures its year would suggest.
 */
let env: TestEnvironment;
let admin: string;
const CODE = '35.22';
const base = `/tenants/${CODE}`;

beforeAll(async () => {
  env = await createTestEnvironment();
  admin = await env.login('admin.3522@demo.local');
});

describe('a 2026 period pinned to the 2027 rubric', () => {
  it('is scored with the 2027 rules on screen as in the export', async () => {
    const byYear = await env.request('GET', `${base}/periods/2026/projection`, { token: admin });
    expect(byYear.status).toBe(200);
    expect(byYear.json.divisorMinimum).toBe(12);

    const opened = await env.request('POST', `${base}/periods`, {
      token: admin,
      body: {
        year: 2026,
        rubricId: 'iid-2027',
        internalDeadline: '2027-01-31',
        nationalDeadline: '2027-02-28',
      },
    });
    expect(opened.status).toBe(201);
    const rubric = await env.request('GET', `/rubrics/${opened.json.rubricId}`, { token: admin });
    expect(rubric.status).toBe(200);
    expect(rubric.json).toMatchObject({ year: 2027, provisional: true });

    // Projection: the 2027 divisor minimum and basic-service gate, and the 2027 age window.
    const projection = await env.request('GET', `${base}/periods/2026/projection`, { token: admin });
    expect(projection.status).toBe(200);
    expect(projection.json).toMatchObject({
      rubricId: rubric.json.id,
      divisorMinimum: 14,
      basicServiceCoverage: { required: 6 },
    });
    const eligibleNow = new Map<string, boolean>(
      projection.json.innovations.map((item: any) => [item.id, item.eligibility.eligible]),
    );
    const eligibleByYear = new Map<string, boolean>(
      byYear.json.innovations.map((item: any) => [item.id, item.eligibility.eligible]),
    );
    // The pin matters for this region: some innovation is judged differently under the 2027 window.
    expect([...eligibleNow].some(([id, eligible]) => eligibleByYear.get(id) !== eligible)).toBe(true);

    // The export of the same period: the same rubric and the same eligibility per innovation.
    const { bytes } = await exportFile(env, admin, CODE, { kind: 'recap', periodYear: 2026 });
    const workbook = await readWorkbook(bytes);
    const summaryRows = workbook.getWorksheet('Ringkasan')?.getSheetValues() ?? [];
    expect(JSON.stringify(summaryRows)).toContain(rubric.json.title);
    for (const row of sheetRecords(workbook, 'Rekap Inovasi')) {
      const id = String(row['ID Inovasi']);
      expect(row['Memenuhi Syarat Kirim'], id).toBe(eligibleNow.get(id) ? 'Ya' : 'Belum');
    }

    // Advice, answers, evidence checklists and the dashboard name and use the same rubric.
    const advice = await env.request('GET', `${base}/periods/2026/projection/advice?basis=claimed`, {
      token: admin,
    });
    expect(advice.status).toBe(200);
    expect(advice.json.moves.every((move: any) => move.message_id.length > 0)).toBe(true);
    const spd = await env.request('GET', `${base}/periods/2026/spd`, { token: admin });
    expect(spd.json.rubricId).toBe(rubric.json.id);
    const spdEvidence = await env.request('GET', `${base}/periods/2026/spd/evidence`, { token: admin });
    expect(spdEvidence.json.rubricId).toBe(rubric.json.id);
    const someInnovation = projection.json.innovations[0].id;
    const checklist = await env.request('GET', `${base}/innovations/${someInnovation}/evidence`, {
      token: admin,
    });
    expect(checklist.json.rubricId).toBe(rubric.json.id);
    // The dashboard's summary follows the period's pin through the change stream.
    await env.projected();
    const dashboard = await env.request('GET', `${base}/periods/2026/summary`, { token: admin });
    expect(dashboard.status).toBe(200);
    expect(dashboard.json.summary).toMatchObject({
      rubricId: rubric.json.id,
      divisorMinimum: 14,
      claimed: { index: projection.json.claimed.index },
      verified: { index: projection.json.verified.index },
    });
  });

  it('still scores a year nobody opened with the year’s own rubric', async () => {
    const projection = await env.request('GET', '/tenants/35.20/periods/2026/projection', {
      token: await env.login('admin.3520@demo.local'),
    });
    expect(projection.json).toMatchObject({ rubricId: 'iid-2026', divisorMinimum: 12 });
  });

  it('keeps a period stored with the provisional rubric’s old id readable', async () => {
    // Prepare: a period pinned before the provisional 2027 rubric got an id of its own
    await repositoriesFor(env.data.forScope(tenantScope('35.16'))).periods.open({
      year: 2026,
      rubricId: 'iid-2027',
      internalDeadline: '2027-01-31',
      nationalDeadline: '2027-02-28',
    });
    const token = await env.login('admin.3516@demo.local');
    // Act
    const projection = await env.request('GET', '/tenants/35.16/periods/2026/projection', { token });
    const rubric = await env.request('GET', '/rubrics/iid-2027', { token });
    // Assess
    expect(projection.status).toBe(200);
    expect(projection.json).toMatchObject({ rubricId: 'iid-2027-provisional', divisorMinimum: 14 });
    expect(rubric.json).toMatchObject({ id: 'iid-2027-provisional', provisional: true });
  });

  it('opens a period with the old id as the provisional rubric’s own id', async () => {
    const token = await env.login('admin.6303@demo.local');
    const opened = await env.request('POST', '/tenants/63.03/periods', {
      token,
      body: {
        year: 2026,
        rubricId: 'iid-2027',
        internalDeadline: '2027-01-31',
        nationalDeadline: '2027-02-28',
      },
    });
    expect(opened.status).toBe(201);
    expect(opened.json.rubricId).toBe('iid-2027-provisional');
    const unknown = await env.request('POST', '/tenants/63.03/periods', {
      token,
      body: {
        year: 2027,
        rubricId: 'iid-2031',
        internalDeadline: '2027-01-31',
        nationalDeadline: '2027-02-28',
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 'unknown_rubric', field: 'rubricId' });
  });
});
