import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The local API server (pnpm start) listens here; in production the SPA is served from the same origin.
const LOCAL_API = 'http://127.0.0.1:8787';

/**
 * Mantine's ScrollArea (inside every Table) takes only `useMergeRefs` from @floating-ui/react; give it
 * an equivalent built on @mantine/hooks so tables do not download floating-ui (src/vendor/
 * scrollAreaMergeRefs.ts, docs/decisions/0033). Should ScrollArea import anything else from it, the
 * build fails on the missing export instead of shipping something different.
 */
function scrollAreaWithoutFloatingUi(): Plugin {
  const replacement = fileURLToPath(new URL('./src/vendor/scrollAreaMergeRefs.ts', import.meta.url));
  return {
    name: 'scroll-area-without-floating-ui',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@floating-ui/react' && importer?.includes('/@mantine/core/esm/components/ScrollArea/'))
        return replacement;
      return null;
    },
  };
}

/**
 * Mantine's AppShell takes one class name from react-remove-scroll; give it that name (src/vendor/
 * appShellRemoveScroll.ts, docs/decisions/0051) so the signed-in layout does not download the library.
 */
function appShellWithoutRemoveScroll(): Plugin {
  const replacement = fileURLToPath(new URL('./src/vendor/appShellRemoveScroll.ts', import.meta.url));
  return {
    name: 'app-shell-without-remove-scroll',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'react-remove-scroll' && importer?.includes('/@mantine/core/esm/components/AppShell/'))
        return replacement;
      return null;
    },
  };
}

export default defineConfig({
  plugins: [
    scrollAreaWithoutFloatingUi(),
    appShellWithoutRemoveScroll(),
    react(),
    // The app shell survives a failing connection (docs/decisions/0035): a service worker precaches
    // the entry (HTML, entry chunk, styles), keeps every other chunk once it was used, and answers a
    // navigation it cannot fetch with the cached shell. Pages stay network-first: the worker never
    // serves an old page while the server answers, and never touches /api.
    VitePWA({
      injectRegister: 'script-defer',
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        // The hashing worker (6 KB) too: an upload started offline hashes its file before it waits
        // for the connection (ADR 0045).
        globPatterns: ['index.html', 'assets/index-*.{js,css}', 'assets/*.css', 'assets/sha256.worker-*.js'],
        navigateFallback: null,
        // Background Sync wakes the open tabs to send queued answers (public/sw-sync.js, ADR 0045).
        importScripts: ['sw-sync.js'],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: ({ request, url }) =>
              request.mode === 'navigate' && !url.pathname.startsWith('/api/'),
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: 'index.html' } },
          },
          {
            // Hashed file names: a chunk never changes, so the cached copy is the right one.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'app-chunks',
              expiration: { maxEntries: 300, maxAgeSeconds: 60 * 24 * 60 * 60 },
            },
          },
        ],
      },
    }),
  ],
  server: {
    port: 5173,
    proxy: { '/api': { target: LOCAL_API, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    // Users are on slow connections: report every chunk over 200 kB (raw) so growth is noticed.
    chunkSizeWarningLimit: 200,
  },
});
