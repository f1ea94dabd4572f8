import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, launchChromium, newContext } from './support/browser.ts';
import { saveScreenshot, signInWithEmail } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

/** The platform admin onboards Kabupaten Ngawi (35.21) by picking it from the official area list. */
describe('platform admin onboards a region', () => {
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
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  it('picks Kabupaten Ngawi from the official list and registers it', async () => {
    // The demo list only shows tenant members, so the platform admin signs in by email.
    await signInWithEmail(page, 'platform@demo.local');
    await expect.poll(() => page.url()).toMatch(/\/platform\/pemda$/);
    await page.getByRole('heading', { level: 1, name: 'Pemda Terdaftar' }).waitFor();
    const tenants = page.getByTestId('tenant-list');
    await tenants.waitFor();
    expect(await tenants.getByRole('cell', { name: '35.21', exact: true }).count()).toBe(0);

    await page.getByRole('combobox', { name: 'Daerah (kode wilayah Kemendagri)' }).fill('Ngawi');
    await page.getByRole('option', { name: /Ngawi \(35\.21\)/ }).click();
    await page.getByRole('button', { name: 'Daftarkan' }).click();

    await page
      .getByTestId('onboard-success')
      .filter({ hasText: /Ngawi telah terdaftar/ })
      .waitFor();
    await tenants.getByRole('cell', { name: '35.21', exact: true }).waitFor();

    await saveScreenshot(page, 'platform-onboarding');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
