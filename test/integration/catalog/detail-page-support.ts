import { expect } from 'vitest';
import type { TestEnvironment } from '../../support/environment.ts';

/** What the catalogue detail suites (local server and AWS) share: the shell, its data, the innovations. */

const LABELS = {
  'app.name': 'Inovasi Daerah',
  'app.none': '—',
  'catalog.notFound': 'Inovasi tidak ditemukan di katalog',
  'catalog.notFoundHint': 'Inovasi ini belum diterbitkan.',
};

/**
 * The shell as the web build writes it (web/scripts/prerender.mjs), reduced to what the server
 * needs; `labels` adds to the not-found page's labels.
 */
export const detailShell = (labels: Record<string, string> = {}) =>
  [
    '<!doctype html><html lang="id"><head><title>Inovasi Daerah</title>',
    `<script type="application/json" id="inovasi-detail-labels">${JSON.stringify({ ...LABELS, ...labels })}</script>`,
    '<script src="/prerendered.js" async></script></head><body><div id="root"><main>',
    '<div data-catalog-detail style="display:flex"><div role="status"><div>Memuat…</div></div></div>',
    '</main></div></body></html>',
  ].join('');

/** The data the app hydrates from, as the page carries it (`null` on the not-found page). */
export const dataBlock = (html: string) =>
  /<script type="application\/json" id="inovasi-first-data" data-catalog-id="[^"]*">([^<]*)<\/script>/.exec(
    html,
  )?.[1];

/** An innovation of Magetan (35.20), published through the API; its catalogue id and where it lives. */
export async function publishedInnovation(env: TestEnvironment, profile: Record<string, unknown>) {
  const admin = await env.login('admin.3520@demo.local');
  const created = await env.request('POST', '/tenants/35.20/innovations', {
    token: admin,
    body: { opdId: 'opd-dinkes', profile },
  });
  expect(created.status).toBe(201);
  const path = `/tenants/35.20/innovations/${created.json.id}`;
  expect((await env.request('PUT', `${path}/publication`, { token: admin, body: {} })).status).toBe(200);
  return { admin, path, catalogId: `35.20~${created.json.id as string}` };
}

/** A draft of Bojonegoro (35.22), never published: its innovation id. */
export async function draftOfAnotherRegion(env: TestEnvironment, profile: Record<string, unknown>) {
  const admin = await env.login('admin.3522@demo.local');
  const created = await env.request('POST', '/tenants/35.22/innovations', {
    token: admin,
    body: { opdId: 'opd-dinkes', profile: { name: 'Rahasia Draf Daerah Lain', ...profile } },
  });
  expect(created.status).toBe(201);
  return created.json.id as string;
}
