import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { computeSummary, driftOf } from '@inovasi/app/summaries/compute';
import { provinceRowOf, todayInJakarta } from '@inovasi/core';
import { SummaryWriter, summaryWriterScope } from '@inovasi/data';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { applyEdit, editArbitrary, type RegionActors } from './edits.ts';

/**
 * The summary read model is derived data kept current by the projector on the table's stream
 * (docs/decisions/0018). After
 * any sequence of edits through the API — accepted or refused — the stored summary, the province
 * row, the drill-down item and the national row must equal a full recompute from source, and the
 * rebuild must find nothing to repair.
 */
let env: TestEnvironment;
let region: RegionActors;

const CODE = '35.16';
const YEAR = 2026;

beforeAll(async () => {
  env = await createTestEnvironment();
  const admin = await env.login('admin.3516@demo.local');
  region = {
    code: CODE,
    year: YEAR,
    admin,
    verifier: await env.login('verifikator.3516@demo.local'),
    operators: {
      'opd-dinkes': await env.login('opd1.3516@demo.local'),
      'opd-disdik': await env.login('opd2.3516@demo.local'),
    },
  };
  // A period with deadlines ahead, so the deadline edits and the calendar figures take part.
  const day = (offset: number) =>
    new Date(Date.parse(`${todayInJakarta()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const opened = await env.request('POST', `/tenants/${CODE}/periods`, {
    token: admin,
    body: { year: YEAR, internalDeadline: day(20), nationalDeadline: day(30) },
  });
  expect(opened.status).toBe(201);
});

async function expectNoDrift(): Promise<void> {
  // The summaries follow the table's stream (docs/decisions/0018): wait until the projector has
  // applied every edit, then the read model must equal a full recompute.
  await env.projected();
  const fresh = await computeSummary(env.data, CODE, YEAR);
  expect(fresh).toBeDefined();
  if (!fresh) return;
  const stored = await new SummaryWriter(env.data.forScope(summaryWriterScope(CODE))).read(
    YEAR,
    todayInJakarta(),
  );
  expect(driftOf(fresh.bundle, stored)).toEqual([]);

  // What the routes answer is the same record.
  const dashboard = await env.request('GET', `/tenants/${CODE}/periods/${YEAR}/summary`, {
    token: region.admin,
  });
  expect(dashboard.status).toBe(200);
  expect(dashboard.json.summary).toEqual(JSON.parse(JSON.stringify(fresh.bundle.summary)));
  const province = await env.login('admin.35@demo.local');
  const cockpit = await env.request('GET', `/tenants/35/oversight/${YEAR}`, { token: province });
  const row = cockpit.json.rows.find((candidate: { tenantCode: string }) => candidate.tenantCode === CODE);
  expect(row).toMatchObject(JSON.parse(JSON.stringify(provinceRowOf(fresh.bundle.summary))));
}

describe('the summary read model', () => {
  it('equals a full recompute after every randomized sequence of edits', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(editArbitrary, { minLength: 6, maxLength: 14 }), async (edits) => {
        for (const edit of edits) {
          const status = await applyEdit(env, region, edit);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
        await expectNoDrift();
      }),
      { numRuns: 6, endOnFailure: true },
    );
    // The sequences were real: most kinds of write went through, and some were refused.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(10);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(2);
    expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);

    const report = await rebuildSummaries(env.data, { check: true });
    expect(report.failures).toEqual([]);
    expect(report.drifted).toBe(0);
    expect(report.entries.some((entry) => entry.tenantCode === CODE && entry.year === YEAR)).toBe(true);
  }, 600_000);

  it('reflects one write once the projector has applied it: the counts and the seats move', async () => {
    const before = await env.request('GET', `/tenants/${CODE}/periods/${YEAR}/summary`, {
      token: region.admin,
    });
    const created = await applyEdit(env, region, {
      kind: 'create',
      opd: 0,
      eligible: true,
      urusan: 0,
      stage: 2,
    });
    expect(created).toBe(201);
    await env.projected();
    const after = await env.request('GET', `/tenants/${CODE}/periods/${YEAR}/summary`, {
      token: region.admin,
    });
    expect(after.json.summary.innovations.total).toBe(before.json.summary.innovations.total + 1);
    expect(after.json.summary.innovations.byStatus.draft).toBe(
      before.json.summary.innovations.byStatus.draft + 1,
    );
    expect(after.json.summary.n).toBe(before.json.summary.n + 1);
    expect(after.json.daysToNationalDeadline).toBeGreaterThan(0);
  });
});
