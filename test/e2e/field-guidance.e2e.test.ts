import { beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, newContext } from './support/browser.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

const STAFF = 'Ketersediaan dan peran SDM terhadap inovasi daerah';

/**
 * Issue 20, operators and verifiers: an operator of Kabupaten Bojonegoro (35.22) is told what is
 * missing before submitting, and a verifier sees each decision where it was taken.
 */
describe('guided submission and decisions in place', () => {
  const journey = useJourney();
  let operator: DemoApi;

  beforeAll(async () => {
    operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    await signInAs(journey.page, 'opd1.3522@demo.local');
  });

  it('lists the missing mandatory indicators, evidence and threshold before “Ajukan ke verifikator”', async () => {
    // Prepare: 2 of 20 answered; sid.16 with evidence, sid.17 without, the other mandatory ones empty.
    const name = `Posyandu Keliling ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', { name });
    let version = await operator.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await operator.answer(created.id, version, 'sid.17', { level: 1 });
    await operator.attachEvidence(created.id, 'sid.16');

    // Act
    await journey.page.goto(`/inovasi/${created.id}`);
    await journey.page.getByRole('heading', { level: 1, name }).waitFor();

    // Assess: the page's own checklist, before any click.
    const panel = journey.page.getByTestId('submission-checklist-panel');
    await panel.getByTestId('check-answers').filter({ hasText: '2 dari 20 indikator dijawab.' }).waitFor();
    const mandatory = panel.getByTestId('check-mandatory');
    expect(await mandatory.getAttribute('data-state')).toBe('missing');
    await mandatory.getByText('4 indikator wajib belum lengkap:').waitFor();
    await mandatory
      .getByRole('listitem')
      .filter({ hasText: `${STAFF} — belum ada data dukung yang lolos pemeriksaan berkas` })
      .waitFor();
    expect(await mandatory.getByRole('listitem').filter({ hasText: 'belum dijawab' }).count()).toBe(3);
    await panel.getByTestId('check-threshold').waitFor();

    // The confirmation says what submitting now means and lists the same gaps.
    await journey.page.getByRole('button', { name: 'Ajukan ke verifikator' }).click();
    const dialog = journey.page.getByRole('dialog');
    const inDialog = dialog.getByTestId('submission-checklist-dialog');
    await inDialog.getByText('4 indikator wajib belum lengkap:').waitFor();
    await inDialog.getByRole('link', { name: new RegExp(STAFF) }).waitFor();
    await dialog.getByText(/Anda tetap dapat mengajukan sekarang/).waitFor();
    await dialog.getByRole('button', { name: 'Ajukan ke verifikator' }).click();
    await journey.page.getByTestId('workflow-notice').filter({ hasText: 'Inovasi telah diajukan' }).waitFor();
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    await saveScreenshot(journey.page, 'guided-submission');
    expect(journey.pageErrors).toEqual([]);
  });

  it('saves each answer as it is chosen, and shows a conflict instead of losing the choice', async () => {
    // Prepare
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const created = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Jawaban Tersimpan ${Date.now()}`,
    });
    await journey.page.goto(`/inovasi/${created.id}`);
    const regulation = journey.page.getByTestId('indicator-sid.16');
    const claimed = journey.page.getByTestId('kematangan-claimed');

    // Act: a level picked and a note typed, with no save button pressed
    await regulation.getByRole('radio', { name: /Peraturan Kepala Daerah \(Perkada\)/ }).click();
    await regulation.getByTestId('answer-save-state').filter({ hasText: 'Jawaban tersimpan.' }).waitFor();
    await expect.poll(() => claimed.textContent()).toBe('6 / 111');
    await regulation.getByLabel('Catatan (opsional)').fill('Perkada Nomor 12 Tahun 2025.');
    await expect
      .poll(() => regulation.getByTestId('answer-save-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('saved');

    // Assess: both survive a reload, read back from the server
    await journey.page.reload();
    await regulation.getByTestId('answer-save-state').waitFor();
    expect(
      await regulation.getByRole('radio', { name: /Peraturan Kepala Daerah \(Perkada\)/ }).isChecked(),
    ).toBe(true);
    expect(await regulation.getByLabel('Catatan (opsional)').inputValue()).toBe(
      'Perkada Nomor 12 Tahun 2025.',
    );
    const stored = await operator.call<{ answers: Record<string, { level: number; note?: string }> }>(
      'GET',
      `/innovations/${created.id}`,
    );
    expect(stored.answers['sid.16']).toMatchObject({ level: 2, note: 'Perkada Nomor 12 Tahun 2025.' });

    // A colleague saves another answer meanwhile: the next choice here is refused visibly, kept, and
    // saved on top of the latest version once it is loaded.
    const latest = await admin.call<{ version: number }>('GET', `/innovations/${created.id}`);
    await admin.answer(created.id, latest.version, 'sid.17', { level: 1 });
    const other = journey.page.getByTestId('indicator-sid.19');
    await other.getByRole('radio').nth(2).click();
    await other.getByTestId('answer-error').filter({ hasText: 'telah diubah di tempat lain' }).waitFor();
    expect(await other.getByTestId('answer-save-state').textContent()).toBe(
      'Gagal disimpan. Pilihan Anda masih ada di sini.',
    );
    await other.getByRole('button', { name: 'Muat versi terbaru' }).click();
    expect(await other.getByRole('radio').nth(2).isChecked()).toBe(true);
    await other.getByRole('button', { name: /^Simpan jawaban: / }).click();
    await other.getByTestId('answer-save-state').filter({ hasText: 'Jawaban tersimpan.' }).waitFor();
    const merged = await operator.call<{ answers: Record<string, { level: number }> }>(
      'GET',
      `/innovations/${created.id}`,
    );
    expect(merged.answers['sid.17']?.level).toBe(1);
    expect(merged.answers['sid.19']?.level).toBe(2);

    // A note typed just before leaving the page is still sent, not dropped with the typing pause.
    const lastWords = 'Perkada Nomor 12 Tahun 2025, pasal 3.';
    await regulation.getByLabel('Catatan (opsional)').fill(lastWords);
    await journey.page.getByRole('link', { name: 'Kembali' }).click();
    await journey.page.getByRole('heading', { level: 1, name: 'Inovasi Daerah' }).waitFor();
    await expect
      .poll(
        async () =>
          (
            await operator.call<{ answers: Record<string, { note?: string }> }>(
              'GET',
              `/innovations/${created.id}`,
            )
          ).answers['sid.16']?.note,
        { timeout: 10_000 },
      )
      .toBe(lastWords);
    expect(journey.pageErrors).toEqual([]);
  });

  it('shows a verifier’s decision in place, makes changing it explicit, and moves to the next waiting answer', async () => {
    // Prepare: two answers waiting for review
    const created = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Keputusan Di Tempat ${Date.now()}`,
    });
    let version = await operator.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await operator.answer(created.id, version, 'sid.17', { level: 1 });
    await operator.attachEvidence(created.id, 'sid.16');
    version = await operator.transition(created.id, version, { action: 'submit' });
    const verifierApi = await DemoApi.signIn(journey.product.url, 'verifikator.3522@demo.local');
    await verifierApi.transition(created.id, version, { action: 'start_review' });
    const verifierContext = await newContext(journey.browser, journey.product.url, DESKTOP);
    const verifier = await verifierContext.newPage();
    const verifierErrors = collectPageErrors(verifier);
    await signInAs(verifier, 'verifikator.3522@demo.local');
    await verifier.goto(`/inovasi/${created.id}`);
    const regulation = verifier.getByTestId('indicator-sid.16');
    const regulationName = 'Regulasi Inovasi Daerah';

    // Act
    await regulation.getByRole('button', { name: `Terima: ${regulationName}` }).click();

    // Assess: the decision reads in place, the two buttons are gone, and focus is on the next waiting answer
    await regulation
      .getByTestId('review-decision')
      .filter({ hasText: /^Keputusan: diterima/ })
      .waitFor();
    expect(await regulation.getByRole('button', { name: `Terima: ${regulationName}` }).count()).toBe(0);
    expect(await regulation.getByRole('button', { name: `Kembalikan: ${regulationName}` }).count()).toBe(0);
    const focused = verifier.getByTestId('indicator-sid.17').locator('h3:focus');
    await focused.waitFor();
    expect(await focused.textContent()).toContain(STAFF);

    // Changing it is a step of its own: it offers only the other decision, and can be cancelled.
    await regulation.getByRole('button', { name: `Ubah keputusan: ${regulationName}` }).click();
    await regulation.getByRole('button', { name: `Kembalikan: ${regulationName}` }).waitFor();
    expect(await regulation.getByRole('button', { name: `Terima: ${regulationName}` }).count()).toBe(0);
    await regulation.getByRole('button', { name: 'Batal' }).click();
    await regulation.getByRole('button', { name: `Ubah keputusan: ${regulationName}` }).waitFor();
    const stored = await verifierApi.call<{ answers: Record<string, { review?: { status: string } }> }>(
      'GET',
      `/innovations/${created.id}`,
    );
    expect(stored.answers['sid.16']?.review?.status).toBe('accepted');
    expect(stored.answers['sid.17']?.review).toBeUndefined();

    expect(await seriousA11yViolations(verifier)).toEqual([]);
    await saveScreenshot(verifier, 'verifier-decision-in-place');
    expect(verifierErrors).toEqual([]);
    await verifierContext.close();
  });
});
