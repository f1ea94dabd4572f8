import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { DemoApi, eligibleProfile } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/** The names a ZIP holds, read from its central directory. */
function zipEntryNames(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(names));
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}

/** Every text a workbook's cells hold, across its sheets. */
async function workbookTexts(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => texts.push(cell.text));
    });
  }
  return texts;
}

/** Clicks a job's download button and returns the saved file's name and bytes. */
async function downloadFrom(page: Page, job: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    job.getByRole('button', { name: /^Unduh / }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** Requests an export of one kind through the form and waits, on the same page, for its job to finish. */
async function requestExport(page: Page, kindLabel: string, kind: string, year: number): Promise<Locator> {
  await page.getByLabel('Periode penilaian').selectOption(String(year));
  await page.getByRole('radio', { name: kindLabel }).check();
  const before = await page.locator(`[data-testid="export-job"][data-kind="${kind}"]`).count();
  await page.getByRole('button', { name: 'Buat berkas' }).click();
  await page.getByTestId('export-requested').filter({ hasText: 'Permintaan diterima' }).waitFor();
  const jobs = page.locator(`[data-testid="export-job"][data-kind="${kind}"]`);
  await expect.poll(() => jobs.count()).toBe(before + 1);
  // The newest job is listed first; the list polls while it runs, so no reload is needed.
  const job = jobs.first();
  await expect.poll(() => job.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
  await job.getByText('Selesai', { exact: true }).waitFor();
  return job;
}

/**
 * The Bappeda admin of Kabupaten Bojonegoro builds the recap and the national-entry pack, downloads
 * and opens both, ticks an innovation off as entered nationally, then imports innovations from a
 * spreadsheet: the preview names the bad row's problem in Bahasa Indonesia, and only the click on
 * Import creates the valid ones.
 */
describe('tenant admin exports files and imports innovations', () => {
  const journey = useJourney();
  let admin: DemoApi;

  beforeAll(async () => {
    admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
  });

  it('builds the recap and the national-entry pack, downloads both and ticks an innovation off', async () => {
    // Arranged over the API: an innovation Bappeda has marked ready to send, with evidence.
    const suffix = String(Date.now()).slice(-6);
    const name = `Paket Sehat Lansia ${suffix}`;
    const created = await admin.createInnovation('opd-dinkes', eligibleProfile(name));
    let version = await admin.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await admin.answer(created.id, version, 'sid.35', { level: 3 });
    version = await admin.answerOtherMandatory(created.id, version);
    await admin.attachEvidence(created.id, 'sid.16');
    await admin.attachEvidence(created.id, 'sid.35', 'Laporan survei kepuasan masyarakat');
    version = await admin.transition(created.id, version, { action: 'submit' });
    version = await admin.transition(created.id, version, { action: 'start_review' });
    version = await admin.review(created.id, version, 'sid.16', 'accepted');
    version = await admin.review(created.id, version, 'sid.35', 'accepted');
    version = await admin.acceptOtherMandatory(created.id, version);
    version = await admin.transition(created.id, version, { action: 'verify' });
    await admin.transition(created.id, version, { action: 'mark_ready' });
    const { periodYear } = await admin.call<{ periodYear: number }>('GET', `/innovations/${created.id}`);

    await signInAs(journey.page, 'admin.3522@demo.local');
    await journey.page.getByRole('navigation').getByRole('link', { name: 'Ekspor Data' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Ekspor Data' }).waitFor();

    const recapJob = await requestExport(journey.page, 'Rekap Excel', 'recap', periodYear);
    const recap = await downloadFrom(journey.page, recapJob);
    expect(recap.name).toMatch(/\.xlsx$/);
    expect(await workbookTexts(recap.bytes)).toContain(name);

    const packJob = await requestExport(
      journey.page,
      'Paket isian nasional (ZIP)',
      'national_pack',
      periodYear,
    );
    const pack = await downloadFrom(journey.page, packJob);
    expect(pack.name).toBe(`paket-isian-nasional-35.22-${periodYear}.zip`);
    const entries = await zipEntryNames(pack.bytes);
    expect(entries).toContain('isian-nasional.xlsx');
    const folder = `-paket-sehat-lansia-${suffix}/`;
    const ours = entries.filter((entry) => entry.includes(folder));
    expect(ours.some((entry) => /\/sid\.16-[a-z_]+(-\d+)?\.pdf$/.test(entry))).toBe(true);
    expect(ours.some((entry) => /\/sid\.35-[a-z_]+(-\d+)?\.pdf$/.test(entry))).toBe(true);

    const row = journey.page.getByTestId('entry-row').filter({ hasText: name });
    await row.getByLabel(`Nomor registrasi nasional untuk ${name}`).fill(`REG-3522-${suffix}`);
    await row.getByRole('button', { name: `Tandai sudah dientri nasional: ${name}` }).click();
    await row
      .getByTestId('entry-done')
      .filter({ hasText: `No. REG-3522-${suffix}` })
      .waitFor();
    const ticked = await admin.call<{ nationalEntry?: { registrationNumber: string } }>(
      'GET',
      `/innovations/${created.id}`,
    );
    expect(ticked.nationalEntry?.registrationNumber).toBe(`REG-3522-${suffix}`);

    await saveScreenshot(journey.page, 'exports-national-entry');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });

  it('previews an uploaded spreadsheet with a row error, imports on confirmation and lists the new innovations', async () => {
    const suffix = String(Date.now()).slice(-6);
    const first = `Posyandu Digital ${suffix}`;
    const second = `Sekolah Sehat Terpadu ${suffix}`;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inovasi');
    sheet.addRow(['Nama Inovasi', 'Nama OPD', 'Tahapan', 'Urusan', 'Waktu Penerapan']);
    sheet.addRow([first, 'Dinas Kesehatan', 'Penerapan', 'Kesehatan', '2024-03-04']);
    sheet.addRow([`Lapor Jalan ${suffix}`, 'Dinas Kesehatan', 'selesai', 'Kesehatan', '2024-05-01']);
    sheet.addRow([second, 'Dinas Pendidikan', 'Uji coba', 'Pendidikan', '2024-07-15']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    await journey.page.getByRole('navigation').getByRole('link', { name: 'Impor Inovasi' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Impor Inovasi' }).waitFor();
    // The jobs worker reads the file off the request (docs/decisions/0032): a file that is not a
    // spreadsheet comes back refused, with the reason, and another file can be sent.
    await journey.page.locator('input[type="file"]').setInputFiles({
      name: 'bukan-excel.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('ini bukan berkas excel'),
    });
    await journey.page.getByRole('button', { name: 'Periksa berkas' }).click();
    await journey.page
      .getByTestId('import-preview-refused')
      .filter({ hasText: 'Berkas ini tidak dapat diperiksa:' })
      .waitFor({ timeout: 30_000 });
    await journey.page.getByRole('button', { name: 'Unggah berkas lain' }).click();
    await journey.page.locator('input[type="file"]').setInputFiles({
      name: 'daftar-inovasi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
    await journey.page.getByRole('button', { name: 'Periksa berkas' }).click();

    const preview = journey.page.getByTestId('import-preview');
    await preview.waitFor();
    await journey.page
      .getByTestId('import-summary')
      .filter({ hasText: '3 baris · 2 valid · 1 bermasalah' })
      .waitFor();
    const bad = preview.locator('[data-testid="import-row"][data-status="invalid"]');
    expect(await bad.count()).toBe(1);
    await bad
      .getByTestId('import-error')
      .filter({
        hasText: 'Tahapan: "selesai" tidak dikenal. Pilih salah satu: Inisiatif, Uji Coba, Penerapan.',
      })
      .waitFor();
    // Nothing is written before the click on Import.
    const listed = async () =>
      (
        await admin.call<{ items: { profile: { name: string } }[] }>('GET', '/innovations?limit=100')
      ).items.map((item) => item.profile.name);
    expect(await listed()).not.toContain(first);

    await journey.page
      .getByRole('button', { name: 'Impor 2 baris valid, lewati 1 baris bermasalah' })
      .click();
    const report = journey.page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    await report
      .getByTestId('import-report-summary')
      .filter({ hasText: '2 dibuat · 0 dilewati karena duplikat · 1 ditolak · 0 gagal' })
      .waitFor();
    expect(await report.locator('[data-testid="import-report-row"][data-outcome="created"]').count()).toBe(2);
    await saveScreenshot(journey.page, 'exports-imports');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    await journey.page.getByRole('link', { name: 'Lihat daftar inovasi' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Inovasi Daerah' }).waitFor();
    await journey.page.getByRole('link', { name: first }).waitFor();
    await journey.page.getByRole('link', { name: second }).waitFor();
    expect(await listed()).toEqual(expect.arrayContaining([first, second]));
    expect(journey.pageErrors).toEqual([]);
  });
});
