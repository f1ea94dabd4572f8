import { beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * The Bappeda admin of Kabupaten Bojonegoro opens the gap heat map from the dashboard, reads the
 * share of indicators not filled, and finds the answer the verifier returned to an OPD.
 */
describe('tenant admin reads the indicator gap map', () => {
  const journey = useJourney();
  const name = `Antar Obat Pasien Kronis ${Date.now()}`;

  beforeAll(async () => {
    // An OPD submits an innovation with two answers; the verifier returns the regulation answer.
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const created = await operator.createInnovation(operator.user.opdId ?? '', { name });
    let version = await operator.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await operator.answer(created.id, version, 'sid.17', { level: 1 });
    version = await operator.transition(created.id, version, { action: 'submit' });
    const verifier = await DemoApi.signIn(journey.product.url, 'verifikator.3522@demo.local');
    await verifier.review(created.id, version, 'sid.16', 'returned');
  });

  it('shows the share of indicators not filled and the returned answer, readable without colour', async () => {
    await signInAs(journey.page, 'admin.3522@demo.local');
    await journey.page.getByRole('heading', { level: 1, name: 'Dasbor Indeks Inovasi Daerah' }).waitFor();
    await journey.page.getByRole('link', { name: 'Buka peta kesenjangan indikator' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Analisis Kesenjangan Indikator' }).waitFor();

    // Bojonegoro's seeded innovations are fully answered: the 18 empty cells are the new innovation's.
    const headline = journey.page.getByTestId('gaps-headline');
    await headline.getByText(/^\d+(,\d+)?% indikator belum diisi$/).waitFor();
    expect(await headline.textContent()).toMatch(/18 dari \d+ indikator inovasi kosong/);
    expect(await headline.textContent()).not.toMatch(/^0% /);

    const row = journey.page.getByTestId('gaps-table').getByRole('row').filter({ hasText: name });
    const returned = row.locator('td[data-state="returned"]');
    expect(await returned.count()).toBe(1);
    // The state is in the cell's text (symbol and words), not only in its colour.
    expect(await returned.textContent()).toBe('DDikembalikan');
    expect(await returned.getAttribute('title')).toBe('Regulasi Inovasi Daerah: Dikembalikan');
    expect(await row.locator('td[data-state="no_evidence"]').count()).toBe(1);
    await row.getByTestId('gaps-national').getByText('belum ada').waitFor();
    await journey.page.getByTestId('gaps-legend').getByText('Dikembalikan', { exact: true }).waitFor();

    await saveScreenshot(journey.page, 'gap-analysis');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    // By OPD: the operator's Dinas Kesehatan shows the one returned regulation answer among its innovations.
    await journey.page.getByText('Per OPD', { exact: true }).first().click();
    const health = journey.page
      .getByTestId('gaps-opd-table')
      .getByRole('row')
      .filter({ hasText: 'Dinas Kesehatan' });
    const regulation = health.locator('td[data-state="returned"]');
    await regulation.first().waitFor();
    expect(await regulation.count()).toBe(1);
    expect(await regulation.getAttribute('title')).toMatch(/^Regulasi Inovasi Daerah: Dikembalikan 1, /);
    expect(await regulation.locator('span[aria-hidden]').textContent()).toBe('D1');
    await saveScreenshot(journey.page, 'gap-analysis-opd');
    // The wide map scrolls inside its own box; the page itself does not scroll sideways.
    expect(
      await journey.page.evaluate(() => {
        const root = (
          globalThis as unknown as {
            document: { documentElement: { scrollWidth: number; clientWidth: number } };
          }
        ).document.documentElement;
        return root.scrollWidth <= root.clientWidth;
      }),
    ).toBe(true);
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    await journey.page.getByRole('button', { name: /^EN/ }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Indicator gap analysis' }).waitFor();
    await headline.getByText(/% of indicators not filled$/).waitFor();
    await journey.page.getByRole('button', { name: /^ID/ }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Analisis Kesenjangan Indikator' }).waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
