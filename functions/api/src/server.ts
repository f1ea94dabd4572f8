import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { API_BASE, createApp } from './app.ts';
import { detailPageResponse, parseDetailShell } from './catalog-detail-page.ts';
import type { AppDeps } from './deps.ts';
import { webSecurityHeaders } from './hardening.ts';
import { PUBLIC_FILES, prerenderedPageFor } from './prerendered-pages.ts';

/** The prerendered public pages of the build, read once (a build without them serves index.html). */
async function readPrerenderedPages(webDist: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const folder = join(webDist, 'prerendered');
  if (!existsSync(folder)) return pages;
  for (const file of await readdir(folder)) {
    if (file.endsWith('.html')) pages.set(`prerendered/${file}`, await readFile(join(folder, file), 'utf8'));
  }
  return pages;
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** A plain Node handler that owns every path under `prefix` (the embedded OpenID provider). */
export interface MountedHandler {
  readonly prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * The Node adapter: the same app as in Lambda, plus the built web app from `webDist` (if given)
 * with a fallback to index.html so deep links work, and handlers mounted beside the app.
 */
export async function startServer(
  deps: AppDeps,
  options: {
    port: number;
    host?: string;
    webDist?: string | undefined;
    mounts?: readonly MountedHandler[] | undefined;
  },
): Promise<RunningServer> {
  const api = createApp(deps);
  const root = new Hono();
  root.route('/', api);
  // robots.txt and the sitemap belong at the site's root; the API answers them (CloudFront maps them
  // the same way in AWS, infra/lib/web.ts).
  for (const file of PUBLIC_FILES) {
    root.get(file, (c) =>
      api.fetch(new Request(new URL(`${API_BASE}${file}`, c.req.url), { headers: c.req.raw.headers }), c.env),
    );
  }
  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    const indexHtml = await readFile(join(webDist, 'index.html'), 'utf8');
    const pages = await readPrerenderedPages(webDist);
    const detailShellHtml = pages.get('prerendered/katalog-detail.html');
    const detailShell = detailShellHtml ? parseDetailShell(detailShellHtml) : undefined;
    const webHeaders = webSecurityHeaders(deps);
    root.use('/*', (c, next) => (c.req.path.startsWith(API_BASE) ? next() : webHeaders(c, next)));
    root.use('/*', serveStatic({ root: webDist }));
    root.get('*', async (c) => {
      if (c.req.path.startsWith(API_BASE)) return c.notFound();
      // A catalogue detail arrives with its innovation in it (docs/decisions/0044).
      const detailId = /^\/katalog\/([^/]+)\/?$/.exec(c.req.path)?.[1];
      if (detailId && detailShell) return detailPageResponse(c, deps, detailShell, detailId);
      const page = prerenderedPageFor(c.req.path, { demo: deps.demoTokens !== undefined });
      return c.html((page && pages.get(page)) ?? indexHtml);
    });
  }
  const host = options.host ?? '127.0.0.1';
  const listener = getRequestListener(root.fetch);
  const mounts = options.mounts ?? [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const mount = mounts.find(
      ({ prefix }) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`),
    );
    if (mount) mount.handle(req, res);
    else void listener(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
