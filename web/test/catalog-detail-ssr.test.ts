import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  type CatalogDetailView,
  DETAIL_LABELS_ID,
  parseDetailShell,
  renderDetailPage,
} from '../../functions/api/src/catalog-detail-page.ts';
import type { CatalogDetail } from '../src/api/model.ts';
import { SessionProvider } from '../src/auth/SessionProvider.tsx';
import { CatalogDetailContent } from '../src/features/catalog/CatalogDetailPage.tsx';
import { detailPageLabels } from '../src/features/catalog/detailLabels.ts';
import { captureServerDetail, serverRenderedDetail } from '../src/features/catalog/firstData.ts';
import { I18nProvider } from '../src/i18n/I18nProvider.tsx';
import { cssVariablesResolver, theme } from '../src/theme.ts';

/**
 * The server's first HTML of a catalogue detail (a string template, functions/api) and the app's
 * own render of the same innovation (React, after hydration) must say the same thing, in the same
 * order, or the page would change under the reader once the app takes over.
 */
const similar = {
  catalogId: '35.23~01JDEMO00000000000000000002',
  innovationId: '01JDEMO00000000000000000002',
  name: 'Posyandu <Digital> & "Cepat"',
  region: { code: '35.23', name: 'Kabupaten Tuban' },
  province: { code: '35', name: 'Provinsi Jawa Timur' },
  opdName: 'Dinas Kesehatan',
  urusanMain: 'kesehatan',
  basicService: true,
  kind: 'digital',
  stage: 'penerapan',
  themes: [],
  year: 2025,
  summary: 'Ringkasan serupa',
  kematanganBand: 'tinggi',
  publishedAt: '2026-03-04T05:00:00.000Z',
};

const full = {
  catalogId: '35.22~01JDEMO00000000000000000000',
  tenantCode: '35.22',
  innovationId: '01JDEMO00000000000000000000',
  name: 'Sidoarjo <script>alert(1)</script>',
  region: { code: '35.22', name: 'Kabupaten Sidoarjo' },
  province: { code: '35', name: 'Provinsi Jawa Timur' },
  opd: { id: 'opd-dinkes', name: 'Dinas Kesehatan' },
  urusanMain: 'kesehatan',
  basicService: true,
  kind: 'digital',
  form: 'pelayanan_publik',
  stage: 'penerapan',
  themes: ['sdgs'],
  implementationDate: '2024-02-01',
  summary: 'Baris satu\nBaris dua <b>tebal</b>',
  tujuan: 'Tujuan',
  manfaat: 'Manfaat',
  hasil: 'Hasil',
  kematanganBand: 'tinggi',
  replicatedByRegions: 2,
  replicatedFrom: { catalogId: '35.01~01JASAL', innovationName: 'Asal', regionName: 'Kabupaten Pacitan' },
  contactRole: 'Kepala Dinas',
  version: 1,
  firstPublishedAt: '2026-03-04T05:00:00.000Z',
  publishedAt: '2026-03-04T05:00:00.000Z',
  updatedAt: '2026-03-04T05:00:00.000Z',
  similar: [similar],
};

const sparse = {
  ...full,
  catalogId: '35.24~01JDEMO00000000000000000003',
  name: 'Provinsi sendiri',
  region: { code: '35', name: 'Provinsi Jawa Timur' },
  urusanMain: undefined,
  basicService: false,
  kind: undefined,
  form: undefined,
  stage: undefined,
  themes: [],
  implementationDate: undefined,
  tujuan: undefined,
  manfaat: '',
  hasil: undefined,
  kematanganBand: undefined,
  replicatedByRegions: 0,
  replicatedFrom: undefined,
  similar: [],
};

/** A shell as the web build writes it, reduced to what the server relies on. */
const SHELL = [
  '<!doctype html><html lang="id"><head><title>Inovasi Daerah</title>',
  `<script type="application/json" id="${DETAIL_LABELS_ID}">${JSON.stringify(detailPageLabels())}</script>`,
  '<script src="/prerendered.js" async></script></head>',
  '<body><div id="root"><main><div data-catalog-detail style="display:flex"><div class="loading"><div>Memuat…</div></div></div><p>footer</p></main></div></body></html>',
].join('');

function reactMarkup(entry: unknown): string {
  return renderToStaticMarkup(
    h(
      MantineProvider,
      { theme, cssVariablesResolver, defaultColorScheme: 'light' },
      h(
        I18nProvider,
        null,
        h(
          QueryClientProvider,
          { client: new QueryClient() },
          h(
            SessionProvider,
            null,
            h(MemoryRouter, null, h(CatalogDetailContent, { entry: entry as CatalogDetail })),
          ),
        ),
      ),
    ),
  );
}

