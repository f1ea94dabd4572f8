import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, launchChromium, newContext, PHONE } from './support/browser.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

/**
 * An OPD operator of Kabupaten Bojonegoro, on a 360 px phone, finds a draft in its to-do list,
 * answers two indicators (one on a kemanfaatan basis), watches the claimed kematangan rise and
 * submits the innovation to the verifier.
 */
describe('operator answers indicators and submits', () => {
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

  it('answers indicators, sees kematangan rise and submits', async () => {
    const operator = await DemoApi.signIn(product.url, 'opd1.3522@demo.local');
    const name = `Posyandu Keliling Digital ${Date.now()}`;
    await operator.createInnovation(operator.user.opdId ?? '', { name });

    await signInAs(page, 'opd1.3522@demo.local');
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Tugas Saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tugas Saya' }).waitFor();
    await page.getByTestId('queue-list').getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();

    const claimed = page.getByTestId('kematangan-claimed');
    await expect.poll(() => claimed.textContent()).toBe('0 / 111');
    // The profile is still empty: the page says why the innovation does not count yet.
    await page.getByTestId('eligibility').getByText('Inovasi ini belum ikut dihitung karena:').waitFor();

    // Regulasi Inovasi Daerah (weight 3): a Perkada is level 2.
    const regulation = page.getByTestId('indicator-sid.16');
    await regulation.getByRole('radio', { name: /Peraturan Kepala Daerah \(Perkada\)/ }).click();
    await regulation
      .getByTestId('evidence-needed')
      .getByText(/Halaman depan Perkada/)
      .waitFor();
    // The choice saves as it is made: no button to press, and the card says so.
    await regulation.getByTestId('answer-save-state').filter({ hasText: 'Jawaban tersimpan.' }).waitFor();
    await expect.poll(() => claimed.textContent()).toBe('6 / 111');

    // Kemanfaatan (weight 3) counts only with its basis: 501 or more beneficiaries is level 3.
    const benefit = page.getByTestId('indicator-sid.33');
    await benefit.getByRole('combobox', { name: 'Basis kemanfaatan' }).selectOption('a');
    await benefit.getByRole('radio', { name: /501 orang atau lebih/ }).click();
    await benefit.getByLabel('Catatan (opsional)').fill('Rekap kunjungan Januari–Juni.');
    await benefit.getByLabel('Catatan (opsional)').blur();
    await expect
      .poll(() => benefit.getByTestId('answer-save-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('saved');
    await expect.poll(() => claimed.textContent()).toBe('15 / 111');

    await page.getByRole('button', { name: 'Ajukan ke verifikator' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Selama diperiksa, profil dan jawaban tidak dapat diubah/).waitFor();
    await dialog.getByRole('button', { name: 'Ajukan ke verifikator' }).click();
    await page
      .getByTestId('workflow-notice')
      .filter({ hasText: 'Inovasi telah diajukan ke verifikator.' })
      .waitFor();
    await page.getByText('Diajukan', { exact: true }).first().waitFor();
    // Answers are locked while Bappeda holds the innovation.
    expect(await regulation.getByRole('button', { name: /Simpan jawaban/ }).count()).toBe(0);

    await saveScreenshot(page, 'operator-scoring');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
