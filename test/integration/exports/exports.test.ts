import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { exportFile, pdfText, readWorkbook, setStatus, sheetRecords, unzip, waitForJob } from './support.ts';

/**
 * The export jobs against the real local stack: each produced file is opened with its own library
 * (exceljs, a PDF text extractor, a ZIP reader) and its content checked, not just its existence.
 */
let env: TestEnvironment;
let admin: string;
let innovations: any[];
const CODE = '35.22';

beforeAll(async () => {
  env = await createTestEnvironment();
  admin = await env.login('admin.3522@demo.local');
  const list = await env.request('GET', `/tenants/${CODE}/innovations?limit=100`, { token: admin });
  innovations = list.json.items;
});

describe('Excel recap', () => {
  it('has one row per innovation with OPD, stage, urusan, state, kematangan and completeness, filters on', async () => {
    const { job, link, bytes } = await exportFile(env, admin, CODE, { kind: 'recap', periodYear: 2026 });
    expect(job.progress).toBe(100);
    expect(link.fileName).toBe(`rekap-inovasi-${CODE}-2026.xlsx`);
    expect(link.size).toBe(bytes.length);

    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Ringkasan',
      'Rekap Inovasi',
      'Progres OPD',
      'Progres Unit',
      'Profil Inovasi',
    ]);
    const rows = sheetRecords(workbook, 'Rekap Inovasi');
    expect(rows).toHaveLength(innovations.length);
    const scoring = await env.request('GET', `/tenants/${CODE}/periods/2026/projection`, { token: admin });
    for (const innovation of innovations) {
      const row = rows.find((candidate) => candidate['ID Inovasi'] === innovation.id);
      expect(row, innovation.profile.name).toBeDefined();
      expect(row?.['Nama Inovasi']).toBe(innovation.profile.name);
      expect(row?.Status).toBe('Draf');
      expect(typeof row?.['Kematangan Diklaim']).toBe('number');
      expect(Number(row?.['Kematangan Diklaim'])).toBeGreaterThanOrEqual(
        Number(row?.['Kematangan Terverifikasi']),
      );
      expect(Number(row?.['Indikator Dijawab'])).toBeGreaterThanOrEqual(0);
      expect(Number(row?.['Indikator Dijawab'])).toBeLessThanOrEqual(1);
    }
    // The recap's kematangan is the projection's for every innovation the projection counts.
    expect(scoring.status).toBe(200);
    const counted = scoring.json.innovations.filter((projected: any) => projected.treatment === 'counted');
    expect(counted.length).toBeGreaterThan(0);
    for (const projected of counted) {
      const row = rows.find((candidate) => candidate['ID Inovasi'] === projected.id);
      expect(row?.['Kematangan Diklaim']).toBe(projected.kematanganClaimed);
      expect(row?.['Kematangan Terverifikasi']).toBe(projected.kematanganVerified);
    }
    const opdNames = new Set(rows.map((row) => row.OPD));
    expect(opdNames.has('Dinas Kesehatan')).toBe(true);
    expect(rows.some((row) => row.Tahapan === 'Penerapan')).toBe(true);
    expect(rows.some((row) => typeof row['Urusan Utama'] === 'string' && row['Urusan Utama'] !== '')).toBe(
      true,
    );

    const recap = workbook.getWorksheet('Rekap Inovasi')!;
    expect(recap.autoFilter).toBeTruthy();
    expect(recap.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(recap.getRow(1).font?.bold).toBe(true);
    // Values only: no formula anywhere.
    recap.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
      }),
    );

    const progress = sheetRecords(workbook, 'Progres OPD');
    const dinkes = progress.find((row) => row.OPD === 'Dinas Kesehatan');
    expect(dinkes).toBeDefined();
    expect(dinkes?.['Jumlah Inovasi']).toBe(rows.filter((row) => row.OPD === 'Dinas Kesehatan').length);
    expect(workbook.getWorksheet('Progres OPD')!.autoFilter).toBeTruthy();
    // The region's row rolls every OPD up.
    const region = progress.find((row) => row.OPD === 'Total Daerah');
    expect(region?.['Jumlah Inovasi']).toBe(rows.length);

    const summary = workbook.getWorksheet('Ringkasan')!;
    expect(String(summary.getCell('A1').value)).toContain('Bojonegoro');
  });
});

