import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { computeSummary } from '@inovasi/app/summaries/compute';
import type { Actor } from '@inovasi/core';
import { repositoriesFor, SummaryWriter, summaryWriterScope, tenantScope } from '@inovasi/data';
import { runSummariesRebuild } from '@inovasi/local/summaries-cli';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The rebuild recomputes every summary from source and reports drift: none after seeding, and
 * exactly the damaged parts after a tampered read model or a write that bypassed the refresh.
 */
let env: TestEnvironment;
const YEAR = 2026;

beforeAll(async () => {
  env = await createTestEnvironment();
});

async function cli(args: string[]) {
  const lines: string[] = [];
  const code = await runSummariesRebuild(args, env.data, (line) => lines.push(line));
  return { code, lines, text: lines.join('\n') };
}

describe('the summary rebuild', () => {
  it('finds no drift after seeding, for every tenant', async () => {
    const report = await rebuildSummaries(env.data, { check: true });
    expect(report.failures).toEqual([]);
    expect(report.drifted).toBe(0);
    expect(new Set(report.entries.map((entry) => entry.tenantCode))).toEqual(
      new Set(['35', '35.16', '35.20', '35.22', '63.03', '17.71']),
    );
    const run = await cli(['--check']);
    expect(run.code).toBe(0);
    expect(run.text).toContain('35.22  2026  ok');
    expect(run.lines.at(-1)).toMatch(/^6 summaries checked, 0 with drift, 0 repaired, 0 failed$/);
  });

  it('reports a tampered province row, repairs it, and finds nothing the second time', async () => {
    // Someone (a bug) wrote a wrong cockpit row, newer than the last refresh.
    const fresh = await computeSummary(env.data, '35.22', YEAR);
    if (!fresh?.bundle.provinceRow) throw new Error('no province row');
    const tampered = {
      ...fresh.bundle.provinceRow,
      claimed: { index: 99.99, predicate: 'Sangat Inovatif' as const },
    };
    await new SummaryWriter(env.data.forScope(summaryWriterScope('35.22'))).write(
      { ...fresh.bundle, provinceRow: tampered },
      { sourceAt: '9999', computedAt: new Date().toISOString() },
      ['provinceRow'],
    );
    const province = await env.login('admin.35@demo.local');
    const shown = await env.request('GET', `/tenants/35/oversight/${YEAR}?sort=name`, { token: province });
    expect(shown.json.rows[0].claimed.index).toBe(99.99);

    const checked = await cli(['--check', '--tenant', '35.22']);
    expect(checked.code).toBe(1);
    expect(checked.text).toContain('35.22  2026  DRIFT: provinceRow.claimed');
    // --check wrote nothing.
    expect((await cli(['--check', '--tenant', '35.22'])).code).toBe(1);

    const repaired = await cli(['--tenant', '35.22']);
    expect(repaired.code).toBe(1);
    expect(repaired.text).toContain('35.22  2026  repaired: provinceRow.claimed');
    const again = await cli(['--tenant', '35.22']);
    expect(again.code).toBe(0);
    const after = await env.request('GET', `/tenants/35/oversight/${YEAR}?sort=name`, { token: province });
    expect(after.json.rows[0].claimed.index).toBe(fresh.bundle.summary.claimed.index);
  });

  it('catches a change the projector has not applied (stopped, or its record set aside)', async () => {
    env.projector?.pause();
    const author: Actor = {
      userId: 'u-3516-admin',
      email: 'admin.3516@demo.local',
      tenantCode: '35.16',
      roles: ['tenant_admin'],
    };
    await repositoriesFor(env.data.forScope(tenantScope('35.16'))).innovations.create(
      { opdId: 'opd-dinkes', periodYear: YEAR, profile: { name: 'Inovasi Tanpa Penyegaran' } },
      author,
    );
    const report = await rebuildSummaries(env.data, { tenants: ['35.16'] });
    const entry = report.entries.find((candidate) => candidate.year === YEAR);
    // The new draft is ineligible (a name only), so it changes the counts but not n (decision 6).
    expect(entry?.drift).toEqual(
      expect.arrayContaining(['summary.innovations', 'provinceRow.innovations', 'detail.innovations']),
    );
    expect(entry?.repaired).toBe(true);
    const check = await rebuildSummaries(env.data, { check: true });
    expect(check.drifted).toBe(0);
    env.projector?.resume();
  });
});
