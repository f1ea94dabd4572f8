import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, launchChromium, newContext, PHONE } from './support/browser.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

/**
 * An OPD operator of Kabupaten Bojonegoro (35.22), on a 360 px phone, records a new innovation and
 * finds it in the list.
 */
describe('operator records an innovation', () => {
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

  it('signs in, creates an innovation and sees it in the list', async () => {
    const name = `Layanan Antar Jemput Lansia ${Date.now()}`;

    await signInAs(page, 'opd1.3522@demo.local');
    await expect.poll(() => page.url()).toMatch(/\/inovasi$/);
    await page.getByRole('heading', { level: 1, name: 'Inovasi Daerah' }).waitFor();

    await page.getByRole('link', { name: 'Tambah inovasi' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Inovasi baru' }).waitFor();
    await page.getByLabel('Nama inovasi').fill(name);
    await page.getByRole('combobox', { name: 'Tahapan inovasi' }).click();
    await page.getByRole('option', { name: 'Uji coba' }).click();
    await page
      .getByLabel('Rancang bangun')
      .fill('Lansia dijemput petugas puskesmas untuk pemeriksaan rutin. '.repeat(10));
    await expect.poll(() => page.getByTestId('rancang-bangun-count').textContent()).toBe('70 / 300 kata');

    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('save-notice').filter({ hasText: 'Inovasi baru telah dibuat.' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/inovasi\/[\w-]+$/);

    // On a phone the navigation sits behind the menu button.
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Inovasi Daerah' }).click();
    const row = page.getByTestId('innovation-list').getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.getByText('Draf').isVisible()).toBe(true);

    await saveScreenshot(page, 'operator-innovation');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('keeps typed text through a reload and a conflicting change, then saves on top of the latest version', async () => {
    const operator = await DemoApi.signIn(product.url, 'opd1.3522@demo.local');
    const innovation = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Inovasi Konflik ${Date.now()}`,
    });
    const editUrl = `/inovasi/${innovation.id}/profil`;
    await page.goto(editUrl);
    await page.getByRole('heading', { level: 1, name: 'Ubah profil inovasi' }).waitFor();
    await page.getByLabel('Manfaat yang diperoleh').fill('Warga lansia tidak perlu antre.');

    // A colleague saves another field of the same innovation in the meantime.
    const colleague = await browser.newContext({ baseURL: product.url, viewport: PHONE });
    const colleaguePage = await colleague.newPage();
    await signInAs(colleaguePage, 'admin.3522@demo.local');
    await colleaguePage.goto(editUrl);
    await colleaguePage.getByLabel('Tujuan inovasi').fill('Mendekatkan layanan kesehatan.');
    await colleaguePage.getByRole('button', { name: 'Simpan' }).click();
    await colleaguePage.getByTestId('save-notice').filter({ hasText: 'Profil inovasi tersimpan.' }).waitFor();
    await colleague.close();

    // The operator's draft survives a reload (it lives in localStorage until saved)…
    await page.reload();
    await page.getByText(/Draf yang belum tersimpan dari .* dipulihkan/).waitFor();
    expect(await page.getByLabel('Manfaat yang diperoleh').inputValue()).toBe(
      'Warga lansia tidak perlu antre.',
    );

    // …and saving it against the stale version is refused with a clear message, not overwritten.
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('conflict').filter({ hasText: 'Data ini telah diubah orang lain' }).waitFor();
    await page.getByRole('button', { name: 'Muat versi terbaru' }).click();
    await page.getByTestId('save-notice').filter({ hasText: 'Versi terbaru sudah dimuat' }).waitFor();
    expect(await page.getByLabel('Tujuan inovasi').inputValue()).toBe('Mendekatkan layanan kesehatan.');
    expect(await page.getByLabel('Manfaat yang diperoleh').inputValue()).toBe(
      'Warga lansia tidak perlu antre.',
    );

    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('save-notice').filter({ hasText: 'Profil inovasi tersimpan.' }).waitFor();
    await saveScreenshot(page, 'operator-innovation-conflict');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
