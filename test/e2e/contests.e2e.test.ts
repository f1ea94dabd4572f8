import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, launchChromium, newContext } from './support/browser.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

/**
 * A citizen finds Bojonegoro's open contest on its public page and asks for an entrant account;
 * Bappeda sees the call, its panel and its entries on its own screen (ADR 0037).
 */
describe('a regional innovation contest in the browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct({ scheduledJobs: false }), launchChromium()]);
    context = await newContext(browser, product.url, DESKTOP);
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  it('shows the public call, takes a citizen’s sign-up, and gives Bappeda its screen', async () => {
    const admin = await DemoApi.signIn(product.url, 'admin.3522@demo.local');
    const call = await admin.call<{ id: string }>('POST', '/contests', {
      title: 'Bojonegoro Innovative Award',
      year: 2026,
      description: 'Lomba inovasi tahunan Kabupaten Bojonegoro.',
      categories: [
        { id: 'opd', label: 'ASN/OPD', entrantKinds: ['opd'] },
        { id: 'masyarakat', label: 'Masyarakat', entrantKinds: ['citizen'] },
      ],
      stageDates: {
        entriesOpen: '2026-03-01',
        entriesClose: '2026-04-30',
        screeningEnd: '2026-05-10',
        deskEnd: '2026-06-10',
        finalEnd: '2026-07-10',
        announcement: '2026-08-17',
      },
      criteria: {
        desk: [{ id: 'kebaruan', label: 'Kebaruan', weight: 1 }],
        final: [{ id: 'presentasi', label: 'Presentasi', weight: 1 }],
      },
      prizes: [{ rank: 1, label: 'Juara I', amount: 10_000_000 }],
    });
    await admin.call('POST', `/contests/${call.id}/publish`, undefined, 1);

    await page.goto(`${product.url}/lomba-publik/35.22/${call.id}`);
    await page.getByRole('heading', { level: 1, name: 'Bojonegoro Innovative Award' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Nama lengkap').fill('Siti Warga');
    await page.getByLabel(/^Email/).fill('siti.warga@contoh.id');
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByText('Periksa email Anda untuk melanjutkan pendaftaran.').waitFor();
    await saveScreenshot(page, 'contest-public');

    await signInAs(page, 'admin.3522@demo.local');
    await page.goto(`${product.url}/lomba/${call.id}`);
    await page.getByRole('heading', { level: 1, name: 'Bojonegoro Innovative Award' }).waitFor();
    await page.getByRole('heading', { name: 'Dewan juri' }).waitFor();
    await page.getByRole('button', { name: 'Tutup pendaftaran, mulai penjurian' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
