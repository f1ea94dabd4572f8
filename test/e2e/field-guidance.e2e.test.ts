import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, launchChromium, newContext } from './support/browser.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

const STAFF = 'Ketersediaan dan peran SDM terhadap inovasi daerah';

/**
 * Issue 20, operators and verifiers: an operator of Kabupaten Bojonegoro (35.22) is told what is
 * missing before submitting, and a verifier sees each decision where it was taken.
 */
describe('guided submission and decisions in place', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let operator: DemoApi;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    context = await newContext(browser, product.url, DESKTOP);
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
    operator = await DemoApi.signIn(product.url, 'opd1.3522@demo.local');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  it('lists the missing mandatory indicators, evidence and threshold before “Ajukan ke verifikator”', async () => {
    // Prepare: 2 of 20 answered; sid.16 with evidence, sid.17 without, the other mandatory ones empty.
    const name = `Posyandu Keliling ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', { name });
    let version = await operator.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await operator.answer(created.id, version, 'sid.17', { level: 1 });
    await operator.attachEvidence(created.id, 'sid.16');

    // Act
    await signInAs(page, 'opd1.3522@demo.local');
    await page.goto(`/inovasi/${created.id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // Assess: the page's own checklist, before any click.
    const panel = page.getByTestId('submission-checklist-panel');
    await panel.getByTestId('check-answers').filter({ hasText: '2 dari 20 indikator dijawab.' }).waitFor();
    const mandatory = panel.getByTestId('check-mandatory');
    expect(await mandatory.getAttribute('data-state')).toBe('missing');
    await mandatory.getByText('4 indikator wajib belum lengkap:').waitFor();
    await mandatory
      .getByRole('listitem')
      .filter({ hasText: `${STAFF} — belum ada data dukung yang lolos pemeriksaan berkas` })
      .waitFor();
    expect(await mandatory.getByRole('listitem').filter({ hasText: 'belum dijawab' }).count()).toBe(3);
    await panel.getByTestId('check-threshold').waitFor();

    // The confirmation says what submitting now means and lists the same gaps.
    await page.getByRole('button', { name: 'Ajukan ke verifikator' }).click();
    const dialog = page.getByRole('dialog');
    const inDialog = dialog.getByTestId('submission-checklist-dialog');
    await inDialog.getByText('4 indikator wajib belum lengkap:').waitFor();
    await inDialog.getByRole('link', { name: new RegExp(STAFF) }).waitFor();
    await dialog.getByText(/Anda tetap dapat mengajukan sekarang/).waitFor();
    await dialog.getByRole('button', { name: 'Ajukan ke verifikator' }).click();
    await page.getByTestId('workflow-notice').filter({ hasText: 'Inovasi telah diajukan' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'guided-submission');
    expect(pageErrors).toEqual([]);
  });
});
