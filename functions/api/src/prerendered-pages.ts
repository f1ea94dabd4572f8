/**
 * The public pages the web build prerenders (web/scripts/prerender.mjs): an address on the left gets
 * that file instead of the bare index.html, so it paints before its JavaScript has run. CloudFront
 * does the same mapping in AWS (SPA_FALLBACK_FUNCTION in infra/lib/web.ts; docs/decisions/0034).
 * A detail's shell is filled with the innovation itself (catalog-detail-page.ts, ADR 0044): by the
 * local server here, by the API in AWS (CloudFront's CATALOG_DETAIL_FUNCTION, infra/lib/catalog-detail-page.ts).
 */
export function prerenderedPageFor(path: string, options: { demo?: boolean } = {}): string | undefined {
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path;
  if (trimmed === '/katalog') return 'prerendered/katalog.html';
  if (/^\/katalog\/[^/]+$/.test(trimmed)) return 'prerendered/katalog-detail.html';
  // The local demo mode's sign-in page shows the demo directory from its first paint (AWS: never demo).
  if (trimmed === '/masuk') return options.demo ? 'prerendered/masuk-demo.html' : 'prerendered/masuk.html';
  return undefined;
}

/** Files at the site's root that the API answers (under /api/v1) rather than the web build. */
export const PUBLIC_FILES = ['/robots.txt', '/sitemap.xml'] as const;
