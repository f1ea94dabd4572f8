/*
 * Background Sync for answers kept offline (docs/decisions/0045), imported by the generated service
 * worker (vite.config.ts, workbox.importScripts). The worker holds no token and reads no queue: the
 * signed-in tab has the current session, so the worker only tells the open tabs to send now. With no
 * tab open there is no session (the token lives in the tab's sessionStorage): the queue waits in
 * IndexedDB for the next sign-in, which sends it.
 */
const SYNC_TAG = 'inovasi-queued-changes';

self.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
      for (const client of clients) client.postMessage({ type: SYNC_TAG });
    }),
  );
});
