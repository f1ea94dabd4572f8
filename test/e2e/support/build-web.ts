import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIR, WEB_DIST } from './paths.ts';

/** Newest modification time of the files the SPA is built from. */
function newestSource(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, entry)));
  return newest;
}

/**
 * Vitest global setup for the e2e project: the server serves the built SPA, so build it when
 * `web/dist` is missing or older than any of its sources — a stale build once hid a broken screen
 * behind a green local run.
 */
export default function buildWebWhenStale(): void {
  const builtIndex = join(WEB_DIST, 'index.html');
  const sources = ['src', 'public', 'scripts', 'index.html', 'vite.config.ts', 'package.json']
    .map((name) => join(WEB_DIR, name))
    .filter((path) => existsSync(path));
  if (existsSync(builtIndex)) {
    const builtAt = statSync(builtIndex).mtimeMs;
    if (Math.max(...sources.map(newestSource)) <= builtAt) return;
    console.log('[e2e] web/dist is older than web/src: rebuilding the web app…');
  } else {
    console.log('[e2e] web/dist is missing: building the web app…');
  }
  // Vitest sets NODE_ENV=test, and Vite keeps it: the journeys (and the first-screen budget check,
  // test/e2e/bundle-budget.e2e.test.ts) ran on React's development build, twice the size of what
  // people download. Build what production serves.
  execFileSync('pnpm', ['--filter', '@inovasi/web', 'build'], {
    cwd: WEB_DIR,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
