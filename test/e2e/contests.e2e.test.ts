import { describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * A citizen finds Bojonegoro's open contest on its public page and asks for an entrant account;
 * Bappeda sees the call, its panel and its entries on its own screen (ADR 0037).
 */
describe('a regional innovation contest in the browser', () => {
  const journey = useJourney({ product: { scheduledJobs: false } });

  it('shows the public call, takes a citizen’s sign-up, and gives Bappeda its screen', async () => {
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const call = await admin.call<{ id: string }>('POST', '/contests', {
      title: 'Bojonegoro Innovative Award',
      year: 2026,
      description: 'Lomba inovasi tahunan Kabupaten Bojonegoro.',
      categories: [
        { id: 'opd', label: 'ASN/OPD', entrantKinds: ['opd'] },
        { id: 'masyarakat', label: 'Masyarakat', entrantKinds: ['citizen'] },
      ],
      stageDates: {
        entriesOpen: '2026-03-01',
        entriesClose: '2026-04-30',
        screeningEnd: '2026-05-10',
        deskEnd: '2026-06-10',
        finalEnd: '2026-07-10',
        announcement: '2026-08-17',
      },
      criteria: {
        desk: [{ id: 'kebaruan', label: 'Kebaruan', weight: 1 }],
        final: [{ id: 'presentasi', label: 'Presentasi', weight: 1 }],
      },
      prizes: [{ rank: 1, label: 'Juara I', amount: 10_000_000 }],
    });
    await admin.call('POST', `/contests/${call.id}/publish`, undefined, 1);

    await journey.page.goto(`${journey.product.url}/lomba-publik/35.22/${call.id}`);
    await journey.page.getByRole('heading', { level: 1, name: 'Bojonegoro Innovative Award' }).waitFor();
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    await journey.page.getByLabel('Nama lengkap').fill('Siti Warga');
    await journey.page.getByLabel(/^Email/).fill('siti.warga@contoh.id');
    await journey.page.getByRole('button', { name: 'Kirim tautan' }).click();
    await journey.page.getByText('Periksa email Anda untuk melanjutkan pendaftaran.').waitFor();
    await saveScreenshot(journey.page, 'contest-public');

    await signInAs(journey.page, 'admin.3522@demo.local');
    await journey.page.goto(`${journey.product.url}/lomba/${call.id}`);
    await journey.page.getByRole('heading', { level: 1, name: 'Bojonegoro Innovative Award' }).waitFor();
    await journey.page.getByRole('heading', { name: 'Dewan juri' }).waitFor();
    await journey.page.getByRole('button', { name: 'Tutup pendaftaran, mulai penjurian' }).waitFor();
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });
});
