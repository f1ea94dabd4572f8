import { describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * An OPD operator of Kabupaten Bojonegoro (35.22), on a 360 px phone, records a new innovation and
 * finds it in the list.
 */
describe('operator records an innovation', () => {
  const journey = useJourney({ viewport: PHONE });

  it('signs in, creates an innovation and sees it in the list', async () => {
    const name = `Layanan Antar Jemput Lansia ${Date.now()}`;

    await signInAs(journey.page, 'opd1.3522@demo.local');
    await expect.poll(() => journey.page.url()).toMatch(/\/inovasi$/);
    await journey.page.getByRole('heading', { level: 1, name: 'Inovasi Daerah' }).waitFor();

    await journey.page.getByRole('link', { name: 'Tambah inovasi' }).first().click();
    await journey.page.getByRole('heading', { level: 1, name: 'Inovasi baru' }).waitFor();
    await journey.page.getByLabel('Nama inovasi').fill(name);
    await journey.page.getByRole('combobox', { name: 'Tahapan inovasi' }).click();
    await journey.page.getByRole('option', { name: 'Uji coba' }).click();
    await journey.page
      .getByLabel('Rancang bangun')
      .fill('Lansia dijemput petugas puskesmas untuk pemeriksaan rutin. '.repeat(10));
    await expect
      .poll(() => journey.page.getByTestId('rancang-bangun-count').textContent())
      .toBe('70 / 300 kata');

    await journey.page.getByRole('button', { name: 'Simpan' }).click();
    await journey.page.getByTestId('save-notice').filter({ hasText: 'Inovasi baru telah dibuat.' }).waitFor();
    expect(new URL(journey.page.url()).pathname).toMatch(/^\/inovasi\/[\w-]+$/);

    // On a phone the navigation sits behind the menu button.
    await journey.page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await journey.page.getByRole('navigation').getByRole('link', { name: 'Inovasi Daerah' }).click();
    const row = journey.page.getByTestId('innovation-list').getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.getByText('Draf').isVisible()).toBe(true);

    await saveScreenshot(journey.page, 'operator-innovation');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });

  it('keeps typed text through a reload and a conflicting change, then saves on top of the latest version', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const innovation = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Inovasi Konflik ${Date.now()}`,
    });
    const editUrl = `/inovasi/${innovation.id}/profil`;
    await journey.page.goto(editUrl);
    await journey.page.getByRole('heading', { level: 1, name: 'Ubah profil inovasi' }).waitFor();
    await journey.page.getByLabel('Manfaat yang diperoleh').fill('Warga lansia tidak perlu antre.');

    // A colleague saves another field of the same innovation in the meantime.
    const colleague = await journey.browser.newContext({ baseURL: journey.product.url, viewport: PHONE });
    const colleaguePage = await colleague.newPage();
    await signInAs(colleaguePage, 'admin.3522@demo.local');
    await colleaguePage.goto(editUrl);
    await colleaguePage.getByLabel('Tujuan inovasi').fill('Mendekatkan layanan kesehatan.');
    await colleaguePage.getByRole('button', { name: 'Simpan' }).click();
    await colleaguePage.getByTestId('save-notice').filter({ hasText: 'Profil inovasi tersimpan.' }).waitFor();
    await colleague.close();

    // The operator's draft survives a reload (it lives in localStorage until saved)…
    await journey.page.reload();
    await journey.page.getByText(/Draf yang belum tersimpan dari .* dipulihkan/).waitFor();
    expect(await journey.page.getByLabel('Manfaat yang diperoleh').inputValue()).toBe(
      'Warga lansia tidak perlu antre.',
    );

    // …and saving it against the stale version is refused with a clear message, not overwritten.
    await journey.page.getByRole('button', { name: 'Simpan' }).click();
    await journey.page
      .getByTestId('conflict')
      .filter({ hasText: 'Data ini telah diubah orang lain' })
      .waitFor();
    await journey.page.getByRole('button', { name: 'Muat versi terbaru' }).click();
    await journey.page.getByTestId('save-notice').filter({ hasText: 'Versi terbaru sudah dimuat' }).waitFor();
    expect(await journey.page.getByLabel('Tujuan inovasi').inputValue()).toBe(
      'Mendekatkan layanan kesehatan.',
    );
    expect(await journey.page.getByLabel('Manfaat yang diperoleh').inputValue()).toBe(
      'Warga lansia tidak perlu antre.',
    );

    await journey.page.getByRole('button', { name: 'Simpan' }).click();
    await journey.page.getByTestId('save-notice').filter({ hasText: 'Profil inovasi tersimpan.' }).waitFor();
    await saveScreenshot(journey.page, 'operator-innovation-conflict');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });
});
