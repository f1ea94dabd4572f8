// Prints the gzip size of the JavaScript each first screen needs: the entry chunk, its static imports,
// and the lazy route chunk with its own static imports. Screens behind sign-in also need the lazy
// signed-in layout (src/shell/AppLayout.tsx) and its imports; the public screens (sign-in page,
// catalogue) do not. A route whose first screen is one of several lazy panels (one per role) is
// measured with each of them. Exits non-zero when a first screen is over budget, or when the lists
// below name a chunk the build no longer has. Run after `vite build` (reads the manifest); the e2e
// suite runs it on every build (test/e2e/bundle-budget.e2e.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const gzipSizes = new Map();

function gzipSize(file) {
  if (!gzipSizes.has(file))
    gzipSizes.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gzipSizes.get(file);
}

function staticClosure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entryFiles = staticClosure(entryKey);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (files) => [...files].reduce((sum, file) => sum + gzipSize(file), 0);

const LAYOUT_KEY = 'src/shell/AppLayout.tsx';
// Signed-in work that waits until the first screen has its content (src/auth/firstScreen.ts,
// docs/decisions/0051): the OpenID Connect client renewing the session (src/auth/oidc.ts) and the
// sender of answers kept offline. They count towards no route.
const AFTER_FIRST_SCREEN = [
  { pattern: /\/oidc-client-ts\//, name: 'session renewal client' },
  { pattern: /^src\/features\/innovations\/QueuedChangesSender\.tsx$/, name: 'offline answers sender' },
];
const PUBLIC_ROUTES = [/^src\/features\/signin\//, /^src\/features\/catalog\//];
// Lazy panels a route shows on its first screen without anything being clicked: the person's role
// picks one. Other lazy parts of a route (charts, dialogs, the long tail below the fold) follow the
// first screen by design (docs/decisions/0033) and are not counted.
const FIRST_SCREEN_PANELS = {
  'src/features/contests/ContestDetailPage.tsx': [
    'src/features/contests/AdminPanel.tsx',
    'src/features/contests/JudgePanel.tsx',
    'src/features/contests/EntrantPanel.tsx',
  ],
};
const layoutFiles = manifest[LAYOUT_KEY]
  ? staticClosure(LAYOUT_KEY, new Set(entryFiles))
  : new Set(entryFiles);

let failed = false;
let largest = 0;
const screen = (name, files) => {
  const size = total(files);
  largest = Math.max(largest, size);
  failed ||= size > BUDGET_BYTES;
  console.log(
    `first route ${name.padEnd(62)} ${kb(size).padStart(9)} gzip${size > BUDGET_BYTES ? '  OVER BUDGET' : ''}`,
  );
};

console.log(`entry (router, providers): ${kb(total(entryFiles))} gzip`);
console.log(`entry + signed-in layout: ${kb(total(layoutFiles))} gzip`);
for (const lazyKey of manifest[entryKey].dynamicImports ?? []) {
  if (lazyKey === LAYOUT_KEY) continue;
  const deferred = AFTER_FIRST_SCREEN.find(({ pattern }) => pattern.test(lazyKey));
  if (deferred) {
    const extra = total(staticClosure(lazyKey, new Set(layoutFiles))) - total(layoutFiles);
    console.log(`after the first screen: ${deferred.name} +${kb(extra)} gzip`);
    continue;
  }
  const isPublic = PUBLIC_ROUTES.some((pattern) => pattern.test(lazyKey));
  const files = staticClosure(lazyKey, new Set(isPublic ? entryFiles : layoutFiles));
  const name = `${lazyKey.replace(/^src\//, '')}${isPublic ? ' (public)' : ''}`;
  screen(name, files);
  for (const panel of FIRST_SCREEN_PANELS[lazyKey] ?? []) {
    if (!manifest[lazyKey].dynamicImports?.includes(panel)) {
      console.error(`${panel} is no longer a lazy part of ${lazyKey}: update FIRST_SCREEN_PANELS`);
      failed = true;
      continue;
    }
    screen(`${name} + ${panel.split('/').pop()}`, staticClosure(panel, new Set(files)));
  }
}
for (const route of Object.keys(FIRST_SCREEN_PANELS)) {
  if (!manifest[entryKey].dynamicImports?.includes(route)) {
    console.error(`${route} is no longer a lazy route: update FIRST_SCREEN_PANELS`);
    failed = true;
  }
}
console.log(`budget per first route: ${kb(BUDGET_BYTES)} gzip; largest: ${kb(largest)} gzip`);
if (failed) process.exitCode = 1;
