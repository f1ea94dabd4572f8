import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoApi, eligibleProfile } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, launchChromium, newContext } from './support/browser.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

/**
 * The Bappeda admin of Kabupaten Bojonegoro, days before the deadline, reads which innovations to
 * send (a weak new draft is held back), then tries it in the what-if screen: applies the choice,
 * lifts a level, adds a hypothetical innovation, and reads the screen in English.
 */
describe('tenant admin decides what to send', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  const weakName = `Inovasi Tipis Bukti ${Date.now()}`;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    context = await newContext(browser, product.url, DESKTOP);
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
    // A new eligible draft with one answer at level 1: kematangan 3, far under the region's average.
    const admin = await DemoApi.signIn(product.url, 'admin.3522@demo.local');
    const created = await admin.createInnovation('opd-dinkes', eligibleProfile(weakName));
    await admin.answer(created.id, created.version, 'sid.16', { level: 1 });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  it('shows the portfolio choice with the break-even sentence and the gain', async () => {
    await signInAs(page, 'admin.3522@demo.local');
    await page.getByRole('heading', { level: 1, name: 'Dasbor Indeks Inovasi Daerah' }).waitFor();
    const panel = page.getByTestId('portfolio');
    await panel.getByRole('heading', { name: 'Pilihan inovasi yang dikirim' }).waitFor();

    await panel.getByText('Klaim', { exact: true }).click();
    await panel
      .getByTestId('portfolio-break-even')
      .getByText(/^Inovasi dengan kematangan di bawah sekitar \d+ menurunkan indeks Anda tahun ini/)
      .waitFor();
    const weakRow = panel.getByTestId('portfolio-table').getByRole('row').filter({ hasText: weakName });
    await weakRow.getByText('Tahan', { exact: true }).waitFor();
    await panel
      .getByTestId('portfolio-difference')
      .getByText(/inovasi ditahan\.$/)
      .waitFor();
    const gain = await panel.getByTestId('portfolio-gain').textContent();
    expect(gain).toMatch(/\+\d+(,\d+)? poin/);
    expect(gain).not.toMatch(/\+0 poin/);

    await saveScreenshot(page, 'portfolio-panel');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('moves the index and predicate in the what-if screen as innovations and levels change', async () => {
    await page.getByRole('link', { name: 'Coba di simulasi bagaimana-jika' }).click();
    await page.getByRole('heading', { level: 1, name: 'Simulasi Bagaimana Jika' }).waitFor();
    const index = page.getByTestId('whatif-index');
    const delta = page.getByTestId('whatif-delta');
    await delta.getByText('0 poin dari awal').waitFor();
    const start = await index.textContent();

    // The weak draft starts included; applying the best choice drops it and the index rises.
    const weakBox = page.getByRole('checkbox', { name: `Kirim ${weakName}` });
    expect(await weakBox.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Terapkan pilihan terbaik' }).click();
    await expect.poll(() => weakBox.isChecked()).toBe(false);
    await expect.poll(() => delta.textContent()).toMatch(/^\+\d+(,\d+)? poin dari awal$/);
    const chosen = await index.textContent();
    expect(chosen).not.toBe(start);

    // Lifting the weak draft's regulation to level 3 and sending it changes its kematangan and the index.
    await weakBox.check();
    await page.getByRole('button', { name: `Ubah level: ${weakName}` }).click();
    await page
      .getByTestId('whatif-levels')
      .getByLabel(/^sid\.16 /)
      .selectOption('3');
    const weakRow = page.getByTestId('whatif-table').getByRole('row').filter({ hasText: weakName });
    await expect.poll(() => weakRow.locator('td').nth(3).textContent()).toBe('9');
    await page.getByRole('button', { name: 'Tutup' }).click();

    // A hypothetical innovation with every indicator at 0 adds only to the divisor: the index falls.
    const before = await index.textContent();
    await page.getByLabel('Level semua indikator').selectOption('0');
    await page.getByRole('button', { name: 'Tambahkan' }).click();
    await page.getByText('Rekaan', { exact: true }).waitFor();
    await expect.poll(() => index.textContent()).not.toBe(before);
    await page.getByTestId('whatif-predicate').waitFor();

    await saveScreenshot(page, 'what-if');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'What-if simulation' }).waitFor();
    await page
      .getByTestId('whatif-delta')
      .getByText(/points from the start$/)
      .waitFor();
    await page.getByRole('button', { name: /^ID/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Simulasi Bagaimana Jika' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
