// Prints the gzip size of the JavaScript each first screen needs: the entry chunk, its static imports,
// and the lazy route chunk with its own static imports. Screens behind sign-in also need the lazy
// signed-in layout (src/shell/AppLayout.tsx) and its imports; the public screens (sign-in page,
// catalogue) do not. Run after `vite build` (reads the manifest).
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
// The OpenID Connect client is loaded on demand (src/auth/oidc.ts), but every signed-in first visit
// restores its session with it: it counts towards those routes, not the public ones.
const isSessionClient = (key) => key.includes('/oidc-client-ts/');
const PUBLIC_ROUTES = [/^src\/features\/signin\//, /^src\/features\/catalog\//];
const layoutFiles = manifest[LAYOUT_KEY]
  ? staticClosure(LAYOUT_KEY, new Set(entryFiles))
  : new Set(entryFiles);
for (const key of manifest[entryKey].dynamicImports ?? []) {
  if (isSessionClient(key)) staticClosure(key, layoutFiles);
}

console.log(`entry (router, providers): ${kb(total(entryFiles))} gzip`);
console.log(`entry + signed-in layout: ${kb(total(layoutFiles))} gzip`);
let overBudget = false;
for (const lazyKey of manifest[entryKey].dynamicImports ?? []) {
  if (lazyKey === LAYOUT_KEY || isSessionClient(lazyKey)) continue;
  const isPublic = PUBLIC_ROUTES.some((pattern) => pattern.test(lazyKey));
  const files = staticClosure(lazyKey, new Set(isPublic ? entryFiles : layoutFiles));
  const size = total(files);
  overBudget ||= size > BUDGET_BYTES;
  const name = `${lazyKey.replace(/^src\//, '')}${isPublic ? ' (public)' : ''}`;
  console.log(
    `first route ${name.padEnd(46)} ${kb(size).padStart(9)} gzip${size > BUDGET_BYTES ? '  OVER BUDGET' : ''}`,
  );
}
console.log(`budget per first route: ${kb(BUDGET_BYTES)} gzip`);
if (overBudget) process.exitCode = 1;
