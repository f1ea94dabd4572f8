import { INNOVATION_FORMS, INNOVATION_KINDS, INNOVATION_STAGES } from '../innovation/profile.ts';
import { URUSAN } from '../innovation/urusan.ts';
import { CATALOG_THEMES } from './themes.ts';

/** The catalogue's facets, in the order a search page shows them. */
export const CATALOG_FACETS = [
  'urusan',
  'basicService',
  'theme',
  'kind',
  'form',
  'stage',
  'province',
  'region',
  'year',
] as const;
export type CatalogFacet = (typeof CATALOG_FACETS)[number];

export const CATALOG_SORTS = ['relevance', 'recent'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

/** The values a facet filter accepts where they are a fixed list (regions and years are open-ended). */
export const CATALOG_FACET_VALUES: Readonly<Partial<Record<CatalogFacet, readonly string[]>>> = {
  urusan: URUSAN.map((urusan) => urusan.code),
  basicService: ['true', 'false'],
  theme: CATALOG_THEMES.map((theme) => theme.code),
  kind: INNOVATION_KINDS,
  form: INNOVATION_FORMS,
  stage: INNOVATION_STAGES,
};

/** Bahasa Indonesia labels of fixed facet values; regions and provinces carry their official names. */
export const CATALOG_FACET_LABELS: Readonly<Partial<Record<CatalogFacet, Readonly<Record<string, string>>>>> =
  {
    urusan: Object.fromEntries(URUSAN.map((urusan) => [urusan.code, urusan.name])),
    basicService: { true: 'Pelayanan dasar', false: 'Bukan pelayanan dasar' },
    theme: Object.fromEntries(CATALOG_THEMES.map((theme) => [theme.code, theme.label])),
    kind: { digital: 'Digital', non_digital: 'Non digital' },
    form: {
      pelayanan_publik: 'Inovasi pelayanan publik',
      tata_kelola: 'Inovasi tata kelola pemerintahan daerah',
      urusan_lainnya: 'Inovasi urusan pemerintahan lainnya',
    },
    stage: { inisiatif: 'Inisiatif', uji_coba: 'Uji coba', penerapan: 'Penerapan' },
  };
