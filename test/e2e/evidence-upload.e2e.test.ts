import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textPdf } from '@inovasi/local';
import { describe, expect, it } from 'vitest';
import { DemoApi, eligibleProfile } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { clearStore, storedKeys } from './support/device-stores.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { RESULTS_DIR } from './support/paths.ts';
import {
  expectOnlyMissingPartsSent,
  reloadMidUpload,
  UNTHROTTLED,
  watchParts,
  watchUploadStarts,
} from './support/resumed-upload.ts';

const INDICATOR = 'Regulasi Inovasi Daerah';

/**
 * An OPD operator of Bojonegoro, on a phone, uploads a real PDF as evidence for one indicator: the
 * bytes go straight to the store, the intake check passes within seconds, and the card says what is
 * attached and what is still missing.
 */
describe('operator uploads evidence to an indicator', () => {
  const journey = useJourney({ viewport: PHONE });

  it('uploads a PDF, sees the check pass and what is still missing', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const name = `Skrining Hipertensi Keliling ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', eligibleProfile(name));
    await operator.answer(created.id, created.version, 'sid.16', { level: 1 });

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, 'sk-penetapan-inovasi.pdf');
    writeFileSync(
      file,
      textPdf({
        lines: ['KEPUTUSAN BUPATI BOJONEGORO', 'TENTANG PENETAPAN INOVASI DAERAH TAHUN 2026', name],
      }),
    );

    await signInAs(journey.page, 'opd1.3522@demo.local');
    await journey.page.goto(`/inovasi/${created.id}`);
    await journey.page.getByRole('heading', { level: 1, name }).waitFor();
    const card = journey.page.getByTestId('indicator-sid.16');
    const panel = card.getByTestId('evidence-panel');
    await panel.getByTestId('evidence-state').filter({ hasText: 'Data dukung kurang' }).waitFor();
    await panel.getByText('Belum ada data dukung terlampir.').waitFor();
    await panel
      .getByTestId('evidence-missing')
      .getByText('Lampirkan data dukung yang diminta level ini.')
      .waitFor();

    await panel.getByRole('button', { name: `Unggah berkas data dukung: ${INDICATOR}` }).click();
    await panel.getByLabel(`Pilih berkas data dukung: ${INDICATOR}`).setInputFiles(file);
    await panel
      .getByRole('textbox', { name: 'Judul data dukung' })
      .fill('SK Bupati Penetapan Inovasi Daerah 2026');
    // The level dates its evidence, so the date is asked for rather than labelled optional (#20.7).
    await panel.getByRole('button', { name: 'Unggah', exact: true }).click();
    await panel.getByText(/^Isi tanggal dokumen: indikator ini hanya menerima dokumen bertanggal/).waitFor();
    await panel.getByLabel(/^Tanggal dokumen \(wajib untuk indikator ini\)/).fill('2026-01-20');
    await panel.getByRole('button', { name: 'Unggah', exact: true }).click();

    const result = panel.getByTestId('upload-result');
    await result.getByText('Berkas lolos pemeriksaan').waitFor({ timeout: 60_000 });
    await result.getByText('"SK Bupati Penetapan Inovasi Daerah 2026" diterima dan dilampirkan.').waitFor();

    const attached = panel.getByTestId('evidence-attached');
    await attached.getByText('SK Bupati Penetapan Inovasi Daerah 2026').waitFor();
    await attached.getByText('Lolos pemeriksaan').waitFor();
    await panel.getByTestId('evidence-state').filter({ hasText: 'Menunggu verifikasi' }).waitFor();
    await panel.getByTestId('evidence-missing').getByText('Pemeriksaan verifikator Bappeda.').waitFor();
    expect(await panel.getByTestId('evidence-missing').getByText('Lampirkan data dukung').count()).toBe(0);

    await attached
      .getByRole('button', { name: 'Pratinjau: SK Bupati Penetapan Inovasi Daerah 2026' })
      .click();
    const preview = attached
      .getByTestId('evidence-preview')
      .getByRole('link', { name: 'Buka PDF (tab baru)' });
    expect(await preview.getAttribute('href')).toMatch(/^http/);

    await card.scrollIntoViewIfNeeded();
    await saveScreenshot(journey.page, 'operator-evidence-upload');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });

  /** A new innovation with sid.16 answered, its uploader open with `file` chosen and described. */
  async function chooseForNewInnovation(file: string, title: string) {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const name = `Layanan Keliling ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', eligibleProfile(name));
    await operator.answer(created.id, created.version, 'sid.16', { level: 1 });
    await journey.page.goto(`/inovasi/${created.id}`);
    await journey.page.getByRole('heading', { level: 1, name }).waitFor();
    const panel = journey.page.getByTestId('indicator-sid.16').getByTestId('evidence-panel');
    await panel.getByRole('button', { name: `Unggah berkas data dukung: ${INDICATOR}` }).click();
    await panel.getByLabel(`Pilih berkas data dukung: ${INDICATOR}`).setInputFiles(file);
    await panel.getByRole('textbox', { name: 'Judul data dukung' }).fill(title);
    await panel.getByLabel(/^Tanggal dokumen \(wajib untuk indikator ini\)/).fill('2026-01-20');
    return { operator, panel };
  }

  /** A large readable PDF on disk (parts of 5 MiB: 16 MiB is four parts). */
  function largePdf(fileName: string, bytes: number) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, fileName);
    writeFileSync(
      file,
      textPdf({ lines: ['LAPORAN PELAKSANAAN INOVASI DAERAH', fileName], padToBytes: bytes }),
    );
    return file;
  }

  it('a resumable upload survives a dropped connection without starting over (#20)', async () => {
    const file = largePdf('laporan-besar.pdf', 16 * 1024 * 1024);
    const title = `Laporan besar ${Date.now()}`;
    const { panel } = await chooseForNewInnovation(file, title);
    const starts = watchUploadStarts(journey);
    const parts = watchParts(journey);
    // A slow uplink (4 MiB/s), so the connection can be cut while parts are on their way.
    const cdp = await journey.context.newCDPSession(journey.page);
    await cdp.send('Network.enable');
    const conditions = { latency: 20, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 };
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });

    const firstStored = new Promise<void>((resolve) => {
      journey.page.on('requestfinished', (request) => {
        if (request.method() === 'PUT' && request.url().includes('uploadId=')) resolve();
      });
    });
    await panel.getByRole('button', { name: 'Unggah', exact: true }).click();
    await firstStored;
    // The connection drops mid-upload: the page says the upload is paused, not failed.
    await cdp.send('Network.emulateNetworkConditions', { offline: true, ...conditions });
    const cutAt = Date.now();
    await panel
      .getByText('Koneksi terputus. Unggahan dijeda dan berlanjut sendiri saat koneksi kembali.')
      .waitFor({ timeout: 60_000 });
    await journey.page.waitForTimeout(2_000);
    expect(await panel.getByTestId('upload-error').count()).toBe(0);
    // Back online: it continues by itself and passes intake.
    await cdp.send('Network.emulateNetworkConditions', UNTHROTTLED);
    const result = panel.getByTestId('upload-result');
    await result.getByText('Berkas lolos pemeriksaan').waitFor({ timeout: 60_000 });
    await result.getByText(`"${title}" diterima dan dilampirkan.`).waitFor();

    // One multipart upload, and no part the store had before the cut was sent again.
    expect(starts).toHaveLength(1);
    const storedBeforeCut = parts.storedBefore(cutAt);
    expect(storedBeforeCut.length).toBeGreaterThan(0);
    for (const part of storedBeforeCut) expect(parts.attempts.get(part), `part ${part}`).toBe(1);
    expect([...parts.storedAt.keys()].sort()).toEqual([1, 2, 3, 4]);
    // The cut came mid-upload: some parts were still to be stored.
    expect(storedBeforeCut.length).toBeLessThan(4);
    await cdp.detach();
  });

  it('resumes after the tab reloads: the same file picked again sends only the missing parts (#20)', async () => {
    // The path for a file the browser could not keep (over the size limit or the quota): the kept
    // copy is removed before the reload, so the person picks the file again.
    const file = largePdf('laporan-reload.pdf', 16 * 1024 * 1024);
    const title = `Laporan dilanjutkan ${Date.now()}`;
    const { panel } = await chooseForNewInnovation(file, title);
    const resumed = await reloadMidUpload(journey, panel, () =>
      clearStore(journey.page, 'inovasi-uploads', 'files'),
    );

    const again = journey.page.getByTestId('indicator-sid.16').getByTestId('evidence-panel');
    await again.getByRole('button', { name: `Unggah berkas data dukung: ${INDICATOR}` }).click();
    await again.getByLabel(`Pilih berkas data dukung: ${INDICATOR}`).setInputFiles(file);
    await again.getByTestId('upload-resumable').waitFor();
    await again.getByRole('textbox', { name: 'Judul data dukung' }).fill(title);
    await again.getByLabel(/^Tanggal dokumen \(wajib untuk indikator ini\)/).fill('2026-01-20');
    await again.getByRole('button', { name: 'Unggah', exact: true }).click();
    await again
      .getByTestId('upload-result')
      .getByText('Berkas lolos pemeriksaan')
      .waitFor({ timeout: 60_000 });

    expectOnlyMissingPartsSent(resumed);
    await resumed.cdp.detach();
  });

  it('survives a reload without picking the file again: the kept file resumes by itself (#20)', async () => {
    const file = largePdf('laporan-tersimpan.pdf', 16 * 1024 * 1024);
    const title = `Laporan tersimpan ${Date.now()}`;
    const { panel } = await chooseForNewInnovation(file, title);
    const resumed = await reloadMidUpload(journey, panel, async () => {
      expect(await storedKeys(journey.page, 'inovasi-uploads', 'files')).toHaveLength(1);
    });

    // No file picker, no click: the uploader opens with the kept file and goes on.
    const again = journey.page.getByTestId('indicator-sid.16').getByTestId('evidence-panel');
    await again
      .getByTestId('upload-restored')
      .getByText(/^Melanjutkan unggahan laporan-tersimpan\.pdf/)
      .waitFor();
    const result = again.getByTestId('upload-result');
    await result.getByText('Berkas lolos pemeriksaan').waitFor({ timeout: 60_000 });
    await result.getByText(`"${title}" diterima dan dilampirkan.`).waitFor();

    expectOnlyMissingPartsSent(resumed);
    // Done: the device keeps no copy of the file.
    expect(await storedKeys(journey.page, 'inovasi-uploads', 'files')).toEqual([]);
    await resumed.cdp.detach();
  });

  it('queues an upload started offline, through a reload, and starts it when the connection returns (#20)', async () => {
    const file = largePdf('laporan-luring.pdf', 6 * 1024 * 1024);
    const title = `Laporan luring ${Date.now()}`;
    const { panel } = await chooseForNewInnovation(file, title);
    const starts = watchUploadStarts(journey);
    const paused = 'Koneksi terputus. Unggahan dijeda dan berlanjut sendiri saat koneksi kembali.';
    const again = journey.page.getByTestId('indicator-sid.16').getByTestId('evidence-panel');
    await journey.context.setOffline(true);
    try {
      await panel.getByRole('button', { name: 'Unggah', exact: true }).click();
      await panel.getByText(paused).waitFor({ timeout: 60_000 });
      // Still offline, the tab reloads: the page and the queued upload come back from the device.
      await journey.page.reload();
      await again.getByTestId('upload-restored').waitFor({ timeout: 30_000 });
      await again.getByText(paused).waitFor({ timeout: 60_000 });
      expect(starts).toEqual([]);
    } catch (error) {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text says where it stopped
      console.info(`upload panel offline: ${await again.innerText().catch(() => 'no panel')}`);
      throw error;
    } finally {
      await journey.context.setOffline(false);
    }

    const result = again.getByTestId('upload-result');
    await result.getByText('Berkas lolos pemeriksaan').waitFor({ timeout: 60_000 });
    await result.getByText(`"${title}" diterima dan dilampirkan.`).waitFor();
    expect(starts).toHaveLength(1);
    expect(await storedKeys(journey.page, 'inovasi-uploads', 'files')).toEqual([]);
  });

  it('cancels an upload: the parts are dropped and no pending item stays (#20.7)', async () => {
    const file = largePdf('video-kegiatan.pdf', 12 * 1024 * 1024);
    const title = `Dibatalkan ${Date.now()}`;
    const { operator, panel } = await chooseForNewInnovation(file, title);
    const cdp = await journey.context.newCDPSession(journey.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    const aborted = journey.page.waitForRequest(
      (request) => request.method() === 'DELETE' && request.url().includes('/multipart/'),
    );
    await panel.getByRole('button', { name: 'Unggah', exact: true }).click();
    await panel.getByText(/^Mengunggah \d+%/).waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: 'Batalkan unggahan' }).click();
    await panel
      .getByTestId('upload-cancelled')
      .getByText('Unggahan dibatalkan. Tidak ada berkas yang tersimpan.')
      .waitFor();
    expect((await (await aborted).response())?.status()).toBe(204);
    await cdp.send('Network.emulateNetworkConditions', UNTHROTTLED);
    await cdp.detach();

    const library = await operator.call<{ items: { title: string }[] }>('GET', '/evidence?limit=100');
    expect(library.items.map((item) => item.title)).not.toContain(title);
    // The file is still chosen: uploading it again is one click.
    await panel.getByRole('button', { name: 'Unggah', exact: true }).waitFor();
  });
});
