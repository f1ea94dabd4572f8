/**
 * Web benchmark: the public catalogue (/katalog) on an emulated slow connection. Run from the
 * repository root after `pnpm --filter @inovasi/web build` (it builds nothing):
 *
 *   npx tsx test/bench/web.ts
 *
 * It starts a throwaway local product (demo data) serving web/dist, puts a gzip proxy in front of it
 * (CloudFront compresses in production, infra/lib/web.ts `compress: true`; the local server does
 * not), and opens the catalogue in Debian's Chromium with the cache disabled and
 * `Network.emulateNetworkConditions` at 1.6 Mbps down / 750 kbps up / 150 ms RTT. It times, from
 * the start of navigation, until the first search results are visible and interactive (a result
 * link on screen, the search box enabled, the main thread idle for one frame), RUNS times, and
 * prints the median with the 3 s target, plus the first-route JavaScript (gzip) with the 200 KB
 * target. Then it runs Lighthouse (mobile preset, simulated throttling) WEB_BENCH_LIGHTHOUSE_RUNS (3)
 * times on /katalog, the newest catalogue detail and /masuk (test/bench/lighthouse.ts) and prints
 * the medians against performance ≥ 95, LCP ≤ 2.5 s, CLS ≤ 0.1 (WEB_BENCH_PAGES=/masuk,… runs only
 * the pages named). It stops everything and exits non-zero when a target is missed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startLocalProduct } from '@inovasi/local';
import { chromium } from 'playwright-core';
import { lighthousePages, type PageResult, printLighthouse } from './lighthouse.ts';

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.WEB_BENCH_RUNS ?? 5);
const LIGHTHOUSE_RUNS = Number(process.env.WEB_BENCH_LIGHTHOUSE_RUNS ?? 3);
/** Only these Lighthouse pages, by name (`/katalog,/masuk`): for a quicker look at one page. */
const LIGHTHOUSE_PAGES = process.env.WEB_BENCH_PAGES?.split(',').map((name) => name.trim());
const TARGET_MS = 3000;
const TARGET_JS_BYTES = 200 * 1024;
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};
const CATALOG_ROUTE = 'src/features/catalog/CatalogPage.tsx';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The JavaScript the catalogue's first load needs: the entry, its static imports, the route chunk and its imports. */
function firstRouteJsGzip(): { bytes: number; files: number } {
  const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry || !manifest[CATALOG_ROUTE])
    throw new Error('web/dist has no catalogue route: rebuild the web app');
  visit(entry);
  visit(CATALOG_ROUTE);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length;
  return { bytes, files: files.size };
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg)/;

