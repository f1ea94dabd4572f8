import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@inovasi/api/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { dataBlock, detailShell, draftOfAnotherRegion, publishedInnovation } from './detail-page-support.ts';

/**
 * A catalogue detail's first HTML (docs/decisions/0044): the local server fills the prerendered
 * shell with a published innovation and its data; anything else — unknown, unpublished, another
 * region's draft, a malformed address — is the not-found page, and never shows what it hides.
 */
let env: TestEnvironment;
let server: { url: string; stop(): Promise<void> };
let webDist: string;

const SHELL = detailShell({ 'catalog.replication': 'Replikasi' });

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

describe('the server-rendered catalogue detail', () => {
  it('arrives with the published innovation, escaped, and the data the app hydrates from', async () => {
    // Prepare: a published innovation whose name is markup.
    const { admin, path, catalogId } = await publishedInnovation(env, {
      name: 'Posyandu <script>alert(1)</script>',
      stage: 'penerapan',
      kind: 'digital',
    });

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
    const draftId = await draftOfAnotherRegion(env, { stage: 'uji_coba', kind: 'digital' });

    for (const catalogId of [`35.22~${draftId}`, `35.20~${draftId}`]) {
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
