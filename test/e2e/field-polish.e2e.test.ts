import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, launchChromium, newContext, PHONE } from './support/browser.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

/** A calendar day `days` after today in Western Indonesia Time, the calendar deadlines are kept in. */
function jakartaDay(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Issue 20, points 5–7: an operator of Kabupaten Bojonegoro (35.22) sees the days left, a verifier is
 * not offered a step the server would refuse, errors read in Bahasa Indonesia, and the small things.
 */
describe('deadlines, refusals said up front, and the small things', () => {
  let product: RunningProduct;
  let browser: Browser;
  const pageErrors: string[][] = [];
  let operator: DemoApi;
  let admin: DemoApi;

  async function openAs(
    email: string | undefined,
    viewport: { width: number; height: number } = DESKTOP,
  ): Promise<Page> {
    const context = await newContext(browser, product.url, viewport);
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    if (email) await signInAs(page, email);
    return page;
  }

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    operator = await DemoApi.signIn(product.url, 'opd1.3522@demo.local');
    admin = await DemoApi.signIn(product.url, 'admin.3522@demo.local');
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('20.6 shows the operator the days left on Tugas Saya and on the innovation, dates written the Indonesian way', async () => {
    // Prepare: Bappeda opens the period with the OPD deadline two weeks from today.
    const name = `Sapa Warga Desa ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', { name });
    const { periodYear } = await operator.call<{ periodYear: number }>('GET', `/innovations/${created.id}`);
    const lastDay = jakartaDay(14);
    await admin.call('POST', '/periods', {
      year: periodYear,
      internalDeadline: lastDay,
      nationalDeadline: jakartaDay(40),
    });
    const written = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium' }).format(
      new Date(`${lastDay}T12:00:00`),
    );

    // Act
    const page = await openAs('opd1.3522@demo.local');
    await page.goto('/tugas');
    await page.getByRole('heading', { level: 1, name: 'Tugas Saya' }).waitFor();

    // Assess
    const home = page.getByTestId('operator-deadline');
    await home.filter({ hasText: `14 hari lagi (sampai ${written})` }).waitFor();
    expect(await home.textContent()).not.toContain(lastDay);

    await page.goto(`/inovasi/${created.id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByTestId('operator-deadline').filter({ hasText: '14 hari lagi' }).waitFor();
    await saveScreenshot(page, 'operator-deadline');

    // A date typed the Indonesian way is read day first and written out, whatever the browser's locale.
    await page.goto(`/inovasi/${created.id}/profil`);
    const trial = page.getByLabel('Waktu uji coba', { exact: true });
    await trial.fill('5/3/2026');
    await trial.press('Tab');
    expect(await trial.inputValue()).toBe('5 Maret 2026');
    await page.context().close();
  });

  it('20.5 disables “Nyatakan terverifikasi” while answers wait, and warns before a pack of 0 innovations', async () => {
    // Prepare: two answers under review, only one accepted.
    const name = `Layanan Adminduk Keliling ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', { name });
    let version = await operator.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await operator.answer(created.id, version, 'sid.17', { level: 1 });
    await operator.attachEvidence(created.id, 'sid.16');
    version = await operator.transition(created.id, version, { action: 'submit' });
    version = await admin.transition(created.id, version, { action: 'start_review' });
    await admin.review(created.id, version, 'sid.16', 'accepted');

    // Act
    const verifier = await openAs('verifikator.3522@demo.local');
    await verifier.goto(`/inovasi/${created.id}`);
    await verifier.getByRole('heading', { level: 1, name }).waitFor();

    // Assess: the step is shown, disabled, with the reason the server would give.
    const verify = verifier.getByRole('button', { name: 'Nyatakan terverifikasi' });
    await verify.waitFor();
    expect(await verify.isDisabled()).toBe(true);
    await verifier
      .getByTestId('step-blocked')
      .filter({ hasText: 'Belum dapat dinyatakan terverifikasi: 1 jawaban belum diterima.' })
      .waitFor();
    expect(await verifier.getByRole('button', { name: 'Kembalikan ke OPD' }).isDisabled()).toBe(false);
    expect(await seriousA11yViolations(verifier)).toEqual([]);
    await verifier.context().close();

    // The demo region has nothing ready to send: the form says the pack would be empty.
    const bappeda = await openAs('admin.3522@demo.local');
    await bappeda.goto('/ekspor');
    await bappeda.getByRole('heading', { level: 1, name: 'Ekspor Data' }).waitFor();
    await bappeda
      .getByTestId('empty-pack-warning')
      .filter({ hasText: 'paket akan berisi 0 inovasi' })
      .waitFor();
    await bappeda.getByRole('radio', { name: /Rekap Excel/ }).check();
    await expect.poll(() => bappeda.getByTestId('empty-pack-warning').count()).toBe(0);
    await bappeda.context().close();
  });

  it('20.5 describes a gateway’s 503 in Bahasa Indonesia, never “Service Unavailable”', async () => {
    // Prepare: the edge answers every innovation list with its own plain-text 503.
    const page = await openAs('verifikator.3522@demo.local');
    await page.route('**/api/v1/tenants/*/innovations?**', (route) =>
      route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' }),
    );

    // Act
    await page.goto('/verifikasi');

    // Assess
    const alert = page.getByRole('alert').filter({ hasText: 'Terjadi kesalahan' });
    await alert
      .filter({ hasText: 'Layanan sedang tidak tersedia untuk sementara.' })
      .waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).not.toMatch(/Service Unavailable|HTTP 503/);
    await page.context().close();
  });

  it('20.7 readable status badges, urusan names, a province named once and a 44 px language toggle on a phone', async () => {
    // Prepare
    const found = async (q: string) => {
      const response = await fetch(`${product.url}/api/v1/catalog/innovations?q=${encodeURIComponent(q)}`);
      const { items } = (await response.json()) as { items: { catalogId: string; name: string }[] };
      const item = items.find((candidate) => candidate.name.startsWith(q));
      if (!item) throw new Error(`${q} is not in the catalogue`);
      return item.catalogId;
    };
    const visitor = await openAs(undefined, PHONE);

    // Act and assess: the public detail names the urusan.
    await visitor.goto(`/katalog/${await found('Izin Kilat Satu Hari')}`);
    await visitor.getByRole('heading', { level: 1, name: /Izin Kilat Satu Hari/ }).waitFor();
    await visitor.getByText('Penanaman Modal', { exact: true }).waitFor();
    expect(await visitor.getByText('penanaman_modal').count()).toBe(0);

    // A province's own innovation names the province once.
    await visitor.goto(`/katalog/${await found('Jatim Cegah Stunting Terpadu')}`);
    await visitor.getByRole('heading', { level: 1, name: 'Jatim Cegah Stunting Terpadu' }).waitFor();
    await visitor.getByText('Provinsi Jawa Timur', { exact: true }).first().waitFor();
    expect(await visitor.getByText('Provinsi Jawa Timur · Provinsi Jawa Timur').count()).toBe(0);

    // Both language buttons are at least 44 × 44 px.
    for (const code of ['id', 'en']) {
      const box = await visitor.getByTestId(`lang-${code}`).boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(44);
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
    await visitor.context().close();

    // Status badges in the operator's list show their whole word at 360 px.
    const phone = await openAs('opd1.3522@demo.local', PHONE);
    await phone.goto('/inovasi');
    const badges = phone.getByTestId('status-badge');
    await badges.first().waitFor();
    const cut = await badges.evaluateAll((elements) =>
      elements
        .map((element) => element.querySelector('[class*="Badge-label"]') ?? element)
        .filter((label) => label.scrollWidth > label.clientWidth + 1)
        .map((label) => label.textContent),
    );
    expect(cut).toEqual([]);
    await saveScreenshot(phone, 'status-badges-phone');
    await phone.context().close();
    expect(pageErrors.flat()).toEqual([]);
  });
});
