import type { CatalogFacet, CatalogSort, KematanganBand } from '@inovasi/core';

/** What a search result shows of an entry. */
export interface CatalogListItem {
  readonly catalogId: string;
  readonly innovationId: string;
  readonly name: string;
  readonly region: { readonly code: string; readonly name: string };
  readonly province: { readonly code: string; readonly name: string };
  readonly opdName: string;
  readonly urusanMain?: string | undefined;
  readonly basicService: boolean;
  readonly kind?: string | undefined;
  readonly form?: string | undefined;
  readonly stage?: string | undefined;
  readonly themes: string[];
  readonly year?: number | undefined;
  readonly summary: string;
  readonly kematanganBand?: KematanganBand | undefined;
  readonly publishedAt: string;
}

export interface FacetCount {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export interface CatalogQuery {
  readonly text?: string | undefined;
  readonly filters: Readonly<Partial<Record<CatalogFacet, readonly string[]>>>;
  readonly sort: CatalogSort;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface CatalogSearchResult {
  readonly items: CatalogListItem[];
  readonly total: number;
  readonly nextCursor?: string | undefined;
  readonly facets: Record<CatalogFacet, FacetCount[]>;
  /** False when no entry had every word and the answer lists entries with any of them. */
  readonly matchedAllWords: boolean;
}

/** The documents a text query matched, with what ranking needs to know of each. */
export interface TextMatches {
  readonly docs: number[];
  readonly allWords: boolean;
  /** BM25 score by document number (only the matched documents' entries are meaningful). */
  readonly scores: Float64Array;
  /** Query words each document matched only through a one-letter typo, by document number. */
  readonly typos: Uint8Array;
}
