import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

let env: TestEnvironment;
let operator: string;
let otherOperator: string;
let admin: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  operator = await env.login('opd1.3522@demo.local');
  otherOperator = await env.login('opd2.3522@demo.local');
  admin = await env.login('admin.3522@demo.local');
});

const create = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  env.request('POST', '/tenants/35.22/innovations', { token, body, headers });

describe('innovations API', () => {
  it('creates a draft for the operator’s own OPD and reads it back with its version', async () => {
    const created = await create(operator, { opdId: 'opd-dinkes', profile: { name: 'Layanan Uji Coba' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      status: 'draft',
      version: 1,
      opdId: 'opd-dinkes',
      createdBy: 'u-3522-opd1',
    });
    const read = await env.request('GET', `/tenants/35.22/innovations/${created.json.id}`, {
      token: operator,
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.json.profile.name).toBe('Layanan Uji Coba');
  });

  it('refuses an operator creating or editing for another OPD', async () => {
    const foreign = await create(operator, { opdId: 'opd-disdik', profile: { name: 'Bukan OPD Saya' } });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.code).toBe('forbidden_opd');

    const theirs = await create(otherOperator, { opdId: 'opd-disdik', profile: { name: 'Milik Disdik' } });
    const edit = await env.request('PATCH', `/tenants/35.22/innovations/${theirs.json.id}`, {
      token: operator,
      headers: { 'if-match': '"1"' },
      body: { profile: { name: 'Diubah orang lain' } },
    });
    expect(edit.status).toBe(403);
    const unchanged = await env.request('GET', `/tenants/35.22/innovations/${theirs.json.id}`, {
      token: admin,
    });
    expect(unchanged.json.profile.name).toBe('Milik Disdik');
  });

  it('updates with If-Match, and answers a stale version with 409 without overwriting', async () => {
    const created = await create(operator, { opdId: 'opd-dinkes', profile: { name: 'Versi Awal' } });
    const path = `/tenants/35.22/innovations/${created.json.id}`;
    const first = await env.request('PATCH', path, {
      token: operator,
      headers: { 'if-match': '"1"' },
      body: { profile: { tujuan: 'Tujuan baru' } },
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ version: 2, profile: { name: 'Versi Awal', tujuan: 'Tujuan baru' } });
    const stale = await env.request('PATCH', path, {
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { profile: { name: 'Tertimpa' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('version_conflict');
    const missing = await env.request('PATCH', path, {
      token: admin,
      body: { profile: { name: 'Tanpa versi' } },
    });
    expect(missing.status).toBe(428);
    const current = await env.request('GET', path, { token: admin });
    expect(current.json.profile.name).toBe('Versi Awal');
  });

  it('clears a field sent as null, and refuses clearing the name', async () => {
    const created = await create(operator, {
      opdId: 'opd-dinkes',
      profile: { name: 'Akan Dikosongkan', stage: 'uji_coba', budget: 5_000_000 },
    });
    const path = `/tenants/35.22/innovations/${created.json.id}`;
    const cleared = await env.request('PATCH', path, {
      token: operator,
      headers: { 'if-match': '"1"' },
      body: { profile: { stage: null, budget: null } },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.json.profile).toEqual({ name: 'Akan Dikosongkan' });
    const noName = await env.request('PATCH', path, {
      token: operator,
      headers: { 'if-match': '"2"' },
      body: { profile: { name: null } },
    });
    expect(noName.status).toBe(400);
    expect(noName.json.error.field).toBe('profile.name');
  });

  it('replays an idempotent create instead of creating twice', async () => {
    const body = { opdId: 'opd-dinkes', profile: { name: 'Sekali Saja' } };
    const headers = { 'idempotency-key': 'form-submit-7f3a9c' };
    const first = await create(operator, body, headers);
    const retry = await create(operator, body, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json.id).toBe(first.json.id);
    const other = await create(operator, { ...body, profile: { name: 'Lain' } }, headers);
    expect(other.status).toBe(422);
  });

  it('lists with filters and a cursor, and rejects a forged cursor', async () => {
    const page = await env.request('GET', '/tenants/35.22/innovations?limit=2', { token: admin });
    expect(page.status).toBe(200);
    expect(page.json.items).toHaveLength(2);
    const next = await env.request(
      'GET',
      `/tenants/35.22/innovations?limit=2&cursor=${encodeURIComponent(page.json.nextCursor)}`,
      { token: admin },
    );
    expect(next.json.items[0].id).not.toBe(page.json.items[0].id);
    const byStage = await env.request('GET', '/tenants/35.22/innovations?stage=inisiatif&limit=50', {
      token: admin,
    });
    expect(byStage.json.items.map((item: { profile: { name: string } }) => item.profile.name)).toEqual([
      'Kecamatan Tanggap Bencana Banjir',
    ]);
    const forged = await env.request('GET', '/tenants/35.22/innovations?cursor=bm9wZQ', { token: admin });
    expect(forged.status).toBe(400);
    expect(forged.json.error.field).toBe('cursor');
  });

  it('archives, after which edits are refused', async () => {
    const created = await create(operator, { opdId: 'opd-dinkes', profile: { name: 'Akan Diarsip' } });
    const path = `/tenants/35.22/innovations/${created.json.id}`;
    const archived = await env.request('POST', `${path}/archive`, {
      token: operator,
      headers: { 'if-match': '1' },
    });
    expect(archived.status).toBe(200);
    expect(archived.json.archived).toBe(true);
    const edit = await env.request('PATCH', path, {
      token: operator,
      headers: { 'if-match': '"2"' },
      body: { profile: { name: 'Tidak Boleh' } },
    });
    expect(edit.status).toBe(409);
    expect(edit.json.error.code).toBe('archived');
  });

  it('lets a verifier read but not write', async () => {
    const verifier = await env.login('verifikator.3522@demo.local');
    expect((await env.request('GET', '/tenants/35.22/innovations', { token: verifier })).status).toBe(200);
    const write = await create(verifier, { opdId: 'opd-dinkes', profile: { name: 'Verifikator Menulis' } });
    expect(write.status).toBe(403);
    expect(write.json.error.code).toBe('forbidden_role');
  });
});
