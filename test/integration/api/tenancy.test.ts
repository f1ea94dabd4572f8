import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});

describe('onboarding', () => {
  it('lets the platform admin onboard a real regency once', async () => {
    const platform = await env.login('platform@demo.local');
    const created = await env.request('POST', '/tenants', { token: platform, body: { code: '35.21' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      code: '35.21',
      name: 'Kabupaten Ngawi',
      kind: 'kabupaten',
      provinceCode: '35',
    });
    const again = await env.request('POST', '/tenants', { token: platform, body: { code: '35.21' } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('tenant_exists');
    const list = await env.request('GET', '/tenants', { token: platform });
    expect(list.json.items.map((tenant: { code: string }) => tenant.code)).toContain('35.21');
  });

  it.each(['99.99', '35.99', 'abc', '3522'])('refuses the unknown area code %s', async (code) => {
    const platform = await env.login('platform@demo.local');
    const response = await env.request('POST', '/tenants', { token: platform, body: { code } });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'unknown_area', field: 'code' });
  });

  it('refuses onboarding by anyone but the platform admin', async () => {
    const admin = await env.login('admin.35@demo.local');
    const response = await env.request('POST', '/tenants', { token: admin, body: { code: '35.23' } });
    expect(response.status).toBe(403);
    const platform = await env.login('platform@demo.local');
    const list = await env.request('GET', '/tenants', { token: platform });
    expect(list.json.items.map((tenant: { code: string }) => tenant.code)).not.toContain('35.23');
  });

  it('classifies a city as kota', async () => {
    const platform = await env.login('platform@demo.local');
    const created = await env.request('POST', '/tenants', { token: platform, body: { code: '35.78' } });
    expect(created.json).toMatchObject({ name: 'Kota Surabaya', kind: 'kota' });
  });
});

describe('province oversight', () => {
  it('lets the province viewer read its own regencies’ summaries only, never their records', async () => {
    const province = await env.login('admin.35@demo.local');
    const summary = await env.request('GET', '/tenants/35.22/periods/2026/summary', { token: province });
    expect(summary.status).toBe(200);
    for (const path of ['/tenants/35.22', '/tenants/35.22/innovations', '/tenants/35.22/members']) {
      const refused = await env.request('GET', path, { token: province });
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(refused.json.error.code).toBe('province_oversight_only');
    }
    // A write is refused at the gate, before its body is judged.
    const write = await env.request('POST', '/tenants/35.22/opds', {
      token: province,
      body: { name: 'Dinas Titipan Provinsi', kind: 'dinas' },
    });
    expect(write.status).toBe(403);
    expect(write.json.error.code).toBe('province_oversight_only');
    const malformed = await env.request('POST', '/tenants/35.22/opds', {
      token: province,
      body: { kind: 1 },
    });
    expect(malformed.status).toBe(403);
  });

  it('refuses a regency of another province', async () => {
    const province = await env.login('admin.35@demo.local');
    const response = await env.request('GET', '/tenants/63.03/innovations', { token: province });
    expect(response.status).toBe(403);
  });

  it('does not let a regency read its own province', async () => {
    const regency = await env.login('admin.3522@demo.local');
    expect((await env.request('GET', '/tenants/35', { token: regency })).status).toBe(403);
  });
});

describe('OPDs and members', () => {
  it('lets the tenant admin manage OPDs with optimistic locking', async () => {
    const admin = await env.login('admin.1771@demo.local');
    const created = await env.request('POST', '/tenants/17.71/opds', {
      token: admin,
      body: { name: 'SMP Negeri 1 Kota Bengkulu', kind: 'sekolah' },
    });
    expect(created.status).toBe(201);
    const path = `/tenants/17.71/opds/${created.json.id}`;
    const renamed = await env.request('PATCH', path, {
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { name: 'SMPN 1 Kota Bengkulu' },
    });
    expect(renamed.json).toMatchObject({ name: 'SMPN 1 Kota Bengkulu', version: 2 });
    const stale = await env.request('POST', `${path}/archive`, {
      token: admin,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(409);
    const archived = await env.request('POST', `${path}/archive`, {
      token: admin,
      headers: { 'if-match': '"2"' },
    });
    expect(archived.json.archived).toBe(true);
    const operator = await env.login('opd1.1771@demo.local');
    const denied = await env.request('POST', '/tenants/17.71/opds', {
      token: operator,
      body: { name: 'Dinas Baru', kind: 'dinas' },
    });
    expect(denied.status).toBe(403);
  });

  it('invites a member who can then sign in, and refuses a duplicate e-mail', async () => {
    const admin = await env.login('admin.1771@demo.local');
    const invited = await env.request('POST', '/tenants/17.71/members', {
      token: admin,
      body: {
        email: 'Lurah.Pasar@Bengkulukota.go.id',
        name: 'Lurah Pasar',
        roles: ['opd_operator'],
        opdId: 'opd-kecamatan',
      },
    });
    expect(invited.status).toBe(201);
    expect(invited.json.email).toBe('lurah.pasar@bengkulukota.go.id');
    const token = await env.login('lurah.pasar@bengkulukota.go.id');
    const me = await env.request('GET', '/me', { token });
    expect(me.json.user).toMatchObject({
      tenantCode: '17.71',
      roles: ['opd_operator'],
      opdId: 'opd-kecamatan',
    });
    const again = await env.request('POST', '/tenants/17.71/members', {
      token: admin,
      body: { email: 'lurah.pasar@bengkulukota.go.id', name: 'Lagi', roles: ['verifier'] },
    });
    expect(again.status).toBe(409);
    // The same address is taken platform-wide, not only within one region.
    const elsewhere = await env.request('POST', '/tenants/63.03/members', {
      token: await env.login('admin.6303@demo.local'),
      body: { email: 'lurah.pasar@bengkulukota.go.id', name: 'Lagi', roles: ['verifier'] },
    });
    expect(elsewhere.status).toBe(409);
  });

  it('requires an OPD for operators and refuses granting platform admin', async () => {
    const admin = await env.login('admin.1771@demo.local');
    const noOpd = await env.request('POST', '/tenants/17.71/members', {
      token: admin,
      body: { email: 'tanpa.opd@bengkulukota.go.id', name: 'Tanpa OPD', roles: ['opd_operator'] },
    });
    expect(noOpd.json.error).toMatchObject({ code: 'opd_required', field: 'opdId' });
    const escalate = await env.request('POST', '/tenants/17.71/members', {
      token: admin,
      body: { email: 'naik.pangkat@bengkulukota.go.id', name: 'Naik', roles: ['platform_admin'] },
    });
    expect(escalate.status).toBe(400);
    expect(escalate.json.error.field).toBe('roles.0');
  });

  it('changes a member’s role with If-Match', async () => {
    const admin = await env.login('admin.1771@demo.local');
    const change = await env.request('PATCH', '/tenants/17.71/members/u-1771-opd2', {
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { roles: ['verifier'], opdId: null },
    });
    expect(change.status).toBe(200);
    expect(change.json.roles).toEqual(['verifier']);
    expect(change.json.opdId).toBeUndefined();
  });
});

describe('authentication and modes', () => {
  it('answers 401 without a token and with a forged one', async () => {
    expect((await env.request('GET', '/tenants/35.22/innovations')).status).toBe(401);
    const forged = await env.request('GET', '/me', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x' });
    expect(forged.status).toBe(401);
    expect(forged.json.error.code).toBe('unauthenticated');
  });

  it('speaks English when asked and Bahasa Indonesia otherwise', async () => {
    const id = await env.request('GET', '/me');
    const en = await env.request('GET', '/me', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(id.json.error.message).toContain('Anda belum masuk');
    expect(en.json.error.message).toContain('You are not signed in');
  });

  it('lists every demo user to sign in as, the platform admin included', async () => {
    const users = await env.request('GET', '/dev/users');
    const emails = users.json.items.map((user: { email: string }) => user.email);
    const demo = ['35', '3522', '3520', '3516', '6303', '1771'].flatMap((code) =>
      ['admin', 'verifikator', 'opd1', 'opd2'].map((role) => `${role}.${code}@demo.local`),
    );
    expect(emails).toEqual(expect.arrayContaining(['platform@demo.local', ...demo]));
  });

  it('has no dev login route in AWS mode', async () => {
    const aws = await createTestEnvironment({ seed: false, mode: 'aws' });
    const login = await aws.request('POST', '/dev/login', { body: { email: 'platform@demo.local' } });
    expect(login.status).toBe(404);
    expect(login.json.error.code).toBe('route_not_found');
    const doc = await aws.request('GET', '/openapi.json');
    expect(Object.keys(doc.json.paths).some((path) => path.includes('/dev/'))).toBe(false);
  });
});
