import type { CatalogEntry, CatalogFacet, CatalogSort } from '@inovasi/core';

/** What the comparison needs of a search engine: build, snapshot, load, and answer a catalogue query. */
export interface BenchQuery {
  readonly text?: string | undefined;
  readonly filters: Readonly<Partial<Record<CatalogFacet, readonly string[]>>>;
  readonly sort: CatalogSort;
  readonly limit: number;
}

export interface BenchAnswer {
  readonly total: number;
  readonly ids: readonly string[];
  /** Facets the engine counted itself (an engine without facets leaves them to its adapter). */
  readonly facetValues: number;
}

export interface BenchEngine {
  build(entries: readonly CatalogEntry[]): Promise<void>;
  /** The stored snapshot: one file, or several when the engine splits it. */
  snapshot(): Promise<Map<string, Uint8Array>>;
  /** A fresh process's load of the stored snapshot, ready to answer. */
  load(files: ReadonlyMap<string, Uint8Array>): Promise<void>;
  search(query: BenchQuery): Promise<BenchAnswer>;
}

/** `previous`: another copy of the engine, named by `CATALOG_PREVIOUS_ENGINE` (see own-engine.ts). */
export type EngineName = 'engine' | 'previous' | 'orama' | 'flexsearch';
export const ENGINE_NAMES: readonly EngineName[] = ['engine', 'orama', 'flexsearch'];

export async function createEngine(name: EngineName): Promise<BenchEngine> {
  if (name === 'engine') return new (await import('./own-engine.ts')).OwnEngine();
  if (name === 'previous') {
    const module = process.env.CATALOG_PREVIOUS_ENGINE;
    if (!module) throw new Error('CATALOG_PREVIOUS_ENGINE names the module of the previous engine');
    return new (await import('./own-engine.ts')).OwnEngine((await import(module)).CatalogSearchIndex);
  }
  if (name === 'orama') return new (await import('./orama.ts')).OramaEngine();
  return new (await import('./flexsearch.ts')).FlexSearchEngine();
}

/** The route's parsing of a query string, reduced to what the engines need. */
export function parseBenchQuery(queryString: string): BenchQuery {
  const params = new URLSearchParams(queryString);
  const text = params.get('q') ?? undefined;
  const filters: Partial<Record<CatalogFacet, string[]>> = {};
  for (const [key, value] of params) {
    if (key === 'q' || key === 'sort') continue;
    filters[key as CatalogFacet] = value.split(',');
  }
  const sort = (params.get('sort') as CatalogSort | null) ?? (text?.trim() ? 'relevance' : 'recent');
  return { text, filters, sort, limit: 20 };
}
