import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoApi } from './support/api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { collectPageErrors, DESKTOP, launchChromium, newContext, PHONE } from './support/browser.ts';
import { saveScreenshot, signInAs, signInWithPassword } from './support/journeys.ts';
import { type RunningProduct, startProduct } from './support/product.ts';

/** Short enough that the test sees a role change take effect without waiting a minute. */
const MEMBER_CACHE_MS = 1_000;
const PASSWORD = 'Bojonegoro-2026!';

/** The invitation e-mail as the outbox wrote it (the scheduled dispatcher runs every 15 s). */
async function invitationLink(outboxFile: string, to: string, after = 0): Promise<string> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (existsSync(outboxFile)) {
      const links = readFileSync(outboxFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { to: string; text: string })
        .filter((message) => message.to === to)
        .map((message) => /https?:\/\/\S+\/oidc\/undangan\/\S+/.exec(message.text)?.[0])
        .filter((link): link is string => Boolean(link));
      if (links.length > after) return links[links.length - 1] as string;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no invitation for ${to} in ${outboxFile}`);
}

interface Member {
  id: string;
  email: string;
  roles: string[];
  status?: string;
  version: number;
}

async function memberByEmail(api: DemoApi, email: string): Promise<Member> {
  const { items } = await api.call<{ items: Member[] }>('GET', '/members');
  const member = items.find((item) => item.email === email);
  if (!member) throw new Error(`${email} is not a member`);
  return member;
}

async function acceptInvitation(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('heading', { name: 'Buat kata sandi' }).waitFor();
  await page.getByLabel('Kata sandi baru').fill(password);
  await page.getByLabel('Ulangi kata sandi').fill(password);
  await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await page.getByRole('heading', { name: 'Kata sandi tersimpan' }).waitFor();
}

/**
 * A real person's way in: the Bappeda admin invites them, the link comes through the outbox, they
 * set a password and sign in through the OpenID Connect flow; then the admin changes their role,
 * disables them, and a stranger guesses a password too often.
 */
describe('real accounts: invitation, password sign-in, revocation and lockout', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let admin: DemoApi;
  const verifierEmail = 'rina.verifikator@bojonegoro.example';

  beforeAll(async () => {
    [product, browser] = await Promise.all([
      startProduct({ memberCacheMs: MEMBER_CACHE_MS }),
      launchChromium(),
    ]);
    admin = await DemoApi.signIn(product.url, 'admin.3522@demo.local');
    context = await newContext(browser, product.url, PHONE);
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  it('invites a verifier who sets a password and signs in with it', async () => {
    // Prepare: the admin invites through the API the screen uses.
    const invited = await admin.call<Member>('POST', '/members', {
      email: verifierEmail,
      name: 'Rina Verifikator',
      roles: ['verifier'],
    });
    expect(invited.status).toBe('invited');
    const link = await invitationLink(product.outboxFile, verifierEmail);

    // Act: a password that is too short is refused with the rule, then a good one is saved.
    await page.goto(link);
    await page.getByLabel('Kata sandi baru').fill('pendek');
    await page.getByLabel('Ulangi kata sandi').fill('pendek');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('alert').getByText('Kata sandi minimal 10 karakter.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await acceptInvitation(page, link, PASSWORD);
    await saveScreenshot(page, 'identity-password-set');

    // The link is single-use.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Tautan undangan tidak berlaku' }).waitFor();

    // Sign in through the provider's page: the verifier lands on their own home, the review queue.
    await signInWithPassword(page, verifierEmail, PASSWORD);
    await page.waitForURL(/\/verifikasi$/);
    await page.getByRole('heading', { level: 1, name: 'Antrean Verifikasi' }).waitFor();
    expect((await memberByEmail(admin, verifierEmail)).status).toBe('active');
    await saveScreenshot(page, 'identity-verifier-home');
  });

  it('signs out at the provider and back to the sign-in page', async () => {
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await page.getByRole('button', { name: 'Keluar' }).last().click();
    await page.waitForURL(/\/masuk$/);
    await page.getByRole('button', { name: 'Masuk dengan email dan kata sandi' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('inovasi.token'))).toBeNull();
    // The provider's session ended too: signing in asks for the password again.
    await page.getByRole('button', { name: 'Masuk dengan email dan kata sandi' }).click();
    await page.waitForURL(/\/oidc\/interaction\//);
    await page.getByLabel('Kata sandi').waitFor();
  });

  it('refuses a demoted verifier’s next review once the cache bound has passed', async () => {
    await signInWithPassword(page, verifierEmail, PASSWORD);
    await page.waitForURL(/\/verifikasi$/);
    const token = await page.evaluate(() => sessionStorage.getItem('inovasi.token'));
    expect(token).toBeTruthy();
    const asVerifier = (path: string, init: RequestInit = {}) =>
      fetch(`${product.url}/api/v1/tenants/35.22${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
      });
    // Before: listing the members is a verifier's right.
    expect((await asVerifier('/members')).status).toBe(200);
    const member = await memberByEmail(admin, verifierEmail);
    const opds = await admin.call<{ items: { id: string }[] }>('GET', '/opds');
    const demoted = await admin.call<Member>(
      'PATCH',
      `/members/${member.id}`,
      { roles: ['opd_operator'], opdId: opds.items[0]?.id },
      member.version,
    );
    expect(demoted.roles).toEqual(['opd_operator']);
    await new Promise((resolve) => setTimeout(resolve, MEMBER_CACHE_MS + 500));

    // The same token, still valid as a token, no longer carries the verifier's power.
    const listing = await asVerifier('/members');
    expect(listing.status).toBe(403);
    expect(((await listing.json()) as { error: { code: string } }).error.code).toBe('forbidden_role');
    const innovations = await admin.call<{ items: { id: string; version: number }[] }>('GET', '/innovations');
    const target = innovations.items[0];
    if (!target) throw new Error('the demo region has no innovation');
    const review = await asVerifier(`/innovations/${target.id}/answers/sid.17/review`, {
      method: 'POST',
      headers: { 'if-match': `"${target.version}"` },
      body: JSON.stringify({ status: 'accepted' }),
    });
    expect(review.status).toBe(403);
    expect(((await review.json()) as { error: { code: string } }).error.code).toBe('forbidden_role');
    // And the app follows the record: the verifier's queue is no longer theirs.
    await page.reload();
    await page.getByText('Anda tidak memiliki akses ke halaman ini.').waitFor();

    // Disabled: the next request is refused with the reason, and the app says it.
    const disabled = await admin.call<Member>(
      'POST',
      `/members/${member.id}/disable`,
      undefined,
      demoted.version,
    );
    expect(disabled.status).toBe('disabled');
    await new Promise((resolve) => setTimeout(resolve, MEMBER_CACHE_MS + 500));
    const refused = await fetch(`${product.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('account_disabled');
    await page.goto('/inovasi');
    await page.waitForURL(/\/masuk/);
    await page.getByText(/Akun Anda dinonaktifkan oleh admin daerah/).waitFor();
    // The provider refuses the password too.
    await signInWithPassword(page, verifierEmail, PASSWORD);
    await page
      .getByRole('alert')
      .getByText(/Akun Anda dinonaktifkan/)
      .waitFor();
    await saveScreenshot(page, 'identity-disabled');
  });

  it('locks an account after five wrong passwords, with a clear message', async () => {
    const email = 'budi.operator@bojonegoro.example';
    const opds = await admin.call<{ items: { id: string }[] }>('GET', '/opds');
    const invited = await admin.call<Member>('POST', '/members', {
      email,
      name: 'Budi Operator',
      roles: ['opd_operator'],
      opdId: opds.items[0]?.id,
    });
    expect(invited.status).toBe('invited');
    const stranger = await newContext(browser, product.url, DESKTOP);
    const strangerPage = await stranger.newPage();
    await acceptInvitation(strangerPage, await invitationLink(product.outboxFile, email), PASSWORD);

    await strangerPage.goto('/masuk');
    await strangerPage.getByRole('button', { name: 'Masuk dengan email dan kata sandi' }).click();
    await strangerPage.waitForURL(/\/oidc\/interaction\//);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await strangerPage.getByLabel('Email').fill(email);
      await strangerPage.getByLabel('Kata sandi').fill(`salah-tebak-${attempt}`);
      await strangerPage.getByRole('button', { name: 'Masuk', exact: true }).click();
      await strangerPage.getByRole('alert').waitFor();
    }
    await strangerPage
      .getByRole('alert')
      .getByText(/Akun dikunci sementara/)
      .waitFor();
    // Even the right password waits out the lock.
    await strangerPage.getByLabel('Email').fill(email);
    await strangerPage.getByLabel('Kata sandi').fill(PASSWORD);
    await strangerPage.getByRole('button', { name: 'Masuk', exact: true }).click();
    await strangerPage
      .getByRole('alert')
      .getByText(/Akun dikunci sementara/)
      .waitFor();
    expect(strangerPage.url()).toMatch(/\/oidc\/interaction\//);
    await saveScreenshot(strangerPage, 'identity-locked');
    await stranger.close();
    expect(pageErrors).toEqual([]);
  });
});

/**
 * A region running the embedded default for real (`INOVASI_DEMO=0`): no demo data, no
 * passwordless way in, and the first platform administrator invited on the first start.
 */
describe('the embedded default without demo mode', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [product, browser] = await Promise.all([
      startProduct({ demo: false, firstAdminEmail: 'admin.platform@pemda.example' }),
      launchChromium(),
    ]);
    context = await newContext(browser, product.url, DESKTOP);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  it('offers no demo directory and no passwordless sign-in', async () => {
    const login = await fetch(`${product.url}/api/v1/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin.3522@demo.local' }),
    });
    expect(login.status).toBe(404);
    const settings = (await (await fetch(`${product.url}/api/v1/auth/config`)).json()) as { demo: boolean };
    expect(settings.demo).toBe(false);
    const page = await context.newPage();
    await page.goto('/masuk');
    await page.getByRole('button', { name: 'Masuk dengan email dan kata sandi' }).waitFor();
    expect(await page.getByText('Pengguna demo').count()).toBe(0);
    // The provider's own page asks for the password.
    await page.getByRole('button', { name: 'Masuk dengan email dan kata sandi' }).click();
    await page.waitForURL(/\/oidc\/interaction\//);
    await page.getByLabel('Kata sandi').waitFor();
  });

  it('lets the first platform administrator set a password and onboard regions', async () => {
    const link = product.firstAdminInvitation;
    if (!link) throw new Error('no first administrator invitation');
    const page = await context.newPage();
    await acceptInvitation(page, link, PASSWORD);
    await signInWithPassword(page, 'admin.platform@pemda.example', PASSWORD);
    await page.waitForURL(/\/platform\/pemda$/);
    await page.getByRole('heading', { level: 1, name: 'Pemda Terdaftar' }).waitFor();
  });
});

