import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  plugins: [scrollAreaWithoutFloatingUi(), react()],
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
