import { startServer } from '@inovasi/api/server';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * robots.txt and the sitemap of the public catalogue: every published innovation of every region,
 * nothing unpublished, withdrawn or archived, as valid sitemap XML with absolute addresses.
 */
let env: TestEnvironment;

beforeAll(async () => {
  env = await createTestEnvironment();
});

const sitemapLocations = (xml: string): string[] => {
  const parsed = new XMLParser().parse(xml) as { urlset: { url: { loc: string }[] | { loc: string } } };
  const urls = parsed.urlset.url;
  return (Array.isArray(urls) ? urls : [urls]).map((url) => url.loc);
};

async function publishedIds(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.request(
      'GET',
      `/catalog/innovations?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.status).toBe(200);
    ids.push(...page.json.items.map((item: { catalogId: string }) => item.catalogId));
    cursor = page.json.nextCursor;
  } while (cursor);
  return ids;
}

describe('sitemap.xml', () => {
  it('lists every published innovation of every region, and no withdrawn or archived one', async () => {
    // Prepare: one innovation published then withdrawn, one published then archived by its OPD.
    const admin = await env.login('admin.3520@demo.local');
    const operator = await env.login('opd1.3520@demo.local');
    const create = async (name: string) => {
      const created = await env.request('POST', '/tenants/35.20/innovations', {
        token: admin,
        body: { opdId: 'opd-dinkes', profile: { name, stage: 'penerapan', kind: 'digital' } },
      });
      expect(created.status).toBe(201);
      const path = `/tenants/35.20/innovations/${created.json.id}`;
      expect((await env.request('PUT', `${path}/publication`, { token: admin, body: {} })).status).toBe(200);
      return { id: `35.20~${created.json.id as string}`, path };
    };
    const withdrawn = await create('Posyandu Digital Sitemap Ditarik');
    const archived = await create('Posyandu Digital Sitemap Diarsipkan');
    expect((await env.request('DELETE', `${withdrawn.path}/publication`, { token: admin })).status).toBe(200);
    const current = await env.request('GET', archived.path, { token: operator });
    const archive = await env.request('POST', `${archived.path}/archive`, {
      token: operator,
      headers: { 'if-match': current.headers.get('etag') ?? '' },
    });
    expect(archive.status).toBe(200);

    // Act
    const answer = await env.request('GET', '/sitemap.xml');

    // Assess: valid XML of the sitemap protocol, the catalogue plus exactly the published entries.
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/xml');
    expect(XMLValidator.validate(answer.text)).toBe(true);
    expect(answer.text).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const locations = sitemapLocations(answer.text);
    const origin = new URL(locations[0] ?? '').origin;
    expect(locations[0]).toBe(`${origin}/katalog`);
    const listed = locations
      .slice(1)
      .map((loc) => decodeURIComponent(loc.slice(`${origin}/katalog/`.length)));
    const published = await publishedIds();
    expect(published.length).toBeGreaterThan(5);
    expect([...listed].sort()).toEqual([...published].sort());
    expect(listed).not.toContain(withdrawn.id);
    expect(listed).not.toContain(archived.id);
    const regions = new Set(listed.map((id) => id.slice(0, id.indexOf('~'))));
    expect(regions.size).toBeGreaterThanOrEqual(3);
    expect(answer.text).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/);
  });
});

describe('robots.txt and the site root', () => {
  let server: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
    server = await startServer(env.deps, { port: 0 });
  });
  afterAll(() => server.stop());

  it('allows the catalogue, keeps crawlers out of the API, and names the sitemap at the site root', async () => {
    // Act: both files as a crawler asks for them, at the root of the local server.
    const robots = await fetch(`${server.url}/robots.txt`);
    const sitemap = await fetch(`${server.url}/sitemap.xml`);

    // Assess
    expect(robots.status).toBe(200);
    const text = await robots.text();
    expect(text).toContain('Allow: /katalog');
    expect(text).toContain('Disallow: /api/');
    expect(text).toContain(`Sitemap: ${server.url}/sitemap.xml`);
    expect(sitemap.status).toBe(200);
    const locations = sitemapLocations(await sitemap.text());
    expect(locations[0]).toBe(`${server.url}/katalog`);
    expect(locations.length).toBeGreaterThan(5);
  });
});