/**
 * Renewal: the web app renews the ID token with the refresh token shortly before it expires (the
 * library starts a minute ahead), so a person working through a long session is never thrown out.
 */
describe('silent renewal', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    // Tokens that live 70 s: the renewal falls due about 10 s after signing in.
    [product, browser] = await Promise.all([startProduct({ tokenTtlSeconds: 70 }), launchChromium()]);
    context = await newContext(browser, product.url, DESKTOP);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
  });

  it('replaces the ID token before it expires and keeps working', { timeout: 90_000 }, async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAs(page, 'opd1.3522@demo.local');
    const first = await page.evaluate(() => sessionStorage.getItem('inovasi.token'));
    expect(first).toBeTruthy();
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('inovasi.token')), {
        timeout: 40_000,
        interval: 1_000,
      })
      .not.toBe(first);
    const renewed = await page.evaluate(() => sessionStorage.getItem('inovasi.token'));
    const me = await fetch(`${product.url}/api/v1/me`, { headers: { authorization: `Bearer ${renewed}` } });
    expect(me.status).toBe(200);
    await page.getByRole('navigation').getByRole('link', { name: 'Tugas Saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tugas Saya' }).waitFor();
    expect(page.url()).not.toMatch(/\/masuk/);
    expect(errors).toEqual([]);
  });

  // A reload (or a new visit with the tab's session) loads the renewal client only once the screen's
  // own code has arrived (docs/decisions/0051), and the session is renewed all the same.
  it('after a reload, loads the renewal client behind the screen and still renews', {
    timeout: 90_000,
  }, async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAs(page, 'opd1.3522@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Tugas Saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tugas Saya' }).waitFor();
    const order: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/oidc-client-ts-[^/]+\.js$/.test(request.url())) order.push('renewal client requested');
    });
    page.on('requestfinished', (request) => {
      if (/\/assets\/InnovationQueuePage-[^/]+\.js$/.test(request.url())) order.push('screen loaded');
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tugas Saya' }).waitFor();
    const first = await page.evaluate(() => sessionStorage.getItem('inovasi.token'));
    await expect.poll(() => order, { timeout: 20_000 }).toContain('renewal client requested');
    expect(order).toEqual(['screen loaded', 'renewal client requested']);
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('inovasi.token')), {
        timeout: 40_000,
        interval: 1_000,
      })
      .not.toBe(first);
    expect(page.url()).not.toMatch(/\/masuk/);
    expect(errors).toEqual([]);
  });
});
