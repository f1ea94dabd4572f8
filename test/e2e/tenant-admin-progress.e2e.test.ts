import { describe, expect, it } from 'vitest';
import { DemoApi, eligibleProfile } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * The Bappeda admin of Bojonegoro sees a notification (an innovation it recorded came back from the
 * verifier), follows it, then reads the OPD progress board and raises one OPD's target.
 */
describe('tenant admin reads a notification and the OPD progress board', () => {
  const journey = useJourney();

  it('follows a notification from the bell', async () => {
    // Arranged over the API: the admin records an innovation, the verifier returns it with a note.
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const verifier = await DemoApi.signIn(journey.product.url, 'verifikator.3522@demo.local');
    const name = `Pojok Baca Kelurahan ${Date.now()}`;
    const created = await admin.createInnovation('opd-dinkes', eligibleProfile(name));
    let version = await admin.answer(created.id, created.version, 'sid.16', { level: 1 });
    version = await admin.transition(created.id, version, { action: 'submit' });
    version = await verifier.transition(created.id, version, { action: 'start_review' });
    await verifier.transition(created.id, version, { action: 'return', note: 'Lengkapi SK penetapan.' });

    await signInAs(journey.page, 'admin.3522@demo.local');
    const bell = journey.page.getByTestId('notification-bell');
    await expect
      .poll(() => bell.getAttribute('aria-label'), { timeout: 20_000 })
      .toMatch(/^Notifikasi, \d+ belum dibaca$/);
    await bell.click();
    await journey.page.getByRole('heading', { level: 1, name: 'Notifikasi' }).waitFor();
    const item = journey.page
      .getByTestId('notification')
      .filter({ hasText: `Inovasi dikembalikan untuk diperbaiki: ${name}` });
    await item.getByText('Baru', { exact: true }).waitFor();

    await saveScreenshot(journey.page, 'tenant-admin-notifications');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    await item.getByRole('button', { name: /^Buka: / }).click();
    await journey.page.getByRole('heading', { level: 1, name }).waitFor();
    await journey.page.getByTestId('return-note').getByText('Lengkapi SK penetapan.').waitFor();
    await expect
      .poll(() => bell.getAttribute('aria-label'), { timeout: 20_000 })
      .not.toContain(' 1 belum dibaca');
  });

  it('reads the OPD progress board and sets a target', async () => {
    await journey.page.getByRole('link', { name: 'Progres OPD' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Progres OPD' }).waitFor();
    const rows = journey.page.getByTestId('progress-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    await journey.page.getByTestId('deadlines').getByText('Tenggat internal (OPD)').waitFor();

    const health = rows.filter({ has: journey.page.getByRole('heading', { name: 'Dinas Kesehatan' }) });
    await health.getByRole('spinbutton', { name: 'Target inovasi Dinas Kesehatan' }).fill('4');
    await health.getByRole('button', { name: 'Simpan target Dinas Kesehatan' }).click();
    await health.getByText('Target tersimpan.').waitFor();
    await health.getByText(/inovasi tercatat · target 4$/).waitFor();
    await health.getByText(/^Kurang \d$/).waitFor();
    // Furthest behind first: the OPD with the raised target moves to the top.
    await expect
      .poll(() => rows.first().getByRole('heading').textContent(), { timeout: 20_000 })
      .toBe('Dinas Kesehatan');

    await saveScreenshot(journey.page, 'tenant-admin-progress');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });
});
