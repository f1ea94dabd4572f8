/*
 * Background Sync for changes kept offline (docs/decisions/0045, 0049), imported by the generated
 * service worker (vite.config.ts, workbox.importScripts). The worker holds no token and reads no
 * queue: the signed-in tab has the current session, so the worker only tells the open tabs to send
 * now. With no tab open there is no session (the token lives in the tab's sessionStorage, by design,
 * ADR 0049 says why it stays there): the changes wait in IndexedDB for the next sign-in, which sends
 * them, and meanwhile the installed app's icon carries a badge (Badging API, where the browser has
 * it) so the person knows something is waiting. The tab clears it once everything is sent.
 */
const SYNC_TAG = 'inovasi-queued-changes';

self.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (clients) => {
      for (const client of clients) client.postMessage({ type: SYNC_TAG });
      if (clients.length === 0 && typeof self.navigator.setAppBadge === 'function')
        await self.navigator.setAppBadge().catch(() => undefined);
    }),
  );
});
