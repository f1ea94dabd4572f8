import { resumeBackgroundJobs } from '@inovasi/app/jobs/background';
import { repositoriesFor, tenantScope } from '@inovasi/data';
import { JOB_OBJECT_IMPORT, jobObjectTagging } from '@inovasi/data/job-objects';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { addressedBomb, buildXlsx, declaredDimensionBomb, issue19Bomb } from '../../support/xlsx-bomb.ts';
import { exportFile, readWorkbook, sheetRecords, waitForJob } from './support.ts';

/**
 * Bulk import from spreadsheets against the real local stack: template, preview with per-row
 * errors in Bahasa Indonesia, confirmation, idempotence, and the recap → import round trip.
 */
let env: TestEnvironment;
let admin: string;
const CODE = '35.22';

beforeAll(async () => {
  env = await createTestEnvironment();
  admin = await env.login('admin.3522@demo.local');
});

const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

async function startImport(token: string, code: string, fileName: string, bytes: Buffer) {
  const created = await env.request('POST', `/tenants/${code}/imports`, {
    token,
    body: { fileName, size: bytes.length, contentBase64: base64(bytes) },
  });
  expect(created.status, created.text).toBe(201);
  expect(created.json.import.status).toBe('uploaded');
  return created.json.import.id as string;
}

/**
 * Asks for a preview and polls the import until the jobs worker is done with it
 * (docs/decisions/0032): the answer is the import as then read, with its rows or its `error`.
 */
