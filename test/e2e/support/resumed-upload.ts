import type { CDPSession, Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { Journey } from './journey.ts';

const isPartPut = (method: string, url: string) => method === 'PUT' && url.includes('uploadId=');

/** Part PUTs to the store: every attempt per part number, and when the store answered 200 to each. */
export function watchParts(journey: Journey) {
  const attempts = new Map<number, number>();
  const storedAt = new Map<number, number>();
  const partOf = (url: string) => Number(new URL(url).searchParams.get('partNumber') ?? 0);
  journey.page.on('request', (request) => {
    if (!isPartPut(request.method(), request.url())) return;
    const part = partOf(request.url());
    attempts.set(part, (attempts.get(part) ?? 0) + 1);
  });
  journey.page.on('requestfinished', async (request) => {
    if (!isPartPut(request.method(), request.url())) return;
    const finishedAt = Date.now();
    if ((await request.response())?.status() === 200) storedAt.set(partOf(request.url()), finishedAt);
  });
  const storedBefore = (moment: number) =>
    [...storedAt].filter(([, at]) => at <= moment).map(([part]) => part);
  return { attempts, storedAt, storedBefore };
}

/** Where the evidence library starts a multipart upload; a contest entry's file: `/files/multipart`. */
export const LIBRARY_UPLOAD_START = '/evidence/uploads/multipart';

/** Multipart uploads the page starts (each is one POST to a path ending in `startPath`). */
export function watchUploadStarts(journey: Journey, startPath = LIBRARY_UPLOAD_START): string[] {
  const starts: string[] = [];
  journey.page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(startPath)) starts.push(request.url());
  });
  return starts;
}

/** Network conditions with no limits: the connection is back to normal. */
export const UNTHROTTLED = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

/**
 * Starts the upload of the chosen file on a 3 MiB/s uplink and lets the store keep its first part,
 * then reloads the tab mid-upload (a phone dropping the page: the parts in flight are lost) and
 * lifts the throttle. `beforeReload` runs between the first stored part and the reload. Returns
 * what a resumed upload is then checked against.
 */
export async function reloadMidUpload(
  journey: Journey,
  panel: Locator,
  beforeReload: () => Promise<void>,
  startPath = LIBRARY_UPLOAD_START,
) {
  const starts = watchUploadStarts(journey, startPath);
  const parts = watchParts(journey);
  const cdp: CDPSession = await journey.context.newCDPSession(journey.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 3 * 1024 * 1024,
  });
  const firstStored = journey.page.waitForEvent('requestfinished', {
    predicate: (request) => isPartPut(request.method(), request.url()),
    timeout: 60_000,
  });
  await panel.getByRole('button', { name: 'Unggah', exact: true }).click();
  await firstStored;
  await beforeReload();
  await journey.page.reload();
  const reloadedAt = Date.now();
  await cdp.send('Network.emulateNetworkConditions', UNTHROTTLED);
  const storedBefore = parts.storedBefore(reloadedAt);
  // The reload came mid-upload: some parts were stored, some were still to be.
  expect(storedBefore.length).toBeGreaterThan(0);
  expect(storedBefore.length).toBeLessThan(4);
  return { starts, parts, cdp, reloadedAt, storedBefore };
}

/**
 * After the resumed upload passed intake: it was one multipart upload, no part the store had
 * before the reload was sent again, and every part sent after it was one the store did not have.
 * A part in flight at the reload may still reach the store although its answer never reaches the
 * page; the resumed upload lists it and does not send it again.
 */
export function expectOnlyMissingPartsSent(resumed: Awaited<ReturnType<typeof reloadMidUpload>>) {
  const { starts, parts, reloadedAt, storedBefore } = resumed;
  expect(starts).toHaveLength(1);
  for (const part of storedBefore) expect(parts.attempts.get(part), `part ${part}`).toBe(1);
  const sentAfter = [...parts.storedAt].filter(([, at]) => at > reloadedAt).map(([part]) => part);
  for (const part of sentAfter) expect(storedBefore, `part ${part} sent twice`).not.toContain(part);
}
