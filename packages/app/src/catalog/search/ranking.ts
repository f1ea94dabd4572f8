import { type CursorKey, decodeSearchCursor, encodeSearchCursor, queryFingerprint } from './cursor.ts';
import type { DocumentTable, SingleFacet } from './documents.ts';
import { type CompiledFilters, compileFilters, FacetCounter } from './facets.ts';
import { keepTop } from './top.ts';
import type { CatalogQuery, CatalogSearchResult, TextMatches } from './types.ts';

const SEVERAL = 'several';

/** The one filter a document fails, SEVERAL when it fails more than one, undefined when it passes all. */
function failedFilter(
  table: DocumentTable,
  { single, themeMask }: CompiledFilters,
  doc: number,
): SingleFacet | 'theme' | typeof SEVERAL | undefined {
  let failed: SingleFacet | 'theme' | undefined;
  let failures = 0;
  for (const { facet, allowed } of single) {
    if (!allowed.has(table.columns[facet].codes[doc] ?? 0)) {
      failed = facet;
      if (++failures > 1) return SEVERAL;
    }
  }
  if (themeMask !== 0 && ((table.themeMasks[doc] ?? 0) & themeMask) === 0) {
    failed = 'theme';
    if (++failures > 1) return SEVERAL;
  }
  return failed;
}

/**
 * One page of a query's matches (or of every live document when there is no text), with the
 * total and the facet counts of all of them. The order is total, so a cursor is exact: fewer
 * words matched only through a typo first, then (by relevance) the higher score, then the newer,
 * then by id.
 */
export function rank(
  table: DocumentTable,
  query: CatalogQuery,
  matches: TextMatches | undefined,
): CatalogSearchResult {
  const fingerprint = queryFingerprint(query);
  const after = query.cursor ? decodeSearchCursor(query.cursor, fingerprint) : undefined;
  const byRelevance = query.sort === 'relevance' && matches !== undefined;
  const filters = compileFilters(table, query.filters);
  const { publishedAt, catalogIds } = table;
  const counter = new FacetCounter(table);

  const typosOf = (doc: number) => (matches ? (matches.typos[doc] as number) : 0);
  const scoreOf = (doc: number) => (byRelevance ? ((matches as TextMatches).scores[doc] as number) : 0);
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const compareDocs = (a: number, b: number) =>
    typosOf(a) - typosOf(b) ||
    scoreOf(b) - scoreOf(a) ||
    (publishedAt[b] as number) - (publishedAt[a] as number) ||
    byId(catalogIds.at(a), catalogIds.at(b));
  const compareToCursor = (doc: number, key: CursorKey) =>
    typosOf(doc) - key.typos ||
    key.score - scoreOf(doc) ||
    key.publishedAt - (publishedAt[doc] as number) ||
    byId(catalogIds.at(doc), key.catalogId);

  const page: number[] = [];
  const keep = query.limit + 1;
  let total = 0;
  const consider = (doc: number) => {
    const failed = failedFilter(table, filters, doc);
    if (failed === SEVERAL) return;
    // Disjunctive facets: a document failing exactly one filter still counts for that facet,
    // so each facet shows what choosing another of its values would give.
    if (failed === 'theme') {
      counter.themes(doc);
      return;
    }
    if (failed !== undefined) {
      counter.one(failed, doc);
      return;
    }
    counter.all(doc);
    counter.themes(doc);
    total++;
    if (after && compareToCursor(doc, after) <= 0) return;
    keepTop(page, keep, doc, compareDocs);
  };

  if (matches) for (const doc of matches.docs) consider(doc);
  // Newest documents were added last: visiting them first fills the page early.
  else for (let doc = table.count - 1; doc >= 0; doc--) if (table.alive[doc]) consider(doc);

  const shown = page.slice(0, query.limit);
  const last = shown.at(-1);
  const cursorKey = (doc: number): CursorKey => ({
    typos: typosOf(doc),
    score: scoreOf(doc),
    publishedAt: publishedAt[doc] as number,
    catalogId: catalogIds.at(doc),
  });
  return {
    items: shown.map((doc) => table.listItem(doc)),
    total,
    nextCursor:
      page.length > query.limit && last !== undefined
        ? encodeSearchCursor(cursorKey(last), fingerprint)
        : undefined,
    facets: counter.result(query.filters),
    matchedAllWords: matches?.allWords ?? true,
  };
}
