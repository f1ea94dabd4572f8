// Prerenders the public pages' first view into dist/prerendered/*.html after `vite build`: the page
// paints from HTML and inlined critical CSS before any JavaScript has run, and the app then adopts
// the markup (hydrateRoot in src/main.tsx). The same files serve locally (functions/api/src/server.ts)
// and in AWS (the CloudFront viewer-request function in infra/lib/web.ts), see docs/decisions/0034.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Beasties from 'beasties';
import { build } from 'vite';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const dist = join(webRoot, 'dist');
const ssrOut = join(webRoot, 'dist-ssr');

/** Address rendered → file written. Detail pages share one view: its data arrives after hydration. */
const PAGES = [
  { url: '/katalog', file: 'katalog.html' },
  { url: '/katalog/_', file: 'katalog-detail.html' },
  { url: '/masuk', file: 'masuk.html' },
];

await build({
  root: webRoot,
  logLevel: 'warn',
  build: { ssr: 'src/prerender.tsx', outDir: ssrOut, emptyOutDir: true, sourcemap: false, manifest: false },
  ssr: { noExternal: [/^@mantine\//] },
});
const { render } = await import(pathToFileURL(join(ssrOut, 'prerender.js')).href);
const shell = await readFile(join(dist, 'index.html'), 'utf8');
if (!shell.includes('<div id="root"></div>')) throw new Error('dist/index.html has no empty #root');

// The stylesheet moves to the end of the body: the inlined rules paint the first view, the rest
// follows without blocking it. (Beasties' other strategies need inline event handlers or scripts,
// which the Content-Security-Policy forbids.)
const beasties = new Beasties({ path: dist, publicPath: '/', preload: 'body', logLevel: 'warn' });
await mkdir(join(dist, 'prerendered'), { recursive: true });
for (const page of PAGES) {
  const markup = await render(page.url);
  const html = await beasties.process(
    shell.replace('<div id="root"></div>', `<div id="root">${markup}</div>`),
  );
  await writeFile(join(dist, 'prerendered', page.file), html);
  console.log(
    `prerendered ${page.url} → dist/prerendered/${page.file} (${(html.length / 1024).toFixed(1)} KB)`,
  );
}
await rm(ssrOut, { recursive: true, force: true });
