import { textPdf } from '@inovasi/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { eligibleProfile } from '../../support/profiles.ts';
import { uploadAndComplete } from '../evidence/support.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});
afterAll(async () => {
  await env?.stop();
});

const gapsPath = (code: string) => `/tenants/${code}/periods/2026/gaps`;

describe('gap analysis', () => {
  it('maps Bojonegoro’s seeded period cell by cell, in agreement with its completeness figures', async () => {
    // Prepare
    const admin = await env.login('admin.3522@demo.local');
    // Act
    const gaps = await env.request('GET', gapsPath('35.22'), { token: admin });
    const completeness = await env.request('GET', '/tenants/35.22/periods/2026/evidence/completeness', {
      token: admin,
    });
    // Assess
    expect(gaps.status, gaps.text).toBe(200);
    const { indicators, innovations, opds, region } = gaps.json;
    expect(gaps.json.rubricId).toBe('iid-2026');
    expect(indicators).toHaveLength(20);
    expect(innovations.length).toBe(completeness.json.innovations.length);
    for (const innovation of innovations) expect(innovation.cells).toHaveLength(20);
    // Empty cells are exactly the unanswered ones the completeness figures count; accepted, the verified.
    const c = completeness.json.region;
    expect(region.total).toBe(c.total);
    expect(region.empty).toBe(c.total - c.answered);
    expect(region.accepted).toBe(c.verified);
    expect(region.emptyPercent).toBe(Math.round(((c.total - c.answered) / c.total) * 10_000) / 100);
    // Every cell is in exactly one state. The seeded region has answered everything (0% empty), yet
    // has answers without evidence and evidence waiting on the verifier beside the accepted ones.
    expect(region.empty + region.no_evidence + region.waiting + region.returned + region.accepted).toBe(
      region.total,
    );
    expect(region.emptyPercent).toBe(0);
    expect(region.no_evidence).toBeGreaterThan(0);
    expect(region.waiting).toBeGreaterThan(0);
    expect(region.accepted).toBeGreaterThan(region.waiting);
    // Per OPD, named, and the OPD totals add up to the region's.
    expect(opds.every((opd: { name: string; opdId: string }) => opd.name !== opd.opdId)).toBe(true);
    expect(opds.reduce((sum: number, opd: { counts: { empty: number } }) => sum + opd.counts.empty, 0)).toBe(
      region.empty,
    );
    expect(
      indicators.reduce(
        (sum: number, indicator: { counts: { total: number } }) => sum + indicator.counts.total,
        0,
      ),
    ).toBe(region.total);
    // Our kematangan beside any national one: none is recorded in the seed.
    for (const innovation of innovations) {
      expect(innovation.kematangan.verified).toBeLessThanOrEqual(innovation.kematangan.claimed);
      expect(innovation.nationalKematangan).toBeUndefined();
    }
  });

  it('shows an answer the verifier returned as returned, in its cell and its OPD’s totals', async () => {
    // Prepare: an operator's innovation with two answers, submitted; the verifier returns one
    const operator = await env.login('opd1.3522@demo.local');
    const verifier = await env.login('verifikator.3522@demo.local');
    const admin = await env.login('admin.3522@demo.local');
    const before = await env.request('GET', gapsPath('35.22'), { token: admin });
    const created = await env.request('POST', '/tenants/35.22/innovations', {
      token: operator,
      body: { opdId: 'opd-dinkes', periodYear: 2026, profile: { name: 'Antar Obat Kronis' } },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id;
    let version = created.json.version;
    for (const indicator of ['sid.16', 'sid.17']) {
      const answered = await env.request('PUT', `/tenants/35.22/innovations/${id}/answers/${indicator}`, {
        token: operator,
        headers: { 'if-match': `"${version}"` },
        body: { level: 2 },
      });
      expect(answered.status, answered.text).toBe(200);
      version = answered.json.version;
    }
    const submitted = await env.request('POST', `/tenants/35.22/innovations/${id}/transitions`, {
      token: operator,
      headers: { 'if-match': `"${version}"` },
      body: { action: 'submit' },
    });
    expect(submitted.status, submitted.text).toBe(200);
    const returned = await env.request('POST', `/tenants/35.22/innovations/${id}/answers/sid.16/review`, {
      token: verifier,
      headers: { 'if-match': `"${submitted.json.version}"` },
      body: { status: 'returned', note: 'Perbup belum ditandatangani.' },
    });
    expect(returned.status, returned.text).toBe(200);

    // Act
    const after = await env.request('GET', gapsPath('35.22'), { token: admin });

    // Assess
    expect(after.status, after.text).toBe(200);
    const row = after.json.innovations.find((innovation: { id: string }) => innovation.id === id);
    expect(row.opdId).toBe('opd-dinkes');
    expect(row.cells.slice(0, 3)).toEqual(['returned', 'no_evidence', 'empty']);
    expect(row.counts).toMatchObject({ returned: 1, no_evidence: 1, empty: 18, total: 20, emptyPercent: 90 });
    expect(after.json.region.returned).toBe(before.json.region.returned + 1);
    expect(after.json.region.total).toBe(before.json.region.total + 20);
    const opdOf = (body: any) => body.opds.find((opd: { opdId: string }) => opd.opdId === 'opd-dinkes');
    expect(opdOf(after.json).counts.returned).toBe(opdOf(before.json).counts.returned + 1);
    const sid16 = (body: any) =>
      body.indicators.find((indicator: { code: string }) => indicator.code === 'sid.16');
    expect(sid16(after.json).counts.returned).toBe(sid16(before.json).counts.returned + 1);
  });

  it('lets an OPD operator read it like the completeness figures, and refuses a province (ADR 0023)', async () => {
    const operator = await env.login('opd1.3522@demo.local');
    const completeness = await env.request('GET', '/tenants/35.22/periods/2026/evidence/completeness', {
      token: operator,
    });
    const gaps = await env.request('GET', gapsPath('35.22'), { token: operator });
    expect(gaps.status).toBe(completeness.status);

    const province = await env.login('admin.35@demo.local');
    const refused = await env.request('GET', gapsPath('35.22'), { token: province });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('province_oversight_only');
    expect(refused.json.error.message).toMatch(/\S/);
  });

  it('answers a year without a rubric with 404 naming the year', async () => {
    const admin = await env.login('admin.3522@demo.local');
    const response = await env.request('GET', '/tenants/35.22/periods/2030/gaps', { token: admin });
    expect(response.status).toBe(404);
    expect(response.json.error).toMatchObject({ code: 'no_rubric_for_year', field: 'year' });
  });

  it('puts the national kematangan recorded with the result beside ours', async () => {
    // Prepare: a Kabupaten Magetan innovation through the whole workflow to a national result of 10
    const tenant = '35.20';
    const base = `/tenants/${tenant}`;
    const operator = await env.login(`opd1.3520@demo.local`);
    const verifier = await env.login(`verifikator.3520@demo.local`);
    const admin = await env.login(`admin.3520@demo.local`);
    const created = await env.request('POST', `${base}/innovations`, {
      token: operator,
      body: {
        opdId: 'opd-dinkes',
        periodYear: 2026,
        profile: eligibleProfile('Klinik Sore Ramah Pekerja'),
      },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id;
    const step = async (token: string, path: string, body: unknown, method = 'POST') => {
      const current = await env.request('GET', `${base}/innovations/${id}`, { token: admin });
      const response = await env.request(method, `${base}/innovations/${id}${path}`, {
        token,
        headers: { 'if-match': current.headers.get('etag')! },
        body,
      });
      expect(response.status, response.text).toBe(200);
      return response;
    };
    const mandatory = ['sid.16', 'sid.17', 'sid.32', 'sid.33', 'sid.35'];
    for (const indicator of mandatory) {
      await step(
        operator,
        `/answers/${indicator}`,
        indicator === 'sid.33' ? { level: 1, basis: 'a' } : { level: 1 },
        'PUT',
      );
      const { completed, id: evidenceId } = await uploadAndComplete(
        env,
        operator,
        tenant,
        textPdf({ lines: [`Bukti ${indicator}`] }),
        { fileName: `${indicator}.pdf`, mediaType: 'application/pdf' },
      );
      expect(completed.status, completed.text).toBe(200);
      const linked = await env.request('POST', `${base}/evidence/${evidenceId}/links`, {
        token: operator,
        body: { type: 'innovation', innovationId: id, indicator },
      });
      expect(linked.status, linked.text).toBeLessThan(300);
    }
    await step(operator, '/transitions', { action: 'submit' });
    await step(verifier, '/transitions', { action: 'start_review' });
    for (const indicator of mandatory)
      await step(verifier, `/answers/${indicator}/review`, { status: 'accepted' });
    await step(verifier, '/transitions', { action: 'verify' });
    await step(admin, '/transitions', { action: 'mark_ready' });
    await step(admin, '/transitions', {
      action: 'mark_sent',
      registrationNumber: 'IID-2026-3520-0007',
      sentAt: '2026-08-20',
    });
    await step(admin, '/transitions', { action: 'record_result', result: 'accepted', finalKematangan: 10 });

    // Act
    const gaps = await env.request('GET', gapsPath(tenant), { token: admin });

    // Assess: five indicators accepted at level 1, the other fifteen empty; national 10 beside ours
    expect(gaps.status, gaps.text).toBe(200);
    const row = gaps.json.innovations.find((innovation: { id: string }) => innovation.id === id);
    expect(row.counts).toMatchObject({ accepted: 5, empty: 15 });
    expect(row.kematangan.verified).toBe(row.kematangan.claimed);
    expect(row.kematangan.claimed).toBeGreaterThan(0);
    expect(row.nationalKematangan).toBe(10);
  });

  it('takes its columns and rubric from the period’s pin, not the year (ADR 0017)', async () => {
    // Prepare: Bojonegoro opens 2026 pinned to the provisional 2027 rules
    const admin = await env.login('admin.3522@demo.local');
    const opened = await env.request('POST', '/tenants/35.22/periods', {
      token: admin,
      body: {
        year: 2026,
        rubricId: 'iid-2027',
        internalDeadline: '2027-01-31',
        nationalDeadline: '2027-02-28',
      },
    });
    expect(opened.status, opened.text).toBe(201);
    const rubric = await env.request('GET', `/rubrics/${opened.json.rubricId}`, { token: admin });
    // Act
    const gaps = await env.request('GET', gapsPath('35.22'), { token: admin });
    // Assess
    expect(gaps.status, gaps.text).toBe(200);
    expect(gaps.json.rubricId).toBe('iid-2027-provisional');
    expect(gaps.json.indicators.map((indicator: { code: string }) => indicator.code)).toEqual(
      rubric.json.sidIndicators.map((indicator: { code: string }) => indicator.code),
    );
  });
});
