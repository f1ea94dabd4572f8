import { createHash } from 'node:crypto';
import { catalogServiceFor } from '@inovasi/app/catalog/service';
import { type CatalogEntry, parseCatalogId, URUSAN } from '@inovasi/core';
import type { Context } from 'hono';
import type { AppDeps } from './deps.ts';
import type { DetailShell } from './detail-shell.ts';

/**
 * A catalogue detail's first HTML with the innovation itself in it (docs/decisions/0044): the
 * prerendered shell (web/scripts/prerender.mjs) with its detail container filled from a string
 * template, and the data the app hydrates from. No React here: the API bundle stays small. The
 * template mirrors `CatalogDetailContent` (web/src/features/catalog/CatalogDetailPage.tsx) element
 * for element, with Mantine's classes, so the swap to React's own render after hydration neither
 * changes the text (web/test/catalog-detail-ssr.test.ts compares both) nor moves anything.
 */

/** The shell's JSON block with the Indonesian labels the template needs, written by the web build. */
export const DETAIL_LABELS_ID = 'inovasi-detail-labels';
/** The data block the app reads before hydrating (web/src/features/catalog/firstData.ts). */
export const DETAIL_DATA_ID = 'inovasi-first-data';
// Beasties writes the empty attribute without its value.
const CONTAINER = '<div data-catalog-detail ';

type Place = { readonly code: string; readonly name: string };
/** The fields of the API's detail answer (`GET /catalog/innovations/{id}`) the page shows. */
export type CatalogDetailView = CatalogEntry & {
  readonly similar: readonly {
    readonly catalogId: string;
    readonly name: string;
    readonly region: Place;
    readonly province: Place;
    readonly opdName: string;
    readonly kind?: string | undefined;
    readonly stage?: string | undefined;
    readonly year?: number | undefined;
    readonly kematanganBand?: string | undefined;
    readonly summary: string;
  }[];
};

export type { DetailShell };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};
/** Text and attribute values: nothing a visitor or an operator typed can become markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
/** JSON inside a <script type="application/json">: no `</script>` or comment opener can close it. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** Reads the shell once: undefined when the build is older than this page (then it is served as it is). */
export function parseDetailShell(html: string): DetailShell | undefined {
  const match = new RegExp(
    `<script type="application/json" id="${DETAIL_LABELS_ID}">([^<]*)</script>\\s*`,
  ).exec(html);
  if (!match || !html.includes(CONTAINER)) return undefined;
  try {
    const labels = JSON.parse(match[1] ?? '') as Record<string, string>;
    return { html: html.replace(match[0], ''), labels };
  } catch {
    return undefined;
  }
}

/** The end of the element starting at `start` (a `<div`), counting nested divs. */
function endOfDiv(html: string, start: number): number {
  const tag = /<div\b|<\/div>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let found = tag.exec(html); found; found = tag.exec(html)) {
    depth += found[0] === '</div>' ? -1 : 1;
    if (depth === 0) return found.index + found[0].length;
  }
  throw new Error('the detail shell has an unclosed container');
}

export interface DetailPage {
  readonly status: 200 | 404;
  readonly html: string;
  readonly etag: string;
}

/**
 * The page for one catalogue address: the filled detail (200), or the shell saying the innovation
 * is not in the catalogue (404) — unknown, withdrawn, never published or of a malformed id alike.
 */