/** The visible text, element by element: tags, styles and scripts dropped, entities decoded. */
function visibleText(html: string): string[] {
  return html
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .split(/<[^>]+>/)
    .map((text) =>
      text
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&#x27;', "'")
        .replaceAll('&amp;', '&')
        .trim(),
    )
    .filter(Boolean);
}

/** What the server put inside the detail's container. */
function serverContent(html: string): string {
  const start = html.indexOf('<div data-catalog-detail ');
  const end = html.indexOf('<p>footer</p>');
  return html.slice(html.indexOf('>', start) + 1, end);
}

const shell = parseDetailShell(SHELL);

describe('the server-rendered catalogue detail', () => {
  it.each([
    ['every part present', full],
    ['a province innovation with most parts empty', sparse],
  ])('shows the same text as the app renders, in the same order (%s)', (_name, entry) => {
    // Act
    if (!shell) throw new Error('the shell was not recognised');
    const page = renderDetailPage(shell, entry.catalogId, entry as unknown as CatalogDetailView);

    // Assess
    expect(page.status).toBe(200);
    const server = visibleText(serverContent(page.html));
    expect(server).toEqual(visibleText(reactMarkup(entry)));
    expect(server.length).toBeGreaterThan(10);
  });

  it('escapes what people typed and keeps the data block from closing early', () => {
    if (!shell) throw new Error('the shell was not recognised');
    const page = renderDetailPage(shell, full.catalogId, full as unknown as CatalogDetailView);

    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(page.html).toContain('Sidoarjo &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).not.toContain('<b>tebal</b>');
    expect(page.html).toContain('<title>Sidoarjo &lt;script&gt;alert(1)&lt;/script&gt; · ');
    const block =
      /<script type="application\/json" id="inovasi-first-data" data-catalog-id="([^"]+)">([^<]*)<\/script>/.exec(
        page.html,
      );
    expect(block?.[1]).toBe(full.catalogId);
    expect(JSON.parse(block?.[2] ?? '')).toEqual(full);
    // The data block comes before the script that would otherwise ask for the same data again.
    expect(page.html.indexOf('id="inovasi-first-data"')).toBeLessThan(page.html.indexOf('/prerendered.js'));
    // The labels are the server's business only.
    expect(page.html).not.toContain(DETAIL_LABELS_ID);
  });

  it('answers an innovation outside the catalogue with the Indonesian not-found text and no data', () => {
    if (!shell) throw new Error('the shell was not recognised');
    const page = renderDetailPage(shell, '35.22~01JNOPE', undefined);

    expect(page.status).toBe(404);
    expect(visibleText(serverContent(page.html))).toEqual([
      'Inovasi tidak ditemukan di katalog',
      detailPageLabels()['catalog.notFoundHint'],
    ]);
    expect(page.html).toContain('data-catalog-id="35.22~01JNOPE">null</script>');
  });

  it('serves an older build (a shell without labels) as it is', () => {
    expect(parseDetailShell(SHELL.replace(DETAIL_LABELS_ID, 'other'))).toBeUndefined();
  });
});

describe("the app's reading of a server-rendered detail", () => {
  const fakeDocument = (blockId: string, json: string) =>
    ({
      getElementById: (id: string) =>
        id === 'inovasi-first-data'
          ? {
              getAttribute: (name: string) => (name === 'data-catalog-id' ? blockId : null),
              textContent: json,
            }
          : null,
      querySelector: () => ({ innerHTML: '<h1>Sidoarjo</h1>' }),
    }) as unknown as Document;

  it('takes the markup and the data of the page it is on, and nothing else', () => {
    const id = full.catalogId;
    const served = captureServerDetail(
      { pathname: `/katalog/${id}` },
      fakeDocument(id, JSON.stringify(full)),
    );
    expect(served?.data).toEqual(full);
    expect(serverRenderedDetail(id)).toBe('<h1>Sidoarjo</h1>');
    expect(serverRenderedDetail(sparse.catalogId)).toBeUndefined();

    // Another detail's block, a page that is not a detail, or an unreadable block: nothing taken.
    expect(
      captureServerDetail({ pathname: `/katalog/${sparse.catalogId}` }, fakeDocument(id, '{}')),
    ).toBeUndefined();
    expect(captureServerDetail({ pathname: '/katalog' }, fakeDocument(id, '{}'))).toBeUndefined();
    expect(captureServerDetail({ pathname: `/katalog/${id}` }, fakeDocument(id, '{"broken'))).toBeUndefined();
  });
});
