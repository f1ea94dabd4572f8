import { beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

const VERIFIED_OR_LATER = new Set(['verified', 'ready', 'sent', 'accepted', 'rejected']);

interface SpdAnswers {
  version: number;
  answers: Record<string, { level?: number; figures?: { count?: number }; note?: string }>;
}

/**
 * Issue 20, point 7 leftovers and the SPD answers: the dashboard and the progress board count
 * "terverifikasi" the same way and say what it means, "pembagi" is explained where it appears, and
 * the region-wide (SPD) answers save as they are entered, with the version check kept.
 */
describe('counts that agree, and SPD answers saved as entered', () => {
  const journey = useJourney();
  let admin: DemoApi;

  beforeAll(async () => {
    admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    await signInAs(journey.page, 'admin.3522@demo.local');
  });

  it('counts “terverifikasi” once, the same on the dashboard and the progress board, and explains it and “pembagi”', async () => {
    // Prepare: the region's innovations of this period as the API has them.
    const year = new Date().getFullYear();
    type Listed = {
      items: { status: string; periodYear: number; archived?: boolean }[];
      nextCursor?: string;
    };
    const all: Listed['items'] = [];
    let cursor: string | undefined;
    do {
      const page: Listed = await admin.call<Listed>(
        'GET',
        `/innovations?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const own = all.filter((item) => item.periodYear === year && !item.archived);
    const verified = own.filter((item) => VERIFIED_OR_LATER.has(item.status)).length;

    // Act
    await journey.page.goto('/dasbor');
    const row = journey.page.getByTestId('count-verified-count');
    await row.waitFor();

    // Assess: the dashboard's count, with what it means beside it
    expect(await row.locator('td').textContent()).toMatch(
      new RegExp(`^${verified} dari \\d+ yang diajukan$`),
    );
    await row.getByText(/Sudah dinyatakan terverifikasi oleh verifikator/).waitFor();
    await journey.page
      .getByTestId('count-divisor')
      .getByText(/rata-rata kematangan dibagi angka ini/)
      .waitFor();

    // The progress board's "Terverifikasi" column adds up to the same number, and says so.
    await journey.page.goto('/progres');
    await journey.page
      .getByTestId('board-legend')
      .filter({ hasText: 'angka yang sama dengan dasbor' })
      .waitFor();
    await journey.page.getByTestId('progress-row').first().waitFor();
    const texts = await journey.page.getByText(/^Terverifikasi: \d+ \/ \d+$/).allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    const boardTotal = texts.reduce((sum, text) => sum + Number(/: (\d+)/.exec(text)?.[1]), 0);
    expect(boardTotal).toBe(verified);
    expect(await journey.page.getByText('Target tercapai', { exact: true }).count()).toBe(0);
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });

  it('saves an SPD level as it is chosen and figures when typing pauses, and keeps a refused entry', async () => {
    const year = new Date().getFullYear();
    const vision = journey.page.getByTestId('spd-row-spd.1');
    const budget = journey.page.getByTestId('spd-row-spd.2a');

    // Act: a level picked, a figure typed, no button pressed
    await journey.page.goto('/spd');
    await vision.waitFor();
    expect(await vision.getByRole('button', { name: /^Simpan jawaban/ }).count()).toBe(0);
    await vision.getByRole('radio').nth(2).click();
    await vision.getByTestId('spd-save-state').filter({ hasText: 'Jawaban tersimpan.' }).waitFor();
    // The demo region may have answered this row with a level: figures are the other way to fill it.
    await budget.getByText('Isi angka', { exact: true }).click();
    await budget.getByLabel(/^Jumlah/).fill('3');
    await expect
      .poll(() => budget.getByTestId('spd-save-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('saved');

    // Assess: both are on the server and survive a reload
    const stored = await admin.call<SpdAnswers>('GET', `/periods/${year}/spd`);
    expect(stored.answers['spd.1']?.level).toBe(2);
    expect(stored.answers['spd.2a']?.figures?.count).toBe(3);
    await journey.page.reload();
    await vision.waitFor();
    expect(await vision.getByRole('radio').nth(2).isChecked()).toBe(true);

    // Someone else saves meanwhile: the next choice here is refused visibly, kept, and saved again
    // on top of the latest version.
    await admin.call('PUT', `/periods/${year}/spd/spd.1`, { level: 3 }, stored.version);
    const other = journey.page.getByTestId('spd-row-spd.12');
    await other.getByRole('radio').nth(1).click();
    await other
      .getByTestId('spd-save-error')
      .filter({ hasText: /diubah/ })
      .waitFor();
    expect(await other.getByTestId('spd-save-state').getAttribute('data-state')).toBe('failed');
    await other.getByRole('button', { name: 'Muat versi terbaru' }).click();
    expect(await other.getByRole('radio').nth(1).isChecked()).toBe(true);
    await other.getByRole('button', { name: /^Simpan jawaban: / }).click();
    await other.getByTestId('spd-save-state').filter({ hasText: 'Jawaban tersimpan.' }).waitFor();
    const merged = await admin.call<SpdAnswers>('GET', `/periods/${year}/spd`);
    expect(merged.answers['spd.1']?.level).toBe(3);
    expect(merged.answers['spd.12']?.level).toBe(1);
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    await saveScreenshot(journey.page, 'spd-autosave');
    expect(journey.pageErrors).toEqual([]);
  });
});
