// Prints the gzip size of the JavaScript each first screen needs: the entry chunk, its static imports,
// and the lazy route chunk with its own static imports. Run after `vite build` (reads the manifest).
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

console.log(`entry (shell, router, providers): ${kb(total(entryFiles))} gzip`);
let overBudget = false;
for (const lazyKey of manifest[entryKey].dynamicImports ?? []) {
  const files = staticClosure(lazyKey, new Set(entryFiles));
  const size = total(files);
  overBudget ||= size > BUDGET_BYTES;
  const name = lazyKey.replace(/^src\//, '');
  console.log(
    `first route ${name.padEnd(36)} ${kb(size).padStart(9)} gzip${size > BUDGET_BYTES ? '  OVER BUDGET' : ''}`,
  );
}
console.log(`budget per first route: ${kb(BUDGET_BYTES)} gzip`);
if (overBudget) process.exitCode = 1;
