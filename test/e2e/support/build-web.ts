import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIR, WEB_DIST } from './paths.ts';

/**
 * Vitest global setup for the e2e project: the server serves the built SPA, so build it once when
 * `web/dist` is missing. A stale build is not detected; run `pnpm --filter @inovasi/web build` after
 * changing the web app (CI starts from a clean checkout, so it always builds).
 */
export default function buildWebIfMissing(): void {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  console.log('[e2e] web/dist is missing: building the web app…');
  execFileSync('pnpm', ['--filter', '@inovasi/web', 'build'], { cwd: WEB_DIR, stdio: 'inherit' });
}
