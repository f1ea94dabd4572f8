import { CATALOG_FACET_LABELS, CATALOG_FACETS, type CatalogFacet } from '@inovasi/core';
import { type DocumentTable, SINGLE_FACETS, type SingleFacet, THEME_CODES } from './documents.ts';
import type { CatalogQuery, FacetCount } from './types.ts';

/** Region facet lists are long (514 regions); the busiest are shown, plus any that are selected. */
const MAX_FACET_VALUES = 40;

export interface CompiledFilters {
  /** Facet codes each single-valued filter allows. */
  readonly single: { facet: SingleFacet; allowed: Set<number> }[];
  /** A theme filter, as a bit mask (0 when there is none). */
  readonly themeMask: number;
}

export function compileFilters(table: DocumentTable, filters: CatalogQuery['filters']): CompiledFilters {
  const single: { facet: SingleFacet; allowed: Set<number> }[] = [];
  let themeMask = 0;
  for (const facet of CATALOG_FACETS) {
    const values = filters[facet];
    if (!values || values.length === 0) continue;
    if (facet === 'theme') {
      themeMask |= themeMaskOf(values);
      continue;
    }
    single.push({ facet, allowed: allowedCodes(table, facet, values) });
  }
  return { single, themeMask };
}

/** The themes' bits; a theme not in THEME_CODES adds none. */
function themeMaskOf(values: readonly string[]): number {
  let mask = 0;
  for (const value of values) {
    const bit = THEME_CODES.indexOf(value);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask;
}

/** The column codes of the values; one the column never saw, or the empty one (code 0), allows nothing. */
function allowedCodes(table: DocumentTable, facet: SingleFacet, values: readonly string[]): Set<number> {
  const column = table.columns[facet];
  const allowed = new Set<number>();
  for (const value of values) {
    const code = column.find(value);
    if (code !== undefined && code !== 0) allowed.add(code);
  }
  return allowed;
}

/** Counters for every facet value, filled while the matches are visited. */
export class FacetCounter {
  readonly counts: Record<SingleFacet, Int32Array>;
  readonly themeCounts = new Int32Array(THEME_CODES.length);
  private readonly codeArrays: number[][];
  private readonly countArrays: Int32Array[];

  constructor(private readonly table: DocumentTable) {
    this.counts = Object.fromEntries(
      SINGLE_FACETS.map((facet) => [facet, new Int32Array(table.columns[facet].values.length)]),
    ) as Record<SingleFacet, Int32Array>;
    // Column and counter arrays side by side, so counting a match is one tight loop.
    this.codeArrays = SINGLE_FACETS.map((facet) => table.columns[facet].codes);
    this.countArrays = SINGLE_FACETS.map((facet) => this.counts[facet]);
  }

  one(facet: SingleFacet, doc: number): void {
    const facetCounts = this.counts[facet];
    const code = this.table.columns[facet].codes[doc] ?? 0;
    facetCounts[code] = (facetCounts[code] ?? 0) + 1;
  }

  all(doc: number): void {
    for (let facet = 0; facet < this.codeArrays.length; facet++) {
      const facetCounts = this.countArrays[facet] as Int32Array;
      const code = (this.codeArrays[facet] as number[])[doc] as number;
      facetCounts[code] = (facetCounts[code] as number) + 1;
    }
  }

  themes(doc: number): void {
    const mask = this.table.themeMasks[doc] ?? 0;
    if (mask === 0) return;
    for (let bit = 0; bit < THEME_CODES.length; bit++) {
      if ((mask & (1 << bit)) !== 0) this.themeCounts[bit] = (this.themeCounts[bit] ?? 0) + 1;
    }
  }

  /** The counts as the API shows them: labelled, busiest first (years newest first), selected kept. */
  result(filters: CatalogQuery['filters']): Record<CatalogFacet, FacetCount[]> {
    const { table } = this;
    const labelOf = (facet: CatalogFacet, value: string): string => {
      if (facet === 'region') return table.regionNames.get(value) ?? value;
      if (facet === 'province') return table.provinceNames.get(value) ?? value;
      return CATALOG_FACET_LABELS[facet]?.[value] ?? value;
    };
    const ordered = (facet: CatalogFacet, entries: [string, number][]): FacetCount[] => {
      const selected = new Set(filters[facet] ?? []);
      const sorted = entries
        .filter(([, count]) => count > 0)
        .sort((a, b) =>
          facet === 'year' ? Number(b[0]) - Number(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0]),
        );
      const head = sorted.slice(0, MAX_FACET_VALUES);
      for (const entry of sorted.slice(MAX_FACET_VALUES)) if (selected.has(entry[0])) head.push(entry);
      return head.map(([value, count]) => ({ value, label: labelOf(facet, value), count }));
    };
    const result = {} as Record<CatalogFacet, FacetCount[]>;
    for (const facet of CATALOG_FACETS) {
      if (facet === 'theme') {
        result.theme = ordered(
          'theme',
          THEME_CODES.map((code, bit) => [code, this.themeCounts[bit] ?? 0]),
        );
        continue;
      }
      const column = table.columns[facet];
      const entries: [string, number][] = [];
      this.counts[facet].forEach((count, code) => {
        if (code !== 0 && count > 0) entries.push([column.values[code] as string, count]);
      });
      result[facet] = ordered(facet, entries);
    }
    return result;
  }
}
