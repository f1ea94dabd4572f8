import { ApiError } from '../../api/errors.ts';
import type { HashMessage } from './sha256.worker.ts';

/**
 * The steps every upload's transfer shares (docs/decisions/0035): waiting for the connection and
 * retrying a step, hashing in a worker, and one part's PUT with its progress.
 */

/** Consecutive failures of one step while the browser says it is online. */
const MAX_ONLINE_ATTEMPTS = 6;

const abortError = () => new DOMException('upload cancelled', 'AbortError');

/** Resolves at once when online, else at the browser's `online` event; rejects when cancelled. */
function online(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError());
  if (navigator.onLine) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      window.removeEventListener('online', onOnline);
      signal.removeEventListener('abort', onAbort);
    };
    const onOnline = () => {
      done();
      resolve();
    };
    const onAbort = () => {
      done();
      reject(abortError());
    };
    window.addEventListener('online', onOnline);
    signal.addEventListener('abort', onAbort);
  });
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError());
      },
      { once: true },
    );
  });

/** Errors worth retrying: the connection, a timeout, or the server or store failing for a moment. */
const transient = (error: unknown) =>
  !(error instanceof DOMException && error.name === 'AbortError') &&
  (!(error instanceof ApiError) || error.status >= 500 || error.status === 408 || error.status === 429);

/**
 * After a failed attempt, rethrows what a retry cannot fix; else the attempts that still count
 * against MAX_ONLINE_ATTEMPTS (none while offline, since waiting for the connection is no failure).
 */
function attemptsCountedAfter(error: unknown, attempt: number, signal: AbortSignal): number {
  if (signal.aborted) throw abortError();
  if (!transient(error)) throw error;
  if (navigator.onLine && attempt >= MAX_ONLINE_ATTEMPTS) throw error;
  return navigator.onLine ? attempt : 0;
}

/**
 * Runs `step` until it succeeds: offline it waits for the connection without counting attempts;
 * online it retries with backoff, up to MAX_ONLINE_ATTEMPTS. `onRetry` lets the page say so.
 */
export async function persist<T>(
  step: () => Promise<T>,
  signal: AbortSignal,
  onRetry: (attempt: number) => void,
) {
  for (let attempt = 1; ; attempt++) {
    // Started or resumed without a connection: the page says the upload waits, not that it asks.
    if (!navigator.onLine) onRetry(attempt);
    await online(signal);
    try {
      return await step();
    } catch (error) {
      attempt = attemptsCountedAfter(error, attempt, signal);
      onRetry(attempt + 1);
      await pause(Math.min(10_000, 500 * 2 ** attempt), signal);
    }
  }
}

/** The file's SHA-256 from the worker, streaming; `onHashed` reports bytes done. */
export function hashInWorker(
  file: File,
  onHashed: (bytes: number) => void,
  signal: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./sha256.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => worker.terminate();
    signal.addEventListener(
      'abort',
      () => {
        stop();
        reject(abortError());
      },
      { once: true },
    );
    worker.onmessage = (event: MessageEvent<HashMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onHashed(message.hashed);
      else {
        stop();
        if (message.type === 'done') resolve(message.sha256);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      stop();
      reject(new Error(event.message));
    };
    worker.postMessage({ file });
  });
}

/** One part's PUT with upload progress (fetch reports none). Rejects on a network failure or non-2xx. */
export function putPart(url: string, body: Blob, onLoaded: (bytes: number) => void, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (event) => onLoaded(event.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new ApiError(xhr.status === 403 ? 500 : xhr.status, undefined));
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.ontimeout = () => reject(new TypeError('timeout'));
    xhr.onabort = () => reject(abortError());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
