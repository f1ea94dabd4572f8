/**
 * Build-time render of the public pages' first view (web/scripts/prerender.mjs): the same app tree
 * as in the browser, under a static router, with nobody signed in and no data fetched. What needs
 * data (results, a detail) renders its loading state, exactly as the browser's first render does.
 */
import { MantineProvider, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { App } from './AppProviders.tsx';
import type { CatalogDetail, CatalogItem } from './api/model.ts';
import { SessionProvider } from './auth/SessionProvider.tsx';
import { facetValueLabel } from './features/catalog/labels.ts';
import { prerenderDemoDirectory } from './features/signin/prerenderedDemo.ts';
import { createTranslate, I18nProvider } from './i18n/I18nProvider.tsx';
import { id } from './i18n/id.ts';
import { cssVariablesResolver, theme } from './theme.ts';

/** `demoDirectory`: the local demo mode's /masuk, with the demo directory's frame (src/features/signin/prerenderedDemo.ts). */
export async function render(url: string, options: { demoDirectory?: boolean } = {}): Promise<string> {
  prerenderDemoDirectory(options.demoDirectory ?? false);
  // Nothing is fetched on the build machine: every query stays pending.
  const queryClient = new QueryClient({ defaultOptions: { queries: { enabled: false, retry: false } } });
  const { prelude } = await prerenderToNodeStream(
    <App
      queryClient={queryClient}
      router={(routes) => <StaticRouter location={url}>{routes}</StaticRouter>}
    />,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

export { detailPageLabels } from './features/catalog/detailLabels.ts';

/**
 * The document title the app sets on these pages (usePageTitle), written into the HTML itself: the
 * app may load only after the first interaction (docs/decisions/0053), and the title is what a
 * search engine and a screen reader announce first. The detail's is set by the server.
 */
export function prerenderedTitle(url: string): string | undefined {
  const t = createTranslate(id);
  const titles: Record<string, string> = { '/katalog': t('catalog.title'), '/masuk': t('signIn.title') };
  const title = titles[url];
  return title === undefined ? undefined : `${title} · ${t('app.name')}`;
}

/** Placeholders of the catalogue's result template: a text node holding one is replaced whole. */
const CARD_TOKENS = {
  catalogId: '__id__',
  innovationId: '__id__',
  name: '__name__',
  region: { code: '__region__', name: '__region__' },
  province: { code: '__region__', name: '__region__' },
  opdName: '__opd__',
  basicService: false,
  stage: '__stage__',
  kind: '__kind__',
  themes: [],
  year: '__year__',
  kematanganBand: '__band__',
  summary: '__summary__',
  publishedAt: '2026-01-01T00:00:00.000Z',
} as unknown as CatalogItem;

/**
 * The catalogue's result list with one card of placeholders, rendered by the app's own component:
 * public/prerendered.js fills it in for each result before the app has loaded (docs/decisions/0053).
 */
export async function renderCatalogTemplate(): Promise<string> {
  // Imported here, not at the top, for the reason given in renderDetailSample.
  const { ResultList } = await import('./features/catalog/CatalogParts.tsx');
  return renderStatic(<ResultList items={[CARD_TOKENS]} placeholder={false} />, '/katalog');
}

/** The Indonesian words the template's script needs: value labels, the kematangan bands, the total. */
export function catalogTemplateLabels() {
  const t = createTranslate(id);
  const values = (facet: 'stage' | 'kind') =>
    Object.fromEntries(
      Object.keys(id)
        .filter((key) => key.startsWith(`${facet}.`))
        .map((key) => {
          const code = key.slice(facet.length + 1);
          return [code, facetValueLabel(t, facet, code, code)];
        }),
    );
  return {
    stage: values('stage'),
    kind: values('kind'),
    band: Object.fromEntries(
      (['rendah', 'sedang', 'tinggi'] as const).map((band) => [band, t(`catalog.band.${band}`)]),
    ),
    total: t('catalog.total'),
  };
}

async function renderStatic(node: ReactNode, url: string): Promise<string> {
  const queryClient = new QueryClient({ defaultOptions: { queries: { enabled: false, retry: false } } });
  const { prelude } = await prerenderToNodeStream(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <StaticRouter location={url}>{node}</StaticRouter>
          </SessionProvider>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A catalogue detail with every part present, rendered only so that the detail shell's critical CSS
 * also covers what the server fills in (functions/api/src/catalog-detail-page.ts); never shipped.
 */
export async function renderDetailSample(): Promise<string> {
  const item = {
    catalogId: '00.00~sample-similar',
    innovationId: 'sample-similar',
    name: 'Sample',
    region: { code: '00.01', name: 'Kabupaten' },
    province: { code: '00', name: 'Provinsi' },
    opdName: 'Dinas',
    basicService: true,
    stage: 'penerapan',
    kind: 'digital',
    themes: [],
    year: 2026,
    kematanganBand: 'tinggi',
    summary: 'Ringkasan',
    publishedAt: '2026-01-01T00:00:00.000Z',
  };
  const entry = {
    ...item,
    catalogId: '00.00~sample',
    tenantCode: '00.00',
    opd: { id: 'opd', name: 'Dinas' },
    urusanMain: 'kesehatan',
    form: 'pelayanan_publik',
    themes: ['sdgs'],
    implementationDate: '2026-01-01',
    tujuan: 'Tujuan',
    manfaat: 'Manfaat',
    hasil: 'Hasil',
    contactRole: 'Kepala',
    replicatedByRegions: 1,
    replicatedFrom: { catalogId: '00.00~origin', innovationName: 'Asal', regionName: 'Kota' },
    similar: [item],
  } as unknown as CatalogDetail;
  // Imported here, not at the top: the app loads this page lazily, and a static import would merge it.
  const { CatalogDetailContent } = await import('./features/catalog/CatalogDetailPage.tsx');
  const queryClient = new QueryClient({ defaultOptions: { queries: { enabled: false, retry: false } } });
  const { prelude } = await prerenderToNodeStream(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <StaticRouter location="/katalog/00.00~sample">
              <CatalogDetailContent entry={entry} />
              <div role="alert">
                <Title order={1}>-</Title>
              </div>
            </StaticRouter>
          </SessionProvider>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
