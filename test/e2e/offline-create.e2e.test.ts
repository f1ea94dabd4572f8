import { describe, expect, it } from 'vitest';
import { DemoApi, SERVER_POLL } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { storedKeys } from './support/device-stores.ts';
import { useJourney } from './support/journey.ts';
import { saveScreenshot, signInAs } from './support/journeys.ts';

const KEPT_OFFLINE = 'Tidak ada koneksi: jawaban disimpan di perangkat ini dan dikirim saat koneksi kembali.';
const PERKADA = /Peraturan Kepala Daerah \(Perkada\)/;

type Listed = { items: { id: string; profile: { name: string } }[] };
type Stored = {
  id: string;
  version: number;
  profile: { name: string };
  answers: Record<string, { level: number }>;
};

/**
 * A new innovation created in a kecamatan office without a connection (#20, docs/decisions/0049):
 * created, filled and answered offline, kept through a reload, and created on the server exactly
 * once when the connection returns, with its profile and answers under the id the server gave.
 */
describe('an innovation created offline', () => {
  const journey = useJourney({ viewport: PHONE });

  it('is created once with its profile and answers when the connection returns, also after a reload', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const named = (name: string) =>
      operator
        .call<Listed>('GET', '/innovations?limit=100')
        .then((page) => page.items.filter((item) => item.profile.name === name));
    // An innovation page opened online first: its periods, rubric and OPDs are copied on the device.
    const earlier = await operator.createInnovation(operator.user.opdId ?? '', {
      name: `Sebelumnya ${Date.now()}`,
    });
    await signInAs(journey.page, 'opd1.3522@demo.local');
    await journey.page.goto(`/inovasi/${earlier.id}`);
    await journey.page.getByTestId('indicator-sid.16').getByRole('radio', { name: PERKADA }).waitFor();
    await journey.page.goto('/inovasi/baru');
    await journey.page.getByRole('heading', { level: 1, name: 'Inovasi baru' }).waitFor();

    const first = `Posyandu Tanpa Sinyal ${Date.now()}`;
    const renamed = `${first} Keliling`;
    await journey.context.setOffline(true);
    await journey.page.getByLabel('Nama inovasi').fill(first);
    await journey.page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await journey.page.waitForURL(/\/inovasi\/lokal-[\w-]+$/);
    const localPath = new URL(journey.page.url()).pathname;
    const localId = localPath.split('/')[2] ?? '';
    await journey.page
      .getByTestId('local-innovation')
      .filter({ hasText: 'baru tersimpan di perangkat ini' })
      .waitFor();
    expect(await named(first)).toEqual([]);

    // Answers and a profile edit on the innovation the server does not know yet.
    const regulation = journey.page.getByTestId('indicator-sid.16');
    await regulation.getByRole('radio', { name: PERKADA }).click();
    await regulation.getByTestId('answer-save-state').filter({ hasText: KEPT_OFFLINE }).waitFor();
    await journey.page.goto(`${localPath}/profil`);
    const name = journey.page.getByRole('textbox', { name: /^Nama inovasi/ });
    await name.waitFor({ timeout: 30_000 });
    expect(await name.inputValue()).toBe(first);
    await name.fill(renamed);
    await journey.page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await journey.page
      .getByTestId('profile-save-state')
      .filter({ hasText: 'Tidak ada koneksi: perubahan disimpan di perangkat ini' })
      .waitFor();
    const kept = await storedKeys(journey.page, 'inovasi-drafts', 'answers');
    expect(kept.filter((key) => key.includes(localId)).sort()).toEqual([
      expect.stringMatching(new RegExp(`\\|${localId}$`)),
      expect.stringMatching(/\|create$/),
      expect.stringMatching(/\|profile$/),
    ]);

    // A reload without a connection: the innovation, the new name and the answer are all there.
    await journey.page.goto(localPath);
    await journey.page.reload();
    await journey.page.getByRole('heading', { level: 1, name: renamed }).waitFor({ timeout: 30_000 });
    await regulation.getByTestId('answer-save-state').filter({ hasText: KEPT_OFFLINE }).waitFor();
    expect(await regulation.getByRole('radio', { name: PERKADA }).isChecked()).toBe(true);
    await saveScreenshot(journey.page, 'offline-created-innovation');
    expect(await seriousA11yViolations(journey.page)).toEqual([]);

    // The connection returns: created once, renamed, answered; the page moves to the server's id.
    await journey.context.setOffline(false);
    await journey.page.waitForURL(
      (url) => /^\/inovasi\/[\w-]+$/.test(url.pathname) && !url.pathname.includes('lokal-'),
      {
        timeout: 60_000,
      },
    );
    const serverId = new URL(journey.page.url()).pathname.split('/')[2] ?? '';
    const read = () => operator.call<Stored>('GET', `/innovations/${serverId}`);
    await expect
      .poll(async () => (await read()).answers['sid.16']?.level, { ...SERVER_POLL, timeout: 30_000 })
      .toBe(2);
    expect((await read()).profile.name).toBe(renamed);
    expect(await named(first)).toEqual([]);
    expect((await named(renamed)).map((item) => item.id)).toEqual([serverId]);
    const leftovers = async () =>
      (await storedKeys(journey.page, 'inovasi-drafts', 'answers')).filter(
        (key) => (key.includes(localId) && !key.endsWith('|created')) || key.includes(serverId),
      );
    await expect
      .poll(leftovers, { timeout: 30_000 })
      .toEqual([])
      .catch(async (error) => {
        console.info(`kept after sending: ${JSON.stringify(await leftovers())}`);
        throw error;
      });
    // The old local address, opened again, leads to the innovation on the server.
    await journey.page.goto(localPath);
    await journey.page.waitForURL(new RegExp(`/inovasi/${serverId}$`));
    await journey.page.getByRole('heading', { level: 1, name: renamed }).waitFor();
  });

  it('never makes two innovations when the answer to a create is lost on the way', async () => {
    const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
    const named = (name: string) =>
      operator
        .call<Listed>('GET', '/innovations?limit=100')
        .then((page) => page.items.filter((item) => item.profile.name === name));
    const name = `Jawaban Hilang ${Date.now()}`;
    // Online, whatever the journey before left behind.
    await journey.context.setOffline(false);
    await journey.page.goto('/inovasi/baru');
    await journey.page.getByRole('heading', { level: 1, name: 'Inovasi baru' }).waitFor();

    // The request reaches the server and makes the innovation; its answer never reaches the browser.
    let lost = 0;
    const creates = '**/api/v1/tenants/*/innovations';
    await journey.page.route(creates, async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.fallback();
      lost += 1;
      await route.fetch();
      return route.abort('internetdisconnected');
    });
    await journey.page.getByLabel('Nama inovasi').fill(name);
    await journey.page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await journey.page.waitForURL(/\/inovasi\/lokal-[\w-]+$/);
    expect(lost).toBe(1);
    expect(await named(name)).toHaveLength(1);

    // The sender tries again (timer): the server replays the same innovation instead of a second one.
    await journey.page.waitForURL((url) => !url.pathname.includes('lokal-'), { timeout: 60_000 });
    const serverId = new URL(journey.page.url()).pathname.split('/')[2];
    expect((await named(name)).map((item) => item.id)).toEqual([serverId]);
    await journey.page.unroute(creates);
    expect(
      journey.pageErrors.filter((error) => !/internetdisconnected|Failed to fetch/i.test(error)),
    ).toEqual([]);
  });
});
