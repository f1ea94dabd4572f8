import { beforeAll, describe, expect, it } from 'vitest';
import { DemoApi, eligibleProfile } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * The Bappeda admin of Kabupaten Bojonegoro, days before the deadline, reads which innovations to
 * send (a weak new draft is held back), then tries it in the what-if screen: applies the choice,
 * lifts a level, adds a hypothetical innovation, and reads the screen in English.
 */
describe('tenant admin decides what to send', () => {
  const journey = useJourney();
  const weakName = `Inovasi Tipis Bukti ${Date.now()}`;

  beforeAll(async () => {
    // A new eligible draft with one answer at level 1: kematangan 3, far under the region's average.
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const created = await admin.createInnovation('opd-dinkes', eligibleProfile(weakName));
    await admin.answer(created.id, created.version, 'sid.16', { level: 1 });
  });

  it('shows the portfolio choice with the break-even sentence and the gain', async () => {
    await signInAs(journey.page, 'admin.3522@demo.local');
    await journey.page.getByRole('heading', { level: 1, name: 'Dasbor Indeks Inovasi Daerah' }).waitFor();
    const panel = journey.page.getByTestId('portfolio');
    await panel.getByRole('heading', { name: 'Pilihan inovasi yang dikirim' }).waitFor();

    await panel.getByText('Klaim', { exact: true }).click();
    await panel
      .getByTestId('portfolio-break-even')
      .getByText(/^Inovasi dengan kematangan di bawah sekitar \d+ menurunkan indeks Anda tahun ini/)
      .waitFor();
    const weakRow = panel.getByTestId('portfolio-table').getByRole('row').filter({ hasText: weakName });
    await weakRow.getByText('Tahan', { exact: true }).waitFor();
    await panel
      .getByTestId('portfolio-difference')
      .getByText(/inovasi ditahan\.$/)
      .waitFor();
    const gain = await panel.getByTestId('portfolio-gain').textContent();
    expect(gain).toMatch(/\+\d+(,\d+)? poin/);
    expect(gain).not.toMatch(/\+0 poin/);

    await saveScreenshot(journey.page, 'portfolio-panel');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
  });

  it('moves the index and predicate in the what-if screen as innovations and levels change', async () => {
    await journey.page.getByRole('link', { name: 'Coba di simulasi bagaimana-jika' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Simulasi Bagaimana Jika' }).waitFor();
    const index = journey.page.getByTestId('whatif-index');
    const delta = journey.page.getByTestId('whatif-delta');
    await delta.getByText('0 poin dari awal').waitFor();
    const start = await index.textContent();

    // The weak draft starts included; applying the best choice drops it and the index rises.
    const weakBox = journey.page.getByRole('checkbox', { name: `Kirim ${weakName}` });
    expect(await weakBox.isChecked()).toBe(true);
    await journey.page.getByRole('button', { name: 'Terapkan pilihan terbaik' }).click();
    await expect.poll(() => weakBox.isChecked()).toBe(false);
    await expect.poll(() => delta.textContent()).toMatch(/^\+\d+(,\d+)? poin dari awal$/);
    const chosen = await index.textContent();
    expect(chosen).not.toBe(start);

    // Lifting the weak draft's regulation to level 3 and sending it changes its kematangan and the index.
    await weakBox.check();
    await journey.page.getByRole('button', { name: `Ubah level: ${weakName}` }).click();
    await journey.page
      .getByTestId('whatif-levels')
      .getByLabel(/^sid\.16 /)
      .selectOption('3');
    const weakRow = journey.page.getByTestId('whatif-table').getByRole('row').filter({ hasText: weakName });
    await expect.poll(() => weakRow.locator('td').nth(3).textContent()).toBe('9');
    await journey.page.getByRole('button', { name: 'Tutup' }).click();

    // A hypothetical innovation with every indicator at 0 adds only to the divisor: the index falls.
    const before = await index.textContent();
    await journey.page.getByLabel('Level semua indikator').selectOption('0');
    await journey.page.getByRole('button', { name: 'Tambahkan' }).click();
    await journey.page.getByText('Rekaan', { exact: true }).waitFor();
    await expect.poll(() => index.textContent()).not.toBe(before);
    await journey.page.getByTestId('whatif-predicate').waitFor();

    await saveScreenshot(journey.page, 'what-if');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    await journey.page.getByRole('button', { name: /^EN/ }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'What-if simulation' }).waitFor();
    await journey.page
      .getByTestId('whatif-delta')
      .getByText(/points from the start$/)
      .waitFor();
    await journey.page.getByRole('button', { name: /^ID/ }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Simulasi Bagaimana Jika' }).waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
