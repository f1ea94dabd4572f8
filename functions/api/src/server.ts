import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { API_BASE, createApp } from './app.ts';
import type { AppDeps } from './deps.ts';
import { webSecurityHeaders } from './hardening.ts';

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
  const webDist = options.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    const indexHtml = await readFile(join(webDist, 'index.html'), 'utf8');
    const webHeaders = webSecurityHeaders(deps);
    root.use('/*', (c, next) => (c.req.path.startsWith(API_BASE) ? next() : webHeaders(c, next)));
    root.use('/*', serveStatic({ root: webDist }));
    root.get('*', (c) => (c.req.path.startsWith(API_BASE) ? c.notFound() : c.html(indexHtml)));
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
