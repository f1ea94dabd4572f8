import { describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, newContext } from './support/browser.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs, signInWithEmail } from './support/journeys.ts';

/**
 * Journey 4: Jawa Timur's oversight viewer reads the cockpit of its regencies, sorts and filters
 * it, drills into Magetan and leaves a note with a pendamping contact; Magetan's Bappeda then
 * finds that note on its own dashboard, beside the season's trend and its official past results.
 */
describe('province cockpit and the regency’s leadership dashboard', () => {
  // No timers: a scheduled rebuild would only add load to what this journey reads.
  const journey = useJourney({ product: { scheduledJobs: false } });
  // The screens open on the current assessment year (Western Indonesia Time), like the app does.
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
  const NOTE = 'Dua inovasi dikembalikan; klinik data dukung dijadwalkan Kamis di Bappeda Provinsi.';

  const rowNames = () =>
    journey.page.getByTestId('cockpit-table').locator('tbody tr td:first-child a').allTextContents();

  it('shows the Jawa Timur regencies with live figures, sorted and filtered', async () => {
    await signInAs(journey.page, 'admin.35@demo.local');
    // The province's admin is its oversight viewer: it starts on the cockpit, not its own registry.
    await expect.poll(() => journey.page.url()).toMatch(/\/provinsi$/);
    await journey.page.getByRole('heading', { level: 1, name: /^Pengawasan / }).waitFor();
    const table = journey.page.getByTestId('cockpit-table');
    await table.waitFor();
    expect((await rowNames()).sort()).toEqual([
      'Kabupaten Bojonegoro',
      'Kabupaten Magetan',
      'Kabupaten Mojokerto',
    ]);
    const bojonegoro = journey.page.getByTestId('cockpit-row-35.22');
    await bojonegoro.getByText('Sangat Inovatif').first().waitFor();
    expect(await bojonegoro.getByTestId('verified-index').textContent()).toMatch(/^\d+(,\d+)?$/);
    await journey.page.getByTestId('cockpit-row-35.20').getByTestId('warning-below_last_year').waitFor();

    // Sorting by name: A–Z first, Z–A on the second click.
    await table.getByRole('button', { name: /^Daerah/ }).click();
    await expect.poll(rowNames).toEqual(['Kabupaten Bojonegoro', 'Kabupaten Magetan', 'Kabupaten Mojokerto']);
    expect(await table.getByRole('columnheader', { name: /^Daerah/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await table.getByRole('button', { name: /^Daerah/ }).click();
    await expect.poll(rowNames).toEqual(['Kabupaten Mojokerto', 'Kabupaten Magetan', 'Kabupaten Bojonegoro']);

    // Filtering by verified predicate and by early warning, as the province triages.
    await journey.page.getByLabel('Predikat terverifikasi').selectOption('Kurang Inovatif');
    await expect.poll(rowNames).toEqual(['Kabupaten Mojokerto', 'Kabupaten Magetan']);
    await journey.page.getByLabel('Peringatan dini').selectOption('below_last_year');
    await expect.poll(rowNames).toEqual(['Kabupaten Mojokerto', 'Kabupaten Magetan']);
    // The triaged view is an address: it survives a reload and can be shared as a link.
    expect(new URL(journey.page.url()).searchParams.get('predikat')).toBe('Kurang Inovatif');
    await journey.page.reload();
    await expect.poll(rowNames).toEqual(['Kabupaten Mojokerto', 'Kabupaten Magetan']);
    expect(await journey.page.getByLabel('Peringatan dini').inputValue()).toBe('below_last_year');
    await journey.page.getByLabel('Peringatan dini').selectOption('many_returned');
    await journey.page.getByText('Tidak ada kabupaten/kota yang cocok dengan saringan ini.').waitFor();
    await journey.page.getByLabel('Peringatan dini').selectOption('');
    await journey.page.getByLabel('Predikat terverifikasi').selectOption('');
    await expect.poll(async () => (await rowNames()).length).toBe(3);

    // The chart view: claimed beside verified per regency, in its own chunk.
    await journey.page.getByText('Grafik', { exact: true }).click();
    await journey.page.getByTestId('cockpit-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await journey.page.getByText('Tabel', { exact: true }).click();
    await table.waitFor();
    await journey.page.getByTestId('worklist').getByText('Kabupaten Magetan').first().waitFor();
    await saveScreenshot(journey.page, 'province-cockpit-table');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
  });

  it('opens Magetan read-only and saves a note with a pendamping, refusing a stale save', async () => {
    await journey.page
      .getByTestId('cockpit-row-35.20')
      .getByRole('link', { name: 'Kabupaten Magetan' })
      .click();
    await journey.page.getByRole('heading', { level: 1, name: 'Kabupaten Magetan' }).waitFor();
    await journey.page.getByTestId('detail-figures').waitFor();
    // The figures are the regency's summary: the page says when it was computed.
    expect(await journey.page.getByTestId('detail-computed-at').textContent()).toMatch(
      /^Angka dihitung dari data daerah ini pada .+\d{2}[.:]\d{2}/,
    );
    expect(await journey.page.getByTestId('detail-innovations').locator('tbody tr').count()).toBeGreaterThan(
      0,
    );
    // Each innovation's progress comes from the province's read model, as counts only.
    const innovations = journey.page.getByTestId('detail-innovations');
    expect(await innovations.getByRole('columnheader', { name: 'Kemajuan indikator' }).count()).toBe(1);
    expect(await innovations.locator('tbody tr').first().textContent()).toMatch(
      /\d+\/\d+ terisi · \d+ berdata dukung · \d+ terverifikasi/,
    );
    // Read-only: no evidence files, no editing of the regency's innovations.
    expect(
      await journey.page
        .getByRole('main')
        .getByRole('link', { name: /data dukung/i })
        .count(),
    ).toBe(0);

    const form = journey.page.getByTestId('note-form');
    await form.getByLabel('Catatan untuk daerah').fill(NOTE);
    await form.getByLabel('Nama pendamping').fill('Rina Pratiwi');
    await form.getByLabel('Jabatan').fill('Analis Kebijakan, Bappeda Jawa Timur');
    // A malformed phone number is refused by the server and shown at its own field.
    await form.getByLabel('Telepon').fill('telepon kantor');
    await form.getByRole('button', { name: 'Simpan catatan' }).click();
    await expect.poll(() => form.getByLabel('Telepon').getAttribute('aria-invalid')).toBe('true');
    expect(await journey.page.getByTestId('note-updated').count()).toBe(0);
    await form.getByLabel('Telepon').fill('+62 812 3456 7890');
    await form.getByLabel('Email').fill('rina.pratiwi@jatimprov.go.id');
    await form.getByRole('button', { name: 'Simpan catatan' }).click();
    await journey.page.getByTestId('note-saved').waitFor();
    await expect.poll(() => journey.page.getByTestId('note-updated').textContent()).toMatch(/versi 1\)/);

    // Someone else at the province saves meanwhile; this page still holds version 1.
    const colleague = await DemoApi.signIn(journey.product.url, 'admin.35@demo.local');
    await colleague.call(
      'PUT',
      `/oversight/${year}/regencies/35.20/note`,
      { note: NOTE, pendamping: { name: 'Rina Pratiwi', phone: '+62 812 3456 7890' } },
      1,
    );
    await form.getByLabel('Jabatan').fill('Analis Kebijakan Ahli Muda');
    await form.getByRole('button', { name: 'Simpan catatan' }).click();
    await journey.page
      .getByTestId('note-conflict')
      .getByText(/baru saja diubah orang lain/)
      .waitFor();

    // After a reload the latest version is shown and saving works again.
    await journey.page.reload();
    expect(journey.page.url()).toMatch(/\/provinsi\/3520\?tahun=\d{4}$/);
    await journey.page.getByRole('heading', { level: 1, name: 'Kabupaten Magetan' }).waitFor();
    await expect.poll(() => journey.page.getByTestId('note-updated').textContent()).toMatch(/versi 2\)/);
    await form.getByLabel('Jabatan').fill('Analis Kebijakan, Bappeda Jawa Timur');
    await form.getByLabel('Email').fill('rina.pratiwi@jatimprov.go.id');
    await form.getByRole('button', { name: 'Simpan catatan' }).click();
    await journey.page.getByTestId('note-saved').waitFor();
    await expect.poll(() => journey.page.getByTestId('note-updated').textContent()).toMatch(/versi 3\)/);

    await saveScreenshot(journey.page, 'province-cockpit');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
  });

  it('shows the note, the season trend and past results on Magetan’s dashboard', async () => {
    // A change of Magetan's, applied to its summaries by the projector on the stream (ADR 0018).
    const magetan = await DemoApi.signIn(journey.product.url, 'opd1.3520@demo.local');
    await magetan.createInnovation(magetan.user.opdId ?? '', { name: 'Layanan Posyandu Keliling Magetan' });
    await journey.product.summariesProjected();
    const regency = await newContext(journey.browser, journey.product.url, DESKTOP);
    const regencyPage = await regency.newPage();
    const regencyErrors = collectPageErrors(regencyPage);
    try {
      await signInAs(regencyPage, 'admin.3520@demo.local');
      await expect.poll(() => regencyPage.url()).toMatch(/\/dasbor$/);
      const note = regencyPage.getByTestId('province-note');
      await note.getByText(NOTE).waitFor();
      await note.getByText('Rina Pratiwi').waitFor();
      await note.getByRole('link', { name: 'rina.pratiwi@jatimprov.go.id' }).waitFor();

      // The seed's summaries make at least today's point; the sentence carries the figures.
      await expect
        .poll(() => regencyPage.getByTestId('trend-summary').textContent())
        .toMatch(/^\d+ titik dari .+: indeks terverifikasi \d+(,\d+)? → \d+(,\d+)?/);
      await regencyPage.getByTestId('trend-chart').locator('svg.recharts-surface').first().waitFor();
      await regencyPage.getByTestId('by-stage').waitFor();
      await regencyPage.getByTestId('by-urusan').waitFor();
      await expect
        .poll(() => regencyPage.getByTestId('summary-computed-at').textContent())
        .toMatch(/^Ringkasan dihitung pada .+\d{2}[.:]\d{2}/);

      // The composition says how current it is: up to that change, from the projector's progress.
      await expect
        .poll(() => regencyPage.getByTestId('summary-changes-through').textContent())
        .toMatch(/Mencakup perubahan hingga .+\d{2}[.:]\d{2}/);
      await saveScreenshot(regencyPage, 'regency-dashboard-summary-current');
      expect(await seriousA11yViolations(regencyPage)).toEqual([]);

      // The official results of past years, each judged by its own year's bands; the admin
      // corrects 2024 from the Kepmendagri (an update of the stored version).
      const results = regencyPage.getByTestId('results-table');
      await results.getByRole('row', { name: /2025/ }).getByText('318 dari 415').waitFor();
      const form = regencyPage.getByTestId('result-form');
      await form.getByLabel('Tahun').selectOption('2024');
      await form.getByText('Hasil 2024 sudah ada; menyimpan akan memperbaruinya.').waitFor();
      await form.getByRole('textbox', { name: 'Indeks' }).fill('43,25');
      await form.getByRole('textbox', { name: 'Peringkat (opsional)' }).fill('300');
      await form.getByRole('textbox', { name: 'Dari jumlah daerah (opsional)' }).fill('415');
      await form.getByRole('button', { name: 'Simpan hasil' }).click();
      await regencyPage.getByTestId('result-saved').waitFor();
      const row2024 = results.getByRole('row', { name: /2024/ });
      await row2024.getByText('300 dari 415').waitFor();
      await row2024.getByText('43,25').waitFor();
      await regencyPage.getByTestId('results-chart').locator('.recharts-bar-rectangle').first().waitFor();

      await saveScreenshot(regencyPage, 'regency-dashboard-season');
      expect(await seriousA11yViolations(regencyPage)).toEqual([]);
      expect(regencyErrors).toEqual([]);
    } finally {
      await regency.close();
    }
  });

  it('gives the platform admin the national view', async () => {
    const platform = await newContext(journey.browser, journey.product.url, DESKTOP);
    const platformPage = await platform.newPage();
    try {
      await signInWithEmail(platformPage, 'platform@demo.local');
      await platformPage.goto('/platform/nasional');
      await platformPage.getByRole('heading', { level: 1, name: 'Gambaran Nasional' }).waitFor();
      const rows = platformPage.getByTestId('national-table').locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThanOrEqual(5);
      await platformPage
        .getByTestId('distribution-chart')
        .locator('.recharts-bar-rectangle')
        .first()
        .waitFor();
      expect(await seriousA11yViolations(platformPage)).toEqual([]);
    } finally {
      await platform.close();
    }
    expect(journey.pageErrors).toEqual([]);
  });
});
