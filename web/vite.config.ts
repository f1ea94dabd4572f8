import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The local API server (pnpm start) listens here; in production the SPA is served from the same origin.
const LOCAL_API = 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
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
