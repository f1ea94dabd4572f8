import { readFile } from 'node:fs/promises';
import { todayInJakarta } from '@inovasi/core';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, newContext, PHONE } from './support/browser.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs, signInWithEmail } from './support/journeys.ts';

// Every stage on today: the server takes entries and scores only inside their stage's dates.
const TODAY = todayInJakarta();
const STAGE_DATES = {
  entriesOpen: TODAY,
  entriesClose: TODAY,
  screeningEnd: TODAY,
  deskEnd: TODAY,
  finalEnd: TODAY,
  announcement: TODAY,
};

/** A small real PNG (1×1): an entry file that passes the server's check. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Nothing on the page is wider than the phone: no sideways scrolling at 360 px. */
const pageWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );

interface ContestView {
  id: string;
  title: string;
  categories: { entrantKinds: string[]; extraFields: unknown[] }[];
  criteria: { desk: { id: string; label: string; scaleMin: number; scaleMax: number }[] };
}

interface EntryView {
  id: string;
  version: number;
  innovationId?: string;
  profile: { name: string; tujuan?: string };
  extraFields: Record<string, string | number>;
  myScore?: { criteria: Record<string, number> };
}

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
      stageDates: STAGE_DATES,
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

    // Bappeda's call editor: a category asks its own required field, a criterion is scored 0–100.
    // … on a phone: every row of the editor wraps within 360 px.
    await journey.page.setViewportSize(PHONE);
    await journey.page.goto('/lomba');
    const form = journey.page.getByRole('form', { name: 'Buat lomba baru' });
    await form.getByTestId('categories-editor').waitFor();
    expect(await pageWidth(journey.page)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(journey.page, 'contest-call-editor-phone');
    await form.getByLabel('Judul lomba').fill('Krenova 2026');
    const labels = {
      entriesOpen: 'Pendaftaran dibuka',
      entriesClose: 'Pendaftaran ditutup',
      screeningEnd: 'Seleksi administrasi selesai',
      deskEnd: 'Penilaian berkas selesai',
      finalEnd: 'Final (presentasi/kunjungan) selesai',
      announcement: 'Pengumuman pemenang',
    } as const;
    for (const [field, label] of Object.entries(labels))
      await form.getByLabel(label).fill(STAGE_DATES[field as keyof typeof labels]);
    await form.getByRole('button', { name: 'Tambah isian khusus untuk ASN/OPD' }).click();
    await form.getByLabel('Isian khusus ASN/OPD').fill('Nomor SK');
    await form.getByRole('checkbox', { name: 'Wajib diisi' }).check();
    const desk = form.getByTestId('criteria-criteria.desk');
    await desk.getByLabel('Nilai terendah').first().fill('0');
    await desk.getByLabel('Nilai tertinggi').first().fill('100');
    await form.getByRole('button', { name: 'Buat lomba baru' }).click();
    await journey.page.getByRole('link', { name: 'Krenova 2026' }).waitFor();
    const calls = await admin.call<{ items: ContestView[] }>('GET', '/contests');
    const krenova = calls.items.find((item) => item.title === 'Krenova 2026');
    expect(krenova?.categories[0]?.extraFields).toEqual([
      { key: 'nomor-sk', label: 'Nomor SK', type: 'text', required: true },
    ]);
    expect(krenova?.categories[1]?.entrantKinds).toEqual(['citizen']);
    expect(krenova?.criteria.desk.map((c) => [c.label, c.scaleMin, c.scaleMax])).toEqual([
      ['Kebaruan', 0, 100],
      ['Manfaat', 1, 10],
      ['Keberlanjutan', 1, 10],
    ]);

    // Editing the draft: the second criterion moves to a 1–5 scale; ids stay as they were.
    await journey.page.getByRole('link', { name: 'Krenova 2026' }).click();
    await journey.page.getByRole('button', { name: 'Ubah kategori, kriteria, dan jadwal' }).click();
    const editor = journey.page.getByRole('form', { name: 'Ubah lomba' });
    await editor.getByTestId('criteria-criteria.desk').getByLabel('Nilai tertinggi').nth(1).fill('5');
    await editor.getByRole('button', { name: 'Simpan perubahan' }).click();
    await editor.getByText('Perubahan lomba tersimpan.').waitFor();
    const edited = await admin.call<ContestView>('GET', `/contests/${krenova?.id}`);
    expect(edited.criteria.desk.map((c) => [c.id, c.scaleMin, c.scaleMax])).toEqual(
      krenova?.criteria.desk.map((c) => [c.id, c.scaleMin, c.label === 'Manfaat' ? 5 : c.scaleMax]),
    );
    expect(edited.categories).toEqual(krenova?.categories);
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });

  it('lets an operator enter an innovation of the registry without retyping, and a judge score on 0–100', async () => {
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const innovation = await operator.createInnovation(operator.user.opdId ?? '', {
      name: 'Posyandu Lansia Keliling',
      tujuan: 'Mendekatkan layanan kesehatan kepada warga lansia.',
      manfaat: 'Warga lansia tidak perlu antre di puskesmas.',
    });
    const call = await admin.call<{ id: string }>('POST', '/contests', {
      title: 'INOTEK Award 2026',
      year: 2026,
      categories: [
        {
          id: 'opd',
          label: 'ASN/OPD',
          entrantKinds: ['opd'],
          extraFields: [{ key: 'nomor-sk', label: 'Nomor SK tim inovasi', type: 'text', required: true }],
        },
      ],
      stageDates: STAGE_DATES,
      criteria: {
        desk: [{ id: 'dampak', label: 'Dampak', weight: 1, scaleMin: 0, scaleMax: 100 }],
        final: [{ id: 'presentasi', label: 'Presentasi', weight: 1 }],
      },
      judgesPerEntry: 1,
    });
    await admin.call('POST', `/contests/${call.id}/publish`, undefined, 1);
    const judgeEmail = 'juri.persen@contoh.ac.id';
    await admin.call('POST', `/contests/${call.id}/judges`, {
      name: 'Dr. Rina Juri',
      email: judgeEmail,
      external: true,
    });

    // The operator, on a phone: picks the innovation, and its profile is there without retyping.
    const operatorContext = await newContext(journey.browser, journey.product.url, PHONE);
    const page = await operatorContext.newPage();
    const operatorErrors = collectPageErrors(page);
    await signInAs(page, 'opd1.3522@demo.local');
    await page.goto(`/lomba/${call.id}`);
    await page.getByRole('heading', { level: 1, name: 'INOTEK Award 2026' }).waitFor();
    await page.getByRole('radio', { name: 'Dari daftar inovasi OPD' }).waitFor();
    await page.getByLabel('Inovasi dari daftar').selectOption({ label: 'Posyandu Lansia Keliling' });
    expect(await page.getByLabel('Nama inovasi').inputValue()).toBe('Posyandu Lansia Keliling');
    expect(await page.getByLabel('Tujuan inovasi').inputValue()).toBe(
      'Mendekatkan layanan kesehatan kepada warga lansia.',
    );
    // The category's required field is checked before anything is sent.
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.getByText('Periksa isian yang ditandai.').waitFor();
    await page.getByText('Wajib diisi.').waitFor();
    expect(await admin.call<{ items: EntryView[] }>('GET', `/contests/${call.id}/entries`)).toEqual({
      items: [],
    });
    await page.getByLabel('Nomor SK tim inovasi').fill('188/45/412.104/2026');
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.getByText('Karya terdaftar dan menunggu seleksi administrasi.').waitFor();
    // A file on the entry, through the evidence flow: hashed, sent, checked by its bytes, listed.
    await page.getByLabel('Pilih lampiran untuk Posyandu Lansia Keliling').setInputFiles({
      name: 'foto-posyandu.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByLabel('Judul data dukung').fill('Foto kegiatan posyandu');
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.getByText('Lampiran foto-posyandu.png sudah diperiksa dan tersimpan.').waitFor();
    await page.getByRole('button', { name: 'Hapus lampiran foto-posyandu.png' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'contest-entry-from-registry-phone');
    expect(operatorErrors).toEqual([]);
    await operatorContext.close();

    const { items } = await admin.call<{ items: EntryView[] }>('GET', `/contests/${call.id}/entries`);
    expect(items).toHaveLength(1);
    const [entry] = items as [EntryView];
    expect(entry.innovationId).toBe(innovation.id);
    expect(entry.profile.tujuan).toBe('Mendekatkan layanan kesehatan kepada warga lansia.');
    expect(entry.extraFields).toEqual({ 'nomor-sk': '188/45/412.104/2026' });

    // Bappeda screens it, closes entries and moves it to desk judging: it goes to the one judge.
    await admin.call(
      'POST',
      `/contests/${call.id}/entries/${entry.id}/screening`,
      { status: 'complete' },
      entry.version,
    );
    const current = await admin.call<{ version: number }>('GET', `/contests/${call.id}`);
    await admin.call('POST', `/contests/${call.id}/close-entries`, undefined, current.version);
    await admin.call('POST', `/contests/${call.id}/entry-moves`, {
      from: 'screening',
      to: 'desk',
      entryIds: [entry.id],
    });

    // The judge, on a phone: the criterion reads on its own 0–100 scale, and 150 is refused in place.
    const judgeContext = await newContext(journey.browser, journey.product.url, PHONE);
    const judgePage = await judgeContext.newPage();
    const judgeErrors = collectPageErrors(judgePage);
    await signInWithEmail(judgePage, judgeEmail);
    await judgePage.goto(`/lomba/${call.id}`);
    const card = judgePage.getByRole('form', { name: 'Posyandu Lansia Keliling' });
    await card.getByText('Skala 0–100').waitFor();
    await card.getByLabel('Dampak').fill('150');
    await card.getByRole('button', { name: 'Simpan nilai' }).click();
    await card.getByText('Nilai harus antara 0 dan 100.').waitFor();
    await card.getByLabel('Dampak').fill('85');
    await card.getByLabel('Catatan juri').fill('Berdampak luas bagi lansia.');
    await card.getByRole('button', { name: 'Simpan nilai' }).click();
    await card.getByText('Nilai tersimpan.').waitFor();
    // The entry's file, downloaded from the scoring card: the same bytes, under the entrant's name.
    const [download] = await Promise.all([
      judgePage.waitForEvent('download') as Promise<Download>,
      card.getByRole('button', { name: 'Unduh foto-posyandu.png' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('foto-posyandu.png');
    expect((await readFile((await download.path()) ?? '')).equals(PNG)).toBe(true);
    expect(await pageWidth(judgePage)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousA11yViolations(judgePage)).toEqual([]);
    await saveScreenshot(judgePage, 'contest-judge-percent-scale-phone');
    const judge = await DemoApi.signIn(journey.product.url, judgeEmail);
    const seen = await judge.call<{ items: EntryView[] }>('GET', `/contests/${call.id}/entries`);
    expect(seen.items.map((item) => item.myScore?.criteria)).toEqual([{ dampak: 85 }]);
    expect(judgeErrors).toEqual([]);
    await judgeContext.close();
  });
});
