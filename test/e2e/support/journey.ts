import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { collectPageErrors, DESKTOP, launchChromium, newContext } from './browser.ts';
import { signInAs } from './journeys.ts';
import { type ProductOptions, type RunningProduct, startProduct } from './product.ts';

export interface Journey {
  readonly product: RunningProduct;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and failed page scripts so far; a journey ends by expecting none. */
  readonly pageErrors: string[];
  /** A fresh tab in the same context, after a test closed the page; its errors are collected anew. */
  reopen(): Promise<Page>;
}

export interface JourneyOptions {
  readonly viewport?: { width: number; height: number };
  readonly product?: ProductOptions;
  /** A demo user to sign in as before the first step. */
  readonly signInAs?: string;
}

/**
 * One browser journey through the real local product: starts the product and Chromium side by side
 * before the file's first test, opens one page (console errors collected), optionally signs in, and
 * stops everything after the last test. The fields are set once `beforeAll` has run.
 */
export function useJourney(options: JourneyOptions = {}): Journey {
  const journey = {
    async reopen() {
      journey.page = await journey.context.newPage();
      journey.pageErrors = collectPageErrors(journey.page);
      return journey.page;
    },
  } as { -readonly [K in keyof Journey]: Journey[K] };
  beforeAll(async () => {
    [journey.product, journey.browser] = await Promise.all([startProduct(options.product), launchChromium()]);
    journey.context = await newContext(journey.browser, journey.product.url, options.viewport ?? DESKTOP);
    journey.page = await journey.context.newPage();
    journey.pageErrors = collectPageErrors(journey.page);
    if (options.signInAs) await signInAs(journey.page, options.signInAs);
  });
  afterAll(async () => {
    await journey.context?.close();
    await journey.browser?.close();
    await journey.product?.stop();
  });
  return journey;
}
