import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@inovasi/api/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * A catalogue detail's first HTML (docs/decisions/0044): the local server fills the prerendered
 * shell with a published innovation and its data; anything else — unknown, unpublished, another
 * region's draft, a malformed address — is the not-found page, and never shows what it hides.
 */
let env: TestEnvironment;
let server: { url: string; stop(): Promise<void> };
let webDist: string;

const LABELS = {
  'app.name': 'Inovasi Daerah',
  'app.none': '—',
  'catalog.notFound': 'Inovasi tidak ditemukan di katalog',
  'catalog.notFoundHint': 'Inovasi ini belum diterbitkan.',
  'catalog.replication': 'Replikasi',
};
/** The shell as the web build writes it (web/scripts/prerender.mjs), reduced to what the server needs. */
const SHELL = [
  '<!doctype html><html lang="id"><head><title>Inovasi Daerah</title>',
  `<script type="application/json" id="inovasi-detail-labels">${JSON.stringify(LABELS)}</script>`,
  '<script src="/prerendered.js" async></script></head><body><div id="root"><main>',
  '<div data-catalog-detail style="display:flex"><div role="status"><div>Memuat…</div></div></div>',
  '</main></div></body></html>',
].join('');

beforeAll(async () => {
  env = await createTestEnvironment();
  webDist = await mkdtemp(join(tmpdir(), 'detail-page-'));
  await mkdir(join(webDist, 'prerendered'));
  await writeFile(
    join(webDist, 'index.html'),
    '<!doctype html><html><body><div id="root"></div></body></html>',
  );
  await writeFile(join(webDist, 'prerendered', 'katalog-detail.html'), SHELL);
  server = await startServer(env.deps, { port: 0, webDist });
});
afterAll(async () => {
  await server?.stop();
  await rm(webDist, { recursive: true, force: true });
});

const dataBlock = (html: string) =>
  /<script type="application\/json" id="inovasi-first-data" data-catalog-id="[^"]*">([^<]*)<\/script>/.exec(
    html,
  )?.[1];

describe('the server-rendered catalogue detail', () => {
  it('arrives with the published innovation, escaped, and the data the app hydrates from', async () => {
    // Prepare: a published innovation whose name is markup.
    const admin = await env.login('admin.3520@demo.local');
    const created = await env.request('POST', '/tenants/35.20/innovations', {
      token: admin,
      body: {
        opdId: 'opd-dinkes',
        profile: { name: 'Posyandu <script>alert(1)</script>', stage: 'penerapan', kind: 'digital' },
      },
    });
    expect(created.status).toBe(201);
    const path = `/tenants/35.20/innovations/${created.json.id}`;
    expect((await env.request('PUT', `${path}/publication`, { token: admin, body: {} })).status).toBe(200);
    const catalogId = `35.20~${created.json.id as string}`;

    // Act
    const answer = await fetch(`${server.url}/katalog/${catalogId}`);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.headers.get('cache-control')).toBe('public, no-cache');
    const html = await answer.text();
    expect(html).toContain('<h1 ');
    expect(html).toContain('Posyandu &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('Memuat…');
    expect(html).not.toContain('inovasi-detail-labels');
    const api = await env.request('GET', `/catalog/innovations/${catalogId}`);
    expect(JSON.parse(dataBlock(html) ?? '')).toEqual(api.json);

    // A revalidation costs no body while nothing changed.
    const again = await fetch(`${server.url}/katalog/${catalogId}`, {
      headers: { 'if-none-match': answer.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);

    // Withdrawn: gone at once.
    expect((await env.request('DELETE', `${path}/publication`, { token: admin })).status).toBe(200);
    const withdrawn = await fetch(`${server.url}/katalog/${catalogId}`);
    expect(withdrawn.status).toBe(404);
    expect(await withdrawn.text()).not.toContain('Posyandu &lt;script');
  });

  it("never shows another region's unpublished innovation", async () => {
    // Prepare: a draft of region 35.22, asked for under its own and under another region's code.
    const admin = await env.login('admin.3522@demo.local');
    const created = await env.request('POST', '/tenants/35.22/innovations', {
      token: admin,
      body: {
        opdId: 'opd-dinkes',
        profile: { name: 'Rahasia Draf Daerah Lain', stage: 'uji_coba', kind: 'digital' },
      },
    });
    expect(created.status).toBe(201);

    for (const catalogId of [`35.22~${created.json.id as string}`, `35.20~${created.json.id as string}`]) {
      // Act
      const answer = await fetch(`${server.url}/katalog/${catalogId}`);

      // Assess: the Indonesian not-found page, no data, nothing of the draft.
      expect(answer.status).toBe(404);
      const html = await answer.text();
      expect(html).toContain('Inovasi tidak ditemukan di katalog');
      expect(html).not.toContain('Rahasia Draf');
      expect(dataBlock(html)).toBe('null');
    }
  });

  it.each(['35.20~', 'bukan-id', '%E0%A4%A', '35.20~01JDEMO00000000000000000000'])(
    'answers a malformed or unknown address (%s) with the not-found page',
    async (catalogId) => {
      const answer = await fetch(`${server.url}/katalog/${catalogId}`);
      expect(answer.status).toBe(404);
      expect(await answer.text()).toContain('Inovasi tidak ditemukan di katalog');
    },
  );
});
