import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInWithEmail } from './support/journeys.ts';

/** The platform admin onboards Kabupaten Ngawi (35.21) by picking it from the official area list. */
describe('platform admin onboards a region', () => {
  const journey = useJourney();

  it('picks Kabupaten Ngawi from the official list and registers it', async () => {
    // The demo list only shows tenant members, so the platform admin signs in by email.
    await signInWithEmail(journey.page, 'platform@demo.local');
    await expect.poll(() => journey.page.url()).toMatch(/\/platform\/pemda$/);
    await journey.page.getByRole('heading', { level: 1, name: 'Pemda Terdaftar' }).waitFor();
    const tenants = journey.page.getByTestId('tenant-list');
    await tenants.waitFor();
    expect(await tenants.getByRole('cell', { name: '35.21', exact: true }).count()).toBe(0);

    await journey.page.getByRole('combobox', { name: 'Daerah (kode wilayah Kemendagri)' }).fill('Ngawi');
    await journey.page.getByRole('option', { name: /Ngawi \(35\.21\)/ }).click();
    await journey.page.getByRole('button', { name: 'Daftarkan' }).click();

    await journey.page
      .getByTestId('onboard-success')
      .filter({ hasText: /Ngawi telah terdaftar/ })
      .waitFor();
    await tenants.getByRole('cell', { name: '35.21', exact: true }).waitFor();

    await saveScreenshot(journey.page, 'platform-onboarding');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });
});
