import { todayInJakarta } from '@inovasi/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { snapshotStore } from '../../support/snapshot.ts';

/**
 * The region's own dashboard: where it stands (gauge with the bands of its year), its trend over
 * the season, what to do next, and its official results of past years with the predicate of their
 * own year's bands.
 */
let env: TestEnvironment;
let admin: string;
let operator: string;

const CODE = '17.71';

beforeAll(async () => {
  env = await createTestEnvironment();
  admin = await env.login('admin.1771@demo.local');
  operator = await env.login('opd1.1771@demo.local');
});

describe('official results of past years', () => {
  it('lists the seeded results with the predicate of each year', async () => {
    const magetan = await env.login('admin.3520@demo.local');
    const response = await env.request('GET', '/tenants/35.20/results', { token: magetan });
    expect(response.status).toBe(200);
    expect(
      response.json.items.map((item: { year: number; index: number; predicate: string }) => [
        item.year,
        item.index,
        item.predicate,
      ]),
    ).toEqual([
      [2025, 41.5, 'Inovatif'],
      [2024, 43, 'Inovatif'],
      [2023, 53, 'Inovatif'],
    ]);
    expect(response.json.items[1].bands[0]).toMatchObject({ predicate: 'Sangat Inovatif', min: 60.01 });
  });

  it('computes the predicate from the bands of the result’s own year', async () => {
    // 62 is Sangat Inovatif under the 2022–2024 bands (> 60), only Inovatif from 2025 (> 65).
    const y2022 = await env.request('PUT', `/tenants/${CODE}/results/2022`, {
      token: admin,
      headers: { 'if-match': '"0"' },
      body: { index: 62, rank: 12, rankOf: 93 },
    });
    expect(y2022.status).toBe(200);
    expect(y2022.json).toMatchObject({
      year: 2022,
      index: 62,
      predicate: 'Sangat Inovatif',
      predicateStatus: 'confirmed',
    });
    const current = await env.request('GET', `/tenants/${CODE}/results`, { token: admin });
    const y2025 = current.json.items.find((item: { year: number }) => item.year === 2025);
    const changed = await env.request('PUT', `/tenants/${CODE}/results/2025`, {
      token: admin,
      headers: { 'if-match': `"${y2025.version}"` },
      body: { index: 62, rank: 9, rankOf: 93 },
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({
      predicate: 'Inovatif',
      predicateStatus: 'assumed',
      version: y2025.version + 1,
    });

    // The dashboard of 2026 compares with it once the projector has applied the change.
    await env.projected();
    const dashboard = await env.request('GET', `/tenants/${CODE}/periods/2026/summary`, { token: admin });
    expect(dashboard.json.summary.lastYear).toMatchObject({
      year: 2025,
      index: 62,
      predicate: 'Inovatif',
      rank: 9,
    });
    expect(dashboard.json.changeSinceLastYear).toEqual({ claimed: -62, verified: -62 });
  });

  it.each([
    ['a future year', 2030, { index: 50 }, 'year'],
    ['a rank beyond the number ranked', 2024, { index: 50, rank: 100, rankOf: 93 }, 'rank'],
    ['more than two decimals', 2024, { index: 50.123 }, 'index'],
  ])('refuses %s', async (_label, year, body, field) => {
    const response = await env.request('PUT', `/tenants/${CODE}/results/${year}`, {
      token: admin,
      headers: { 'if-match': '"0"' },
      body,
    });
    expect(response.status).toBe(400);
    expect(response.json.error.field).toBe(field);
  });

  it('is recorded by the region’s admin only, and audited', async () => {
    const refused = await env.request('PUT', `/tenants/${CODE}/results/2023`, {
      token: operator,
      headers: { 'if-match': '"1"' },
      body: { index: 99 },
    });
    expect(refused.status).toBe(403);
    const trail = await env.request('GET', `/tenants/${CODE}/audit?entityId=result-2022`, { token: admin });
    expect(trail.json.items.map((entry: { action: string }) => entry.action)).toEqual(['result.save']);
  });
});

describe('the region dashboard', () => {
  it('tells where the region stands and what to do next', async () => {
    const bojonegoro = await env.login('admin.3522@demo.local');
    const response = await env.request('GET', '/tenants/35.22/periods/2026/summary', { token: bojonegoro });
    expect(response.status).toBe(200);
    const { summary } = response.json;
    expect(summary.claimed.predicate).toBe('Sangat Inovatif');
    expect(summary.innovations.total).toBe(15);
    expect(summary.innovations.byStage.penerapan).toBeGreaterThan(0);
    expect(summary.innovations.byUrusan[0]).toMatchObject({ urusan: 'kesehatan', basicService: true });
    expect(summary.opds.rows.length).toBe(6);
    const contributions = summary.opds.rows.reduce(
      (sum: number, row: { indexPointsClaimed: number }) => sum + row.indexPointsClaimed,
      0,
    );
    expect(contributions).toBeGreaterThan(0);
    expect(response.json.bands.map((band: { predicate: string }) => band.predicate)).toEqual([
      'Sangat Inovatif',
      'Inovatif',
      'Kurang Inovatif',
    ]);
    expect(response.json.nextSteps.map((step: { code: string }) => step.code)).toContain(
      'get_evidence_accepted',
    );
    expect(response.json.today).toBe(todayInJakarta());
  });

  it('is readable by every role of the region and by its province, not by a neighbour', async () => {
    const path = '/tenants/35.22/periods/2026/summary';
    for (const user of ['opd2.3522', 'verifikator.3522', 'admin.35']) {
      const token = await env.login(`${user}@demo.local`);
      expect((await env.request('GET', path, { token })).status).toBe(200);
    }
    const neighbour = await env.login('admin.3520@demo.local');
    expect((await env.request('GET', path, { token: neighbour })).status).toBe(403);
  });

  it('draws the trend from daily points', async () => {
    const answered = await env.request('GET', `/tenants/${CODE}/innovations?limit=1`, { token: admin });
    expect(answered.status).toBe(200);
    const trend = await env.request('GET', `/tenants/${CODE}/periods/2026/trend`, { token: admin });
    expect(trend.status).toBe(200);
    expect(trend.json.points.at(-1)).toMatchObject({
      date: todayInJakarta(),
      claimed: { predicate: 'Tidak Dapat Dinilai' },
    });
    expect(trend.json.bands).toHaveLength(3);
  });

  it('says how current it is: the time of the newest change the projector applied', async () => {
    const path = '/tenants/35.22/periods/2026/summary';
    const bojonegoro = await env.login('admin.3522@demo.local');
    const province = await env.login('admin.35@demo.local');
    const changesThrough = async (token: string): Promise<string | null> => {
      const response = await env.request('GET', path, { token });
      expect(response.status).toBe(200);
      return response.json.changesThrough;
    };
    // Written by the seed's rebuild, not by the projector: it has applied no change yet.
    expect(await changesThrough(bojonegoro)).toBeNull();

    // The stream's clock is approximate: whole seconds in AWS, whole minutes in DynamoDB Local.
    const before = Math.floor(Date.now() / 60_000) * 60_000;
    const created = await env.request('POST', '/tenants/35.22/opds', {
      token: bojonegoro,
      body: { name: 'Dinas Yang Baru Dibentuk', kind: 'dinas' },
    });
    expect(created.status).toBe(201);
    await env.projected();

    const through = await changesThrough(bojonegoro);
    expect(through).not.toBeNull();
    expect(Date.parse(through ?? '')).toBeGreaterThanOrEqual(before);
    expect(Date.parse(through ?? '')).toBeLessThanOrEqual(Date.now());
    expect(await changesThrough(province)).toBe(through);
    const cockpit = await env.request('GET', '/tenants/35/oversight/2026', { token: province });
    const row = cockpit.json.rows.find(
      (candidate: { tenantCode: string }) => candidate.tenantCode === '35.22',
    );
    expect(row.changesThrough).toBe(through);
  });

  it('writes nothing when read, even for a year whose summary was never stored', async () => {
    // Prepare: a year with a rubric that no write of the region ever summarised.
    const path = '/tenants/35.22/periods/2027/summary';
    const readers = ['admin.35', 'verifikator.3522', 'opd2.3522', 'admin.3522'];
    const before = await snapshotStore(env.config, { objects: false });
    expect([...before.keys()].some((key) => key.includes('T#35.22#SUMMARY# CURRENT#2027'))).toBe(false);
    // Act: every kind of reader, the province first (it may not write in the regency at all).
    for (const user of readers) {
      const response = await env.request('GET', path, { token: await env.login(`${user}@demo.local`) });
      expect(response.status, `${user} ${response.text.slice(0, 200)}`).toBe(200);
      expect(response.json.summary.year, user).toBe(2027);
    }
    // Assess: the store is exactly as it was.
    expect(await snapshotStore(env.config, { objects: false })).toEqual(before);
  });

  it('answers 404 for a year without a rubric', async () => {
    const response = await env.request('GET', `/tenants/${CODE}/periods/2023/summary`, { token: admin });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('no_rubric_for_year');
  });
});
