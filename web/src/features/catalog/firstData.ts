declare global {
  interface Window {
    /** Answers public/prerendered.js started before the app loaded, by API path (without /api/v1). */
    inovasiFirstData?: Record<string, Promise<unknown> | undefined>;
  }
}

/**
 * The answer public/prerendered.js already asked for, once: undefined when it did not ask, or when
 * its request failed (the app then asks itself, and shows the error its own way).
 */
export async function takeFirstData<T>(apiPath: string): Promise<T | undefined> {
  const started = window.inovasiFirstData?.[apiPath];
  if (!started) return undefined;
  delete window.inovasiFirstData?.[apiPath];
  return (await started) as T | undefined;
}
