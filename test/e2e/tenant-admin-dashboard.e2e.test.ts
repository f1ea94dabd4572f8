import { describe, expect, it } from 'vitest';
import { DemoApi, eligibleProfile } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

/**
 * The Bappeda admin of Kabupaten Bojonegoro reads the projected index on the dashboard, then marks a
 * verified innovation ready, records it as sent with its registration number, enters the national
 * result and reads the innovation's audit trail.
 */
describe('tenant admin reads the dashboard and sends a verified innovation', () => {
  const journey = useJourney();

  it('shows the gauge with its bands, the per-OPD bars and the advice', async () => {
    await signInAs(journey.page, 'admin.3522@demo.local');
    await expect.poll(() => journey.page.url()).toMatch(/\/dasbor$/);
    await journey.page.getByRole('heading', { level: 1, name: 'Dasbor Indeks Inovasi Daerah' }).waitFor();

    await journey.page.getByTestId('index-gauge').waitFor();
    const thresholds = await journey.page.getByTestId('band-threshold').allTextContents();
    expect(thresholds).toEqual(['40,01', '65,01']);
    const legend = journey.page.getByTestId('band-legend');
    await legend.getByText('Sangat Inovatif: 65,01–100').waitFor();
    await legend.getByText('Kurang Inovatif: 0,01–40').waitFor();
    await journey.page
      .getByTestId('index-verified')
      .getByText(/Butuh .* poin lagi untuk Sangat Inovatif/)
      .waitFor();

    // The bar chart arrives in its own chunk; its numbers are also in the table.
    await journey.page.getByTestId('opd-chart').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await journey.page.getByTestId('opd-table').getByRole('row').count()).toBeGreaterThan(2);
    await journey.page
      .getByTestId('basic-services')
      .getByText(/urusan tercakup/)
      .waitFor();

    // Bojonegoro's ineligible draft is outside n; the panel says what sending it as it is would cost.
    await journey.page
      .getByTestId('if-ineligible-sent')
      .getByText(/Bila draf ini dikirim apa adanya, .* turun .* poin/)
      .waitFor();

    const moves = journey.page.getByTestId('advice').getByRole('listitem');
    await moves.first().waitFor();
    expect(await moves.count()).toBeGreaterThan(0);
    expect(await moves.first().textContent()).toMatch(/^\+\d+(,\d+)? poin/);

    // One regional decree or regulation that lifts an indicator of many innovations is one lever, listed
    // first with its summed gain and its reach (ADR 0029); each rubric evidence text is written once.
    const lever = journey.page.getByTestId('advice-lever').first();
    await lever.waitFor();
    expect(await lever.textContent()).toMatch(/^\+\d+(,\d+)? poin\d+ inovasiTerbitkan satu .*sekaligus\./);
    const evidence = (
      await journey.page
        .getByTestId('advice')
        .getByText(/^Data dukung: /)
        .allTextContents()
    ).filter((text) => text !== 'Data dukung: sama seperti di atas.');
    expect(evidence.length).toBeGreaterThan(0);
    expect(new Set(evidence).size).toBe(evidence.length);

    await saveScreenshot(journey.page, 'tenant-admin-dashboard');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
  });

  it('marks a verified innovation ready and records it as sent', async () => {
    // Arranged over the API: an eligible innovation, answered, reviewed and verified.
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const name = `Layanan Lansia Terpadu ${Date.now()}`;
    const created = await admin.createInnovation('opd-dinkes', eligibleProfile(name));
    let version = await admin.answer(created.id, created.version, 'sid.16', { level: 2 });
    version = await admin.answer(created.id, version, 'sid.35', { level: 3 });
    version = await admin.answerOtherMandatory(created.id, version);
    // Accepting an answer needs evidence that passed intake (evidence-gate.ts); linking keeps the version.
    await admin.attachEvidence(created.id, 'sid.16');
    await admin.attachEvidence(created.id, 'sid.35', 'Laporan survei kepuasan masyarakat');
    version = await admin.transition(created.id, version, { action: 'submit' });
    version = await admin.transition(created.id, version, { action: 'start_review' });
    version = await admin.review(created.id, version, 'sid.16', 'accepted');
    version = await admin.review(created.id, version, 'sid.35', 'accepted');
    version = await admin.acceptOtherMandatory(created.id, version);
    await admin.transition(created.id, version, { action: 'verify' });

    await journey.page.goto(`/inovasi/${created.id}`);
    await journey.page.getByRole('heading', { level: 1, name }).waitFor();
    await journey.page.getByTestId('eligibility').getByText('Profil memenuhi syarat').waitFor();
    await expect.poll(() => journey.page.getByTestId('kematangan-verified').textContent()).toBe('25 / 111');

    await journey.page.getByRole('button', { name: 'Tandai siap kirim' }).click();
    await journey.page.getByRole('dialog').getByRole('button', { name: 'Tandai siap kirim' }).click();
    await journey.page
      .getByTestId('workflow-notice')
      .filter({ hasText: 'Inovasi ditandai siap dikirim.' })
      .waitFor();

    await journey.page.getByRole('button', { name: 'Catat sudah dikirim' }).click();
    const dialog = journey.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Nomor registrasi' }).fill('IID-2026-3522-0042');
    await dialog.getByLabel('Tanggal dikirim').fill('2026-08-20');
    await dialog.getByRole('button', { name: 'Catat sudah dikirim' }).click();
    await journey.page.getByTestId('workflow-notice').filter({ hasText: 'Pengiriman tercatat.' }).waitFor();
    await journey.page.getByText(/Nomor registrasi IID-2026-3522-0042, dikirim 20 Agu 2026\./).waitFor();
    await journey.page.getByText('Terkirim', { exact: true }).first().waitFor();

    await saveScreenshot(journey.page, 'tenant-admin-send');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    // Months later the national result arrives: accepted, with its final kematangan.
    await journey.page.getByRole('button', { name: 'Catat hasil penilaian' }).click();
    const result = journey.page.getByRole('dialog');
    await result.getByLabel('Hasil').selectOption('accepted');
    await result.getByRole('textbox', { name: /Kematangan akhir/ }).fill('17,5');
    await result.getByRole('button', { name: 'Catat hasil penilaian' }).click();
    await journey.page
      .getByTestId('workflow-notice')
      .filter({ hasText: 'Hasil penilaian tercatat.' })
      .waitFor();
    await journey.page.getByText('Diterima', { exact: true }).first().waitFor();

    // The audit trail tells the innovation's story, newest first, filtered by the URL.
    await journey.page.goto(`/audit?entitas=${created.id}`);
    await journey.page.getByRole('heading', { level: 1, name: 'Jejak Audit' }).waitFor();
    const trail = journey.page.getByTestId('audit-list');
    await trail.getByText('workflow.record_result', { exact: true }).waitFor();
    const actions = await trail.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions.filter((action) => action.startsWith('workflow.'))).toEqual([
      'workflow.record_result',
      'workflow.mark_sent',
      'workflow.mark_ready',
      'workflow.verify',
      'workflow.start_review',
      'workflow.submit',
    ]);
    expect(actions.filter((action) => action === 'answer.accepted')).toHaveLength(5);
    expect(actions.at(-1)).toBe('innovation.create');
    await saveScreenshot(journey.page, 'tenant-admin-audit');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  });
});
