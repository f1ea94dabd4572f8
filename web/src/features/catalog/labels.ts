import '../../i18n/id-catalog.ts';
import { URUSAN } from '@inovasi/core/browser';
import type { CatalogFacetName } from '../../api/model.ts';
import type { Translate } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/id.ts';

/** Keys of fixed facet values the dictionaries translate; urusan, regions and years keep the server's label. */
const VALUE_KEYS: Partial<Record<CatalogFacetName, (value: string) => string>> = {
  basicService: (value) => `catalog.basicService.${value}`,
  theme: (value) => `theme.${value}`,
  kind: (value) => `kind.${value}`,
  form: (value) => `form.${value}`,
  stage: (value) => `stage.${value}`,
};

/** The label of one facet value in the interface language, falling back to the server's label. */
export function facetValueLabel(
  t: Translate,
  facet: CatalogFacetName,
  value: string,
  fallback: string,
): string {
  const key = VALUE_KEYS[facet]?.(value);
  if (!key) return fallback;
  const text = t(key as MessageKey);
  return text === undefined || text === key ? fallback : text;
}

const URUSAN_NAMES = new Map<string, string>(URUSAN.map((urusan) => [urusan.code, urusan.name]));

/** An urusan's official name (UU 23/2014); the catalogue stores the code, which no visitor reads. */
export function urusanLabel(code: string): string {
  return URUSAN_NAMES.get(code) ?? code;
}

/**
 * Where an innovation comes from: "Kabupaten Sidoarjo · Provinsi Jawa Timur", but a province's own
 * innovation names the province once rather than twice.
 */
export function regionLine(region: { code: string; name: string }, province: { code: string; name: string }) {
  return region.code === province.code || region.name === province.name
    ? region.name
    : `${region.name} · ${province.name}`;
}