/** A reverse proxy that gzips text answers, as CloudFront does in front of the real product. */
async function startGzipProxy(target: string): Promise<{ url: string; stop(): Promise<void> }> {
  const upstream = new URL(target);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const proxied = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          const headers = { ...answer.headers };
          const type = String(headers['content-type'] ?? '');
          if (
            COMPRESSIBLE.test(type) &&
            /gzip/.test(String(req.headers['accept-encoding'] ?? '')) &&
            body.length > 0
          ) {
            body = gzipSync(body, { level: 6 });
            headers['content-encoding'] = 'gzip';
            headers.vary = 'Accept-Encoding';
          }
          delete headers['transfer-encoding'];
          headers['content-length'] = String(body.length);
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    proxied.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** The newest published innovation: the catalogue detail Lighthouse opens. */
async function firstCatalogId(base: string): Promise<string> {
  const answer = await fetch(`${base}/api/v1/catalog/innovations?sort=recent`);
  const body = (await answer.json()) as { items: { catalogId: string }[] };
  const id = body.items[0]?.catalogId;
  if (!id) throw new Error('the demo catalogue is empty');
  return id;
}

async function main(): Promise<void> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error('web/dist is missing: run `pnpm --filter @inovasi/web build` first');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  const js = firstRouteJsGzip();
  console.log('starting a throwaway product (DynamoDB Local, s3rver, demo data)…');
  const product = await startLocalProduct({ port: 0, seed: true, webDist: WEB_DIST, logLevel: 'WARN' });
  const proxy = await startGzipProxy(product.url);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  const times: number[] = [];
  const transferred: number[] = [];
  let lighthouse: PageResult[] = [];
  try {
    // One unthrottled load first, so the server's search index is warm (a cold start is its own bench).
    const warm = await browser.newPage();
    await warm.goto(`${proxy.url}/katalog`);
    await warm.waitForSelector('[data-testid="catalog-result"] a');
    await warm.close();

    for (let run = 1; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      let bytes = 0;
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
        bytes += event.encodedDataLength;
      });
      await page.goto(`${proxy.url}/katalog`, { waitUntil: 'commit' });
      const ready = await page.waitForFunction(
        () => {
          // The page's globals, typed loosely: the root tsconfig has no DOM library.
          type Box = { height: number; top: number };
          type Element = { getBoundingClientRect(): Box; disabled?: boolean };
          const scope = globalThis as unknown as {
            document: { querySelector(selector: string): Element | null };
            innerHeight: number;
            performance: { now(): number };
          };
          const link = scope.document.querySelector('[data-testid="catalog-result"] a');
          const box = scope.document.querySelector('input[type="search"]');
          if (!link || !box || box.disabled) return false;
          const rect = link.getBoundingClientRect();
          return rect.height > 0 && rect.top < scope.innerHeight * 3 ? scope.performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      const visibleAt = (await ready.jsonValue()) as number;
      // Interactive: the main thread answers within one frame after the results appeared.
      const interactiveAt = await page.evaluate(() => {
        const scope = globalThis as unknown as {
          requestAnimationFrame(callback: () => void): void;
          performance: { now(): number };
        };
        return new Promise<number>((resolve) =>
          scope.requestAnimationFrame(() => resolve(scope.performance.now())),
        );
      });
      times.push(Math.max(visibleAt, interactiveAt));
      transferred.push(bytes);
      console.log(
        `run ${run}: results visible ${visibleAt.toFixed(0)} ms, interactive ${interactiveAt.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB transferred`,
      );
      await context.close();
    }

    const detailId = await firstCatalogId(proxy.url);
    lighthouse = await lighthousePages(
      [
        { name: '/katalog', url: `${proxy.url}/katalog` },
        { name: '/katalog/:id', url: `${proxy.url}/katalog/${detailId}` },
        { name: '/masuk', url: `${proxy.url}/masuk` },
      ].filter((page) => !LIGHTHOUSE_PAGES || LIGHTHOUSE_PAGES.includes(page.name)),
      { runs: LIGHTHOUSE_RUNS, chromiumPath: CHROMIUM },
    );
  } finally {
    await browser.close();
    await proxy.stop();
    await product.stop();
  }

  const time = median(times);
  const timeOk = time <= TARGET_MS;
  const jsOk = js.bytes <= TARGET_JS_BYTES;
  console.log('');
  console.log('Catalogue (/katalog), 360 px, 1.6 Mbps down / 750 kbps up / 150 ms RTT, cache disabled, gzip');
  console.log(
    `  first results visible and interactive (median of ${RUNS}): ${time.toFixed(0)} ms   target ≤ ${TARGET_MS} ms   ratio ${(time / TARGET_MS).toFixed(2)} ${timeOk ? 'met' : 'MISSED'}`,
  );
  console.log(`  range: ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`);
  console.log(`  bytes transferred (median): ${(median(transferred) / 1024).toFixed(1)} KB`);
  console.log(
    `  first-route JS (gzip, ${js.files} files): ${(js.bytes / 1024).toFixed(1)} KB   target ≤ ${TARGET_JS_BYTES / 1024} KB   ratio ${(js.bytes / TARGET_JS_BYTES).toFixed(2)} ${jsOk ? 'met' : 'MISSED'}`,
  );
  printLighthouse(lighthouse, LIGHTHOUSE_RUNS);
  if (!timeOk || !jsOk || lighthouse.some((page) => !page.met)) process.exitCode = 1;
}

await main();
