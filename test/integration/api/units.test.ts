import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatchOutbox, fileMailSink } from '@inovasi/app/jobs/outbox';
import { todayInJakarta } from '@inovasi/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { eligibleProfile } from '../../support/profiles.ts';
import { exportFile, pdfText, readWorkbook, sheetRecords } from '../exports/support.ts';

/**
 * Units below the OPD (ADR 0036): managed by the admin (one by one or as a spreadsheet list),
 * owned by members and innovations, rolled up unit → OPD → region on the progress board, and
 * judged by the period's target rule.
 */
describe('units below the OPD and the period’s target rule', () => {
  let env: TestEnvironment;
  let admin: string;
  let operator: string;
  const base = '/tenants/35.20';
  const YEAR = 2026;
  const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

  beforeAll(async () => {
    env = await createTestEnvironment();
    admin = await env.login('admin.3520@demo.local');
    operator = await env.login('opd1.3520@demo.local');
  });

  const createUnit = (body: Record<string, unknown>) =>
    env.request('POST', `${base}/units`, { token: admin, body });
  const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const importList = (text: string, dryRun = false) =>
    env.request('POST', `${base}/units/import`, {
      token: admin,
      body: { fileName: 'unit.csv', contentBase64: csv(text), dryRun },
    });
  const listUnits = async () =>
    (await env.request('GET', `${base}/units`, { token: admin })).json.items as {
      id: string;
      name: string;
      kind: string;
      opdId: string;
      parentUnitId?: string;
      version: number;
      archived: boolean;
    }[];

  it('lets a member hold every tenant role at once', async () => {
    // Prepare: only the platform grants province_viewer, so the platform sets all five.
    const platform = await env.login('platform@demo.local');
    const invited = await env.request('POST', `${base}/members`, {
      token: admin,
      body: { email: 'semua@contoh.go.id', name: 'Pegawai Serba', roles: ['verifier'] },
    });
    // Act
    const changed = await env.request('PATCH', `${base}/members/${invited.json.id}`, {
      token: platform,
      headers: ifMatch(invited.json.version),
      body: {
        roles: ['tenant_admin', 'verifier', 'opd_operator', 'province_viewer', 'pimpinan'],
        opdId: 'opd-dinkes',
      },
    });
    const twice = await env.request('PATCH', `${base}/members/${invited.json.id}`, {
      token: platform,
      headers: ifMatch(changed.json.version),
      body: { roles: ['verifier', 'verifier'] },
    });
    // Assess
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.roles).toHaveLength(5);
    expect(twice.status).toBe(400);
    expect(twice.json.error.field).toMatch(/^roles/);
  });

  it('creates units, keeps a kelurahan under a kecamatan of the same OPD, and archives with care', async () => {
    // Act
    const kecamatan = await createUnit({
      opdId: 'opd-kecamatan',
      kind: 'kecamatan',
      name: 'Kecamatan Baureno',
    });
    const kelurahan = await createUnit({
      opdId: 'opd-kecamatan',
      kind: 'kelurahan',
      name: 'Kelurahan Baureno',
      parentUnitId: kecamatan.json.id,
    });
    const orphan = await createUnit({ opdId: 'opd-kecamatan', kind: 'desa', name: 'Desa Tanpa Induk' });
    const wrongParent = await createUnit({
      opdId: 'opd-kecamatan',
      kind: 'puskesmas',
      name: 'Puskesmas Baureno',
      parentUnitId: kecamatan.json.id,
    });
    const otherOpd = await createUnit({
      opdId: 'opd-dinkes',
      kind: 'desa',
      name: 'Desa Salah OPD',
      parentUnitId: kecamatan.json.id,
    });
    const noOpd = await createUnit({ opdId: 'opd-tidak-ada', kind: 'sd', name: 'SD Negeri 1' });
    const blocked = await env.request('POST', `${base}/units/${kecamatan.json.id}/archive`, {
      token: admin,
      headers: ifMatch(kecamatan.json.version),
    });
    const renamed = await env.request('PATCH', `${base}/units/${kelurahan.json.id}`, {
      token: admin,
      headers: ifMatch(kelurahan.json.version),
      body: { name: 'Kelurahan Baureno Kota' },
    });
    const stale = await env.request('PATCH', `${base}/units/${kelurahan.json.id}`, {
      token: admin,
      headers: ifMatch(kelurahan.json.version),
      body: { name: 'Kelurahan Lain' },
    });
    const byOperator = await env.request('POST', `${base}/units`, {
      token: operator,
      body: { opdId: 'opd-dinkes', kind: 'puskesmas', name: 'Puskesmas Operator' },
    });
    // Assess
    expect(kecamatan.status, kecamatan.text).toBe(201);
    expect(kelurahan.status, kelurahan.text).toBe(201);
    expect(kelurahan.json.parentUnitId).toBe(kecamatan.json.id);
    expect(orphan.json.error).toMatchObject({ code: 'unit_parent_required', field: 'parentUnitId' });
    expect(wrongParent.json.error).toMatchObject({ code: 'unit_parent_not_allowed', field: 'parentUnitId' });
    expect(otherOpd.json.error).toMatchObject({ code: 'unit_not_found', field: 'parentUnitId' });
    expect(noOpd.json.error).toMatchObject({ code: 'opd_not_found', field: 'opdId' });
    expect(blocked.status).toBe(409);
    expect(blocked.json.error.code).toBe('unit_has_children');
    expect(renamed.json.name).toBe('Kelurahan Baureno Kota');
    expect(stale.status).toBe(409);
    expect(byOperator.status).toBe(403);
    const names = (await listUnits()).map((unit) => unit.name);
    expect(names).toEqual(['Kecamatan Baureno', 'Kelurahan Baureno Kota']);
  });

  it('imports a unit list all or nothing, and a second import of the same list creates nothing twice', async () => {
    // Prepare
    const list = [
      'Nama Unit;Jenis;OPD;Kecamatan',
      'UPT Puskesmas Sumberrejo;UPT Puskesmas;Dinas Kesehatan;',
      'SD Negeri Sumberrejo 1;SD;Dinas Pendidikan;',
      'SMP Negeri 2 Sumberrejo;smp;Dinas Pendidikan;',
      'Desa Sumberrejo;desa;;Kecamatan Sumberrejo',
      'Kecamatan Sumberrejo;kecamatan;Kecamatan Kota;',
      'Kelurahan Baureno Timur;kelurahan;;Kecamatan Baureno',
    ].join('\n');
    const before = (await listUnits()).length;
    // Act
    const broken = await importList(`${list}\nSekolah Tanpa Jenis;kantor;Dinas Pendidikan;`);
    const afterBroken = (await listUnits()).length;
    const dryRun = await importList(list, true);
    const afterDryRun = (await listUnits()).length;
    const first = await importList(list);
    const again = await importList(list);
    // Assess
    expect(broken.status).toBe(400);
    expect(broken.json.error).toMatchObject({ code: 'unit_import_invalid', field: 'contentBase64' });
    expect(afterBroken).toBe(before);
    expect(dryRun.status, dryRun.text).toBe(200);
    expect(dryRun.json).toMatchObject({ created: 0, existing: 0 });
    expect(afterDryRun).toBe(before);
    expect(first.json).toMatchObject({ created: 6, existing: 0 });
    expect(again.json).toMatchObject({ created: 0, existing: 6 });
    const units = await listUnits();
    expect(units).toHaveLength(before + 6);
    const kecamatan = units.find((unit) => unit.name === 'Kecamatan Sumberrejo');
    expect(units.find((unit) => unit.name === 'Desa Sumberrejo')).toMatchObject({
      kind: 'desa',
      opdId: 'opd-kecamatan',
      parentUnitId: kecamatan?.id,
    });
    // An existing kecamatan is found by name too.
    const baureno = units.find((unit) => unit.name === 'Kecamatan Baureno');
    expect(units.find((unit) => unit.name === 'Kelurahan Baureno Timur')?.parentUnitId).toBe(baureno?.id);
  });

  it('answers a file without a known header with a 400 naming the field', async () => {
    // Act
    const response = await importList('a;b\n1;2');
    // Assess
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'import_no_header', field: 'contentBase64' });
  });

  it('lets an operator belong to a unit of their own OPD only', async () => {
    // Prepare
    const units = await listUnits();
    const puskesmas = units.find((unit) => unit.kind === 'puskesmas');
    const school = units.find((unit) => unit.kind === 'sd');
    const invited = await env.request('POST', `${base}/members`, {
      token: admin,
      body: {
        email: 'pkm@contoh.go.id',
        name: 'Operator Puskesmas',
        roles: ['opd_operator'],
        opdId: 'opd-dinkes',
        unitId: puskesmas?.id,
      },
    });
    // Act
    const wrong = await env.request('PATCH', `${base}/members/${invited.json.id}`, {
      token: admin,
      headers: ifMatch(invited.json.version),
      body: { unitId: school?.id },
    });
    // Assess
    expect(invited.status, invited.text).toBe(201);
    expect(invited.json.unitId).toBe(puskesmas?.id);
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatchObject({ code: 'unit_not_found', field: 'unitId' });
  });

  it('records an innovation’s unit, rolls it up unit → OPD → region, and judges the target rule', async () => {
    // Prepare: a period, and innovations of the puskesmas, of a desa and of Dinkes itself.
    const opened = await env.request('POST', `${base}/periods`, {
      token: admin,
      body: { year: YEAR, internalDeadline: '2026-12-01', nationalDeadline: '2026-12-20' },
    });
    expect(opened.status, opened.text).toBe(201);
    const units = await listUnits();
    const unitId = (name: string) => units.find((unit) => unit.name === name)?.id;
    const puskesmas = unitId('UPT Puskesmas Sumberrejo');
    const desa = unitId('Desa Sumberrejo');
    const kecamatan = unitId('Kecamatan Sumberrejo');
    const create = async (opdId: string, name: string, unit?: string) => {
      const created = await env.request('POST', `${base}/innovations`, {
        token: admin,
        body: { opdId, periodYear: YEAR, profile: eligibleProfile(name), ...(unit ? { unitId: unit } : {}) },
      });
      expect(created.status, created.text).toBe(201);
      return created.json as { id: string; version: number; unitId?: string };
    };
    const submit = async (innovation: { id: string; version: number }) => {
      const response = await env.request('POST', `${base}/innovations/${innovation.id}/transitions`, {
        token: admin,
        headers: ifMatch(innovation.version),
        body: { action: 'submit' },
      });
      expect(response.status, response.text).toBe(200);
    };
    const misplaced = await env.request('POST', `${base}/innovations`, {
      token: admin,
      body: {
        opdId: 'opd-disdik',
        periodYear: YEAR,
        profile: eligibleProfile('Salah Unit'),
        unitId: puskesmas,
      },
    });
    const inPuskesmas = await create('opd-dinkes', 'Posyandu Digital Sumberrejo', puskesmas);
    await submit(inPuskesmas);
    const inDesa = await create('opd-kecamatan', 'Lapak Desa Sumberrejo', desa);
    await submit(inDesa);
    await create('opd-kecamatan', 'Draf Desa Sumberrejo', desa);
    // Moving to another OPD leaves the unit behind.
    const moving = await create('opd-dinkes', 'Pindah OPD', puskesmas);
    const moved = await env.request('PATCH', `${base}/innovations/${moving.id}`, {
      token: admin,
      headers: ifMatch(moving.version),
      body: { opdId: 'opd-disdik' },
    });
    // Act
    const board = await env.request('GET', `${base}/periods/${YEAR}/progress`, { token: admin });
    // Assess
    expect(misplaced.status).toBe(400);
    expect(misplaced.json.error).toMatchObject({ code: 'unit_not_found', field: 'unitId' });
    expect(inPuskesmas.unitId).toBe(puskesmas);
    expect(moved.json.opdId).toBe('opd-disdik');
    expect(moved.json.unitId).toBeUndefined();
    expect(board.status, board.text).toBe(200);
    const opd = (id: string) => board.json.opds.find((row: { opdId: string }) => row.opdId === id);
    const kecamatanRow = opd('opd-kecamatan').units.find(
      (row: { unitId: string }) => row.unitId === kecamatan,
    );
    // The desa's innovations roll up into its kecamatan, and both into the OPD.
    expect(kecamatanRow).toMatchObject({ total: 2, submitted: 1 });
    expect(opd('opd-kecamatan')).toMatchObject({ total: 2, submitted: 1, direct: { total: 0 } });
    const puskesmasRow = opd('opd-dinkes').units.find((row: { unitId: string }) => row.unitId === puskesmas);
    expect(puskesmasRow).toMatchObject({ total: 1, submitted: 1 });
    const sum = (field: string) =>
      board.json.opds.reduce((total: number, row: Record<string, number>) => total + (row[field] ?? 0), 0);
    expect(board.json.region.total).toBe(sum('total'));
    expect(board.json.region.submitted).toBe(sum('submitted'));
    expect(board.json.rule).toBeNull();

    // Act: "1 per OPD, 2 per puskesmas and desa, 2 from each health OPD".
    const period = await env.request('GET', `${base}/periods/${YEAR}`, { token: admin });
    const set = await env.request('PUT', `${base}/periods/${YEAR}/target-rule`, {
      token: admin,
      headers: ifMatch(period.json.version),
      body: {
        targetRule: {
          perOpd: 1,
          perUnit: { count: 2, kinds: ['puskesmas', 'desa'] },
          perUrusanOpd: { count: 2, urusan: ['kesehatan'] },
        },
      },
    });
    const noClause = await env.request('PUT', `${base}/periods/${YEAR}/target-rule`, {
      token: admin,
      headers: ifMatch(set.json.version),
      body: { targetRule: {} },
    });
    const byOperator = await env.request('PUT', `${base}/periods/${YEAR}/target-rule`, {
      token: operator,
      headers: ifMatch(set.json.version),
      body: { targetRule: { perOpd: 1 } },
    });
    const dinkes = await env.request('GET', `${base}/opds`, { token: admin });
    const dinkesOpd = dinkes.json.items.find((item: { id: string }) => item.id === 'opd-dinkes');
    await env.request('PATCH', `${base}/opds/opd-dinkes`, {
      token: admin,
      headers: ifMatch(dinkesOpd.version),
      body: { urusan: 'kesehatan' },
    });
    const judged = await env.request('GET', `${base}/periods/${YEAR}/progress`, { token: admin });
    // Assess
    expect(set.status, set.text).toBe(200);
    expect(set.json.targetRule.perUnit.kinds).toEqual(['puskesmas', 'desa']);
    expect(noClause.status).toBe(400);
    expect(noClause.json.error.field).toMatch(/^targetRule/);
    expect(byOperator.status).toBe(403);
    const rule = judged.json.rule;
    const standing = (id: string) => rule.opds.find((row: { opdId: string }) => row.opdId === id);
    // Dinkes: no innovation of its own (per OPD: lacks 1), one with its puskesmas (urusan: lacks 1).
    expect(standing('opd-dinkes')).toMatchObject({ required: 2, counted: 0, countedWithUnits: 1, lacks: 1 });
    const puskesmasStanding = standing('opd-dinkes').units.find(
      (row: { unitId: string }) => row.unitId === puskesmas,
    );
    expect(puskesmasStanding).toMatchObject({ required: 2, counted: 1, lacks: 1, meets: false });
    const desaStanding = standing('opd-kecamatan').units.find(
      (row: { unitId: string }) => row.unitId === desa,
    );
    // The draft does not count: one of two.
    expect(desaStanding).toMatchObject({ counted: 1, lacks: 1 });
    // The SD and SMP are not bound by this rule.
    expect(standing('opd-disdik').units).toEqual([]);
    expect(rule.unitsBound).toBe(2);
    expect(rule.unitsMeeting).toBe(0);
    expect(rule.opdsMeeting).toBeLessThan(rule.opdsBound);
  });

  it('puts the roll-up and the rule’s standing in the recap spreadsheet, as the board says', async () => {
    // Prepare
    const board = await env.request('GET', `${base}/periods/${YEAR}/progress`, { token: admin });
    // Act
    const { bytes } = await exportFile(env, admin, '35.20', { kind: 'recap', periodYear: YEAR });
    // Assess
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Aturan Target');
    const units = sheetRecords(workbook, 'Progres Unit');
    const desa = units.find((row) => row.Unit === 'Desa Sumberrejo');
    expect(desa).toMatchObject({
      OPD: 'Kecamatan Kota',
      Jenis: 'Desa',
      'Kecamatan Induk': 'Kecamatan Sumberrejo',
    });
    expect(desa?.['Jumlah Inovasi']).toBe(2);
    expect(
      sheetRecords(workbook, 'Progres OPD').find((row) => row.OPD === 'Total Daerah')?.['Jumlah Inovasi'],
    ).toBe(board.json.region.total);
    const rule = sheetRecords(workbook, 'Aturan Target');
    const lacking = rule.filter((row) => row.Memenuhi === 'Belum').map((row) => row.Nama);
    expect(lacking).toEqual(
      expect.arrayContaining(['Dinas Kesehatan', 'UPT Puskesmas Sumberrejo', 'Desa Sumberrejo']),
    );
    expect(rule.find((row) => row.Nama === 'UPT Puskesmas Sumberrejo')).toMatchObject({
      Wajib: 2,
      Terhitung: 1,
      Kurang: 1,
    });
  });

  it('reminds the laggards in one action: in-app and e-mail to their operators, a copy to the OPD head, audited, once a day', async () => {
    // Prepare: Dinkes has a head to copy.
    const opds = await env.request('GET', `${base}/opds`, { token: admin });
    const dinkes = opds.json.items.find((item: { id: string }) => item.id === 'opd-dinkes');
    const headed = await env.request('PATCH', `${base}/opds/opd-dinkes`, {
      token: admin,
      headers: ifMatch(dinkes.version),
      body: { headName: 'dr. Kepala Dinas', headEmail: 'kadinkes@contoh.go.id' },
    });
    expect(headed.status, headed.text).toBe(200);
    // Act
    const first = await env.request('POST', `${base}/periods/${YEAR}/reminders`, {
      token: admin,
      body: { note: 'Mohon segera diunggah.' },
    });
    const again = await env.request('POST', `${base}/periods/${YEAR}/reminders`, { token: admin, body: {} });
    const byOperator = await env.request('POST', `${base}/periods/${YEAR}/reminders`, {
      token: operator,
      body: {},
    });
    // Assess
    expect(first.status, first.text).toBe(200);
    expect(first.json.laggards).toBeGreaterThanOrEqual(3);
    expect(first.json.notified).toBeGreaterThan(0);
    expect(first.json.copies).toBe(1);
    expect(again.json).toMatchObject({ notified: 0, copies: 0 });
    expect(byOperator.status).toBe(403);
    // The Dinkes operator (no unit) is told what Dinkes lacks.
    const inbox = await env.request('GET', `${base}/notifications`, { token: operator });
    const reminder = inbox.json.items.find((item: { type: string }) => item.type === 'target_reminder');
    expect(reminder?.title_id).toContain('Dinas Kesehatan masih kurang 1 inovasi');
    // E-mail through the outbox: the puskesmas operator and the head's copy naming the puskesmas.
    const file = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.jsonl');
    await dispatchOutbox(env.data, fileMailSink(file));
    const mails = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { to: string; subject: string; text: string });
    const toPuskesmas = mails.filter((mail) => mail.to === 'pkm@contoh.go.id').map((mail) => mail.subject);
    expect(toPuskesmas).toContainEqual(expect.stringContaining('UPT Puskesmas Sumberrejo masih kurang 1'));
    const copy = mails.find((mail) => mail.to === 'kadinkes@contoh.go.id');
    expect(copy?.text).toContain('UPT Puskesmas Sumberrejo');
    expect(copy?.text).toContain('Mohon segera diunggah.');
    const audit = await env.request('GET', `${base}/audit?entityId=target-${YEAR}-${todayInJakarta()}`, {
      token: admin,
    });
    expect(audit.status, audit.text).toBe(200);
    expect(
      audit.json.items.filter((entry: { action: string }) => entry.action === 'reminder.send'),
    ).toHaveLength(2);
  });

  it('seeds Kota Bengkulu with units and the Sekda’s rule, which its leader reads', async () => {
    // Prepare
    const leader = await env.login('pimpinan.1771@demo.local');
    // Act
    const board = await env.request('GET', `/tenants/17.71/periods/${YEAR}/progress`, { token: leader });
    const write = await env.request('POST', `/tenants/17.71/periods/${YEAR}/reminders`, {
      token: leader,
      body: {},
    });
    // Assess
    expect(board.status, board.text).toBe(200);
    expect(board.json.targetRule).toMatchObject({ perOpd: 2, perUnit: { count: 2 } });
    expect(board.json.daysToInternalDeadline).toBe(5);
    const standing = (name: string) =>
      board.json.rule.opds.find((row: { name: string }) => row.name === name);
    expect(standing('Satuan Polisi Pamong Praja')).toMatchObject({ required: 2, lacks: 2 });
    const puskesmas = standing('Dinas Kesehatan').units.find(
      (unit: { name: string }) => unit.name === 'UPT Puskesmas Jalan Gedang',
    );
    expect(puskesmas).toMatchObject({ counted: 2, meets: true });
    expect(board.json.rule.unitsBound).toBe(9);
    expect(write.status).toBe(403);
  });

  it('prints the rakor page: one dated PDF of the command-centre figures, the league by the rule', async () => {
    // Act
    const { link, bytes } = await exportFile(env, admin, '35.20', { kind: 'rakor_pdf', periodYear: YEAR });
    // Assess
    expect(link.contentType).toBe('application/pdf');
    expect(link.fileName).toBe(`rakor-inovasi-35.20-${YEAR}-${todayInJakarta()}.pdf`);
    const text = (await pdfText(bytes)).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Bahan Rakor Inovasi Daerah — IID ${YEAR}`);
    expect(text).toContain('Peringkat OPD menurut aturan target');
    expect(text).toMatch(/Dinas Kesehatan: \d+\/\d+ \(kurang \d+\)/);
    expect(text).toContain('UPT Puskesmas Sumberrejo (1)');
    expect(text).toContain('Menunggu verifikasi');
  });
});
