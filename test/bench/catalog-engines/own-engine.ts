import type { CatalogEntry } from '@inovasi/core';
import { CatalogSearchIndex } from '../../../packages/app/src/catalog/search/index.ts';
import type { BenchAnswer, BenchEngine, BenchQuery } from './engines.ts';

/**
 * The catalogue's own engine, exactly as the API uses it; or another copy of it with the same
 * interface (the previous release's, checked out into a folder inside the workspace so that its
 * imports resolve), to compare two versions on one corpus.
 */
export class OwnEngine implements BenchEngine {
  private index: CatalogSearchIndex;

  constructor(private readonly Index: typeof CatalogSearchIndex = CatalogSearchIndex) {
    this.index = new Index();
  }

  async build(entries: readonly CatalogEntry[]): Promise<void> {
    for (const entry of entries) this.index.upsert(entry);
  }

  async snapshot(): Promise<Map<string, Uint8Array>> {
    return new Map([['index.bin', this.index.serialize()]]);
  }

  async load(files: ReadonlyMap<string, Uint8Array>): Promise<void> {
    this.index = this.Index.deserialize(files.get('index.bin') as Uint8Array);
  }

  async search(query: BenchQuery): Promise<BenchAnswer> {
    const result = this.index.search(query);
    return {
      total: result.total,
      ids: result.items.map((item) => item.catalogId),
      facetValues: Object.values(result.facets).reduce((sum, values) => sum + values.length, 0),
    };
  }
}
