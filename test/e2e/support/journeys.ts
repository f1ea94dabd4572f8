import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './paths.ts';

/** Signs in through the demo sign-in page, the way a person would. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL(/\/masuk/);
  await page.locator(`button[data-email="${email}"]`).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
}

/** Signs in by typing the email, for demo users the list does not show (the platform admin). */
export async function signInWithEmail(page: Page, email: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByRole('textbox', { name: 'Email pengguna demo' }).fill(email);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
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
