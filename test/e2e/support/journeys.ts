import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './paths.ts';

/** Back in the app after the OpenID provider's round trip (authorization, code, callback). */
async function backInTheApp(page: Page): Promise<void> {
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk') && !url.pathname.startsWith('/oidc'));
}

/** Signs in through the demo directory of the sign-in page, the way a person would in demo mode. */
export async function signInAs(page: Page, email: string): Promise<void> {
  // The app may send the visitor on to the sign-in page before '/' has finished loading (a fresh
  // browser, or one whose stored session was just cleared), and with '/' answered by the service
  // worker even before Playwright saw it committed: only the arrival at /masuk counts.
  await page.goto('/', { waitUntil: 'commit' }).catch((error: unknown) => {
    if (!(error instanceof Error && error.message.includes('interrupted by another navigation'))) throw error;
  });
  await page.waitForURL(/\/masuk/);
  await page.locator(`button[data-email="${email}"]`).click();
  await backInTheApp(page);
}

/** Signs in by typing the email, for demo users the list does not show (the platform admin). */
export async function signInWithEmail(page: Page, email: string): Promise<void> {
  await page.goto('/masuk');
  // The page arrives prerendered: typing before the app has adopted it would be lost.
  await page.waitForLoadState('networkidle');
  await page.getByRole('textbox', { name: 'Email pengguna demo' }).fill(email);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await backInTheApp(page);
}

/** Signs in with a password on the provider's own page, as a real account does. */
export async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByRole('button', { name: 'Masuk dengan email dan kata sandi' }).click();
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

export async function saveScreenshot(page: Page, journey: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${journey}.png`);
  // From the top, so the fixed header is not painted over the middle of a full-page capture.
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
  );
  await page.screenshot({ path, fullPage: true });
  return path;
}
