import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textPdf } from '@inovasi/local';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoApi, eligibleProfile } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, launchChromium, newContext, PHONE } from './support/browser.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { RESULTS_DIR } from './support/paths.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

const INDICATOR = 'Regulasi Inovasi Daerah';

/**
 * An OPD operator of Bojonegoro, on a phone, uploads a real PDF as evidence for one indicator: the
 * bytes go straight to the store, the intake check passes within seconds, and the card says what is
 * attached and what is still missing.
 */
describe('operator uploads evidence to an indicator', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    context = await newContext(browser, product.url, PHONE);
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  it('uploads a PDF, sees the check pass and what is still missing', async () => {
    const operator = await DemoApi.signIn(product.url, 'opd1.3522@demo.local');
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

    await signInAs(page, 'opd1.3522@demo.local');
    await page.goto(`/inovasi/${created.id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const card = page.getByTestId('indicator-sid.16');
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
    await result.getByText('Berkas lolos pemeriksaan').waitFor({ timeout: 15_000 });
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
    await saveScreenshot(page, 'operator-evidence-upload');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
