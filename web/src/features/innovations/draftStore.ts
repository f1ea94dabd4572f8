import { createStore } from 'idb-keyval';

/**
 * The IndexedDB store of changes kept offline (docs/decisions/0035, 0045): answer queues and the
 * profile edits flagged "send when online", each keyed `userId|code|innovationId[|profile]`, so one
 * person's changes are never sent with another's session and the app-level sender finds them all.
 */
let opened: ReturnType<typeof createStore> | undefined;
export const draftStore = () => {
  opened ??= createStore('inovasi-drafts', 'answers');
  return opened;
};

const listeners = new Set<() => void>();

/** Called whenever a kept change is added, sent or marked, so the pages that show it reload it. */
export function onDraftsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function draftsChanged(): void {
  for (const listener of listeners) listener();
}

/** The tag of the Background Sync registration the service worker answers (public/sw-sync.js). */
export const SYNC_TAG = 'inovasi-queued-changes';

/**
 * Asks the browser to wake the service worker when the connection is back, where Background Sync
 * exists (Chromium). The worker holds no token: it asks the open tabs to send (QueuedChangesSender).
 */
export function requestBackgroundSync(): void {
  const worker = (navigator as { serviceWorker?: ServiceWorkerContainer }).serviceWorker;
  if (!worker) return;
  void worker.ready
    .then((registration) =>
      (
        registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }
      ).sync?.register(SYNC_TAG),
    )
    .catch(() => undefined);
}
