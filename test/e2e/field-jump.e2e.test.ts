import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, newContext, PHONE } from './support/browser.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/** The few DOM calls the checks below make in the page (the test project has no DOM types). */
interface PageElement {
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { top: number; bottom: number };
}
interface PageGlobals {
  document: {
    activeElement: PageElement | null;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
    documentElement: { scrollWidth: number };
  };
  innerHeight: number;
  scrollY: number;
}

/** The card (`indicator-sid.N` section) whose heading holds focus, or '' when none does. */
function focusedCard(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (globalThis as unknown as PageGlobals).document.activeElement
        ?.closest('section[data-testid^="indicator-"]')
        ?.getAttribute('data-testid') ?? '',
  );
}

/** Page order of the indicator cards, by their test ids. */
function cardOrder(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...(globalThis as unknown as PageGlobals).document.querySelectorAll(
        'section[data-testid^="indicator-"]',
      ),
    ].map((card) => card.getAttribute('data-testid') ?? ''),
  );
}

/** The focused heading is on screen, below the sticky bar rather than under it. */
async function headingVisibleBelowBar(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document, innerHeight } = globalThis as unknown as PageGlobals;
    const heading = document.activeElement?.getBoundingClientRect();
    const bar = document.querySelector('[data-testid="jump-bar"]')?.getBoundingClientRect();
    if (!heading || !bar) return false;
    return heading.top >= bar.bottom - 1 && heading.bottom <= innerHeight;
  });
}

/**
 * Issue 20, point 3: the indicators page is 24,000 px on a phone. A jump list keeps every
 * indicator's state one tap away, and takes the operator to the next unanswered indicator and the
 * verifier to the next answer waiting for review, at 360 px.
 */
