import '@mantine/core/styles.css';
import './global.css';
import { QueryClient } from '@tanstack/react-query';
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './AppProviders.tsx';
import { ApiError } from './api/errors.ts';
import { captureIslands } from './components/Island.tsx';
import { prefetchPublicData } from './features/catalog/catalogParams.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; a flaky mobile connection often will.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
      // Offline, a query is still tried once: the device's copy of the page's reads answers it
      // (api/offlineCopy.ts, docs/decisions/0045, 0049); only its retries wait for the connection.
      networkMode: 'offlineFirst',
    },
  },
});

// The public catalogue is the usual first visit: its data is asked for now, while its chunk downloads.
prefetchPublicData(queryClient, window.location);

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');

const app = <App queryClient={queryClient} router={(routes) => <BrowserRouter>{routes}</BrowserRouter>} />;
// The public pages arrive prerendered (web/scripts/prerender.mjs): React adopts that markup instead
// of painting again. Either way the first render runs inside a transition, so it is time-sliced and
// a slow phone's main thread is never blocked for long: a plain hydrateRoot hydrates at a blocking
// priority in one task, which Lighthouse counted as Total Blocking Time (docs/decisions/0044).
// On /katalog and /masuk the app may start well after the page (docs/decisions/0053): the parts the
// page's script filled in meanwhile are read just before React adopts the markup.
if (root.firstElementChild)
  void fullStylesheet().then(() => {
    captureIslands();
    startTransition(() => void hydrateRoot(root, app));
  });
else startTransition(() => createRoot(root).render(app));

/**
 * A prerendered page paints with its critical CSS only and loads the rest without blocking
 * (public/prerendered.js). What the app renders after hydration (results, a detail) needs the rest:
 * on a fast CPU and a slow link it would otherwise appear unstyled and then move.
 */
function fullStylesheet(): Promise<void> {
  const link = document.querySelector<HTMLLinkElement>('link[data-prerendered-styles]');
  if (!link) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const apply = () => {
      link.media = 'all';
      resolve();
    };
    if (link.sheet) apply();
    else {
      link.addEventListener('load', apply);
      // Without the stylesheet the app still works: do not wait for ever.
      link.addEventListener('error', () => resolve());
    }
  });
}
