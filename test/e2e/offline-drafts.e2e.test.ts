import { describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

const KEPT_OFFLINE = 'Tidak ada koneksi: jawaban disimpan di perangkat ini dan dikirim saat koneksi kembali.';

type Stored = { version: number; profile: { name: string }; answers: Record<string, { level: number }> };

/**
 * An operator in a kecamatan office whose connection keeps failing (#20): answers chosen and a
 * profile edited offline are kept on the device and sent when the connection returns; a change
 * someone else made meanwhile is shown next to the person's own, never overwritten silently. The
 * app shell itself is kept by a service worker.
 */
describe('offline drafts', () => {
  const journey = useJourney({ viewport: PHONE });

  it('keeps answers chosen offline and sends them when the connection returns; a conflict shows both', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const created = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Posyandu Daring ${Date.now()}`,
    });
    const read = () => operator.call<Stored>('GET', `/innovations/${created.id}`);

    await signInAs(journey.page, 'opd1.3522@demo.local');
    await journey.page.goto(`/inovasi/${created.id}`);
    const regulation = journey.page.getByTestId('indicator-sid.16');
    await regulation.getByRole('radio', { name: /Peraturan Kepala Daerah \(Perkada\)/ }).waitFor();

    // The connection drops; a level is chosen anyway.
    await journey.context.setOffline(true);
    await regulation.getByRole('radio', { name: /Peraturan Kepala Daerah \(Perkada\)/ }).click();
    await regulation.getByTestId('answer-save-state').filter({ hasText: KEPT_OFFLINE }).waitFor();
    expect(
      await regulation.getByRole('radio', { name: /Peraturan Kepala Daerah \(Perkada\)/ }).isChecked(),
    ).toBe(true);
    expect((await read()).answers['sid.16']).toBeUndefined();
    await saveScreenshot(journey.page, 'offline-answer-kept');

    // Back online: it is sent by itself, with the version it was chosen on.
    await journey.context.setOffline(false);
    await regulation.getByTestId('answer-save-state').filter({ hasText: 'Jawaban tersimpan.' }).waitFor();
    await expect.poll(async () => (await read()).answers['sid.16']?.level).toBe(2);

    // Offline again; meanwhile a colleague changes the innovation.
    await journey.context.setOffline(true);
    const other = journey.page.getByTestId('indicator-sid.19');
    await other.getByRole('radio').nth(2).click();
    await other.getByTestId('answer-save-state').filter({ hasText: KEPT_OFFLINE }).waitFor();
    const latest = await read();
    await admin.answer(created.id, latest.version, 'sid.19', { level: 1 });

    // Back online: the server refuses the stale answer; both are shown and the person chooses.
    await journey.context.setOffline(false);
    const conflict = other.getByTestId('offline-conflict');
    await conflict.getByTestId('offline-conflict-mine').filter({ hasText: 'level 2' }).waitFor();
    await conflict.getByTestId('offline-conflict-theirs').filter({ hasText: 'level 1' }).waitFor();
    expect((await read()).answers['sid.19']?.level).toBe(1);
    expect(await seriousA11yViolations(journey.page)).toEqual([]);
    await conflict.getByRole('button', { name: 'Kirim jawaban saya' }).click();
    await other.getByTestId('answer-save-state').filter({ hasText: 'Jawaban tersimpan.' }).waitFor();
    await expect.poll(async () => (await read()).answers['sid.19']?.level).toBe(2);
    expect(await other.getByTestId('offline-conflict').count()).toBe(0);
  });

  it('sends a profile edited offline when the connection returns', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const created = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Profil Luring ${Date.now()}`,
    });
    await journey.page.goto(`/inovasi/${created.id}/profil`);
    const name = journey.page.getByRole('textbox', { name: /^Nama inovasi/ });
    await name.waitFor();

    await journey.context.setOffline(true);
    await name.fill('Layanan Posyandu Keliling Desa');
    await journey.page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await journey.page
      .getByTestId('profile-save-state')
      .filter({ hasText: 'Tidak ada koneksi: perubahan disimpan di perangkat ini' })
      .waitFor();
    expect((await operator.call<Stored>('GET', `/innovations/${created.id}`)).profile.name).not.toBe(
      'Layanan Posyandu Keliling Desa',
    );

    await journey.context.setOffline(false);
    await journey.page.getByTestId('save-notice').filter({ hasText: 'Profil inovasi tersimpan.' }).waitFor();
    expect((await operator.call<Stored>('GET', `/innovations/${created.id}`)).profile.name).toBe(
      'Layanan Posyandu Keliling Desa',
    );
  });

  it('keeps the app shell in a service worker: a reload without a connection still opens the app', async () => {
    const shellCached = await journey.page.evaluate(async () => {
      // The browser's service worker and Cache Storage APIs (this file is typed without the DOM).
      const { navigator, caches } = globalThis as unknown as {
        navigator: { serviceWorker: { ready: Promise<unknown> } };
        caches: {
          keys(): Promise<string[]>;
          open(name: string): Promise<{ keys(): Promise<{ url: string }[]> }>;
        };
      };
      await navigator.serviceWorker.ready;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys())
          if (new URL(request.url).pathname === '/index.html') return true;
      }
      return false;
    });
    expect(shellCached).toBe(true);
    await journey.context.setOffline(true);
    await journey.page.reload();
    // Rendered text, not textContent: Mantine's <style> tags sit in #root before anything renders.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
    await expect.poll(() => journey.page.locator('#root').innerText(), { timeout: 15_000 }).not.toBe('');
    expect(await journey.page.title()).toMatch(/Inovasi/);
    await journey.context.setOffline(false);
    expect(
      journey.pageErrors.filter((error) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|network/i.test(error)),
    ).toEqual([]);
  });

  it('keeps an answer through a closed tab and a new sign-in (a new token), then sends it', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const created = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Tab Tertutup ${Date.now()}`,
    });
    const read = () => operator.call<Stored>('GET', `/innovations/${created.id}`);
    await journey.page.goto(`/inovasi/${created.id}`);
    const perkada = /Peraturan Kepala Daerah \(Perkada\)/;
    await journey.page.getByTestId('indicator-sid.16').getByRole('radio', { name: perkada }).waitFor();

    await journey.context.setOffline(true);
    await journey.page.getByTestId('indicator-sid.16').getByRole('radio', { name: perkada }).click();
    await journey.page
      .getByTestId('indicator-sid.16')
      .getByTestId('answer-save-state')
      .filter({ hasText: KEPT_OFFLINE })
      .waitFor();
    // The tab closes while offline: the session (its token) goes with it, the draft does not.
    await journey.page.close();
    await journey.context.setOffline(false);
    expect((await read()).answers['sid.16']).toBeUndefined();

    await journey.reopen();
    await signInAs(journey.page, 'opd1.3522@demo.local');
    await journey.page.goto(`/inovasi/${created.id}`);
    await journey.page
      .getByTestId('indicator-sid.16')
      .getByTestId('answer-save-state')
      .filter({ hasText: 'Jawaban tersimpan.' })
      .waitFor();
    await expect.poll(async () => (await read()).answers['sid.16']?.level).toBe(2);
    expect(journey.pageErrors).toEqual([]);
  });
});