describe('the indicators jump list', () => {
  const journey = useJourney({ viewport: PHONE });
  let operator: DemoApi;

  beforeAll(async () => {
    operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    await signInAs(journey.page, 'opd1.3522@demo.local');
  });

  it('shows each indicator’s state and takes the operator to the next unanswered one, at 360 px', async () => {
    // Prepare: 2 of 20 answered (both mandatory ones).
    const created = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Daftar Lompat ${Date.now()}`,
    });
    let version = await operator.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await operator.answer(created.id, version, 'sid.17', { level: 1 });

    // Act
    await journey.page.goto(`/inovasi/${created.id}`);
    const bar = journey.page.getByTestId('jump-bar');
    const toggle = bar.getByRole('button', { name: 'Daftar indikator (2/20)' });
    await toggle.waitFor();
    expect(await bar.getByRole('button', { name: 'Berikutnya menunggu tinjauan' }).count()).toBe(0);
    const next = bar.getByRole('button', { name: 'Berikutnya belum dijawab' });
    await next.click();

    // Assess: focus is on an unanswered card, on screen below the bar; the next press goes further down.
    const order = await cardOrder(journey.page);
    expect(order).toHaveLength(20);
    const first = await focusedCard(journey.page);
    expect(first).not.toBe('');
    expect(['indicator-sid.16', 'indicator-sid.17']).not.toContain(first);
    expect(await headingVisibleBelowBar(journey.page)).toBe(true);
    await next.click();
    const second = await focusedCard(journey.page);
    expect(order.indexOf(second)).toBeGreaterThan(order.indexOf(first));
    expect(await headingVisibleBelowBar(journey.page)).toBe(true);
    // The bar stays in view under the header however far down the page is.
    expect(await journey.page.evaluate(() => (globalThis as unknown as PageGlobals).scrollY)).toBeGreaterThan(
      1000,
    );
    const barBox = await bar.boundingBox();
    expect(barBox?.y).toBeGreaterThanOrEqual(0);
    expect(barBox?.y).toBeLessThan(100);

    // The list names every state in words: 2 answered, 3 mandatory ones missing, 15 empty.
    await toggle.click();
    const list = journey.page.getByRole('list', { name: 'Daftar indikator' });
    await list.waitFor();
    const states = await list
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-state')));
    expect(states).toHaveLength(20);
    expect(states.filter((state) => state === 'answered')).toHaveLength(2);
    expect(states.filter((state) => state === 'mandatoryMissing')).toHaveLength(3);
    expect(states.filter((state) => state === 'empty')).toHaveLength(15);
    await journey.page.getByTestId('jump-item-sid.17').getByText('Dijawab').waitFor();
    await list.locator('[data-state="mandatoryMissing"]').first().getByText('Wajib, belum dijawab').waitFor();
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(
      await journey.page.evaluate(
        () => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
      ),
    ).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(journey.page, 'jump-list-phone');

    // Choosing an entry closes the list and lands on that card.
    const missing = list.locator('[data-state="mandatoryMissing"]').first();
    const missingCode = (await missing.getAttribute('data-testid'))?.slice('jump-item-'.length) ?? '';
    await missing.getByRole('link').click();
    await list.waitFor({ state: 'hidden' });
    expect(await focusedCard(journey.page)).toBe(`indicator-${missingCode}`);
    expect(await headingVisibleBelowBar(journey.page)).toBe(true);

    // Answering it there updates its state and the count.
    const card = journey.page.getByTestId(`indicator-${missingCode}`);
    await card.getByRole('radio').nth(1).click();
    await card.getByTestId('answer-save-state').filter({ hasText: 'Jawaban tersimpan.' }).waitFor();
    await bar.getByRole('button', { name: 'Daftar indikator (3/20)' }).waitFor();
    expect(await journey.page.getByTestId(`jump-item-${missingCode}`).getAttribute('data-state')).toBe(
      'answered',
    );
    expect(journey.pageErrors).toEqual([]);
  });

  it('takes the verifier to the next answer waiting for review and shows each decision in the list', async () => {
    // Prepare: two answers waiting for review
    const created = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Tinjauan Berikutnya ${Date.now()}`,
    });
    let version = await operator.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await operator.answer(created.id, version, 'sid.19', { level: 1 });
    await operator.attachEvidence(created.id, 'sid.16');
    version = await operator.transition(created.id, version, { action: 'submit' });
    const verifierApi = await DemoApi.signIn(journey.product.url, 'verifikator.3522@demo.local');
    await verifierApi.transition(created.id, version, { action: 'start_review' });
    const verifierContext = await newContext(journey.browser, journey.product.url, PHONE);
    const verifier = await verifierContext.newPage();
    const verifierErrors = collectPageErrors(verifier);
    await signInAs(verifier, 'verifikator.3522@demo.local');

    // Act
    await verifier.goto(`/inovasi/${created.id}`);
    const bar = verifier.getByTestId('jump-bar');
    await bar.getByTestId('jump-waiting').filter({ hasText: '2 menunggu tinjauan' }).waitFor();
    expect(await bar.getByRole('button', { name: 'Berikutnya belum dijawab' }).count()).toBe(0);
    const next = bar.getByRole('button', { name: 'Berikutnya menunggu tinjauan' });
    await next.click();

    // Assess: the first waiting answer in page order, then the other one, then back round.
    const order = await cardOrder(verifier);
    const waiting = ['indicator-sid.16', 'indicator-sid.19'].sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    expect(await focusedCard(verifier)).toBe(waiting[0]);
    expect(await headingVisibleBelowBar(verifier)).toBe(true);
    await next.click();
    expect(await focusedCard(verifier)).toBe(waiting[1]);

    // A decision shows in the list; the next press skips the decided answer.
    const regulation = verifier.getByTestId('indicator-sid.16');
    await regulation.getByRole('button', { name: 'Terima: Regulasi Inovasi Daerah' }).click();
    await regulation
      .getByTestId('review-decision')
      .filter({ hasText: /^Keputusan: diterima/ })
      .waitFor();
    await bar.getByTestId('jump-waiting').filter({ hasText: '1 menunggu tinjauan' }).waitFor();
    expect(await verifier.getByTestId('jump-item-sid.16').getAttribute('data-state')).toBe('accepted');
    expect(await verifier.getByTestId('jump-item-sid.19').getAttribute('data-state')).toBe('waiting');
    await next.click();
    expect(await focusedCard(verifier)).toBe('indicator-sid.19');
    await next.click();
    expect(await focusedCard(verifier)).toBe('indicator-sid.19');

    expect(await seriousA11yViolations(verifier)).toEqual([]);
    expect(verifierErrors).toEqual([]);
    await verifierContext.close();
  });
});
