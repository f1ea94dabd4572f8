import { createRoute, z } from '@hono/zod-openapi';
import { catalogServiceFor } from '@inovasi/app/catalog/service';
import type { AppContext } from '../context.ts';
import { createRouter } from '../router.ts';

/**
 * robots.txt and the sitemap of the public catalogue: regions want their published innovations to
 * be found. Served at the site's root: the local server forwards `/robots.txt` and `/sitemap.xml`
 * here, CloudFront does the same in AWS (infra/lib/web.ts). Search engines need absolute addresses;
 * the site's own is the first web origin of the deployment (the CloudFront or custom domain), or,
 * locally without one, the address the request came to.
 */

/** The sitemap protocol's limit per file; the catalogue is far below it (50,000 at national scale). */
const SITEMAP_MAX_URLS = 50_000;

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const xmlText = (text: string) =>
  text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);

function siteOrigin(c: AppContext): string {
  return c.get('deps').webOrigins?.[0] ?? new URL(c.req.url).origin;
}

const robotsRoute = createRoute({
  method: 'get',
  path: '/robots.txt',
  tags: ['Catalogue'],
  summary: 'Crawling rules: the public catalogue may be indexed, the signed-in app and the API not',
  security: [],
  responses: { 200: { description: 'robots.txt', content: { 'text/plain': { schema: z.string() } } } },
});

const sitemapRoute = createRoute({
  method: 'get',
  path: '/sitemap.xml',
  tags: ['Catalogue'],
  summary: 'The sitemap of the public catalogue: every published innovation of every region',
  security: [],
  responses: {
    200: {
      description: 'Sitemap (sitemaps.org 0.9)',
      content: { 'application/xml': { schema: z.string() } },
    },
  },
});

export const publicFileRoutes = createRouter()
  .openapi(robotsRoute, (c) => {
    const origin = siteOrigin(c);
    const text = [
      'User-agent: *',
      'Allow: /katalog',
      'Disallow: /api/',
      'Disallow: /masuk',
      'Disallow: /oidc/',
      '',
      `Sitemap: ${origin}/sitemap.xml`,
      '',
    ].join('\n');
    return c.text(text, 200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    });
  })
  .openapi(sitemapRoute, async (c) => {
    const origin = siteOrigin(c);
    const index = await catalogServiceFor(c.get('deps').data, c.get('deps').logger).current();
    // The search index holds exactly the published entries, newest first without a query.
    const { items } = index.search({ filters: {}, sort: 'recent', limit: SITEMAP_MAX_URLS - 1 });
    const urls = [
      `  <url><loc>${xmlText(`${origin}/katalog`)}</loc></url>`,
      ...items.map(
        (item) =>
          `  <url><loc>${xmlText(`${origin}/katalog/${encodeURIComponent(item.catalogId)}`)}</loc><lastmod>${item.publishedAt.slice(0, 10)}</lastmod></url>`,
      ),
    ];
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
    return c.body(xml, 200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    });
  });
