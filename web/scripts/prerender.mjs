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

/**
 * Address rendered → file written. Detail pages share one view: its data arrives after hydration.
 * `island`: the page works before the app has loaded, which public/prerendered.js loads on the first
 * interaction or once the page has been idle (docs/decisions/0053); `resultTemplate`: with the
 * template that script fills the catalogue's first results into.
 */
const PAGES = [
  {
    url: '/katalog',
    file: 'katalog.html',
    route: 'src/features/catalog/CatalogPage.tsx',
    island: true,
    resultTemplate: true,
  },
  {
    url: '/katalog/_',
    file: 'katalog-detail.html',
    route: 'src/features/catalog/CatalogDetailPage.tsx',
    // The server fills this shell with one innovation (functions/api/src/catalog-detail-page.ts).
    detailShell: true,
  },
  { url: '/masuk', file: 'masuk.html', route: 'src/features/signin/SignInPage.tsx', island: true },
  // Served only by the local server in demo mode (never in AWS): the demo directory's frame included.
  {
    url: '/masuk',
    file: 'masuk-demo.html',
    route: 'src/features/signin/SignInPage.tsx',
    demoDirectory: true,
    island: true,
  },
];

await build({
  root: webRoot,
  logLevel: 'warn',
  build: { ssr: 'src/prerender.tsx', outDir: ssrOut, emptyOutDir: true, sourcemap: false, manifest: false },
  ssr: { noExternal: [/^@mantine\//] },
});
const manifest = JSON.parse(await readFile(join(dist, '.vite/manifest.json'), 'utf8'));

/** The route's lazy chunk and its static imports: fetched beside the entry, not after it has run. */
function routePreloads(route) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(route);
  if (files.size === 0) throw new Error(`the build has no chunk for ${route}`);
  return [...files];
}

const {
  render,
  detailPageLabels,
  renderDetailSample,
  renderCatalogTemplate,
  catalogTemplateLabels,
  prerenderedTitle,
} = await import(pathToFileURL(join(ssrOut, 'prerender.js')).href);
const shell = await readFile(join(dist, 'index.html'), 'utf8');
if (!shell.includes('<div id="root"></div>')) throw new Error('dist/index.html has no empty #root');

// The stylesheet stays in <head> as media="print" (not render-blocking): the inlined rules paint the
// first view, and public/prerendered.js switches it on once loaded. Beasties would do that with an
// inline onload handler, which the Content-Security-Policy forbids; the attribute is replaced below.
const beasties = new Beasties({
  path: dist,
  publicPath: '/',
  preload: 'media',
  // Mantine's theme variables are an inline <style> React adopts as it is: it must stay whole.
  reduceInlineStyles: false,
  logLevel: 'warn',
});
await mkdir(join(dist, 'prerendered'), { recursive: true });
for (const page of PAGES) {
  const markup = await render(page.url, { demoDirectory: page.demoDirectory });
  const alreadyLinked = (file) => shell.includes(`/${file}"`);
  const head = [
    // Applies the full stylesheet; a catalogue page's data starts with the HTML, not after the app.
    '<script src="/prerendered.js" async></script>',
    ...routePreloads(page.route)
      .filter((file) => !alreadyLinked(file))
      .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
  ];
  if (page.detailShell) {
    if (!markup.includes('<div data-catalog-detail=""'))
      throw new Error('the detail page lost its container');
    // The template's words: the server has no dictionary of its own.
    const labels = JSON.stringify(detailPageLabels()).replace(/</g, '\\u003c');
    head.unshift(`<script type="application/json" id="inovasi-detail-labels">${labels}</script>`);
  }
  // A filled-in detail's rules must be in the critical CSS too: a sample detail is rendered beside
  // the page while beasties picks the rules, and cut off again before the file is written.
  const sample = page.detailShell
    ? `<div hidden data-critical-sample>${await renderDetailSample()}</div>`
    : '';
  // The same for the results public/prerendered.js fills in; this sample is cut off exactly, and the
  // template itself is added after beasties has run (a <template>'s content is not in the document).
  const resultTemplate = page.resultTemplate ? resultListOnly(await renderCatalogTemplate()) : '';
  const resultSample = resultTemplate
    ? `<div hidden data-critical-results>${resultTemplate}</div><div hidden data-critical-results-end></div>`
    : '';
  const title = prerenderedTitle(page.url);
  const escapeHtml = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  if (title && !shell.includes('<title>Inovasi Daerah</title>'))
    throw new Error('the shell lost its <title>');
  let html = await beasties.process(
    shell
      .replace('<title>Inovasi Daerah</title>', title ? `<title>${escapeHtml(title)}</title>` : '$&')
      .replace('<html ', page.demoDirectory ? '<html data-demo ' : '<html ')
      .replace('</head>', `  ${head.join('\n    ')}\n  </head>`)
      .replace('<div id="root"></div>', `<div id="root">${markup}</div>${resultSample}${sample}`),
  );
  if (resultSample) {
    const from = html.indexOf('<div hidden data-critical-results');
    const endMarker = html.indexOf('<div hidden data-critical-results-end');
    const to = html.indexOf('</div>', endMarker) + '</div>'.length;
    if (from < 0 || endMarker < from) throw new Error('the results sample could not be removed');
    const labels = JSON.stringify(catalogTemplateLabels()).replace(/</g, '\\u003c');
    html =
      html.slice(0, from) +
      `<template id="inovasi-result-template">${resultTemplate}</template>` +
      `<script type="application/json" id="inovasi-result-labels">${labels}</script>` +
      html.slice(to);
  }
  if (sample) {
    const from = html.indexOf('<div hidden data-critical-sample');
    const to = html.lastIndexOf('</body>');
    if (from < 0 || to < from) throw new Error('the critical CSS sample could not be removed');
    html = html.slice(0, from) + html.slice(to);
    // The server finds the container by this prefix (functions/api/src/catalog-detail-page.ts).
    if (!html.includes('<div data-catalog-detail ')) throw new Error('the detail shell lost its container');
  }
  const handler = `onload="this.media='all'"`;
  if (!html.includes(handler)) throw new Error('beasties no longer defers the stylesheet as expected');
  // The first paint needs only this HTML and its inlined CSS; the app's modules come after it. At
  // the browser's default (high) priority they compete with the document on a slow link, and
  // Lighthouse counts every high-priority script that arrived before the paint as blocking it
  // (the detail and the sign-in page painted at 2.0-2.5 s instead of 0.7 s, docs/decisions/0050).
  const modules = (html.match(/<script type="module" |<link rel="modulepreload" /g) ?? []).length;
  if (modules < 2) throw new Error('the shell no longer loads the app as modules: revisit the priorities');
  if (page.island) html = islandModules(html);
  else
    html = html
      .replaceAll('<script type="module" ', '<script type="module" fetchpriority="low" ')
      .replaceAll('<link rel="modulepreload" ', '<link rel="modulepreload" fetchpriority="low" ');
  await writeFile(join(dist, 'prerendered', page.file), html.replaceAll(handler, 'data-prerendered-styles'));
  console.log(
    `prerendered ${page.url} → dist/prerendered/${page.file} (${(html.length / 1024).toFixed(1)} KB)`,
  );
}
await rm(ssrOut, { recursive: true, force: true });

/**
 * An island page does not load the app by itself: its entry and preloads become a list that
 * public/prerendered.js imports on the first interaction or once the page has been idle
 * (docs/decisions/0053). Evaluating the entry (react-dom, the router, Mantine) and hydrating was
 * most of these pages' main-thread time on a phone, while their first view needs none of it.
 */
function islandModules(html) {
  const entries = [];
  const preload = [];
  let out = html.replace(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>\s*/g, (_, src) => {
    entries.push(src);
    return '';
  });
  out = out.replace(/<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>\s*/g, (_, href) => {
    preload.push(href);
    return '';
  });
  if (entries.length !== 1)
    throw new Error(`an island page needs exactly one entry, found ${entries.length}`);
  const list = JSON.stringify({ entry: entries[0], preload });
  return out.replace(
    '</head>',
    `<script type="application/json" id="inovasi-app-modules">${list}</script>\n  </head>`,
  );
}

/** The rendered list without the theme's <style> elements MantineProvider writes before it. */
function resultListOnly(markup) {
  const from = markup.indexOf('<ul');
  if (from < 0 || !markup.endsWith('</ul>')) throw new Error('the result template is no longer one list');
  return markup.slice(from);
}