async function previewJob(
  token: string,
  code: string,
  id: string,
  options: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const asked = await env.request('POST', `/tenants/${code}/imports/${id}/preview`, {
    token,
    headers,
    body: options,
  });
  expect(asked.status, asked.text).toBe(202);
  expect(asked.json.import.status).toBe('previewing');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const read = await env.request('GET', `/tenants/${code}/imports/${id}`, { token, headers });
    expect(read.status, read.text).toBe(200);
    if (read.json.import.status !== 'previewing') return { asked, read };
    if (Date.now() > deadline) throw new Error(`${id} still previewing`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function preview(token: string, code: string, id: string, options: Record<string, unknown> = {}) {
  const { read } = await previewJob(token, code, id, options);
  expect(read.json.import.status, read.text).toBe('previewed');
  return read;
}

async function confirmAndWait(
  token: string,
  code: string,
  id: string,
  version: string,
  skipInvalidRows = false,
) {
  const confirmed = await env.request('POST', `/tenants/${code}/imports/${id}/confirm`, {
    token,
    headers: { 'if-match': version },
    body: { skipInvalidRows },
  });
  expect(confirmed.status, confirmed.text).toBe(202);
  const done = await waitForJob(env, token, `/tenants/${code}/imports/${id}`, (json) => json.import);
  expect(done.import.status).toBe('done');
  return done;
}

async function innovationsOf(token: string, code: string) {
  const list = await env.request('GET', `/tenants/${code}/innovations?limit=100`, { token });
  return list.json.items as any[];
}

describe('recap → import round trip', () => {
  it('imports a region’s recap into an empty region and the innovations match', async () => {
    const source = '63.03';
    const sourceAdmin = await env.login('admin.6303@demo.local');
    const platform = await env.login('platform@demo.local');
    const { bytes } = await exportFile(env, sourceAdmin, source, { kind: 'recap', periodYear: 2026 });

    const onboarded = await env.request('POST', '/tenants', { token: platform, body: { code: '35.23' } });
    expect(onboarded.status).toBe(201);
    expect(await innovationsOf(platform, '35.23')).toHaveLength(0);

    const id = await startImport(platform, '35.23', 'rekap-banjar.xlsx', bytes);
    const previewed = await preview(platform, '35.23', id, { createMissingOpds: true, periodYear: 2026 });
    const originals = await innovationsOf(sourceAdmin, source);
    expect(previewed.json.import.summary).toMatchObject({
      rows: originals.length,
      valid: originals.length,
      invalid: 0,
      sheet: 'Profil Inovasi',
    });
    expect(previewed.json.import.summary.newOpds.length).toBeGreaterThan(0);
    // The recap's profile sheet has the template's columns exactly.
    expect(previewed.json.import.summary.ignoredColumns).toEqual([]);
    const done = await confirmAndWait(platform, '35.23', id, previewed.headers.get('etag')!);
    expect(done.import.report).toMatchObject({ created: originals.length, failed: 0 });

    const imported = await innovationsOf(platform, '35.23');
    expect(imported).toHaveLength(originals.length);
    const sourceOpds = new Map(
      (await env.request('GET', `/tenants/${source}/opds`, { token: sourceAdmin })).json.items.map(
        (opd: any) => [opd.id, opd.name],
      ),
    );
    const targetOpds = new Map(
      (await env.request('GET', '/tenants/35.23/opds', { token: platform })).json.items.map((opd: any) => [
        opd.id,
        opd.name,
      ]),
    );
    for (const original of originals) {
      const copy = imported.find((item) => item.profile.name === original.profile.name);
      expect(copy, original.profile.name).toBeDefined();
      expect(copy.profile).toEqual(original.profile);
      expect(targetOpds.get(copy.opdId)).toBe(sourceOpds.get(original.opdId));
      expect(copy.periodYear).toBe(original.periodYear);
      expect(copy.status).toBe('draft');
    }
  });
});

describe('template', () => {
  it('publishes headers, instructions, dropdowns and the region’s valid values', async () => {
    const response = await env.app.request(`/api/v1/tenants/${CODE}/imports/template`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(`templat-impor-inovasi-${CODE}.xlsx`);
    const workbook = await readWorkbook(Buffer.from(await response.arrayBuffer()));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Inovasi', 'Petunjuk', 'Nilai Valid']);
    const headers = (workbook.getWorksheet('Inovasi')!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers.slice(0, 4)).toEqual(['Nama Inovasi', 'OPD', 'Tahun Penilaian', 'Tahapan Inovasi']);
    expect(headers).toContain('Rancang Bangun');
    const valid = sheetRecords(workbook, 'Nilai Valid');
    expect(valid.map((row) => row.OPD)).toContain('Dinas Kesehatan');
    expect(valid.map((row) => row['Tahapan Inovasi']).filter(Boolean)).toEqual([
      'Inisiatif',
      'Uji Coba',
      'Penerapan',
    ]);
    const stage = workbook.getWorksheet('Inovasi')!.getCell('D2').dataValidation;
    expect(stage?.type).toBe('list');
    expect(String(stage?.formulae?.[0])).toContain('Nilai Valid');
    const guide = sheetRecords(workbook, 'Petunjuk');
    expect(guide.find((row) => row.Kolom === 'Nama Inovasi')?.Wajib).toBe('Ya');
  });

  it('is Bappeda’s: an OPD operator may not import', async () => {
    const operator = await env.login('opd1.3522@demo.local');
    const response = await env.request('GET', `/tenants/${CODE}/imports/template`, { token: operator });
    expect(response.status).toBe(403);
  });
});

describe('preview, confirm and idempotence', () => {
  // Indonesian Excel writes CSV with `;` (the comma is the decimal mark); common header names.
  const csv = [
    'Nama Inovasi;Nama OPD;Tahapan;Urusan;Waktu Penerapan;Anggaran (Rp);Jenis;Koordinat',
    'Sipandu Gizi Balita;Dinas Kesehatan;uji coba;Kesehatan;04/03/2024;Rp 150.000.000;daring;-7,1502 111,8817',
    'Lapor Jalan Rusak;Dinas Kesehatan;selesai;Pekerjaan Umum;2024-05-01;;Digital;',
    ';Dinas Kesehatan;Penerapan;Kesehatan;;;;',
    'Sekolah Ramah Anak;Dinas Pariwisata Antah Berantah;Penerapan;Pendidikan;;;;',
    'Posyandu Lansia Digital;Dinkes;Penerapan;Kesehatan;31/02/2024;;;',
    'Sipandu Gizi Balita;Dinas Kesehatan;Inisiatif;Kesehatan;;;;',
  ].join('\r\n');
  let importId: string;

  it('validates every row, writes nothing, and says what is wrong per column in Bahasa Indonesia', async () => {
    const before = await innovationsOf(admin, CODE);
    importId = await startImport(admin, CODE, 'daftar-inovasi.csv', Buffer.from(`\uFEFF${csv}`, 'utf8'));
    const response = await preview(admin, CODE, importId, { periodYear: 2026 });
    const { rows } = response.json;
    expect(response.json.import.summary).toMatchObject({ rows: 6, valid: 1, invalid: 5, sheet: 'CSV' });
    expect(rows.map((row: any) => row.status)).toEqual([
      'valid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(rows[0]).toMatchObject({ rowNumber: 2, name: 'Sipandu Gizi Balita', opdName: 'Dinas Kesehatan' });
    const messages = (row: any) =>
      row.errors.map((error: any) => `${error.column}: ${error.message}`).join(' | ');
    expect(messages(rows[1])).toContain(
      'Tahapan: "selesai" tidak dikenal. Pilih salah satu: Inisiatif, Uji Coba, Penerapan.',
    );
    expect(messages(rows[2])).toContain('Nama inovasi wajib diisi.');
    expect(messages(rows[3])).toContain('OPD "Dinas Pariwisata Antah Berantah" tidak ditemukan');
    expect(rows[4].errors[0]).toMatchObject({ column: 'Waktu Penerapan', code: 'invalid_date' });
    expect(rows[4].warnings[0].message).toContain('dicocokkan dengan "Dinas Kesehatan"');
    expect(messages(rows[5])).toContain('sama dengan baris 2');
    // Only a draft is written later, so a short design is a warning, not an error.
    expect(rows[0].warnings.some((warning: any) => warning.code.startsWith('not_eligible'))).toBe(true);
    expect(await innovationsOf(admin, CODE)).toHaveLength(before.length);
  });

  it('imports only on confirmation, the valid rows only when asked, and reports every row', async () => {
    const before = await innovationsOf(admin, CODE);
    const current = await env.request('GET', `/tenants/${CODE}/imports/${importId}`, { token: admin });
    const version = current.headers.get('etag')!;
    const refused = await env.request('POST', `/tenants/${CODE}/imports/${importId}/confirm`, {
      token: admin,
      headers: { 'if-match': version },
      body: {},
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('import_has_errors');
    const stale = await env.request('POST', `/tenants/${CODE}/imports/${importId}/confirm`, {
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { skipInvalidRows: true },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('version_conflict');

    const done = await confirmAndWait(admin, CODE, importId, version, true);
    expect(done.import.report).toMatchObject({ created: 1, invalid: 5, failed: 0 });
    expect(done.report.map((row: any) => row.outcome)).toEqual([
      'created',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ]);
    const after = await innovationsOf(admin, CODE);
    expect(after).toHaveLength(before.length + 1);
    const created = after.find((item) => item.id === done.report[0].innovationId);
    expect(created.profile).toMatchObject({
      name: 'Sipandu Gizi Balita',
      stage: 'uji_coba',
      urusanMain: 'kesehatan',
      implementationDate: '2024-03-04',
      budget: 150_000_000,
      kind: 'digital',
      latitude: -7.1502,
      longitude: 111.8817,
    });
    expect(created.opdId).toBe('opd-dinkes');
    expect(created.status).toBe('draft');
    const audit = await env.request('GET', `/tenants/${CODE}/audit?entityId=${created.id}`, { token: admin });
    expect(audit.json.items.map((entry: any) => entry.action)).toContain('innovation.create');
    // A confirmed import cannot be previewed or confirmed again.
    const again = await env.request('POST', `/tenants/${CODE}/imports/${importId}/preview`, {
      token: admin,
      body: {},
    });
    expect(again.status).toBe(409);
  });

  it('creates nothing twice when the same file is imported again', async () => {
    const before = await innovationsOf(admin, CODE);
    const second = await startImport(admin, CODE, 'daftar-inovasi.csv', Buffer.from(`\uFEFF${csv}`, 'utf8'));
    const response = await preview(admin, CODE, second, { periodYear: 2026 });
    expect(response.json.rows[0].status).toBe('already_imported');
    expect(response.json.import.summary.valid).toBe(0);
    const confirm = await env.request('POST', `/tenants/${CODE}/imports/${second}/confirm`, {
      token: admin,
      headers: { 'if-match': response.headers.get('etag')! },
      body: { skipInvalidRows: true },
    });
    expect(confirm.status).toBe(409);
    expect(confirm.json.error.code).toBe('import_nothing_to_import');
    expect(await innovationsOf(admin, CODE)).toHaveLength(before.length);
  });
});

describe('a new OPD’s spreadsheet through a presigned upload', () => {
  it('onboards the OPD’s innovations from an xlsx without an OPD column', async () => {
    const opd = await env.request('POST', `/tenants/${CODE}/opds`, {
      token: admin,
      body: { name: 'Dinas Lingkungan Hidup', kind: 'dinas' },
    });
    expect(opd.status).toBe(201);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['Daftar Inovasi DLH 2026']);
    sheet.addRow([]);
    sheet.addRow(['Judul Inovasi', 'Tahap', 'Urusan Pemerintahan', 'Tanggal Penerapan', 'Deskripsi']);
    sheet.addRow([
      'Bank Sampah Digital',
      'Penerapan',
      'Lingkungan Hidup',
      new Date(Date.UTC(2024, 6, 1)),
      'Tabungan sampah warga.',
    ]);
    sheet.addRow([
      'Sungai Bersih Bersama',
      'Uji Coba',
      'lingkungan_hidup',
      '1 Agustus 2024',
      'Gerakan bersih sungai.',
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const created = await env.request('POST', `/tenants/${CODE}/imports`, {
      token: admin,
      body: { fileName: 'inovasi-dlh.xlsx', size: bytes.length },
    });
    expect(created.status).toBe(201);
    expect(created.json.import.status).toBe('awaiting_upload');
    const early = await env.request('POST', `/tenants/${CODE}/imports/${created.json.import.id}/preview`, {
      token: admin,
      body: {},
    });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('import_file_missing');

    const upload = created.json.upload;
    expect(upload.url).toContain(`tenants/${CODE}/imports/`);
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
    expect(put.ok).toBe(true);
    // The tag is part of the signature, so an upload without it is refused in AWS, and S3 stores it
    // with the object: the bucket's lifecycle rule expires import files by it. (s3rver ignores the
    // header on PUT, so what is checked here is the signed request.)
    expect(upload.headers['x-amz-tagging']).toBe(jobObjectTagging(JOB_OBJECT_IMPORT));
    expect(new URL(upload.url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain(
      'x-amz-tagging',
    );

    const id = created.json.import.id;
    const previewed = await preview(admin, CODE, id, { defaultOpdId: opd.json.id, periodYear: 2026 });
    expect(previewed.json.rows.map((row: any) => row.status)).toEqual(['valid', 'valid']);
    expect(previewed.json.rows[0].rowNumber).toBe(4);
    const done = await confirmAndWait(admin, CODE, id, previewed.headers.get('etag')!);
    expect(done.import.report.created).toBe(2);
    const list = await env.request('GET', `/tenants/${CODE}/innovations?opdId=${opd.json.id}`, {
      token: admin,
    });
    expect(list.json.items.map((item: any) => item.profile.name).sort()).toEqual([
      'Bank Sampah Digital',
      'Sungai Bersih Bersama',
    ]);
    const bank = list.json.items.find((item: any) => item.profile.name === 'Bank Sampah Digital');
    expect(bank.profile).toMatchObject({
      stage: 'penerapan',
      urusanMain: 'lingkungan_hidup',
      implementationDate: '2024-07-01',
      rancangBangun: 'Tabungan sampah warga.',
    });
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const id = await startImport(admin, CODE, 'bukan-excel.xlsx', Buffer.from('ini bukan berkas excel'));
    const { read } = await previewJob(admin, CODE, id);
    // Back to where it was, with the reason naming the file; nothing previewed.
    expect(read.json.import.status).toBe('uploaded');
    expect(read.json.import.error).toMatchObject({ code: 'import_file_unreadable', field: 'file' });
    expect(read.json.rows).toBeUndefined();
    const wrongType = await env.request('POST', `/tenants/${CODE}/imports`, {
      token: admin,
      body: { fileName: 'daftar.pdf', size: 10, contentBase64: base64('0123456789') },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error).toMatchObject({ code: 'import_file_type', field: 'fileName' });
  });
});

/**
 * Spreadsheet bombs (issue 19): an .xlsx is a ZIP of XML, and a few hundred KB can declare
 * millions of cells. The archive is judged before anything parses it, and the parse runs in a
 * worker thread, so one region's file never stalls another's requests (docs/decisions/0021).
 */
describe('spreadsheet bombs', () => {
  /** Files above the inline limit go through the presigned upload, as the web app sends them. */
  async function uploadImport(token: string, code: string, fileName: string, bytes: Buffer) {
    const created = await env.request('POST', `/tenants/${code}/imports`, {
      token,
      body: { fileName, size: bytes.length },
    });
    expect(created.status, created.text).toBe(201);
    const { upload } = created.json;
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
    expect(put.ok).toBe(true);
    return created.json.import.id as string;
  }

  const timedPreview = async (id: string, headers: Record<string, string> = {}) => {
    const started = performance.now();
    const { asked, read } = await previewJob(admin, CODE, id, { periodYear: 2026 }, headers);
    return { asked, read, ms: performance.now() - started };
  };

  it('refuses the bomb of issue 19 (4 million cells packed in 250 KB) from its archive, at once', async () => {
    const bomb = await issue19Bomb();
    expect(bomb.length).toBeLessThan(300 * 1024);
    const id = await uploadImport(admin, CODE, 'bom.xlsx', bomb);
    const { read, ms } = await timedPreview(id);
    // Back to where it was (the presigned upload's status), with the reason.
    expect(read.json.import.status).toBe('awaiting_upload');
    expect(read.json.import.error).toMatchObject({ code: 'import_archive_rejected', field: 'file' });
    expect(read.json.import.error.message).toContain('50 MB');
    // Before: 9.5 s and 830 MiB to say "too large". The central directory is read in milliseconds.
    expect(ms).toBeLessThan(1_500);
  });

  it('refuses a small file whose sheet declares a million rows, in the caller’s language', async () => {
    const id = await startImport(admin, CODE, 'dimensi.xlsx', await declaredDimensionBomb());
    const { read, ms } = await timedPreview(id, { 'accept-language': 'en' });
    expect(read.json.import.error).toMatchObject({ code: 'import_sheet_too_large', field: 'file' });
    expect(read.json.import.error.message).toContain('5,000 rows or 200,000 cells');
    expect(ms).toBeLessThan(1_500);
    // A fixed file (or other options) may be previewed again: the refusal is not a dead end.
    const again = await env.request('POST', `/tenants/${CODE}/imports/${id}/preview`, {
      token: admin,
      body: {},
    });
    expect(again.status).toBe(202);
  });

  it('keeps answering another region while a 2-million-cell bomb and a large legitimate file are previewed', async () => {
    // 2,000 innovations with 90 columns of notes the import ignores: 188,000 cells, within every
    // limit, and seconds of parsing, now in the preview job (and locally in a worker thread).
    const extra = Array.from({ length: 90 }, (_, index) => `Catatan ${index + 1}`);
    const file = await buildXlsx({
      rows: 2_000,
      columns: 4 + extra.length,
      header: ['Nama Inovasi', 'Nama OPD', 'Tahapan', 'Urusan', ...extra],
      value: (row, column) =>
        [`Inovasi Besar ${row + 1}`, 'Dinas Kesehatan', 'Penerapan', 'Kesehatan'][column - 1] ??
        `catatan ${row + 1}-${column}`,
    });
    const largeId = await uploadImport(admin, CODE, 'besar.xlsx', file);
    const addressed = await addressedBomb();
    expect(addressed.length).toBeLessThan(5 * 1024 * 1024);
    const bombId = await uploadImport(admin, CODE, 'bom-beralamat.xlsx', addressed);
    // Another region's operator reads its own dashboard meanwhile.
    const other = await env.login('admin.6303@demo.local');
    const otherRead = () => env.request('GET', '/tenants/63.03/periods/2026/summary', { token: other });
    expect((await otherRead()).status).toBe(200);

    const eventLoop: number[] = [];
    const otherRegion: number[] = [];
    let previewing = true;
    const previews = Promise.all([timedPreview(largeId), timedPreview(bombId)]).finally(() => {
      previewing = false;
    });
    // A request is due every 20 ms, alternately the cached document (what the event loop owes
    // everyone) and 63.03's summary (a read of another region's data). What one waits is counted
    // from when it was due, so an event loop held between two requests counts too.
    let due = performance.now();
    for (let turn = 0; previewing; turn++) {
      const response = turn % 2 === 0 ? await env.request('GET', '/openapi.json') : await otherRead();
      expect(response.status).toBe(200);
      const answered = performance.now();
      (turn % 2 === 0 ? eventLoop : otherRegion).push(answered - due);
      due = answered + 20;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [large, bomb] = await previews;
    // Both requests were answered at once; the parse came after, in the job.
    expect(large.asked.status).toBe(202);
    expect(bomb.asked.status).toBe(202);
    expect(large.read.json.import.status).toBe('previewed');
    expect(large.read.json.import.summary).toMatchObject({ rows: 2_000, valid: 2_000 });
    expect(large.read.json.rows).toHaveLength(2_000);
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    console.info(
      `preview ${Math.round(large.ms)} / ${Math.round(bomb.ms)} ms; openapi.json max ${Math.round(Math.max(...eventLoop))} ms; ` +
        `63.03 summary p50 ${Math.round(median(otherRegion))} ms, max ${Math.round(Math.max(...otherRegion))} ms (${otherRegion.length} reads)`,
    );
    expect(otherRegion.length).toBeGreaterThan(2);
    // Before: loading the bomb held every request for as long as the parse (issue 19: 9.1 s of
    // 9.5 s). Now none waits more than 500 ms on a quiet host; on a host shared by many (load
    // averages of 30 on two cores were seen while this ran) the bound grows with the parse, which
    // a stall would equal: no request waits a quarter of it.
    expect(Math.max(...eventLoop)).toBeLessThan(Math.max(500, large.ms / 4));
    // The other region is served throughout; on two shared cores its reads compete for CPU with
    // the parse and DynamoDB Local, so the bound is on the median, not on every read.
    expect(median(otherRegion)).toBeLessThan(300);
    // 54 MB of XML once unpacked: refused from the central directory.
    expect(bomb.read.json.import.error).toMatchObject({ code: 'import_archive_rejected', field: 'file' });
  });

  it('shows the preview’s progress while it runs, and the sweep takes up a preview nobody ran', async () => {
    const id = await startImport(
      admin,
      CODE,
      'sapu.csv',
      Buffer.from('Nama Inovasi,Nama OPD\nSapu Bersih,Dinas Kesehatan\n'),
    );
    // Recorded as asked for, but never handed to a runner (a dispatch that failed).
    const previews = repositoriesFor(env.data.forScope(tenantScope(CODE))).importPreviews;
    const asked = await previews.request(id, { periodYear: 2026 });
    expect(asked).toMatchObject({ status: 'previewing', progress: 0, stage: 'Menunggu giliran' });
    const pending = await previews.pending();
    expect(pending.map((job) => job.id)).toContain(id);
    await resumeBackgroundJobs({ data: env.data, logger: env.deps.logger });
    const read = await env.request('GET', `/tenants/${CODE}/imports/${id}`, { token: admin });
    expect(read.json.import).toMatchObject({ status: 'previewed', progress: 100 });
    expect(read.json.rows).toHaveLength(1);
  });
});