describe('PDF profile', () => {
  it('prints the profile, the indicator levels with their evidence and the kematangan, in Indonesian', async () => {
    const innovation = innovations.find((item) => Object.keys(item.answers).length > 5) ?? innovations[0];
    const evidence = await env.request('GET', `/tenants/${CODE}/innovations/${innovation.id}/evidence`, {
      token: admin,
    });
    const { link, bytes } = await exportFile(env, admin, CODE, {
      kind: 'profile_pdf',
      innovationId: innovation.id,
    });
    expect(link.contentType).toBe('application/pdf');
    expect(link.fileName).toMatch(/^profil-inovasi-[a-z0-9-]+\.pdf$/);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const { text, pages } = await pdfText(bytes);
    const flat = text.replace(/\s+/g, ' ');
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(flat).toContain('PROFIL INOVASI DAERAH');
    expect(flat).toContain(innovation.profile.name.replace(/\s+/g, ' ').slice(0, 30));
    expect(flat).toContain('Kematangan Inovasi');
    expect(flat).toContain('Diklaim operator');
    expect(flat).toContain('Terverifikasi');
    expect(flat).toContain('Indikator dan Data Dukung');
    expect(flat).toContain('sid.16');
    expect(flat).toContain('Rancang bangun dan pokok perubahan');
    expect(flat).toMatch(/Halaman 1 dari \d/);
    // The evidence attached to its indicators is listed by title.
    const titles: string[] = (evidence.json?.indicators ?? [])
      .flatMap((indicator: any) => indicator.attached ?? [])
      .map((item: any) => item.title);
    if (titles.length > 0) expect(flat).toContain(titles[0]!.slice(0, 25));
  });

  it('answers 404 for an innovation of nobody', async () => {
    const response = await env.request('POST', `/tenants/${CODE}/exports`, {
      token: admin,
      body: { kind: 'profile_pdf', innovationId: 'tidak-ada' },
    });
    expect(response.status).toBe(404);
    expect(response.json.error.field).toBe('innovationId');
  });

  it('needs the innovation to print, naming the field', async () => {
    const response = await env.request('POST', `/tenants/${CODE}/exports`, {
      token: admin,
      body: { kind: 'profile_pdf' },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.field).toBe('innovationId');
  });
});

describe('national-entry pack', () => {
  it('holds the ready innovations field by field, their evidence renamed per indicator, and the SPD', async () => {
    const ready = innovations.slice(0, 3);
    await setStatus(
      env,
      CODE,
      ready.map((item) => item.id),
      'ready',
    );
    const { link, bytes, job } = await exportFile(env, admin, CODE, {
      kind: 'national_pack',
      periodYear: 2026,
    });
    expect(link.fileName).toBe(`paket-isian-nasional-${CODE}-2026.zip`);
    expect(job.result.innovations).toBe(3);
    expect(job.result.missingFiles).toBe(0);

    const entries = await unzip(bytes);
    const names = entries.map((entry) => entry.name);
    expect(names).toContain('isian-nasional.xlsx');
    expect(names).toContain('BACA-SAYA.txt');
    const evidenceNames = names.filter((name) => /^(\d{3}-[a-z0-9-]+|SPD)\//.test(name));
    expect(evidenceNames.length).toBe(job.result.files);
    expect(evidenceNames.length).toBeGreaterThan(0);
    for (const name of evidenceNames) {
      expect(name).toMatch(
        /^(\d{3}-[a-z0-9-]+|SPD)\/(sid|spd)\.\d{1,2}[ab]?-[a-z_]+(-\d+)?\.(pdf|jpg|jpeg|png|mp4)$/,
      );
    }
    // Folders are numbered in OPD and name order, one per ready innovation.
    const folders = [...new Set(evidenceNames.map((name) => name.split('/')[0]).filter((f) => f !== 'SPD'))];
    expect(folders.every((folder) => /^00[1-3]-/.test(folder!))).toBe(true);
    // A copied file is byte for byte the evidence: a PDF still starts as one.
    const aPdf = entries.find((entry) => entry.name.endsWith('.pdf') && entry.data);
    expect(aPdf?.data?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(entries.some((entry) => entry.name.startsWith('SPD/spd.'))).toBe(true);

    const sheetBytes = entries.find((entry) => entry.name === 'isian-nasional.xlsx')?.data;
    const workbook = await readWorkbook(sheetBytes!);
    const list = sheetRecords(workbook, 'Daftar Inovasi');
    expect(list.map((row) => row['ID Inovasi']).sort()).toEqual(ready.map((item) => item.id).sort());
    expect(list.every((row) => row['Diinput Nasional'] === 'Belum')).toBe(true);

    // The first innovation's sheet follows the national form: profile fields, then sid.16 … sid.35.
    const first = list.find((row) => row.No === 1)!;
    const sheet = workbook.worksheets.find((candidate) => candidate.name.startsWith('001'))!;
    const rows = sheetRecords(workbook, sheet.name);
    expect(rows[0]?.['Isian Formulir Nasional']).toBe('Nama inovasi');
    expect(rows[0]?.Nilai).toBe(first['Nama Inovasi']);
    expect(rows[1]?.['Isian Formulir Nasional']).toBe('Tahapan inovasi');
    const indicators = rows.filter((row) => row.Bagian === 'Indikator');
    expect(indicators).toHaveLength(20);
    expect(String(indicators[0]?.['Isian Formulir Nasional'])).toMatch(/^sid\.16 /);
    expect(String(indicators.at(-1)?.['Isian Formulir Nasional'])).toMatch(/^sid\.35 /);
    // Every file the sheet names is in the ZIP under that name.
    const named = indicators.flatMap((row) =>
      String(row['Data Dukung (berkas di ZIP / tautan)'] ?? '')
        .split('\n')
        .filter((line) => line.startsWith(String(first['Folder di ZIP']))),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(names).toContain(name);
    const levelled = indicators.find((row) => String(row.Nilai).startsWith('Level '));
    expect(levelled).toBeDefined();

    const spd = sheetRecords(workbook, 'SPD');
    expect(spd.length).toBeGreaterThan(10);
    expect(String(spd[0]?.Kode)).toBe('spd.1');
    const readMe = entries.find((entry) => entry.name === 'BACA-SAYA.txt')?.data?.toString('utf8');
    expect(readMe).toContain('PAKET ISIAN NASIONAL');
  });
});

describe('export jobs', () => {
  it('runs the same request once: a retry with the same Idempotency-Key answers with the same job', async () => {
    const headers = { 'idempotency-key': 'rekap-klik-0001' };
    const body = { kind: 'recap', periodYear: 2026 };
    const first = await env.request('POST', `/tenants/${CODE}/exports`, { token: admin, body, headers });
    const second = await env.request('POST', `/tenants/${CODE}/exports`, { token: admin, body, headers });
    expect(first.status).toBe(202);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.json.id).toBe(first.json.id);
    const done = await waitForJob(env, admin, `/tenants/${CODE}/exports/${first.json.id}`);
    expect(done.attempts).toBe(1);
    const third = await env.request('POST', `/tenants/${CODE}/exports`, { token: admin, body, headers });
    expect(third.json.id).toBe(first.json.id);
    const other = await env.request('POST', `/tenants/${CODE}/exports`, {
      token: admin,
      body: { kind: 'recap', periodYear: 2027 },
      headers,
    });
    expect(other.status).toBe(422);
  });

  it('collapses concurrent identical requests into one job', async () => {
    const body = { kind: 'recap', periodYear: 2026 };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        env.request('POST', `/tenants/${CODE}/exports`, { token: admin, body }),
      ),
    );
    const ids = new Set(answers.map((answer) => answer.json.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((answer) => answer.status === 202)).toHaveLength(1);
    const done = await waitForJob(env, admin, `/tenants/${CODE}/exports/${[...ids][0]}`);
    expect(done.status).toBe('done');
    // Once finished, the same request makes a fresh file (the data may have changed).
    const again = await env.request('POST', `/tenants/${CODE}/exports`, { token: admin, body });
    expect(again.status).toBe(202);
    expect(again.json.id).not.toBe(done.id);
    await waitForJob(env, admin, `/tenants/${CODE}/exports/${again.json.id}`);
  });

  it('answers 409 for the download of a job not done, and lists jobs newest first', async () => {
    const list = await env.request('GET', `/tenants/${CODE}/exports?limit=50`, { token: admin });
    expect(list.status).toBe(200);
    const times = list.json.items.map((job: any) => job.requestedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const unknown = await env.request(
      'GET',
      `/tenants/${CODE}/exports/01JTIDAKADA0000000000000000/download`,
      {
        token: admin,
      },
    );
    expect(unknown.status).toBe(404);
  });

  it('keeps the pack and recap from OPD operators, who may print a profile', async () => {
    const operator = await env.login('opd1.3522@demo.local');
    const pack = await env.request('POST', `/tenants/${CODE}/exports`, {
      token: operator,
      body: { kind: 'national_pack', periodYear: 2026 },
    });
    expect(pack.status).toBe(403);
    const profile = await env.request('POST', `/tenants/${CODE}/exports`, {
      token: operator,
      body: { kind: 'profile_pdf', innovationId: innovations[0].id },
    });
    expect(profile.status).toBe(202);
    await waitForJob(env, operator, `/tenants/${CODE}/exports/${profile.json.id}`);
    const list = await env.request('GET', `/tenants/${CODE}/exports?limit=50`, { token: operator });
    expect(list.json.items.every((job: any) => job.kind === 'profile_pdf')).toBe(true);
  });
});

describe('entered nationally', () => {
  it('ticks a ready innovation off with its registration number, versioned and audited', async () => {
    const target = innovations[4];
    await setStatus(env, CODE, [target.id], 'ready');
    const current = await env.request('GET', `/tenants/${CODE}/innovations/${target.id}`, { token: admin });
    const version = current.json.version;

    const stale = await env.request('PUT', `/tenants/${CODE}/innovations/${target.id}/national-entry`, {
      token: admin,
      headers: { 'if-match': `"${version - 1}"` },
      body: { registrationNumber: 'REG-2026-000123' },
    });
    expect(stale.status).toBe(409);
    const missing = await env.request('PUT', `/tenants/${CODE}/innovations/${target.id}/national-entry`, {
      token: admin,
      body: { registrationNumber: 'REG-2026-000123' },
    });
    expect(missing.status).toBe(428);

    const ticked = await env.request('PUT', `/tenants/${CODE}/innovations/${target.id}/national-entry`, {
      token: admin,
      headers: { 'if-match': `"${version}"` },
      body: { registrationNumber: 'REG-2026-000123', enteredOn: '2026-08-10' },
    });
    expect(ticked.status).toBe(200);
    expect(ticked.json.nationalEntry).toMatchObject({
      registrationNumber: 'REG-2026-000123',
      enteredOn: '2026-08-10',
      recordedBy: 'u-3522-admin',
    });
    expect(ticked.json.status).toBe('ready');
    expect(ticked.headers.get('etag')).toBe(`"${version + 1}"`);

    const audit = await env.request('GET', `/tenants/${CODE}/audit?entityId=${target.id}`, { token: admin });
    const entry = audit.json.items.find((item: any) => item.action === 'innovation.national_entry');
    expect(entry.changes.nationalEntry.after.registrationNumber).toBe('REG-2026-000123');

    // The recap shows it.
    const { bytes } = await exportFile(env, admin, CODE, { kind: 'recap', periodYear: 2026 });
    const row = sheetRecords(await readWorkbook(bytes), 'Rekap Inovasi').find(
      (candidate) => candidate['ID Inovasi'] === target.id,
    );
    expect(row?.['Diinput di Aplikasi Nasional']).toBe('Sudah');
    expect(row?.['Nomor Registrasi Nasional']).toBe('REG-2026-000123');

    const cleared = await env.request('DELETE', `/tenants/${CODE}/innovations/${target.id}/national-entry`, {
      token: admin,
      headers: { 'if-match': `"${version + 1}"` },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.json.nationalEntry).toBeUndefined();
  });

  it('refuses a draft, and an operator of another OPD', async () => {
    const fresh = await env.request('GET', `/tenants/${CODE}/innovations?limit=100&status=draft`, {
      token: admin,
    });
    const draft = fresh.json.items.find((item: any) => item.opdId !== 'opd-dinkes');
    const refused = await env.request('PUT', `/tenants/${CODE}/innovations/${draft.id}/national-entry`, {
      token: admin,
      headers: { 'if-match': `"${draft.version}"` },
      body: { registrationNumber: `REG-1${'0'.repeat(3)}` },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('national_entry_not_ready');
    const operator = await env.login('opd1.3522@demo.local');
    const otherOpd = await env.request('PUT', `/tenants/${CODE}/innovations/${draft.id}/national-entry`, {
      token: operator,
      headers: { 'if-match': `"${draft.version}"` },
      body: { registrationNumber: 'REG-1000' },
    });
    expect(otherOpd.status).toBe(403);
  });
});
