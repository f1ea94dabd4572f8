import { describe, expect, it } from 'vitest';
import { DemoApi, eligibleProfile } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * Bojonegoro's Sekda reads the command centre on a phone between meetings: the projected index,
 * the days left, the OPD league table, in one narrow column (ADR 0030).
 */
describe('the leaders’ command centre on a phone', () => {
  const journey = useJourney({ viewport: PHONE, product: { scheduledJobs: false } });

  /** A Jakarta calendar date `days` from today, as the deadlines are kept. */
  const jakartaDate = (days: number) =>
    new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

  it('lands the pimpinan on the index, the days left and the OPD league table', async () => {
    // Arranged over the API: Bappeda sets this year's deadlines (five days to the internal one, as
    // in Bengkulu's seed) and Dinas Kesehatan submits one innovation for verification.
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const year = Number(jakartaDate(0).slice(0, 4));
    await admin.call('POST', '/periods', {
      year,
      internalDeadline: jakartaDate(5),
      nationalDeadline: jakartaDate(40),
    });
    const created = await admin.createInnovation(
      'opd-dinkes',
      eligibleProfile(`Sekolah Sehat ${Date.now()}`),
    );
    const version = await admin.answer(created.id, created.version, 'sid.16', { level: 1 });
    await admin.transition(created.id, version, { action: 'submit' });

    await signInAs(journey.page, 'pimpinan.3522@demo.local');
    await expect.poll(() => journey.page.url()).toMatch(/\/pimpinan$/);
    await journey.page.getByRole('heading', { level: 1, name: 'Ruang Kendali Pimpinan' }).waitFor();

    const claimed = journey.page.getByTestId('index-claimed');
    await claimed.waitFor();
    expect(await claimed.textContent()).toMatch(
      /Klaim OPD\d+(,\d+)?(Sangat Inovatif|Inovatif|Kurang Inovatif)/,
    );
    expect(await journey.page.getByTestId('index-verified').textContent()).toMatch(
      /^Terverifikasi\d+(,\d+)?/,
    );
    // The summary follows the writes through the change stream, a moment behind: reload until it has.
    await expect
      .poll(
        async () => {
          const text = await journey.page.getByTestId('days-internal').textContent();
          if (!text?.endsWith('5 hari lagi')) await journey.page.reload();
          return text;
        },
        { timeout: 20_000 },
      )
      .toBe('Batas internal5 hari lagi');
    expect(await journey.page.getByTestId('days-national').textContent()).toBe('Batas nasional40 hari lagi');
    await expect
      .poll(async () => journey.page.getByTestId('leaders-queue').textContent(), { timeout: 20_000 })
      .toMatch(/[1-9]\d* inovasi/);
    await journey.page.getByRole('heading', { level: 2, name: 'Urusan pelayanan dasar' }).waitFor();

    const league = journey.page.getByTestId('league-table');
    const rows = league.getByTestId('league-row');
    expect(await rows.count()).toBeGreaterThan(1);
    // Ranked 1, 2, 3… and every row shows its submitted count against its target.
    const ranks = await rows.locator('td:first-child').allTextContents();
    expect(ranks).toEqual(ranks.map((_, index) => String(index + 1)));
    expect(await rows.first().getByTestId('league-submitted').textContent()).toMatch(/^\d+\/\d+$/);
    // Dinas Kesehatan met its target with the submitted innovation: first, above those that did not.
    const names = await rows.locator('td:nth-child(2) > p').allTextContents();
    const dinkes = names.indexOf('Dinas Kesehatan');
    expect(dinkes).toBe(0);
    expect(await rows.nth(dinkes).textContent()).toContain('Target terpenuhi');
    expect(await rows.last().textContent()).toMatch(/Kurang \d+/);

    // Phone-first: nothing wider than the screen, and nothing to edit.
    const width = await journey.page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(PHONE.width);
    expect(await journey.page.getByTestId('command-centre').getByRole('button').count()).toBe(0);

    await saveScreenshot(journey.page, 'leaders-command-centre');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    // The same figures in English, for the switch in the header.
    await journey.page.getByRole('button', { name: /^EN/ }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Leaders’ command centre' }).waitFor();
    expect(await journey.page.getByTestId('days-internal').textContent()).toBe(
      'Internal deadline5 days left',
    );
    await journey.page.getByRole('heading', { level: 2, name: 'OPD league table' }).waitFor();
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });
});
