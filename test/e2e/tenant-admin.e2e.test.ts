import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot } from './support/journeys.ts';

/**
 * The Bappeda admin of Kabupaten Bojonegoro manages OPDs, opens the next assessment period, invites a
 * user, then reads the app in English.
 */
describe('tenant admin manages OPDs and users', () => {
  const journey = useJourney({ signInAs: 'admin.3522@demo.local' });

  it('adds and renames an OPD', async () => {
    await journey.page.getByRole('navigation').getByRole('link', { name: 'Perangkat Daerah (OPD)' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Perangkat Daerah (OPD)' }).waitFor();

    await journey.page.getByRole('button', { name: 'Tambah OPD' }).click();
    const dialog = journey.page.getByRole('dialog');
    await dialog.getByLabel('Nama OPD').fill('Dinas Perpustakaan dan Kearsipan');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await journey.page.getByRole('cell', { name: 'Dinas Perpustakaan dan Kearsipan', exact: true }).waitFor();

    await journey.page.getByRole('button', { name: 'Ganti nama: Dinas Perpustakaan dan Kearsipan' }).click();
    await dialog.getByLabel('Nama OPD').fill('Dinas Perpustakaan Daerah');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await journey.page.getByRole('cell', { name: 'Dinas Perpustakaan Daerah', exact: true }).waitFor();

    await saveScreenshot(journey.page, 'tenant-admin-opds');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
  });

  it('opens the next assessment period with its deadlines', async () => {
    await journey.page.getByRole('navigation').getByRole('link', { name: 'Periode Penilaian' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Periode Penilaian' }).waitFor();

    const form = journey.page.getByRole('form', { name: 'Buka periode baru' });
    // Without deadlines nothing is sent, and the missing fields say so.
    await form.getByRole('textbox', { name: /^Tahun/ }).fill('2027');
    await form.getByRole('button', { name: 'Buka periode' }).click();
    expect(await form.getByText('Wajib diisi.').count()).toBeGreaterThanOrEqual(1);

    await form.getByLabel(/^Tenggat internal \(OPD\)/).fill('2027-08-15');
    await form.getByLabel(/^Tenggat nasional \(BSKDN\)/).fill('2027-09-30');
    await form.getByRole('button', { name: 'Buka periode' }).click();
    await journey.page.getByRole('status').getByText('Periode 2027 telah dibuka.').waitFor();
    await journey.page.getByRole('heading', { name: 'Periode 2027' }).waitFor();

    await saveScreenshot(journey.page, 'tenant-admin-periods');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
  });

  it('invites an OPD operator', async () => {
    await journey.page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();

    await journey.page.getByRole('button', { name: 'Undang pengguna' }).click();
    const dialog = journey.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('siti.operator@bojonegoro.example');
    await dialog.getByRole('textbox', { name: 'Nama lengkap' }).fill('Siti Rahmawati');
    await dialog.getByRole('combobox', { name: 'OPD' }).click();
    await journey.page.getByRole('option').first().click();
    await dialog.getByRole('button', { name: 'Undang pengguna' }).click();
    await journey.page.getByText(/^Undangan terkirim\./).waitFor();
    await journey.page.getByRole('cell', { name: /^Siti Rahmawati/ }).waitFor();

    await saveScreenshot(journey.page, 'tenant-admin-members');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
  });

  it('switches the interface to English and keeps the choice after a reload', async () => {
    await journey.page.getByRole('button', { name: /^EN/ }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(
      await journey.page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
            .documentElement.lang,
      ),
    ).toBe('en');

    await journey.page.reload();
    await journey.page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await journey.page.getByRole('button', { name: /^ID/ }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
