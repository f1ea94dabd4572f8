import { todayInJakarta } from '@inovasi/core';
import type { ScopedClients } from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The province cockpit: a province sees exactly the regencies and cities inside it, from its read
 * model in one query; it leaves notes and assigns pendamping in its own partition; nobody else —
 * a regency, another province — reaches any of it.
 */
let env: TestEnvironment;
let province: string;
let otherProvince: string;
let platform: string;
/** DynamoDB requests sent by the app while `counting` is on, by command. */
const requests: string[] = [];
let counting = false;

const YEAR = 2026;
const JATIM_DEMO = ['35.16', '35.20', '35.22'];

const countRequests = (clients: ScopedClients) => {
  clients.table.middlewareStack.add(
    (next, context) => async (args) => {
      if (counting) requests.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
};

beforeAll(async () => {
  env = await createTestEnvironment({ factory: { instrument: countRequests } });
  province = await env.login('admin.35@demo.local');
  platform = await env.login('platform@demo.local');
  // A second province with a viewer of its own: Kalimantan Selatan, where the demo's Banjar lies.
  expect((await env.request('POST', '/tenants', { token: platform, body: { code: '63' } })).status).toBe(201);
  const invited = await env.request('POST', '/tenants/63/members', {
    token: platform,
    body: {
      email: 'pengawas.63@demo.local',
      name: 'Pengawas Kalsel',
      roles: ['tenant_admin', 'province_viewer'],
    },
  });
  expect(invited.status).toBe(201);
  otherProvince = await env.login('pengawas.63@demo.local');
});

const cockpit = (token: string, code = '35', query = '') =>
  env.request('GET', `/tenants/${code}/oversight/${YEAR}${query}`, { token });

describe('the province cockpit', () => {
  it('shows exactly the demo regencies of Jawa Timur with live figures, from one query', async () => {
    // The caller's member record is read once and then cached: counted here are the cockpit's reads.
    await env.request('GET', '/me', { token: province });
    requests.length = 0;
    counting = true;
    const response = await cockpit(province);
    counting = false;
    expect(response.status).toBe(200);
    expect(requests).toEqual(['QueryCommand']);
    const codes = response.json.rows.map((row: { tenantCode: string }) => row.tenantCode).sort();
    expect(codes).toEqual(JATIM_DEMO);
    const bojonegoro = response.json.rows.find((row: { tenantCode: string }) => row.tenantCode === '35.22');
    expect(bojonegoro).toMatchObject({
      name: 'Kabupaten Bojonegoro',
      kind: 'kabupaten',
      claimed: { predicate: 'Sangat Inovatif' },
      basicServices: { gateMet: true, missing: [] },
      lastYear: { year: 2025, index: 66.4, predicate: 'Sangat Inovatif', rank: 27, rankOf: 415 },
    });
    expect(bojonegoro.claimed.index).toBeGreaterThan(bojonegoro.verified.index);
    expect(bojonegoro.completeness.answered).toBeGreaterThan(0);
    // Jawa Timur has 38 regencies and cities; the other 35 are not on the platform.
    expect(response.json.coverage.regencies).toBe(38);
    expect(response.json.coverage.withSummary).toBe(3);
    expect(response.json.coverage.withoutSummary).toHaveLength(35);
    const distribution = response.json.distribution.verified as Record<string, number>;
    expect(Object.values(distribution).reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it('warns of a regency falling below last year’s predicate', async () => {
    const response = await cockpit(province);
    const magetan = response.json.rows.find((row: { tenantCode: string }) => row.tenantCode === '35.20');
    expect(magetan.lastYear).toMatchObject({ year: 2025, index: 41.5, predicate: 'Inovatif' });
    expect(magetan.changeSinceLastYear.claimed).toBeLessThan(0);
    expect(magetan.warnings).toContainEqual(
      expect.objectContaining({ code: 'below_last_year', severity: 'high' }),
    );
    expect(response.json.warnings[0].severity).toBe('high');
  });

  it('warns of "Tidak Dapat Dinilai" when nothing is sent close to the deadline, and of many returns', async () => {
    const magetanAdmin = await env.login('admin.3520@demo.local');
    const day = (offset: number) =>
      new Date(Date.parse(`${todayInJakarta()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const opened = await env.request('POST', '/tenants/35.20/periods', {
      token: magetanAdmin,
      body: { year: YEAR, internalDeadline: day(2), nationalDeadline: day(5) },
    });
    expect(opened.status).toBe(201);
    // Return two of Magetan's three innovations: submitted by the admin, returned by the verifier.
    const verifier = await env.login('verifikator.3520@demo.local');
    const list = await env.request('GET', '/tenants/35.20/innovations?limit=10', { token: magetanAdmin });
    for (const innovation of list.json.items.slice(0, 2)) {
      const submitted = await env.request('POST', `/tenants/35.20/innovations/${innovation.id}/transitions`, {
        token: magetanAdmin,
        headers: { 'if-match': `"${innovation.version}"` },
        body: { action: 'submit' },
      });
      expect(submitted.status).toBe(200);
      const returned = await env.request('POST', `/tenants/35.20/innovations/${innovation.id}/transitions`, {
        token: verifier,
        headers: { 'if-match': `"${submitted.json.version}"` },
        body: { action: 'return', note: 'Lengkapi data dukung.' },
      });
      expect(returned.status).toBe(200);
    }

    // The cockpit's rows follow the table's stream (docs/decisions/0018).
    await env.projected();
    const response = await cockpit(province, '35', '?warning=not_assessable_risk');
    expect(response.json.rows.map((row: { tenantCode: string }) => row.tenantCode)).toEqual(['35.20']);
    const [magetan] = response.json.rows;
    expect(magetan).toMatchObject({ disclaimerRisk: 'high', daysToNationalDeadline: 5 });
    expect(magetan.innovations.returned).toBe(2);
    const codes = magetan.warnings.map((warning: { code: string }) => warning.code);
    expect(codes).toEqual(
      expect.arrayContaining(['not_assessable_risk', 'below_last_year', 'many_returned']),
    );
  });

  it('sorts and filters', async () => {
    const byName = await cockpit(province, '35', '?sort=name');
    expect(byName.json.rows.map((row: { name: string }) => row.name)).toEqual([
      'Kabupaten Bojonegoro',
      'Kabupaten Magetan',
      'Kabupaten Mojokerto',
    ]);
    const byVerified = await cockpit(province, '35', '?sort=verified&order=asc');
    const indexes = byVerified.json.rows.map((row: { verified: { index: number } }) => row.verified.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    const sangat = await cockpit(province, '35', '?predicate=Sangat%20Inovatif&basis=claimed');
    expect(sangat.json.rows.map((row: { tenantCode: string }) => row.tenantCode)).toEqual(['35.22']);
    expect((await cockpit(province, '35', '?sort=lucky')).status).toBe(400);
  });

  it('drills into a regency read-only: summary and innovations, no evidence, no people beyond role contacts', async () => {
    const response = await env.request('GET', `/tenants/35/oversight/${YEAR}/regencies/35.22`, {
      token: province,
    });
    expect(response.status).toBe(200);
    expect(response.json.summary.tenantCode).toBe('35.22');
    expect(response.json.innovations).toHaveLength(response.json.summary.innovations.total);
    expect(Object.keys(response.json.innovations[0]).sort()).toEqual(
      [
        'eligible',
        'id',
        'kematanganClaimed',
        'kematanganVerified',
        'name',
        'opdId',
        'opdName',
        'progress',
        'stage',
        'status',
        'urusan',
      ].sort(),
    );
    expect(response.json.summary.contacts.map((contact: { role: string }) => contact.role).sort()).toEqual([
      'tenant_admin',
      'verifier',
    ]);
    // Nothing of the operators, and no evidence or narrative.
    const admin = await env.login('admin.3522@demo.local');
    const members = await env.request('GET', '/tenants/35.22/members', { token: admin });
    const operators = members.json.items.filter((member: { roles: string[] }) =>
      member.roles.includes('opd_operator'),
    );
    for (const operator of operators) {
      expect(response.text).not.toContain(operator.email);
      expect(response.text).not.toContain(operator.id);
    }
    for (const field of ['rancangBangun', 'createdBy', 'updatedBy', 'evidenceId', 'budget']) {
      expect(response.text).not.toContain(field);
    }
    // The old direct way into a regency's evidence is closed to the province as well.
    const evidence = await env.request('GET', '/tenants/35.22/evidence', { token: province });
    expect(evidence.status).toBe(403);
  });

  it('serves the drill-down’s names, stages, figures and progress from the read model, never the records’ private fields', async () => {
    // Prepare: what the regency itself keeps private, read by its own admin.
    const admin = await env.login('admin.3522@demo.local');
    const records = await env.request('GET', '/tenants/35.22/innovations?limit=100', { token: admin });
    const members = await env.request('GET', '/tenants/35.22/members', { token: admin });
    const full = await Promise.all(
      records.json.items.map(
        async (item: { id: string }) =>
          (await env.request('GET', `/tenants/35.22/innovations/${item.id}`, { token: admin })).json,
      ),
    );
    const answered = full.find((innovation) => Object.keys(innovation.answers ?? {}).length > 0);
    const privateValues = [
      ...full.flatMap((innovation) => [
        innovation.profile.rancangBangun,
        innovation.profile.budget === undefined ? undefined : String(innovation.profile.budget),
        innovation.createdBy,
        innovation.updatedBy,
      ]),
      // Whoever reviewed an answer is one of these ids.
      ...members.json.items.map((member: { id: string }) => member.id),
    ].filter((value): value is string => typeof value === 'string' && value.length > 5);
    expect(full.some((innovation) => innovation.profile.budget !== undefined)).toBe(true);
    expect(full.some((innovation) => (innovation.profile.rancangBangun ?? '').length > 40)).toBe(true);
    expect(answered).toBeDefined();
    // Act
    const response = await env.request('GET', `/tenants/35/oversight/${YEAR}/regencies/35.22`, {
      token: province,
    });
    // Assess: one row per innovation with its name, OPD, stage, status, figures and progress.
    expect(response.status).toBe(200);
    const byId = new Map(
      response.json.innovations.map((brief: { id: string }) => [brief.id, brief] as const),
    );
    for (const innovation of full) {
      expect(byId.get(innovation.id)).toMatchObject({
        name: innovation.profile.name,
        opdId: innovation.opdId,
        status: innovation.status,
        stage: innovation.profile.stage ?? null,
      });
    }
    const progress = (
      byId.get(answered.id) as {
        progress: { total: number; answered: number; evidenced: number; verified: number };
      }
    ).progress;
    expect(progress.total).toBeGreaterThan(0);
    expect(progress.answered).toBe(
      Object.values(answered.answers as Record<string, { level: number }>).filter((a) => a.level > 0).length,
    );
    expect(progress.evidenced).toBeLessThanOrEqual(progress.answered);
    expect(progress.verified).toBeLessThanOrEqual(progress.evidenced);
    const leaked = privateValues.filter((value) => response.text.includes(value));
    expect(leaked).toEqual([]);
  });

  it('keeps the drill-down’s progress current through the summary projector', async () => {
    // Prepare: a draft innovation of the regency and one of its indicators.
    const admin = await env.login('admin.3522@demo.local');
    const drillDown = async () =>
      (await env.request('GET', `/tenants/35/oversight/${YEAR}/regencies/35.22`, { token: province })).json;
    const before = await drillDown();
    const draft = before.innovations.find((brief: { status: string }) => brief.status === 'draft');
    const path = `/tenants/35.22/innovations/${draft.id}`;
    const record = await env.request('GET', path, { token: admin });
    const wasAnswered = Boolean(record.json.answers?.['sid.16']?.level);
    // Act: the regency answers it, or takes its answer back; the projector applies it from the stream.
    const changed = await env.request('PUT', `${path}/answers/sid.16`, {
      token: admin,
      headers: { 'if-match': record.headers.get('etag') ?? '' },
      body: { level: wasAnswered ? 0 : 1 },
    });
    expect(changed.status).toBe(200);
    await env.projected();
    // Assess
    const after = await drillDown();
    const progressOf = (detail: { innovations: { id: string; progress: { answered: number } }[] }) =>
      detail.innovations.find((brief) => brief.id === draft.id)?.progress.answered ?? Number.NaN;
    expect(progressOf(after)).toBe(progressOf(before) + (wasAnswered ? -1 : 1));
  });

  it('refuses the province a regency’s raw records: innovations, settings, SPD answers, evidence, members', async () => {
    const admin = await env.login('admin.3522@demo.local');
    const innovation = (await env.request('GET', '/tenants/35.22/innovations?limit=1', { token: admin })).json
      .items[0];
    const raw = [
      '/tenants/35.22/innovations',
      `/tenants/35.22/innovations/${innovation.id}`,
      `/tenants/35.22/innovations/${innovation.id}/evidence`,
      '/tenants/35.22/settings',
      `/tenants/35.22/periods/${YEAR}/spd`,
      `/tenants/35.22/periods/${YEAR}/spd/evidence`,
      `/tenants/35.22/periods/${YEAR}/evidence/completeness`,
      `/tenants/35.22/periods/${YEAR}/projection`,
      '/tenants/35.22/evidence',
      '/tenants/35.22/members',
      '/tenants/35.22/opds',
      '/tenants/35.22',
    ];
    for (const path of raw) {
      const response = await env.request('GET', path, { token: province });
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect(response.json.error.code).toBe('province_oversight_only');
      expect(response.json.error.message).toMatch(/Pengawasan Provinsi/);
      expect(response.text).not.toContain(innovation.profile?.name ?? innovation.name);
    }
    // A result the regency's admin entered: its figures, not who typed it.
    const entered = await env.request('PUT', '/tenants/35.22/results/2022', {
      token: admin,
      headers: { 'if-match': '"0"' },
      body: { index: 58.1 },
    });
    expect(entered.json.enteredBy).toEqual(expect.stringMatching(/^u-/));
    const results = await env.request('GET', '/tenants/35.22/results', { token: province });
    expect(results.json.items.find((item: { year: number }) => item.year === 2022)).toMatchObject({
      index: 58.1,
    });
    expect(results.text).not.toContain('enteredBy');
    expect(results.text).not.toContain(entered.json.enteredBy);
    // What oversight needs stays open: the regency's dashboard and the province's own routes.
    for (const path of [
      `/tenants/35.22/periods/${YEAR}/summary`,
      `/tenants/35.22/periods/${YEAR}/trend`,
      '/tenants/35.22/results',
      `/tenants/35.22/periods/${YEAR}/province-note`,
      `/tenants/35/oversight/${YEAR}`,
      `/tenants/35/oversight/${YEAR}/regencies/35.22`,
      `/tenants/35/oversight/${YEAR}/notes`,
    ]) {
      const response = await env.request('GET', path, { token: province });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
  });

  it('keeps notes and pendamping assignments in the province, with versions', async () => {
    const path = `/tenants/35/oversight/${YEAR}/regencies/35.20/note`;
    const created = await env.request('PUT', path, {
      token: province,
      headers: { 'if-match': '"0"' },
      body: {
        note: 'Dua inovasi dikembalikan; jadwalkan klinik data dukung minggu ini.',
        pendamping: { name: 'Rina Wulandari', position: 'Analis Kebijakan', phone: '+62 812 3456 7890' },
      },
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ regencyCode: '35.20', year: YEAR, version: 1 });
    const stale = await env.request('PUT', path, {
      token: province,
      headers: { 'if-match': '"0"' },
      body: { note: 'Tertimpa?' },
    });
    expect(stale.status).toBe(409);
    const updated = await env.request('PUT', path, {
      token: province,
      headers: { 'if-match': '"1"' },
      body: { note: 'Klinik data dukung dijadwalkan Kamis.', pendamping: created.json.pendamping },
    });
    expect(updated.json.version).toBe(2);
    const notes = await env.request('GET', `/tenants/35/oversight/${YEAR}/notes`, { token: province });
    expect(notes.json.items).toEqual([updated.json]);
    const detail = await env.request('GET', `/tenants/35/oversight/${YEAR}/regencies/35.20`, {
      token: province,
    });
    expect(detail.json.note).toEqual(updated.json);
    // The province's own audit trail records it.
    const trail = await env.request('GET', '/tenants/35/audit?entityId=oversight-2026-35.20', {
      token: province,
    });
    expect(trail.json.items.map((entry: { action: string }) => entry.action)).toEqual([
      'oversight.note',
      'oversight.note',
    ]);
  });
});

describe('who reaches a cockpit', () => {
  it('gives another province its own regencies only', async () => {
    const own = await cockpit(otherProvince, '63');
    expect(own.status).toBe(200);
    expect(own.json.rows.map((row: { tenantCode: string }) => row.tenantCode)).toEqual(['63.03']);
    expect(own.json.provinceName).toBe('Provinsi Kalimantan Selatan');
    expect(own.text).not.toContain('35.22');
    expect(own.text).not.toContain('Bojonegoro');
    // And Jawa Timur's cockpit shows nothing of Kalimantan Selatan.
    expect((await cockpit(province)).text).not.toContain('63.03');
  });

  it.each([
    ['another province’s cockpit', 'pengawas.63', 'GET', `/tenants/35/oversight/${YEAR}`],
    ['another province’s notes', 'pengawas.63', 'GET', `/tenants/35/oversight/${YEAR}/notes`],
    [
      'a regency of another province, from its own cockpit',
      'pengawas.63',
      'GET',
      `/tenants/63/oversight/${YEAR}/regencies/35.22`,
    ],
    [
      'a note on a regency of another province',
      'pengawas.63',
      'PUT',
      `/tenants/63/oversight/${YEAR}/regencies/35.22/note`,
    ],
    ['a regency outside Jawa Timur', 'admin.35', 'GET', `/tenants/35/oversight/${YEAR}/regencies/63.03`],
    [
      'a note on a regency outside Jawa Timur',
      'admin.35',
      'PUT',
      `/tenants/35/oversight/${YEAR}/regencies/63.03/note`,
    ],
    ['its province’s cockpit, as a regency', 'admin.3522', 'GET', `/tenants/35/oversight/${YEAR}`],
    ['a cockpit of its own code, as a regency', 'admin.3522', 'GET', `/tenants/35.22/oversight/${YEAR}`],
    ['its own row, as a regency', 'admin.3522', 'GET', `/tenants/35.22/oversight/${YEAR}/regencies/35.22`],
    [
      'the province’s note about it, as a regency',
      'admin.3520',
      'GET',
      `/tenants/35/oversight/${YEAR}/regencies/35.20/note`,
    ],
    [
      'the province cockpit, as the province’s verifier',
      'verifikator.35',
      'GET',
      `/tenants/35/oversight/${YEAR}`,
    ],
    ['the national view, as a province', 'admin.35', 'GET', `/platform/summaries/${YEAR}`],
  ])('refuses %s', async (_label, user, method, path) => {
    const token = await env.login(`${user}@demo.local`);
    const response = await env.request(method, path, {
      token,
      headers: { 'if-match': '"0"' },
      ...(method === 'PUT' ? { body: { note: 'Catatan yang tidak boleh tersimpan.' } } : {}),
    });
    expect(response.status).toBe(403);
    for (const name of ['Bojonegoro', 'Magetan', 'Mojokerto', 'Banjar', 'Rina'])
      expect(response.text).not.toContain(name);
  });
});

describe('the national view', () => {
  it('gives the platform administrator every region, participation and the predicate distribution', async () => {
    const response = await env.request('GET', `/platform/summaries/${YEAR}`, { token: platform });
    expect(response.status).toBe(200);
    const codes = response.json.rows.map((row: { tenantCode: string }) => row.tenantCode);
    expect(codes).toEqual(expect.arrayContaining(['35', '35.16', '35.20', '35.22', '63.03', '17.71', '63']));
    expect(response.json.participation.onboarded).toBe(7);
    expect(response.json.participation.withSummary).toBe(7);
    const total = Object.values(response.json.distribution.claimed as Record<string, number>).reduce(
      (sum, count) => sum + count,
      0,
    );
    expect(total).toBe(7);
    // Kota Bengkulu has answered nothing yet: Tidak Dapat Dinilai.
    const bengkulu = response.json.rows.find((row: { tenantCode: string }) => row.tenantCode === '17.71');
    expect(bengkulu.claimed.predicate).toBe('Tidak Dapat Dinilai');
  });
});
