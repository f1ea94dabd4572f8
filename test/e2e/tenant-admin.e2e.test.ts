import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, launchChromium, newContext } from './support/browser.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

/**
 * The Bappeda admin of Kabupaten Bojonegoro manages OPDs, opens the next assessment period, invites a
 * user, then reads the app in English.
 */
describe('tenant admin manages OPDs and users', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    context = await newContext(browser, product.url, DESKTOP);
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
    await signInAs(page, 'admin.3522@demo.local');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  it('adds and renames an OPD', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Perangkat Daerah (OPD)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Perangkat Daerah (OPD)' }).waitFor();

    await page.getByRole('button', { name: 'Tambah OPD' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama OPD').fill('Dinas Perpustakaan dan Kearsipan');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('cell', { name: 'Dinas Perpustakaan dan Kearsipan', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Ganti nama: Dinas Perpustakaan dan Kearsipan' }).click();
    await dialog.getByLabel('Nama OPD').fill('Dinas Perpustakaan Daerah');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('cell', { name: 'Dinas Perpustakaan Daerah', exact: true }).waitFor();

    await saveScreenshot(page, 'tenant-admin-opds');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('opens the next assessment period with its deadlines', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Periode Penilaian' }).click();
    await page.getByRole('heading', { level: 1, name: 'Periode Penilaian' }).waitFor();

    const form = page.getByRole('form', { name: 'Buka periode baru' });
    // Without deadlines nothing is sent, and the missing fields say so.
    await form.getByRole('textbox', { name: /^Tahun/ }).fill('2027');
    await form.getByRole('button', { name: 'Buka periode' }).click();
    expect(await form.getByText('Wajib diisi.').count()).toBeGreaterThanOrEqual(1);

    await form.getByLabel(/^Tenggat internal \(OPD\)/).fill('2027-08-15');
    await form.getByLabel(/^Tenggat nasional \(BSKDN\)/).fill('2027-09-30');
    await form.getByRole('button', { name: 'Buka periode' }).click();
    await page.getByRole('status').getByText('Periode 2027 telah dibuka.').waitFor();
    await page.getByRole('heading', { name: 'Periode 2027' }).waitFor();

    await saveScreenshot(page, 'tenant-admin-periods');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('invites an OPD operator', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();

    await page.getByRole('button', { name: 'Undang pengguna' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('siti.operator@bojonegoro.example');
    await dialog.getByRole('textbox', { name: 'Nama lengkap' }).fill('Siti Rahmawati');
    await dialog.getByRole('combobox', { name: 'OPD' }).click();
    await page.getByRole('option').first().click();
    await dialog.getByRole('button', { name: 'Undang pengguna' }).click();
    await page.getByText(/^Undangan terkirim\./).waitFor();
    await page.getByRole('cell', { name: /^Siti Rahmawati/ }).waitFor();

    await saveScreenshot(page, 'tenant-admin-members');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('switches the interface to English and keeps the choice after a reload', async () => {
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
            .documentElement.lang,
      ),
    ).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('button', { name: /^ID/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
