import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textPdf } from '@inovasi/local';
import { describe, expect, it } from 'vitest';
import { DemoApi, eligibleProfile } from './support/api.ts';
import { PHONE } from './support/browser.ts';
import { storedKeys } from './support/device-stores.ts';
import { useJourney } from './support/journey.ts';
import { signInAs } from './support/journeys.ts';
import { RESULTS_DIR } from './support/paths.ts';

const INDICATOR = 'Regulasi Inovasi Daerah';
const MIB = 1024 * 1024;

/**
 * Evidence files up to the 200 MB cap survive a reload without the file picker when the browser's
 * storage allows it; when it does not, the uploader says so before anything is lost
 * (#20, docs/decisions/0049).
 */
describe('upload files kept on the device up to the evidence cap', () => {
  const journey = useJourney({ viewport: PHONE });

  async function openUploader(file: string, title: string) {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const name = `Video Kegiatan ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', eligibleProfile(name));
    await operator.answer(created.id, created.version, 'sid.16', { level: 1 });
    await journey.page.goto(`/inovasi/${created.id}`);
    await journey.page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
    const panel = journey.page.getByTestId('indicator-sid.16').getByTestId('evidence-panel');
    await panel.getByRole('button', { name: `Unggah berkas data dukung: ${INDICATOR}` }).click();
    await panel.getByLabel(`Pilih berkas data dukung: ${INDICATOR}`).setInputFiles(file);
    await panel.getByRole('textbox', { name: 'Judul data dukung' }).fill(title);
    await panel.getByLabel(/^Tanggal dokumen \(wajib untuk indikator ini\)/).fill('2026-01-20');
    return panel;
  }

  it('keeps a 120 MiB video in slices and resumes it after a reload without the file picker', async () => {
    await signInAs(journey.page, 'opd1.3522@demo.local');
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, 'video-kegiatan-besar.mp4');
    // Over the old 100 MiB limit, under the 200 MB cap; the bytes only have to reach the store.
    writeFileSync(file, Buffer.alloc(120 * MIB, 'inovasi-daerah '));
    const panel = await openUploader(file, `Video besar ${Date.now()}`);
    const cdp = await journey.context.newCDPSession(journey.page);
    await cdp.send('Network.enable');
    // A slow uplink, so the upload is still going when the tab reloads.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 2 * MIB,
    });
    await panel.getByRole('button', { name: 'Unggah', exact: true }).click();
    // The record is written after its last slice: 120 MiB is eight slices of 16 MiB.
    await expect
      .poll(() => storedKeys(journey.page, 'inovasi-uploads', 'files'), { timeout: 60_000 })
      .toHaveLength(1);
    expect(await storedKeys(journey.page, 'inovasi-upload-parts', 'parts')).toHaveLength(8);
    expect(await panel.getByTestId('upload-not-kept').count()).toBe(0);

    await journey.page.reload();
    const again = journey.page.getByTestId('indicator-sid.16').getByTestId('evidence-panel');
    await again
      .getByTestId('upload-restored')
      .getByText(/^Melanjutkan unggahan video-kegiatan-besar\.mp4/)
      .waitFor({ timeout: 60_000 });
    await again.getByText(/^Mengunggah \d+%/).waitFor({ timeout: 120_000 });
    // Cancelled: the file and its slices leave the device.
    await again.getByRole('button', { name: 'Batalkan unggahan' }).click();
    await again.getByTestId('upload-cancelled').waitFor();
    await expect.poll(() => storedKeys(journey.page, 'inovasi-uploads', 'files')).toEqual([]);
    await expect.poll(() => storedKeys(journey.page, 'inovasi-upload-parts', 'parts')).toEqual([]);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
  });

  it('says so when the browser has no room to keep the file: it must be picked again after a reload', async () => {
    // A browser whose storage is nearly full: 30 MiB left.
    await journey.page.addInitScript(() => {
      const storage = (navigator as { storage?: { estimate: () => Promise<unknown> } }).storage;
      if (storage) storage.estimate = async () => ({ quota: 1000 * 1024 * 1024, usage: 970 * 1024 * 1024 });
    });
    const file = join(RESULTS_DIR, 'laporan-tanpa-ruang.pdf');
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(file, textPdf({ lines: ['LAPORAN PELAKSANAAN INOVASI DAERAH'], padToBytes: 6 * MIB }));
    const title = `Laporan tanpa ruang ${Date.now()}`;
    const panel = await openUploader(file, title);
    // Started offline, so it waits: this is when a reload would lose it, and the page says so.
    await journey.context.setOffline(true);
    try {
      await panel.getByRole('button', { name: 'Unggah', exact: true }).click();
      await panel
        .getByTestId('upload-not-kept')
        .getByText(
          /^Peramban tidak dapat menyimpan salinan berkas ini \([\d,.]+ MB; ruang tersedia [\d,.]+ MB\)\./,
        )
        .waitFor({ timeout: 60_000 });
      await panel
        .getByText('Koneksi terputus. Unggahan dijeda dan berlanjut sendiri saat koneksi kembali.')
        .waitFor({
          timeout: 60_000,
        });
      expect(await storedKeys(journey.page, 'inovasi-uploads', 'files')).toEqual([]);
      expect(await storedKeys(journey.page, 'inovasi-upload-parts', 'parts')).toEqual([]);
    } finally {
      await journey.context.setOffline(false);
    }
    // Back online, the upload itself goes on as before.
    await panel
      .getByTestId('upload-result')
      .getByText('Berkas lolos pemeriksaan')
      .waitFor({ timeout: 60_000 });
  });
});
