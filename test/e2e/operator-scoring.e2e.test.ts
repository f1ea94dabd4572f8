import { describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * An OPD operator of Kabupaten Bojonegoro, on a 360 px phone, finds a draft in its to-do list,
 * answers two indicators (one on a kemanfaatan basis), watches the claimed kematangan rise and
 * submits the innovation to the verifier.
 */
describe('operator answers indicators and submits', () => {
  const journey = useJourney({ viewport: PHONE });

  it('answers indicators, sees kematangan rise and submits', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const name = `Posyandu Keliling Digital ${Date.now()}`;
    await operator.createInnovation(operator.user.opdId ?? '', { name });

    await signInAs(journey.page, 'opd1.3522@demo.local');
    await journey.page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await journey.page.getByRole('navigation').getByRole('link', { name: 'Tugas Saya' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Tugas Saya' }).waitFor();
    await journey.page.getByTestId('queue-list').getByRole('link', { name }).click();
    await journey.page.getByRole('heading', { level: 1, name }).waitFor();

    const claimed = journey.page.getByTestId('kematangan-claimed');
    await expect.poll(() => claimed.textContent()).toBe('0 / 111');
    // The profile is still empty: the page says why the innovation does not count yet.
    await journey.page
      .getByTestId('eligibility')
      .getByText('Inovasi ini belum ikut dihitung karena:')
      .waitFor();

    // Regulasi Inovasi Daerah (weight 3): a Perkada is level 2.
    const regulation = journey.page.getByTestId('indicator-sid.16');
    await regulation.getByRole('radio', { name: /Peraturan Kepala Daerah \(Perkada\)/ }).click();
    await regulation
      .getByTestId('evidence-needed')
      .getByText(/Halaman depan Perkada/)
      .waitFor();
    // The choice saves as it is made: no button to press, and the card says so.
    await regulation.getByTestId('answer-save-state').filter({ hasText: 'Jawaban tersimpan.' }).waitFor();
    await expect.poll(() => claimed.textContent()).toBe('6 / 111');

    // Kemanfaatan (weight 3) counts only with its basis: 501 or more beneficiaries is level 3.
    const benefit = journey.page.getByTestId('indicator-sid.33');
    await benefit.getByRole('combobox', { name: 'Basis kemanfaatan' }).selectOption('a');
    await benefit.getByRole('radio', { name: /501 orang atau lebih/ }).click();
    await benefit.getByLabel('Catatan (opsional)').fill('Rekap kunjungan Januari–Juni.');
    await benefit.getByLabel('Catatan (opsional)').blur();
    await expect
      .poll(() => benefit.getByTestId('answer-save-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('saved');
    await expect.poll(() => claimed.textContent()).toBe('15 / 111');

    await journey.page.getByRole('button', { name: 'Ajukan ke verifikator' }).click();
    const dialog = journey.page.getByRole('dialog');
    await dialog.getByText(/Selama diperiksa, profil dan jawaban tidak dapat diubah/).waitFor();
    await dialog.getByRole('button', { name: 'Ajukan ke verifikator' }).click();
    await journey.page
      .getByTestId('workflow-notice')
      .filter({ hasText: 'Inovasi telah diajukan ke verifikator.' })
      .waitFor();
    await journey.page.getByText('Diajukan', { exact: true }).first().waitFor();
    // Answers are locked while Bappeda holds the innovation.
    expect(await regulation.getByRole('button', { name: /Simpan jawaban/ }).count()).toBe(0);

    await saveScreenshot(journey.page, 'operator-scoring');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });
});
