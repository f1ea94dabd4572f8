import { describe, expect, it } from 'vitest';
import { DemoApi, SERVER_POLL } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { storedKeys } from './support/device-stores.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';
import { openNewInnovation } from './support/offline-queue.ts';

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
    await expect.poll(async () => (await read()).answers['sid.16']?.level, SERVER_POLL).toBe(2);

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
    await expect.poll(async () => (await read()).answers['sid.19']?.level, SERVER_POLL).toBe(2);
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

  it('keeps a profile saved offline through a reload and sends it from another page when the connection returns (#20)', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const created = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Profil Antrean ${Date.now()}`,
    });
    const edited = `Pelayanan Keliling Antrean ${Date.now()}`;
    const read = () => operator.call<Stored>('GET', `/innovations/${created.id}`);
    const queuedKeys = async () =>
      (await storedKeys(journey.page, 'inovasi-drafts', 'answers')).filter((key) => key.includes(created.id));
    await journey.page.goto(`/inovasi/${created.id}/profil`);
    const name = journey.page.getByRole('textbox', { name: /^Nama inovasi/ });
    await name.waitFor();

    await journey.context.setOffline(true);
    await name.fill(edited);
    await journey.page.getByRole('button', { name: 'Simpan', exact: true }).click();
    const keptOffline = journey.page
      .getByTestId('profile-save-state')
      .filter({ hasText: 'Tidak ada koneksi: perubahan disimpan di perangkat ini' });
    await keptOffline.waitFor();
    await expect.poll(queuedKeys).toEqual([expect.stringMatching(/\|profile$/)]);

    // A reload without a connection: the edit is still there, and still said to be waiting.
    await journey.page.reload();
    await name.waitFor({ timeout: 30_000 });
    expect(await name.inputValue()).toBe(edited);
    await keptOffline.waitFor();
    expect((await read()).profile.name).not.toBe(edited);

    // The operator moves on in the app, still offline; the connection returns there.
    await journey.page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await journey.page.getByRole('link', { name: 'Tugas Saya' }).click();
    await journey.page.waitForURL(/\/tugas$/);
    await journey.context.setOffline(false);
    await expect
      .poll(async () => (await read()).profile.name, { ...SERVER_POLL, timeout: 30_000 })
      .toBe(edited);
    await expect.poll(queuedKeys).toEqual([]);
    expect(new URL(journey.page.url()).pathname).toBe('/tugas');
  });

  it('never overwrites a change made meanwhile with a profile saved offline: the innovation shows the refusal (#20)', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const admin = await DemoApi.signIn(journey.product.url, 'admin.3522@demo.local');
    const created = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Profil Bentrok ${Date.now()}`,
    });
    const theirs = `Nama Dari Admin ${Date.now()}`;
    const read = () => operator.call<Stored>('GET', `/innovations/${created.id}`);
    await journey.page.goto(`/inovasi/${created.id}/profil`);
    const name = journey.page.getByRole('textbox', { name: /^Nama inovasi/ });
    await name.waitFor();

    await journey.context.setOffline(true);
    await name.fill('Nama Dari Operator Luring');
    await journey.page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await journey.page
      .getByTestId('profile-save-state')
      .filter({ hasText: 'Tidak ada koneksi: perubahan disimpan di perangkat ini' })
      .waitFor();
    await admin.call('PATCH', `/innovations/${created.id}`, { profile: { name: theirs } }, created.version);
    await journey.page.getByRole('link', { name: 'Kembali' }).click();
    await journey.page.waitForURL(new RegExp(`/inovasi/${created.id}$`));

    await journey.context.setOffline(false);
    const refused = journey.page.getByTestId('queued-profile').filter({ hasText: 'server menolaknya' });
    await refused.waitFor({ timeout: 30_000 });
    expect((await read()).profile.name).toBe(theirs);
    await refused.getByRole('link', { name: 'Buka profil' }).click();
    await journey.page.getByTestId('conflict').waitFor();
    await journey.page.getByRole('button', { name: 'Muat versi terbaru' }).click();
    await journey.page.getByTestId('save-notice').waitFor();
    expect(await name.inputValue()).toBe('Nama Dari Operator Luring');
    expect((await read()).profile.name).toBe(theirs);
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
    await expect.poll(async () => (await read()).answers['sid.16']?.level, SERVER_POLL).toBe(2);
    expect(journey.pageErrors).toEqual([]);
  });

  it('sends a queued answer from another page of the app when the connection returns (#20)', async () => {
    const { read, regulation } = await openNewInnovation(journey, 'Antrean Aplikasi');
    const perkada = /Peraturan Kepala Daerah \(Perkada\)/;

    await journey.context.setOffline(true);
    await regulation.getByRole('radio', { name: perkada }).click();
    await regulation.getByTestId('answer-save-state').filter({ hasText: KEPT_OFFLINE }).waitFor();
    // The operator moves on in the app, still offline: the innovation's page is gone.
    await journey.page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await journey.page.getByRole('link', { name: 'Tugas Saya' }).click();
    await journey.page.waitForURL(/\/tugas$/);
    await regulation.waitFor({ state: 'detached' });

    await journey.context.setOffline(false);
    await expect
      .poll(async () => (await read()).answers['sid.16']?.level, { ...SERVER_POLL, timeout: 30_000 })
      .toBe(2);
    expect(new URL(journey.page.url()).pathname).toBe('/tugas');
  });

  it('registers Background Sync for a queued answer; the service worker wakes the open tab, which sends it (#20)', async () => {
    const { created, read, regulation } = await openNewInnovation(journey, 'Sinkron Latar');
    const perkada = /Peraturan Kepala Daerah \(Perkada\)/;
    // Counts the worker's wake-up messages in the page (the file is typed without the DOM).
    await journey.page.evaluate(`(async () => {
      window.syncWakes = 0;
      await navigator.serviceWorker.ready;
      navigator.serviceWorker.addEventListener('message', (event) => {
        if (event.data && event.data.type === 'inovasi-queued-changes') window.syncWakes += 1;
      });
    })()`);
    // A connection that fails while the browser believes it is online: the save is dropped on the way.
    const answers = `**/innovations/${created.id}/answers/**`;
    await journey.page.route(answers, (route) => route.abort('internetdisconnected'));
    await regulation.getByRole('radio', { name: perkada }).click();
    await regulation.getByTestId('answer-save-state').filter({ hasText: KEPT_OFFLINE }).waitFor();
    // The browser is online, so it fires the sync at once: the worker asks the tab to send.
    await expect
      .poll(() => journey.page.evaluate('window.syncWakes'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await journey.page.unroute(answers);
    await expect
      .poll(async () => (await read()).answers['sid.16']?.level, { ...SERVER_POLL, timeout: 40_000 })
      .toBe(2);
  });

  it('reloads offline with the innovation read from the device, marked as such; the copy goes at sign-out (#20)', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const name = `Salinan Luring ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', { name });
    const read = () => operator.call<Stored>('GET', `/innovations/${created.id}`);
    await journey.page.goto(`/inovasi/${created.id}`);
    await journey.page.getByRole('heading', { level: 1, name }).waitFor();
    const perkada = /Peraturan Kepala Daerah \(Perkada\)/;
    await journey.page.getByTestId('indicator-sid.16').getByRole('radio', { name: perkada }).waitFor();
    expect(await journey.page.getByTestId('offline-copy-notice').count()).toBe(0);

    await journey.context.setOffline(true);
    await journey.page.getByTestId('indicator-sid.16').getByRole('radio', { name: perkada }).click();
    await journey.page
      .getByTestId('indicator-sid.16')
      .getByTestId('answer-save-state')
      .filter({ hasText: KEPT_OFFLINE })
      .waitFor();
    await journey.page.reload();

    // The innovation, from the copy on the device, said to be one; the queued answer on top of it.
    await journey.page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
    await journey.page
      .getByTestId('offline-copy-notice')
      .getByText(/^Luring — data per .+, dari salinan di perangkat ini\./)
      .waitFor();
    const card = journey.page.getByTestId('indicator-sid.16');
    await card.getByTestId('answer-save-state').filter({ hasText: KEPT_OFFLINE }).waitFor();
    expect(await card.getByRole('radio', { name: perkada }).isChecked()).toBe(true);
    await saveScreenshot(journey.page, 'offline-reload-copy');

    await journey.context.setOffline(false);
    await expect
      .poll(async () => (await read()).answers['sid.16']?.level, { ...SERVER_POLL, timeout: 30_000 })
      .toBe(2);
    await journey.page.getByTestId('offline-copy-notice').waitFor({ state: 'detached' });

    // Only the person's own copy, and it goes at sign-out.
    const kept = await storedKeys(journey.page, 'inovasi-offline', 'responses');
    expect(kept.some((key) => key.endsWith(`/tenants/35.22/innovations/${created.id}`))).toBe(true);
    expect(
      kept.every((key) => key === '#owner' || !key.includes('/tenants/') || key.includes('/tenants/35.22/')),
    ).toBe(true);
    await journey.page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await journey.page.getByRole('button', { name: 'Keluar' }).click();
    await journey.page.waitForURL(/\/masuk/);
    await expect.poll(() => storedKeys(journey.page, 'inovasi-offline', 'responses')).toEqual([]);
  });

  it('deletes the copy of the previous person when someone else signs in on the same browser (#20)', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const name = `Komputer Bersama ${Date.now()}`;
    const created = await operator.createInnovation(operator.user.opdId ?? '', { name });
    await signInAs(journey.page, 'opd1.3522@demo.local');
    await journey.page.goto(`/inovasi/${created.id}`);
    await journey.page.getByRole('heading', { level: 1, name }).waitFor();
    const mine = (keys: string[]) => keys.filter((key) => key.includes(`/innovations/${created.id}`));
    await expect
      .poll(async () => mine(await storedKeys(journey.page, 'inovasi-offline', 'responses')).length)
      .toBeGreaterThan(0);

    // The tab closes without signing out; a colleague signs in on the same browser. The provider's
    // own session (its cookie) would sign the first person in again; the colleague's is their own.
    await journey.page.close();
    await journey.context.clearCookies();
    await journey.reopen();
    await signInAs(journey.page, 'verifikator.3522@demo.local');
    expect(
      await journey.page.evaluate(
        'JSON.parse(atob(sessionStorage.getItem("inovasi.token").split(".")[1])).sub',
      ),
    ).toBe('verifikator.3522@demo.local');
    await expect
      .poll(async () => mine(await storedKeys(journey.page, 'inovasi-offline', 'responses')))
      .toEqual([]);
    // The colleague's own copy starts with its owner marker, written with their first kept answer.
    await expect.poll(() => storedKeys(journey.page, 'inovasi-offline', 'responses')).toContain('#owner');
  });
});
