import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, launchChromium, newContext, PHONE } from './support/browser.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

const SOURCE_NAME = 'Gerakan Ibu Hamil Sehat (GERBANG SEHAT)';

/**
 * A visitor on a phone finds an innovation in the public catalogue without signing in; then the
 * Bappeda admin of Kota Bengkulu (17.71) asks to replicate Bojonegoro's (35.22) innovation, and
 * Bojonegoro's admin accepts it, recording the agreement.
 */
describe('public catalogue and a replication between two regions', () => {
  let product: RunningProduct;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await newContext(browser, product.url, viewport);
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    return page;
  }

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await product?.stop();
  });

  it('the public pages paint before JavaScript; on a phone the results come first and a whole card opens its innovation', async () => {
    // Without JavaScript: the prerendered first view of the catalogue, a detail and the sign-in page.
    const noScript = await browser.newContext({
      baseURL: product.url,
      viewport: PHONE,
      javaScriptEnabled: false,
    });
    contexts.push(noScript);
    const bare = await noScript.newPage();
    await bare.goto('/katalog');
    await bare.getByRole('heading', { level: 1, name: 'Katalog Replikasi Inovasi Daerah' }).waitFor();
    await bare.getByRole('searchbox', { name: 'Cari inovasi' }).waitFor();
    await bare.getByRole('button', { name: /^Filter/ }).waitFor();
    // The page's own title is in the HTML: the app may load only after the first interaction.
    expect(await bare.title()).toBe('Katalog Replikasi Inovasi Daerah · Inovasi Daerah');
    await bare.goto('/katalog/35.22~01JDEMO00000000000000000000');
    await bare.getByRole('link', { name: /Kembali ke katalog/ }).waitFor();
    await bare.goto('/masuk');
    await bare.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();

    // With JavaScript, at 360 px: the app adopts the prerendered page without a mismatch.
    const page = await openPage(PHONE);
    const errors = pageErrors.at(-1) ?? [];
    await page.goto('/katalog');
    const results = page.getByTestId('catalog-result');
    await results.first().waitFor();
    // The filters stay folded behind one button, so the first result is on the first screen.
    const filterButton = page.getByRole('button', { name: /^Filter/ });
    expect(await filterButton.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#katalog-filter').isVisible()).toBe(false);
    const firstBox = await results.first().boundingBox();
    expect(firstBox?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(PHONE.height - 100);
    // Each card is one link, named by the innovation, and a tap anywhere on the card follows it.
    const first = results.first();
    expect(await first.getByRole('link').count()).toBe(1);
    const name = (await first.getByRole('link').textContent()) ?? '';
    const box = await first.boundingBox();
    if (!box) throw new Error('the first card has no box');
    await saveScreenshot(page, 'catalog-phone-first-screen');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.mouse.click(box.x + box.width - 12, box.y + box.height - 8);
    await page.waitForURL(/\/katalog\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    // A search in the address on arrival: the prerendered (empty) view is adopted, then filled.
    await page.goto('/katalog?q=sehat&urut=recent');
    await expect.poll(() => page.getByRole('searchbox', { name: 'Cari inovasi' }).inputValue()).toBe('sehat');
    await expect.poll(() => page.getByLabel('Urutkan').inputValue()).toBe('recent');
    await results.first().waitFor();

    // A detail the server filled in stays the server's markup once the app has taken over (React
    // rendering the same detail again cost a phone's main thread and repainted its largest text,
    // docs/decisions/0050), and its plain links are followed inside the app, without a reload.
    const detailHref = await page
      .getByTestId('catalog-results')
      .getByRole('link', { name: SOURCE_NAME })
      .getAttribute('href');
    await page.goto(detailHref ?? '/katalog');
    await page.getByRole('heading', { level: 1, name: SOURCE_NAME }).waitFor();
    await page.evaluate(() => {
      const scope = globalThis as unknown as {
        document: { querySelector(selector: string): { setAttribute(name: string, value: string): void } };
        sameDocument: boolean;
      };
      scope.document.querySelector('[data-catalog-detail] h1').setAttribute('data-from-server', '');
      scope.sameDocument = true;
    });
    // Hydrated: React has claimed the detail's container (its fiber key), then had time to render again.
    await page.waitForFunction(() => {
      const container = (
        globalThis as unknown as { document: { querySelector(s: string): object | null } }
      ).document.querySelector('[data-catalog-detail]');
      return container !== null && Object.keys(container).some((key) => key.startsWith('__reactFiber$'));
    });
    await page.waitForTimeout(1000);
    expect(await page.locator('h1[data-from-server]').textContent()).toBe(SOURCE_NAME);
    const similar = page.getByTestId('similar').getByRole('link').first();
    const similarName = (await similar.textContent()) ?? '';
    await similar.click();
    await page.getByRole('heading', { level: 1, name: similarName }).waitFor();
    expect(
      await page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the catalogue and the sign-in page work before the app has loaded, which then takes them over unchanged', async () => {
    const page = await openPage(PHONE);
    await page.goto('/katalog');
    const results = page.getByTestId('catalog-results');
    await page.getByTestId('catalog-result').first().waitFor();
    // Nobody has touched the page: the results are the page script's, and no React is on it
    // (docs/decisions/0053).
    const reactOwns = (selector: string) =>
      page.evaluate((target) => {
        const element = (
          globalThis as unknown as { document: { querySelector(s: string): object | null } }
        ).document.querySelector(target);
        return element !== null && Object.keys(element).some((key) => key.startsWith('__reactFiber$'));
      }, selector);
    await page.waitForTimeout(500);
    expect(await reactOwns('[data-island="catalog-results"]')).toBe(false);
    expect(await page.getByTestId('catalog-total').textContent()).toMatch(/^\d+ inovasi ditemukan$/);
    const cards = async () => {
      const boxes = [];
      for (const card of await page.getByTestId('catalog-result').all())
        boxes.push({ text: await card.textContent(), box: await card.boundingBox() });
      return boxes;
    };
    const before = await cards();
    expect(before.length).toBeGreaterThan(1);
    await page.evaluate(() => {
      const scope = globalThis as unknown as {
        document: { querySelector(selector: string): { setAttribute(name: string, value: string): void } };
      };
      scope.document.querySelector('[data-testid="catalog-result"]').setAttribute('data-before-app', '');
    });

    // The first tap (the folded filters) loads the app; it is held back and applied once the app has
    // adopted the page, and the results stay the very same elements.
    const filterButton = page.getByRole('button', { name: /^Filter/ });
    await filterButton.click();
    await expect.poll(() => filterButton.getAttribute('aria-expanded'), { timeout: 20_000 }).toBe('true');
    await page.getByTestId('facet-urusan').waitFor();
    expect(await reactOwns('[data-island="catalog-results"]')).toBe(true);
    expect(await page.locator('[data-before-app]').count()).toBe(1);
    await filterButton.click();
    await expect.poll(() => filterButton.getAttribute('aria-expanded')).toBe('false');

    // The app's own rendering of the same results (the same order, asked for again) looks exactly
    // like the page script's: same text, same place, same size.
    await page.evaluate(() => {
      const scope = globalThis as unknown as {
        history: { pushState(data: unknown, title: string, url: string): void };
        dispatchEvent(event: unknown): void;
        PopStateEvent: new (type: string) => unknown;
      };
      scope.history.pushState(null, '', '/katalog?urut=recent');
      scope.dispatchEvent(new scope.PopStateEvent('popstate'));
    });
    await expect.poll(() => page.locator('[data-before-app]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => reactOwns('[data-testid="catalog-results"]')).toBe(true);
    await expect.poll(async () => (await cards()).length).toBe(before.length);
    expect(await cards()).toEqual(before);
    expect(await results.count()).toBe(1);

    // English before the app: the switch is held back too, then applied.
    const english = await openPage(PHONE);
    await english.goto('/katalog');
    await english.getByTestId('catalog-result').first().waitFor();
    await english.getByTestId('lang-en').click();
    await english
      .getByRole('heading', { level: 1, name: 'Regional Innovation Replication Catalogue' })
      .waitFor({
        timeout: 20_000,
      });
    await english.getByTestId('catalog-result').first().waitFor();

    // A search sent while React is taking the page over (its handlers live, the page not yet
    // adopted) waits for the adoption and searches for the text typed before. Adoption is delayed
    // here so the search is sure to fall into that moment.
    const midway = await openPage(PHONE);
    await midway.addInitScript(() => {
      const scope = globalThis as unknown as Record<string, unknown> & {
        setTimeout(run: () => void, ms: number): void;
      };
      let runtime: { freeze(): void; adopted(): void } | undefined;
      Object.defineProperty(scope, 'inovasiIsland', {
        configurable: true,
        get: () => runtime,
        set(value: { freeze(): void; adopted(): void }) {
          const { freeze, adopted } = value;
          runtime = Object.assign(value, {
            freeze() {
              freeze();
              scope.reactStarted = true;
            },
            adopted() {
              scope.setTimeout(adopted, 1500);
            },
          });
        },
      });
    });
    await midway.goto('/katalog');
    await midway.getByTestId('catalog-result').first().waitFor();
    await midway.getByRole('searchbox', { name: 'Cari inovasi' }).fill('sehat');
    await midway.waitForFunction(() => (globalThis as Record<string, unknown>).reactStarted === true, null, {
      timeout: 20_000,
    });
    await midway.getByRole('button', { name: 'Cari', exact: true }).click();
    await midway.waitForURL(/q=sehat/, { timeout: 15_000 });
    await expect
      .poll(() => midway.getByRole('searchbox', { name: 'Cari inovasi' }).inputValue())
      .toBe('sehat');

    // The sign-in page: the demo e-mail typed and sent before the app has loaded still signs in.
    const visitor = await openPage(DESKTOP);
    await visitor.goto('/masuk');
    await visitor.getByRole('textbox', { name: 'Email pengguna demo' }).fill('opd1.3522@demo.local');
    await visitor.getByRole('button', { name: 'Masuk', exact: true }).click();
    await visitor.waitForURL(
      (url) => !url.pathname.startsWith('/masuk') && !url.pathname.startsWith('/oidc'),
      {
        timeout: 30_000,
      },
    );
  });

  it('a visitor searches with a facet and opens a detail page, without signing in', async () => {
    const page = await openPage(PHONE);
    await page.goto('/masuk');
    await page.getByRole('link', { name: 'Buka katalog replikasi inovasi' }).click();
    await page.waitForURL(/\/katalog$/);
    await page.getByRole('heading', { level: 1, name: 'Katalog Replikasi Inovasi Daerah' }).waitFor();
    await page.getByTestId('catalog-result').first().waitFor();

    await page.getByRole('searchbox', { name: 'Cari inovasi' }).fill('sehat');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForURL(/q=sehat/);

    // On a phone the facets fold behind one button.
    await page.getByRole('button', { name: /^Filter/ }).click();
    const health = page.getByTestId('facet-urusan').getByRole('checkbox', { name: /^Kesehatan \(\d+\)$/ });
    // The box follows the address (filters live in the URL), which the router updates in a transition.
    await health.click();
    await page.waitForURL(/urusan=kesehatan/);
    await expect.poll(() => health.isChecked(), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => page.getByTestId('catalog-total').textContent())
      .toMatch(/^\d+ inovasi ditemukan$/);
    const results = page.getByTestId('catalog-results');
    await results.getByRole('link', { name: SOURCE_NAME }).waitFor();
    await page.getByRole('button', { name: /^Filter/ }).click();

    await saveScreenshot(page, 'catalog-search-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await results.getByRole('link', { name: SOURCE_NAME }).click();
    await page.getByRole('heading', { level: 1, name: SOURCE_NAME }).waitFor();
    await page.getByText('Kabupaten Bojonegoro · Provinsi Jawa Timur').first().waitFor();
    await page.getByTestId('similar').getByTestId('catalog-result').first().waitFor();
    await page.getByRole('link', { name: 'Masuk untuk mengajukan replikasi' }).waitFor();

    await saveScreenshot(page, 'catalog-detail-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('17.71 requests replication of a 35.22 innovation and 35.22 accepts it', async () => {
    const search = await fetch(
      `${product.url}/api/v1/catalog/innovations?region=35.22&q=${encodeURIComponent('ibu hamil')}`,
    );
    const found = (await search.json()) as {
      items: { catalogId: string; innovationId: string; name: string }[];
    };
    const source = found.items.find((item) => item.name === SOURCE_NAME);
    if (!source) throw new Error(`${SOURCE_NAME} is not in the catalogue`);

    const requester = await openPage(DESKTOP);
    await signInAs(requester, 'admin.1771@demo.local');
    await requester.goto(`/katalog/${source.catalogId}`);
    await requester.getByRole('heading', { level: 1, name: SOURCE_NAME }).waitFor();
    await requester.getByRole('button', { name: 'Ajukan replikasi' }).click();
    const form = requester.getByRole('form', { name: /Ajukan replikasi kepada Kabupaten Bojonegoro/ });
    await form.getByLabel('OPD pelaksana replikasi').selectOption({ label: 'Dinas Kesehatan' });
    await form
      .getByLabel('Pesan untuk daerah asal')
      .fill('Kota Bengkulu ingin menerapkan pendampingan ibu hamil di seluruh puskesmas.');
    await form.getByLabel('Nama kontak').fill('Rina Marlina');
    await form.getByLabel('Jabatan kontak').fill('Kepala Bidang Litbang, Bappeda Kota Bengkulu');
    await form.getByRole('button', { name: 'Kirim permintaan' }).click();
    await requester.getByTestId('replication-requested').waitFor();

    await saveScreenshot(requester, 'replication-request');
    expect(await seriousA11yViolations(requester)).toEqual([]);

    const owner = await openPage(DESKTOP);
    await signInAs(owner, 'admin.3522@demo.local');
    await owner.getByRole('link', { name: 'Replikasi', exact: true }).click();
    await owner.getByRole('heading', { level: 1, name: 'Replikasi Inovasi' }).waitFor();
    const request = owner.getByTestId('replication').filter({ hasText: 'Diajukan oleh Kota Bengkulu' });
    await request.getByRole('heading', { name: SOURCE_NAME }).waitFor();
    await request.getByRole('button', { name: `Setujui replikasi: ${SOURCE_NAME}` }).click();
    const accept = request.getByRole('form', { name: 'Setujui dan catat perjanjian' });
    await accept.getByLabel('Jenis perjanjian').selectOption('mou');
    await accept.getByLabel('Tanggal ditandatangani').fill('2026-03-02');
    await accept.getByLabel('Nama kontak').fill('Budi Santoso');
    await accept.getByLabel('Jabatan kontak').fill('Kepala Seksi Kesehatan Keluarga, Dinkes');
    // The submit button sits outside the form (the document uploader beside it is a form of its own).
    await request.getByRole('button', { name: 'Setujui replikasi', exact: true }).click();
    await request.getByText('Disetujui', { exact: true }).waitFor();
    await request
      .getByTestId('agreement')
      .getByText(/Nota Kesepahaman \(MoU\), ditandatangani 2 Mar 2026/)
      .waitFor();

    await saveScreenshot(owner, 'replication-accepted');
    expect(await seriousA11yViolations(owner)).toEqual([]);

    // The source innovation now counts one replicating region.
    await owner.goto(`/inovasi/${source.innovationId}`);
    await owner.getByRole('heading', { level: 1, name: SOURCE_NAME }).waitFor();
    await owner.getByTestId('replication-count').getByText('Direplikasi oleh 1 daerah').waitFor();
    await owner.getByTestId('publication').getByText('Terbit', { exact: true }).waitFor();

    for (const errors of pageErrors) expect(errors).toEqual([]);
  });
});
