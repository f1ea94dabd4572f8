import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, newContext, PHONE } from './support/browser.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * Kota Bengkulu's Bappeda manages the units below its OPDs and chases the Sekda's rule ("two per
 * unit; Satpol PP, Dinkes, Diknas two each"); the Sekda reads the league by that rule (ADR 0036).
 */
describe('units below the OPD and the period’s target rule', () => {
  const journey = useJourney({ product: { scheduledJobs: false } });

  it('lets Bappeda add a unit, read who lags under the rule and remind them, in both languages', async () => {
    await signInAs(journey.page, 'admin.1771@demo.local');
    await journey.page.goto(`${journey.product.url}/unit`);
    await journey.page.getByRole('heading', { level: 1, name: 'Unit di Bawah OPD' }).waitFor();
    const table = journey.page.getByTestId('units-table');
    await table.getByText('UPT Puskesmas Jalan Gedang').waitFor();
    expect(await table.getByTestId('unit-row').count()).toBe(9);

    // One unit by hand: a puskesmas of Dinas Kesehatan.
    await journey.page.getByLabel('Nama unit').fill('UPT Puskesmas Lingkar Barat');
    await journey.page.getByLabel('OPD induk').selectOption({ label: 'Dinas Kesehatan' });
    await journey.page.getByRole('button', { name: 'Simpan unit' }).click();
    await journey.page.getByRole('status').filter({ hasText: 'Unit tersimpan.' }).waitFor();
    await table.getByText('UPT Puskesmas Lingkar Barat').waitFor();
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    // The board: the rule in words, who lags and by how much, and one action to remind them.
    await journey.page.goto(`${journey.product.url}/progres`);
    const rule = journey.page.getByTestId('rule-panel');
    await rule.getByTestId('rule-description').waitFor();
    expect(await rule.getByTestId('rule-description').textContent()).toContain('2 inovasi per OPD');
    const laggards = await rule.getByTestId('rule-laggards').textContent();
    expect(laggards).toContain('Satuan Polisi Pamong Praja kurang 2');
    expect(laggards).toContain('UPT Puskesmas Lingkar Barat (Dinas Kesehatan) kurang 2');
    // The puskesmas with two submitted meets the rule: it is not in the list.
    expect(laggards).not.toContain('UPT Puskesmas Jalan Gedang');
    expect(await journey.page.getByTestId('progress-region').textContent()).toMatch(
      /^Seluruh daerah: \d+ diajukan/,
    );
    await journey.page.getByTestId('remind-button').click();
    await expect
      .poll(async () => (await journey.page.getByTestId('remind-result').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toMatch(/^\d+ pengingat terkirim ke operator/);
    await saveScreenshot(journey.page, 'units-target-rule');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    await journey.page.getByRole('button', { name: /^EN/ }).click();
    await journey.page.getByRole('heading', { level: 2, name: /^Target rule for \d{4}$/ }).waitFor();
    expect(await rule.getByTestId('rule-description').textContent()).toContain('2 innovations per OPD');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    await journey.page.goto(`${journey.product.url}/unit`);
    await journey.page.getByRole('heading', { level: 1, name: 'Units below the OPD' }).waitFor();
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });

  it('ranks the Sekda’s league by the rule, on a phone', async () => {
    const phone = await newContext(journey.browser, journey.product.url, PHONE);
    const leaderPage = await phone.newPage();
    const errors = collectPageErrors(leaderPage);
    await signInAs(leaderPage, 'pimpinan.1771@demo.local');
    await expect.poll(() => leaderPage.url()).toMatch(/\/pimpinan$/);
    const ruleLine = leaderPage.getByTestId('league-rule');
    await ruleLine.waitFor({ timeout: 20_000 });
    expect(await ruleLine.textContent()).toMatch(/^Menurut aturan target: 2 inovasi per OPD/);
    const rows = leaderPage.getByTestId('league-row');
    // Satpol PP has nothing yet: it owes two, and ranks below the puskesmas' Dinas Kesehatan.
    const names = await rows.locator('td:nth-child(2) > p').allTextContents();
    const satpol = names.indexOf('Satuan Polisi Pamong Praja');
    expect(await rows.nth(satpol).textContent()).toContain('Kurang 2');
    expect(satpol).toBeGreaterThan(names.indexOf('Dinas Kesehatan'));
    expect(await leaderPage.getByTestId('league-table').textContent()).toMatch(/unit belum memenuhi/);
    expect(await seriousA11yViolations(leaderPage)).toEqual([]);
    expect(errors).toEqual([]);
    await phone.close();
  });
});
