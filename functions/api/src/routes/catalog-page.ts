import type { Hono } from 'hono';
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
    // The template is loaded by the first detail page, not at cold start (budget: docs/performance.md).
    const { detailPageResponse } = await import('../catalog-detail-page.ts');
    return detailPageResponse(c, deps, shell, rawId);
  });
}
