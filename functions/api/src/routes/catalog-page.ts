import type { Context, Hono } from 'hono';
import { catalogDetailFor, type DetailShell, renderDetailPage } from '../catalog-detail-page.ts';
import type { AppEnv } from '../context.ts';
import type { AppDeps } from '../deps.ts';
import { errorBody } from '../errors.ts';

/**
 * The catalogue detail as HTML (docs/decisions/0044), for AWS: CloudFront sends `/katalog/{id}` here
 * as `/api/v1/katalog/{id}` (CATALOG_DETAIL_FUNCTION in infra/lib/web.ts), so the request passes the
 * same origin check, rate limit and logging as the API. Registered with plain Hono, outside the
 * OpenAPI document: its answers are a web page, not the API's JSON contract, and the suites that walk
 * the document (bad input, isolation, fuzz) expect JSON errors from every route they find. It reads
 * published entries only (catalogDetailFor), which test/integration/catalog/detail-page.test.ts checks.
 */
export const CATALOG_PAGE_PATH = '/katalog/';

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The page for an address's raw (still percent-encoded) id, with its caching headers; a 304 when unchanged. */
export async function detailPageResponse(
  c: Context,
  deps: AppDeps,
  shell: DetailShell,
  rawId: string,
): Promise<Response> {
  const catalogId = safeDecode(rawId);
  const page = renderDetailPage(shell, catalogId, await catalogDetailFor(deps, catalogId));
  // Public, but always revalidated: a withdrawn innovation must disappear at once.
  c.header('Cache-Control', 'public, no-cache');
  c.header('ETag', page.etag);
  c.header('Vary', 'Accept-Encoding');
  if (page.status === 200 && c.req.header('if-none-match') === page.etag) return c.body(null, 304);
  return c.html(page.html, page.status);
}

/** Registers the page when the deployment gives the app the shell (`AppDeps.catalogDetailShell`). */
export function registerCatalogPage(app: Hono<AppEnv>, deps: AppDeps, base: string): void {
  const loadShell = deps.catalogDetailShell;
  if (!loadShell) return;
  const prefix = `${base}${CATALOG_PAGE_PATH}`;
  app.get(`${prefix}*`, async (c) => {
    const shell = await loadShell();
    if (!shell) {
      // The web bucket holds no shell (no build uploaded yet, or one older than ADR 0044).
      c.get('logger').error('the catalogue detail shell is missing or unreadable');
      return c.json(
        errorBody('service_unavailable', c.get('language'), { requestId: c.get('requestId') }),
        503,
      );
    }
    const rawId = c.req.path.slice(prefix.length).replace(/\/$/, '');
    return detailPageResponse(c, deps, shell, rawId);
  });
}