export function renderDetailPage(
  shell: DetailShell,
  catalogId: string,
  detail: CatalogDetailView | undefined,
) {
  const { labels } = shell;
  const t = (key: string, params?: Record<string, string | number>) =>
    (labels[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
  const content = detail ? detailContent(detail, t) : notFound(t);
  const start = shell.html.indexOf(CONTAINER);
  const open = shell.html.indexOf('>', start) + 1;
  const end = endOfDiv(shell.html, start);
  let html = `${shell.html.slice(0, open)}${content}</div>${shell.html.slice(end)}`;
  const dataBlock = `<script type="application/json" id="${DETAIL_DATA_ID}" data-catalog-id="${escapeHtml(catalogId)}">${scriptJson(detail ?? null)}</script>`;
  const pageTitle = `${detail ? detail.name : t('catalog.notFound')} · ${t('app.name')}`;
  const description = detail ? `\n    <meta name="description" content="${escapeHtml(detail.summary)}">` : '';
  html = html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(pageTitle)}</title>${description}`)
    .replace('<script src="/prerendered.js"', `${dataBlock}\n    <script src="/prerendered.js"`);
  const etag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  return { status: detail ? 200 : 404, html, etag } satisfies DetailPage;
}

/** Reads the published entry the same way the API's detail route does; never an unpublished one. */
export async function catalogDetailFor(
  deps: AppDeps,
  catalogId: string,
): Promise<CatalogDetailView | undefined> {
  const address = parseCatalogId(catalogId);
  if (!address) return undefined;
  const service = catalogServiceFor(deps.data, deps.logger);
  const [entry, index] = await Promise.all([
    service.entries.entry(address.tenantCode, address.innovationId),
    service.current(),
  ]);
  if (!entry) return undefined;
  return { ...entry, similar: index.similar(entry.catalogId) };
}

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

type T = (key: string, params?: Record<string, string | number>) => string;

const URUSAN_NAMES = new Map<string, string>(URUSAN.map((urusan) => [urusan.code, urusan.name]));
const TEXT = 'mantine-focus-auto m_b6d8b162 mantine-Text-root';
const size = (s: 'xs' | 'sm') =>
  `--text-fz:var(--mantine-font-size-${s});--text-lh:var(--mantine-line-height-${s})`;
const title = (level: string) =>
  `--title-fw:var(--mantine-${level}-font-weight);--title-lh:var(--mantine-${level}-line-height);--title-fz:var(--mantine-${level}-font-size)`;
const stack = (gap: string, extra = '') =>
  `style="--stack-gap:${gap};--stack-align:stretch;--stack-justify:flex-start${extra}" class="m_6d731127 mantine-Stack-root"`;
const group = (extra = '') =>
  `style="--group-gap:calc(0.25rem * var(--mantine-scale));--group-align:center;--group-justify:flex-start;--group-wrap:wrap${extra}" class="m_4081bf90 mantine-Group-root"`;

function badge(text: string, color: string, small: boolean, outline = false): string {
  const sized = small
    ? '--badge-height:var(--badge-height-sm);--badge-padding-x:var(--badge-padding-x-sm);--badge-fz:var(--badge-fz-sm);'
    : '';
  const colors = outline
    ? `--badge-bg:transparent;--badge-color:var(--mantine-color-${color}-9);--badge-bd:calc(0.0625rem * var(--mantine-scale)) solid var(--mantine-color-${color}-outline)`
    : `--badge-bg:var(--mantine-color-${color}-0);--badge-color:var(--mantine-color-${color}-9);--badge-bd:calc(0.0625rem * var(--mantine-scale)) solid transparent`;
  return `<div style="${sized}${colors}" class="m_347db0ec mantine-Badge-root" data-variant="${outline ? 'outline' : 'light'}"${small ? ' data-size="sm"' : ''}><span class="m_5add502a mantine-Badge-label">${escapeHtml(text)}</span></div>`;
}

/** A fixed value's label as the web's `facetValueLabel` gives it: the server's value when none. */
const valueLabel = (t: T, prefix: string, value: string) => {
  const key = `${prefix}.${value}`;
  const text = t(key);
  return text === key ? value : text;
};

/** Calendar dates as the web formats them in Bahasa Indonesia; a timestamp in western Indonesia's zone. */
function formatDate(value: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('id-ID', {
    dateStyle: 'medium',
    timeZone: dateOnly ? 'UTC' : 'Asia/Jakarta',
  }).format(date);
}

const regionLine = (region: Place, province: Place) =>
  region.code === province.code || region.name === province.name
    ? region.name
    : `${region.name} · ${province.name}`;

function detailContent(entry: CatalogDetailView, t: T): string {
  const none = t('app.none');
  const rows: [string, string][] = [
    [
      t('catalog.facet.urusan'),
      entry.urusanMain ? (URUSAN_NAMES.get(entry.urusanMain) ?? entry.urusanMain) : none,
    ],
    [t('profile.stage'), entry.stage ? valueLabel(t, 'stage', entry.stage) : none],
    [t('profile.kind'), entry.kind ? valueLabel(t, 'kind', entry.kind) : none],
    [t('profile.form'), entry.form ? valueLabel(t, 'form', entry.form) : none],
    [t('profile.implementationDate'), entry.implementationDate ? formatDate(entry.implementationDate) : none],
    [t('catalog.publishedAt'), formatDate(entry.publishedAt)],
  ];
  const badges = [
    entry.basicService ? badge(t('catalog.basicService.true'), 'blue', false) : '',
    ...entry.themes.map((theme) => badge(valueLabel(t, 'theme', theme), 'grape', false)),
    entry.kematanganBand ? badge(t(`catalog.band.${entry.kematanganBand}`), 'teal', false) : '',
  ].join('');
  const sm = `style="${size('sm')}" class="${TEXT}" data-size="sm"`;
  const from = entry.replicatedFrom;
  const signIn = `/masuk?next=${encodeURIComponent(`/katalog/${entry.catalogId}`)}`;
  const narratives = [
    [t('catalog.summary'), entry.summary],
    [t('profile.tujuan'), entry.tujuan],
    [t('profile.manfaat'), entry.manfaat],
    [t('profile.hasil'), entry.hasil],
  ]
    .filter((pair): pair is [string, string] => Boolean(pair[1]))
    .map(
      ([label, text]) =>
        `<div><p style="${size('sm')};font-weight:600" class="${TEXT}" data-size="sm">${escapeHtml(label)}</p><p style="${size('sm')};white-space:pre-line" class="${TEXT}" data-size="sm">${escapeHtml(text)}</p></div>`,
    )
    .join('');
  return [
    `<div ${stack('calc(0.25rem * var(--mantine-scale))')}>`,
    `<h1 style="${title('h1')}" class="m_8a5d1357 mantine-Title-root" data-order="1">${escapeHtml(entry.name)}</h1>`,
    `<p class="${TEXT}">${escapeHtml(regionLine(entry.region, entry.province))}</p>`,
    `<p style="${size('sm')};color:var(--mantine-color-dimmed)" class="${TEXT}" data-size="sm">${escapeHtml(entry.opd.name)}</p>`,
    `<div ${group(';margin-top:calc(0.25rem * var(--mantine-scale))')}>${badges}</div></div>`,
    `<section style="padding:var(--mantine-spacing-md)" class="m_1b7284a3 mantine-Paper-root" data-with-border="true" aria-labelledby="replikasi-ringkas"><div ${stack('var(--mantine-spacing-xs)')}>`,
    `<h2 style="${title('h4')}" class="m_8a5d1357 mantine-Title-root" data-size="h4" data-order="2" id="replikasi-ringkas">${escapeHtml(t('catalog.replication'))}</h2>`,
    `<p ${sm} data-testid="replicated-by">${escapeHtml(entry.replicatedByRegions > 0 ? t('catalog.replicatedBy', { count: entry.replicatedByRegions }) : t('catalog.notReplicated'))}</p>`,
    from
      ? `<p ${sm}>${escapeHtml(t('catalog.replicatedFrom'))} <a class="mantine-focus-auto m_849cf0da m_b6d8b162 mantine-Text-root mantine-Anchor-root" data-underline="hover" href="/katalog/${escapeHtml(from.catalogId)}">${escapeHtml(`${from.innovationName} (${from.regionName})`)}</a></p>`
      : '',
    `<p ${sm}><span style="font-weight:600" class="${TEXT}">${escapeHtml(t('catalog.contact'))}:</span> ${escapeHtml(entry.contactRole)}</p>`,
    `<a style="--button-bg:var(--mantine-color-blue-0);--button-hover:var(--mantine-color-blue-light-hover);--button-color:var(--mantine-color-blue-9);--button-bd:calc(0.0625rem * var(--mantine-scale)) solid transparent;align-self:flex-start" class="mantine-focus-auto mantine-active m_77c9d27d mantine-Button-root m_87cf2631 mantine-UnstyledButton-root" data-variant="light" href="${escapeHtml(signIn)}"><span class="m_80f1301b mantine-Button-inner"><span class="m_811560b9 mantine-Button-label">${escapeHtml(t('catalog.signInToReplicate'))}</span></span></a>`,
    '</div></section>',
    `<section style="padding:var(--mantine-spacing-md)" class="m_1b7284a3 mantine-Paper-root" data-with-border="true" aria-labelledby="profil-publik">`,
    `<h2 style="${title('h4')};margin-bottom:var(--mantine-spacing-sm)" class="m_8a5d1357 mantine-Title-root" data-size="h4" data-order="2" id="profil-publik">${escapeHtml(t('catalog.profile'))}</h2>`,
    '<style>.ssr-profile{--sg-spacing-x:var(--mantine-spacing-sm);--sg-spacing-y:var(--mantine-spacing-sm);--sg-cols:1;}@media(min-width: 36em){.ssr-profile{--sg-cols:2;}}@media(min-width: 62em){.ssr-profile{--sg-cols:3;}}</style>',
    `<dl style="margin:0rem" class="m_2415a157 mantine-SimpleGrid-root ssr-profile">`,
    rows
      .map(
        ([label, value]) =>
          `<div><dt style="${size('xs')};color:var(--mantine-color-dimmed)" class="${TEXT}" data-size="xs">${escapeHtml(label)}</dt><dd style="${size('sm')};margin:0rem" class="${TEXT}" data-size="sm">${escapeHtml(value)}</dd></div>`,
      )
      .join(''),
    '</dl>',
    `<div ${stack('var(--mantine-spacing-sm)', ';margin-top:var(--mantine-spacing-md)')}>${narratives}</div></section>`,
    similarSection(entry, t),
  ].join('');
}

function similarSection(entry: CatalogDetailView, t: T): string {
  const heading = `<h2 style="${title('h3')}" class="m_8a5d1357 mantine-Title-root" data-size="h3" data-order="2" id="inovasi-serupa">${escapeHtml(t('catalog.similar'))}</h2>`;
  const body =
    entry.similar.length === 0
      ? `<p style="${size('sm')}" class="${TEXT}" data-size="sm">${escapeHtml(t('catalog.noSimilar'))}</p>`
      : [
          '<style>.ssr-similar{--sg-spacing-x:var(--mantine-spacing-sm);--sg-spacing-y:var(--mantine-spacing-sm);--sg-cols:1;}@media(min-width: 48em){.ssr-similar{--sg-cols:2;}}</style>',
          '<ul style="list-style:none;margin:0rem;padding:0rem" class="m_2415a157 mantine-SimpleGrid-root ssr-similar" data-testid="similar">',
          ...entry.similar.map((item) => {
            const badges = [
              item.stage ? badge(valueLabel(t, 'stage', item.stage), 'blue', true) : '',
              item.kind ? badge(valueLabel(t, 'kind', item.kind), 'grape', true) : '',
              item.year ? badge(String(item.year), 'gray', true, true) : '',
              item.kematanganBand ? badge(t(`catalog.band.${item.kematanganBand}`), 'teal', true) : '',
            ].join('');
            return [
              '<li><article style="padding:var(--mantine-spacing-sm)" class="catalog-card m_1b7284a3 mantine-Paper-root" data-with-border="true" data-testid="catalog-result">',
              `<div ${stack('calc(0.375rem * var(--mantine-scale))')}>`,
              `<h2 style="${title('h4')}" class="m_8a5d1357 mantine-Title-root" data-size="h4" data-order="2"><a class="mantine-focus-auto m_849cf0da catalog-card-link m_b6d8b162 mantine-Text-root mantine-Anchor-root" data-underline="hover" href="/katalog/${escapeHtml(item.catalogId)}">${escapeHtml(item.name)}</a></h2>`,
              `<p style="${size('sm')}" class="${TEXT}" data-size="sm">${escapeHtml(regionLine(item.region, item.province))}</p>`,
              `<p style="${size('xs')};color:var(--mantine-color-dimmed)" class="${TEXT}" data-size="xs">${escapeHtml(item.opdName)}</p>`,
              `<div ${group()}>${badges}</div>`,
              `<p style="${size('sm')};--text-line-clamp:3" class="${TEXT}" data-size="sm" data-line-clamp="true">${escapeHtml(item.summary)}</p>`,
              '</div></article></li>',
            ].join('');
          }),
          '</ul>',
        ].join('');
  return `<section ${stack('var(--mantine-spacing-sm)')} aria-labelledby="inovasi-serupa">${heading}${body}</section>`;
}

function notFound(t: T): string {
  return `<div role="alert"><h1 style="${title('h3')}" class="m_8a5d1357 mantine-Title-root" data-order="1">${escapeHtml(t('catalog.notFound'))}</h1><p class="${TEXT}">${escapeHtml(t('catalog.notFoundHint'))}</p></div>`;
}
