import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayInJakarta } from '@inovasi/core';
import { textPdf } from '@inovasi/local';
import { describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { PHONE } from './support/browser.ts';
import { storedKeys } from './support/device-stores.ts';
import { useJourney } from './support/journey.ts';
import { signInAs } from './support/journeys.ts';
import { RESULTS_DIR } from './support/paths.ts';
import { expectOnlyMissingPartsSent, reloadMidUpload } from './support/resumed-upload.ts';

// Every stage on today: the server takes entries and their files only inside the entries' dates.
const STAGES = ['entriesOpen', 'entriesClose', 'screeningEnd', 'deskEnd', 'finalEnd', 'announcement'];
const STAGE_DATES = Object.fromEntries(STAGES.map((stage) => [stage, todayInJakarta()]));

interface EntryFileView {
  evidenceId: string;
  fileName: string;
  size?: number;
  status: string;
}

/**
 * An OPD operator, on a phone, attaches a 16 MiB proposal to their contest entry; the tab reloads
 * mid-upload, and the file goes on from the parts the store already holds, kept on the device,
 * without being picked again (issue 22, docs/decisions/0054).
 */
describe('a contest entry file resumes after a reload', () => {
  const journey = useJourney({ viewport: PHONE, product: { scheduledJobs: false } });

  it('completes the upload from the kept file, sending only the missing parts', async () => {
    // Prepare: an open call and the operator's entry, through the API.
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const call = await admin.call<{ id: string }>('POST', '/contests', {
      title: `Lomba Lampiran Bersambung ${Date.now()}`,
      year: 2026,
      categories: [{ id: 'opd', label: 'ASN/OPD', entrantKinds: ['opd'] }],
      stageDates: STAGE_DATES,
      criteria: {
        desk: [{ id: 'dampak', label: 'Dampak', weight: 1 }],
        final: [{ id: 'presentasi', label: 'Presentasi', weight: 1 }],
      },
    });
    await admin.call('POST', `/contests/${call.id}/publish`, undefined, 1);
    const name = 'Posyandu Lansia Bersambung';
    const entry = await operator.call<{ id: string }>('POST', `/contests/${call.id}/entries`, {
      categoryId: 'opd',
      profile: { name },
    });
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, 'proposal-bersambung.pdf');
    writeFileSync(
      file,
      textPdf({ lines: ['PROPOSAL LOMBA INOVASI DAERAH', name], padToBytes: 16 * 1024 * 1024 }),
    );

    await signInAs(journey.page, 'opd1.3522@demo.local');
    await journey.page.goto(`/lomba/${call.id}`);
    const panel = journey.page.getByTestId(`entry-files-${entry.id}`);
    await panel.getByLabel(`Pilih lampiran untuk ${name}`).setInputFiles(file);
    await panel.getByLabel('Judul data dukung').fill('Proposal lengkap');

    // Act: the tab reloads once the store holds a part, with the upload still going.
    const resumed = await reloadMidUpload(
      journey,
      panel,
      async () => {
        expect(await storedKeys(journey.page, 'inovasi-uploads', 'files')).toHaveLength(1);
      },
      '/files/multipart',
    );

    // Assess: no file picker, no click; the uploader comes back with the kept file and finishes.
    const again = journey.page.getByTestId(`entry-files-${entry.id}`);
    await again
      .getByTestId('upload-restored')
      .getByText(/^Melanjutkan unggahan proposal-bersambung\.pdf/)
      .waitFor({ timeout: 60_000 });
    await again
      .getByTestId('entry-upload-done')
      .getByText('Lampiran proposal-bersambung.pdf sudah diperiksa dan tersimpan.')
      .waitFor({ timeout: 120_000 });
    expectOnlyMissingPartsSent(resumed);
    // Done: the device keeps no copy, and the entry lists the checked file once.
    expect(await storedKeys(journey.page, 'inovasi-uploads', 'files')).toEqual([]);
    expect(await storedKeys(journey.page, 'inovasi-upload-parts', 'parts')).toEqual([]);
    const files = await admin.call<{ items: EntryFileView[] }>(
      'GET',
      `/contests/${call.id}/entries/${entry.id}/files`,
    );
    const bytes = readFileSync(file);
    expect(files.items.map(({ fileName, size, status }) => ({ fileName, size, status }))).toEqual([
      { fileName: 'proposal-bersambung.pdf', size: bytes.length, status: 'passed' },
    ]);
    // The stored object is the file, byte for byte.
    const link = await admin.call<{ url: string }>(
      'GET',
      `/contests/${call.id}/entries/${entry.id}/files/${files.items[0]?.evidenceId}/download`,
    );
    const downloaded = await fetch(link.url);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(bytes)).toBe(true);
    expect(journey.pageErrors).toEqual([]);
    await resumed.cdp.detach();
  });
});
