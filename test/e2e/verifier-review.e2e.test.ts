import { describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * The Bappeda verifier of Kabupaten Bojonegoro opens its queue, reads an answer's evidence PDF inline,
 * accepts that answer, returns another with a note, and returns the innovation to the OPD.
 */
describe('verifier reviews answers and returns an innovation', () => {
  const journey = useJourney();

  it('accepts one answer, returns another with a note and returns the innovation', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const name = `Antar Obat Pasien Kronis ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', { name });
    let version = await operator.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await operator.answer(created.id, version, 'sid.17', { level: 1 });
    // A verifier may accept an answer only with evidence that passed intake (evidence-gate.ts).
    await operator.attachEvidence(created.id, 'sid.16');
    await operator.transition(created.id, version, { action: 'submit' });

    await signInAs(journey.page, 'verifikator.3522@demo.local');
    await expect.poll(() => journey.page.url()).toMatch(/\/verifikasi$/);
    await journey.page.getByRole('heading', { level: 1, name: 'Antrean Verifikasi' }).waitFor();
    await journey.page.getByTestId('queue-list').getByRole('link', { name }).click();
    await journey.page.getByRole('heading', { level: 1, name }).waitFor();

    await journey.page.getByRole('button', { name: 'Mulai verifikasi' }).click();
    await journey.page.getByRole('dialog').getByRole('button', { name: 'Mulai verifikasi' }).click();
    await journey.page.getByTestId('workflow-notice').filter({ hasText: 'Verifikasi dimulai.' }).waitFor();

    const regulation = journey.page.getByTestId('indicator-sid.16');
    await regulation.getByRole('button', { name: 'Terima: Regulasi Inovasi Daerah' }).click();
    await regulation.getByTestId('review-status').filter({ hasText: 'Diterima' }).waitFor();
    await expect.poll(() => journey.page.getByTestId('kematangan-verified').textContent()).toBe('6 / 111');

    const staff = journey.page.getByTestId('indicator-sid.17');
    const staffName = 'Ketersediaan dan peran SDM terhadap inovasi daerah';
    await staff.getByRole('button', { name: `Kembalikan: ${staffName}` }).click();
    await staff.getByLabel('Catatan untuk OPD').fill('Lampirkan SK tim pengelola inovasi.');
    await staff.getByRole('button', { name: `Kirim pengembalian: ${staffName}` }).click();
    await staff.getByTestId('review-status').filter({ hasText: 'Dikembalikan' }).waitFor();
    await staff.getByTestId('review-note').getByText('Lampirkan SK tim pengelola inovasi.').waitFor();

    await journey.page.getByRole('button', { name: 'Kembalikan ke OPD' }).click();
    const dialog = journey.page.getByRole('dialog');
    await dialog.getByLabel('Catatan untuk OPD').fill('Satu jawaban perlu data dukung tambahan.');
    await dialog.getByRole('button', { name: 'Kembalikan ke OPD' }).click();
    await journey.page
      .getByTestId('workflow-notice')
      .filter({ hasText: 'Inovasi telah dikembalikan ke OPD.' })
      .waitFor();
    await journey.page
      .getByTestId('return-note')
      .getByText('Satu jawaban perlu data dukung tambahan.')
      .waitFor();

    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    // The evidence PDF opens inline, framed from the object store (the page's CSP allows that origin).
    const frameLoad = journey.page.waitForResponse(
      (response) =>
        response.request().resourceType() === 'document' && response.frame() !== journey.page.mainFrame(),
    );
    await regulation.getByRole('button', { name: 'Pratinjau: SK data dukung sid.16' }).click();
    const pdfFrame = regulation.getByTestId('evidence-pdf-frame');
    await pdfFrame.waitFor();
    const evidenceUrl = await pdfFrame.getAttribute('src');
    expect(evidenceUrl).toContain('/tenants/35.22/');
    const loaded = await frameLoad;
    expect(loaded.url()).toBe(evidenceUrl);
    expect(loaded.status()).toBe(200);
    expect(loaded.headers()['content-type']).toBe('application/pdf');
    await regulation.getByRole('link', { name: 'Buka PDF (tab baru)' }).waitFor();

    await saveScreenshot(journey.page, 'verifier-review');
    expect(journey.pageErrors).toEqual([]);
  });
});
