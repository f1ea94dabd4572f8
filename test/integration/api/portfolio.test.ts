import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { eligibleProfile } from '../../support/profiles.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});

const portfolioPath = (code: string, basis = 'claimed') =>
  `/tenants/${code}/periods/2026/projection/portfolio?basis=${basis}`;

interface Entry {
  id: string;
  role: 'locked' | 'send' | 'hold' | 'ineligible';
  kematangan: number;
}

describe('portfolio choice', () => {
  it('holds back a weak new innovation of a mature region: the choice stays, sending everything falls', async () => {
    // Prepare: Bojonegoro's seeded, mature innovations, then one new draft with a single answer
    const admin = await env.login('admin.3522@demo.local');
    const operator = await env.login('opd1.3522@demo.local');
    const before = await env.request('GET', portfolioPath('35.22'), { token: admin });
    expect(before.status, before.text).toBe(200);
    const created = await env.request('POST', '/tenants/35.22/innovations', {
      token: operator,
      body: { opdId: 'opd-dinkes', periodYear: 2026, profile: eligibleProfile('Inovasi Tipis Bukti') },
    });
    expect(created.status, created.text).toBe(201);
    const answered = await env.request(
      'PUT',
      `/tenants/35.22/innovations/${created.json.id}/answers/sid.16`,
      {
        token: operator,
        headers: { 'if-match': `"${created.json.version}"` },
        body: { level: 1 },
      },
    );
    expect(answered.status, answered.text).toBe(200);

    // Act
    const after = await env.request('GET', portfolioPath('35.22'), { token: admin });
    const projection = await env.request('GET', '/tenants/35.22/periods/2026/projection', { token: admin });

    // Assess: "everything" is the projection on screen; the weak draft is held back, so the
    // choice is what it was before it existed
    expect(after.status, after.text).toBe(200);
    expect(after.json.everything.index).toBe(projection.json.claimed.index);
    const weak = (after.json.entries as Entry[]).find((entry) => entry.id === created.json.id);
    expect(weak).toMatchObject({ role: 'hold', kematangan: 3 });
    expect(after.json.choice.index).toBe(before.json.choice.index);
    expect(after.json.gain).toBeGreaterThan(0);
    expect(after.json.gain).toBeCloseTo(after.json.choice.index - after.json.everything.index, 9);
    expect(weak?.kematangan).toBeLessThan(after.json.breakEvenMaturity);
    expect(after.json.breakEven.message_id).toContain(
      `Inovasi dengan kematangan di bawah sekitar ${Math.round(after.json.breakEvenMaturity)} menurunkan indeks Anda tahun ini`,
    );
    expect(after.json.difference.message_en).toContain('held back');
    expect(after.json.entries).toHaveLength(projection.json.innovations.length);
  });

  it('sends everything while Magetan still has empty seats, on the verified basis by default', async () => {
    // Prepare
    const admin = await env.login('admin.3520@demo.local');
    // Act
    const response = await env.request('GET', '/tenants/35.20/periods/2026/projection/portfolio', {
      token: admin,
    });
    const projection = await env.request('GET', '/tenants/35.20/periods/2026/projection', { token: admin });
    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.json.basis).toBe('verified');
    expect(response.json.everything.index).toBe(projection.json.verified.index);
    expect(response.json.breakEvenMaturity).toBe(0);
    expect(response.json.breakEven.message_id).toContain('kursi kosong');
    expect(response.json.breakEven.message_en).toContain('empty seats');
    const roles = (response.json.entries as Entry[]).map((entry) => entry.role);
    expect(roles).not.toContain('locked');
    expect(response.json.gain).toBeGreaterThanOrEqual(0);
  });

  it('answers every member of the region, and refuses the province (oversight only) and others', async () => {
    // Prepare
    const operator = await env.login('opd2.3522@demo.local');
    const province = await env.login('admin.35@demo.local');
    const otherRegion = await env.login('admin.6303@demo.local');
    // Act
    const asOperator = await env.request('GET', portfolioPath('35.22'), { token: operator });
    const asProvince = await env.request('GET', portfolioPath('35.22'), { token: province });
    const asOther = await env.request('GET', portfolioPath('35.22'), { token: otherRegion });
    const anonymous = await env.request('GET', portfolioPath('35.22'));
    // Assess
    expect(asOperator.status).toBe(200);
    // A province oversees through its regencies' summaries, not their decisions (ADR 0023).
    expect(asProvince.status).toBe(403);
    expect(asProvince.json.error.code).toBe('province_oversight_only');
    expect(asOther.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });

  it('refuses an unknown basis and a year without a rubric with a structured message', async () => {
    // Prepare
    const admin = await env.login('admin.3522@demo.local');
    // Act
    const badBasis = await env.request('GET', portfolioPath('35.22', 'optimistic'), { token: admin });
    const badYear = await env.request('GET', '/tenants/35.22/periods/2030/projection/portfolio', {
      token: admin,
    });
    // Assess
    expect(badBasis.status).toBe(400);
    expect(badBasis.json.error.field).toBe('basis');
    expect(badBasis.json.error.message).toEqual(expect.any(String));
    expect(badYear.status).toBe(404);
    expect(badYear.json.error.field).toBe('year');
  });
});
