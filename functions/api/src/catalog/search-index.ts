import { createHash } from 'node:crypto';
import {
  CATALOG_FACET_LABELS,
  CATALOG_FACETS,
  CATALOG_THEMES,
  type CatalogEntry,
  type CatalogFacet,
  type CatalogSort,
  type KematanganBand,
  searchWords,
  summarise,
  URUSAN,
  wordForms,
} from '@inovasi/core';

/**
 * The catalogue's search index: a compact inverted index with BM25 ranking, facet columns and a
 * binary snapshot format, kept in memory by each API instance. Written for this catalogue rather
 * than taken from a library because the targets (50,000 entries, warm p95 ≤ 50 ms, load ≤ 1 s)
 * need a snapshot that loads without rebuilding any tree: see docs/decisions/0006.
 */

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

export class InvalidSearchCursorError extends Error {
  override readonly name = 'InvalidSearchCursorError';
}

/** Field weights: a word in the name says more about an innovation than one in its results. */
const FIELD_WEIGHTS = { name: 6, labels: 4, place: 4, opd: 2, summary: 2, narrative: 1 } as const;
/** Only the head of each narrative field is indexed: it carries the gist and keeps the snapshot small. */
const NARRATIVE_WORDS = 60;
const SNIPPET_CHARS = 200;
const MAX_PREFIX_EXPANSIONS = 40;
const MIN_PREFIX_LENGTH = 3;
/** Region facet lists are long (514 regions); the busiest are shown, plus any that are selected. */
const MAX_FACET_VALUES = 40;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

const SINGLE_FACETS = [
  'urusan',
  'basicService',
  'kind',
  'form',
  'stage',
  'province',
  'region',
  'year',
] as const;
type SingleFacet = (typeof SINGLE_FACETS)[number];
const THEME_CODES = CATALOG_THEMES.map((theme) => theme.code) as readonly string[];
const URUSAN_NAMES = new Map(URUSAN.map((urusan) => [urusan.code, urusan.name]));

/** A dictionary-coded column: code 0 means "no value". */
class Column {
  readonly values: string[] = [''];
  codes: number[] = [];
  private readonly codeOf = new Map<string, number>([['', 0]]);

  static from(values: readonly string[], codes: number[]): Column {
    const column = new Column();
    for (const value of values.slice(1)) column.code(value);
    column.codes = codes;
    return column;
  }

  code(value: string | undefined): number {
    if (value === undefined || value === '') return 0;
    let code = this.codeOf.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codeOf.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.codeOf.get(value);
  }

  valueAt(doc: number): string | undefined {
    const code = this.codes[doc] ?? 0;
    return code === 0 ? undefined : this.values[code];
  }
}

interface Postings {
  docs: number[];
  weights: number[];
}

/** Binary search: the first index whose term is ≥ `term`. */
function lowerBound(terms: readonly string[], term: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((terms[middle] as string) < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Stemming is the cost of indexing; a catalogue's vocabulary is small, so each word is stemmed once. */
const formsCache = new Map<string, string[]>();
const MAX_CACHED_WORDS = 200_000;
function cachedForms(word: string): string[] {
  let forms = formsCache.get(word);
  if (!forms) {
    forms = wordForms(word);
    if (formsCache.size >= MAX_CACHED_WORDS) formsCache.clear();
    formsCache.set(word, forms);
  }
  return forms;
}

/** The searchable text of an entry, weighted by field, as term → weight. */
function termWeights(entry: CatalogEntry): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string | undefined, weight: number, maxWords = Number.POSITIVE_INFINITY) => {
    if (!text) return;
    const words = searchWords(text);
    for (const word of words.slice(0, maxWords)) {
      for (const form of cachedForms(word)) weights.set(form, (weights.get(form) ?? 0) + weight);
    }
  };
  add(entry.name, FIELD_WEIGHTS.name);
  const themeLabels = entry.themes.map(
    (theme) => CATALOG_THEMES.find((candidate) => candidate.code === theme)?.label ?? theme,
  );
  const urusanLabels = [entry.urusanMain, ...entry.urusanOthers].map((code) =>
    code ? (URUSAN_NAMES.get(code) ?? code) : '',
  );
  add([...themeLabels, ...urusanLabels].join(' '), FIELD_WEIGHTS.labels);
  add(`${entry.region.name} ${entry.province.name}`, FIELD_WEIGHTS.place);
  add(entry.opd.name, FIELD_WEIGHTS.opd);
  add(entry.summary, FIELD_WEIGHTS.summary, NARRATIVE_WORDS);
  add(entry.tujuan, FIELD_WEIGHTS.narrative, NARRATIVE_WORDS);
  add(entry.manfaat, FIELD_WEIGHTS.narrative, NARRATIVE_WORDS);
  add(entry.hasil, FIELD_WEIGHTS.narrative, NARRATIVE_WORDS);
  for (const [term, weight] of weights) weights.set(term, Math.min(255, weight));
  return weights;
}

interface CursorKey {
  readonly score: number;
  readonly publishedAt: number;
  readonly catalogId: string;
}

const SNAPSHOT_MAGIC = 0x58544143; // "CATX", little-endian
const SNAPSHOT_FORMAT = 1;

/**
 * Snapshot layout: magic, format, header length, a JSON header (columns of the listing fields and
 * the sorted vocabulary), then 4-byte aligned binary sections read as typed-array views.
 */
interface SnapshotHeader {
  readonly format: number;
  readonly sequence: number;
  readonly builtAt: string;
  readonly docCount: number;
  readonly termCount: number;
  readonly postingCount: number;
  readonly columns: {
    readonly catalogId: string[];
    readonly name: string[];
    readonly snippet: string[];
    readonly version: number[];
    readonly publishedAt: number[];
    readonly themes: number[];
  };
  readonly dictionaries: Record<SingleFacet | 'opd' | 'band', { values: string[]; codes: number[] }>;
  readonly labels: { readonly region: Record<string, string>; readonly province: Record<string, string> };
  readonly terms: string;
}

export class CatalogSearchIndex {
  /** The log sequence this index reflects. */
  sequence = 0;
  // Columns by document number; replaced wholesale when a snapshot loads.
  private catalogIds: string[] = [];
  private names: string[] = [];
  private snippets: string[] = [];
  private versions: number[] = [];
  private publishedAt: number[] = [];
  private themeMasks: number[] = [];
  private docLengths: number[] = [];
  private alive: boolean[] = [];
  private readonly columns: Record<SingleFacet | 'opd' | 'band', Column>;
  private readonly regionNames = new Map<string, string>();
  private readonly provinceNames = new Map<string, string>();
  /** The newest version seen per entry, removals included, so a late or repeated step cannot undo a newer one. */
  private readonly knownVersions = new Map<string, number>();
  private readonly docOf = new Map<string, number>();
  private aliveCount = 0;
  private totalLength = 0;

  // Postings loaded from a snapshot (compact, immutable) and those added since (small).
  private baseTerms: string[] = [];
  private baseStart: Uint32Array = new Uint32Array(1);
  private baseDocs: Uint32Array = new Uint32Array(0);
  private baseWeights: Uint8Array = new Uint8Array(0);
  private readonly overlay = new Map<string, Postings>();
  private overlayTerms: string[] | undefined;

  // Scratch space reused by every query (a request runs synchronously, so nothing interleaves).
  private scores = new Float64Array(0);
  private hits = new Uint8Array(0);
  private lastGroup = new Int32Array(0);
  private pendingReset: number[] = [];

  constructor() {
    this.columns = {
      urusan: new Column(),
      basicService: new Column(),
      kind: new Column(),
      form: new Column(),
      stage: new Column(),
      province: new Column(),
      region: new Column(),
      year: new Column(),
      opd: new Column(),
      band: new Column(),
    };
  }

  get size(): number {
    return this.aliveCount;
  }

  has(catalogId: string): boolean {
    return this.docOf.has(catalogId);
  }

  /** Adds or replaces an entry, unless this index already knows a newer version of it. */
  upsert(entry: CatalogEntry): boolean {
    const known = this.knownVersions.get(entry.catalogId);
    if (known !== undefined && known >= entry.version) return false;
    this.knownVersions.set(entry.catalogId, entry.version);
    this.discard(entry.catalogId);
    const doc = this.catalogIds.length;
    this.catalogIds.push(entry.catalogId);
    this.names.push(entry.name);
    this.snippets.push(summarise(entry.summary, SNIPPET_CHARS));
    this.versions.push(entry.version);
    this.publishedAt.push(Date.parse(entry.publishedAt));
    this.themeMasks.push(entry.themes.reduce((mask, theme) => mask | (1 << THEME_CODES.indexOf(theme)), 0));
    const { columns } = this;
    columns.urusan.codes.push(columns.urusan.code(entry.urusanMain));
    columns.basicService.codes.push(columns.basicService.code(String(entry.basicService)));
    columns.kind.codes.push(columns.kind.code(entry.kind));
    columns.form.codes.push(columns.form.code(entry.form));
    columns.stage.codes.push(columns.stage.code(entry.stage));
    columns.province.codes.push(columns.province.code(entry.province.code));
    columns.region.codes.push(columns.region.code(entry.region.code));
    columns.year.codes.push(columns.year.code(entry.year === undefined ? undefined : String(entry.year)));
    columns.opd.codes.push(columns.opd.code(entry.opd.name));
    columns.band.codes.push(columns.band.code(entry.kematanganBand));
    this.regionNames.set(entry.region.code, entry.region.name);
    this.provinceNames.set(entry.province.code, entry.province.name);
    let length = 0;
    for (const [term, weight] of termWeights(entry)) {
      let postings = this.overlay.get(term);
      if (!postings) {
        postings = { docs: [], weights: [] };
        this.overlay.set(term, postings);
        this.overlayTerms = undefined;
      }
      postings.docs.push(doc);
      postings.weights.push(weight);
      length += weight;
    }
    this.docLengths.push(length);
    this.alive.push(true);
    this.aliveCount++;
    this.totalLength += length;
    this.docOf.set(entry.catalogId, doc);
    return true;
  }

  /** Removes an entry (withdrawn at `version`), unless a newer version is already known. */
  remove(catalogId: string, version: number): boolean {
    const known = this.knownVersions.get(catalogId);
    if (known !== undefined && known >= version) return false;
    this.knownVersions.set(catalogId, version);
    return this.discard(catalogId);
  }

  private discard(catalogId: string): boolean {
    const doc = this.docOf.get(catalogId);
    if (doc === undefined) return false;
    this.docOf.delete(catalogId);
    this.alive[doc] = false;
    this.aliveCount--;
    this.totalLength -= this.docLengths[doc] ?? 0;
    return true;
  }

  listItem(doc: number): CatalogListItem {
    const catalogId = this.catalogIds[doc] as string;
    const { columns } = this;
    const region = columns.region.valueAt(doc) ?? '';
    const province = columns.province.valueAt(doc) ?? '';
    const year = columns.year.valueAt(doc);
    const themes = THEME_CODES.filter((_, bit) => ((this.themeMasks[doc] ?? 0) & (1 << bit)) !== 0);
    return {
      catalogId,
      innovationId: catalogId.slice(catalogId.indexOf('~') + 1),
      name: this.names[doc] as string,
      region: { code: region, name: this.regionNames.get(region) ?? region },
      province: { code: province, name: this.provinceNames.get(province) ?? province },
      opdName: columns.opd.valueAt(doc) ?? '',
      urusanMain: columns.urusan.valueAt(doc),
      basicService: columns.basicService.valueAt(doc) === 'true',
      kind: columns.kind.valueAt(doc),
      form: columns.form.valueAt(doc),
      stage: columns.stage.valueAt(doc),
      themes,
      year: year === undefined ? undefined : Number(year),
      summary: this.snippets[doc] as string,
      kematanganBand: columns.band.valueAt(doc) as KematanganBand | undefined,
      publishedAt: new Date(this.publishedAt[doc] as number).toISOString(),
    };
  }

  private ensureScratch(): void {
    const size = this.catalogIds.length;
    if (this.scores.length >= size) return;
    const capacity = Math.max(1024, Math.ceil(size * 1.25));
    this.scores = new Float64Array(capacity);
    this.hits = new Uint8Array(capacity);
    this.lastGroup = new Int32Array(capacity).fill(-1);
  }

  private sortedOverlayTerms(): string[] {
    this.overlayTerms ??= [...this.overlay.keys()].sort();
    return this.overlayTerms;
  }

  private documentFrequency(term: string): number {
    const base = this.baseTermIndex(term);
    const baseCount = base === undefined ? 0 : (this.baseStart[base + 1] ?? 0) - (this.baseStart[base] ?? 0);
    return baseCount + (this.overlay.get(term)?.docs.length ?? 0);
  }

  private baseTermIndex(term: string): number | undefined {
    const index = lowerBound(this.baseTerms, term);
    return this.baseTerms[index] === term ? index : undefined;
  }

  /** Vocabulary terms beginning with `prefix`, the most frequent first, at most a handful. */
  private expand(prefix: string): string[] {
    const found = new Set<string>();
    for (const terms of [this.baseTerms, this.sortedOverlayTerms()]) {
      for (let index = lowerBound(terms, prefix); index < terms.length; index++) {
        const term = terms[index] as string;
        if (!term.startsWith(prefix)) break;
        found.add(term);
      }
    }
    if (found.size <= MAX_PREFIX_EXPANSIONS) return [...found];
    return [...found]
      .map((term) => ({ term, frequency: this.documentFrequency(term) }))
      .sort((a, b) => b.frequency - a.frequency)
      .slice(0, MAX_PREFIX_EXPANSIONS)
      .map(({ term }) => term);
  }

  /** Calls `visit` for every (doc, weight) of a term, from the snapshot's postings and the newer ones. */
  private forEachPosting(term: string, visit: (doc: number, weight: number) => void): void {
    const base = this.baseTermIndex(term);
    if (base !== undefined) {
      const end = this.baseStart[base + 1] ?? 0;
      for (let index = this.baseStart[base] ?? 0; index < end; index++) {
        visit(this.baseDocs[index] as number, this.baseWeights[index] as number);
      }
    }
    const added = this.overlay.get(term);
    if (added)
      for (let index = 0; index < added.docs.length; index++)
        visit(added.docs[index] as number, added.weights[index] as number);
  }

  /**
   * Scores the documents matching the words of `text`. Each query word is a group of terms (its
   * forms, and for the word being typed, the vocabulary it prefixes); a document matches a group
   * when it has any of them. Returns the matching docs (all groups, or any group as a fallback).
   */
  private textMatches(text: string): { docs: number[]; allWords: boolean } | undefined {
    const words = searchWords(text);
    if (words.length === 0) return undefined;
    const typing = !/\s$/.test(text);
    const groups = words.map((word, index) => {
      const terms = new Set(wordForms(word));
      if (typing && index === words.length - 1 && word.length >= MIN_PREFIX_LENGTH) {
        for (const term of this.expand(word)) terms.add(term);
      }
      return [...terms];
    });
    this.ensureScratch();
    const { scores, hits, lastGroup, docLengths, alive } = this;
    const touched: number[] = [];
    const docCount = Math.max(1, this.aliveCount);
    const averageLength = this.totalLength / docCount || 1;
    const score = (group: number, idf: number, doc: number, weight: number) => {
      if (!alive[doc]) return;
      const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (docLengths[doc] as number)) / averageLength);
      scores[doc] = (scores[doc] as number) + (idf * weight * (BM25_K1 + 1)) / (weight + norm);
      if (lastGroup[doc] !== group) {
        if (hits[doc] === 0) touched.push(doc);
        lastGroup[doc] = group;
        hits[doc] = (hits[doc] as number) + 1;
      }
    };
    const { baseStart, baseDocs, baseWeights } = this;
    groups.forEach((terms, group) => {
      for (const term of terms) {
        const frequency = this.documentFrequency(term);
        if (frequency === 0) continue;
        const idf = Math.log(1 + (docCount - frequency + 0.5) / (frequency + 0.5));
        const base = this.baseTermIndex(term);
        if (base !== undefined) {
          const end = baseStart[base + 1] as number;
          for (let at = baseStart[base] as number; at < end; at++) {
            score(group, idf, baseDocs[at] as number, baseWeights[at] as number);
          }
        }
        const added = this.overlay.get(term);
        if (added) {
          for (let at = 0; at < added.docs.length; at++) {
            score(group, idf, added.docs[at] as number, added.weights[at] as number);
          }
        }
      }
    });
    let docs = touched.filter((doc) => hits[doc] === groups.length);
    const allWords = docs.length > 0 || groups.length === 1;
    if (!allWords) docs = touched;
    // Scores stay until the caller has ranked; `resetScratch` clears exactly what was touched.
    this.pendingReset = touched;
    return { docs, allWords };
  }

  private resetScratch(): void {
    for (const doc of this.pendingReset) {
      this.scores[doc] = 0;
      this.hits[doc] = 0;
      this.lastGroup[doc] = -1;
    }
    this.pendingReset = [];
  }

  /** Facet codes a filter allows, per single-valued facet; a theme filter is a bit mask. */
  private compileFilters(filters: CatalogQuery['filters']) {
    const single: { facet: SingleFacet; allowed: Set<number> }[] = [];
    let themeMask = 0;
    for (const facet of CATALOG_FACETS) {
      const values = filters[facet];
      if (!values || values.length === 0) continue;
      if (facet === 'theme') {
        for (const value of values) {
          const bit = THEME_CODES.indexOf(value);
          if (bit >= 0) themeMask |= 1 << bit;
        }
        continue;
      }
      const column = this.columns[facet];
      const allowed = new Set<number>();
      for (const value of values) {
        const code = column.find(value);
        if (code !== undefined && code !== 0) allowed.add(code);
      }
      single.push({ facet, allowed });
    }
    return { single, themeMask };
  }

  search(query: CatalogQuery): CatalogSearchResult {
    const text = query.text?.trim() ? query.text : undefined;
    const matches = text ? this.textMatches(text) : undefined;
    try {
      return this.rank(query, matches, Boolean(text));
    } finally {
      this.resetScratch();
    }
  }

  private rank(
    query: CatalogQuery,
    matches: { docs: number[]; allWords: boolean } | undefined,
    hasText: boolean,
  ): CatalogSearchResult {
    const fingerprint = queryFingerprint(query);
    const after = query.cursor ? decodeSearchCursor(query.cursor, fingerprint) : undefined;
    const byRelevance = query.sort === 'relevance' && hasText;
    const { single, themeMask } = this.compileFilters(query.filters);
    const { columns, themeMasks, scores, publishedAt, catalogIds } = this;
    const counts = Object.fromEntries(
      SINGLE_FACETS.map((facet) => [facet, new Int32Array(columns[facet].values.length)]),
    ) as Record<SingleFacet, Int32Array>;
    const themeCounts = new Int32Array(THEME_CODES.length);

    const countFacet = (facet: SingleFacet, doc: number) => {
      const facetCounts = counts[facet];
      const code = columns[facet].codes[doc] ?? 0;
      facetCounts[code] = (facetCounts[code] ?? 0) + 1;
    };
    // Column and counter arrays side by side, so counting a match is one tight loop.
    const codeArrays = SINGLE_FACETS.map((facet) => columns[facet].codes);
    const countArrays = SINGLE_FACETS.map((facet) => counts[facet]);
    const countAll = (doc: number) => {
      for (let facet = 0; facet < codeArrays.length; facet++) {
        const facetCounts = countArrays[facet] as Int32Array;
        const code = (codeArrays[facet] as number[])[doc] as number;
        facetCounts[code] = (facetCounts[code] as number) + 1;
      }
    };
    const countThemes = (doc: number) => {
      const mask = themeMasks[doc] ?? 0;
      if (mask === 0) return;
      for (let bit = 0; bit < THEME_CODES.length; bit++) {
        if ((mask & (1 << bit)) !== 0) themeCounts[bit] = (themeCounts[bit] ?? 0) + 1;
      }
    };

    // Order: higher score, then newer, then by id, so the order is total and a cursor is exact.
    const scoreOf = (doc: number) => (byRelevance ? (scores[doc] as number) : 0);
    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const compareDocs = (a: number, b: number) =>
      scoreOf(b) - scoreOf(a) ||
      (publishedAt[b] as number) - (publishedAt[a] as number) ||
      byId(catalogIds[a] as string, catalogIds[b] as string);
    const compareToCursor = (doc: number, key: CursorKey) =>
      key.score - scoreOf(doc) ||
      key.publishedAt - (publishedAt[doc] as number) ||
      byId(catalogIds[doc] as string, key.catalogId);

    const page: number[] = [];
    const keep = query.limit + 1;
    let total = 0;
    const consider = (doc: number) => {
      // Disjunctive facets: a document failing exactly one filter still counts for that facet,
      // so each facet shows what choosing another of its values would give.
      let failed: SingleFacet | 'theme' | undefined;
      let failures = 0;
      for (const { facet, allowed } of single) {
        if (!allowed.has(columns[facet].codes[doc] ?? 0)) {
          failed = facet;
          if (++failures > 1) return;
        }
      }
      if (themeMask !== 0 && ((themeMasks[doc] ?? 0) & themeMask) === 0) {
        failed = 'theme';
        if (++failures > 1) return;
      }
      if (failures === 1) {
        if (failed === 'theme') countThemes(doc);
        else if (failed) countFacet(failed, doc);
        return;
      }
      countAll(doc);
      countThemes(doc);
      total++;
      if (after && compareToCursor(doc, after) <= 0) return;
      if (page.length === keep && compareDocs(doc, page[keep - 1] as number) >= 0) return;
      let position = page.length;
      while (position > 0 && compareDocs(doc, page[position - 1] as number) < 0) position--;
      page.splice(position, 0, doc);
      if (page.length > keep) page.pop();
    };

    if (matches) for (const doc of matches.docs) consider(doc);
    // Newest documents were added last: visiting them first fills the page early.
    else for (let doc = catalogIds.length - 1; doc >= 0; doc--) if (this.alive[doc]) consider(doc);

    const shown = page.slice(0, query.limit);
    const last = shown.at(-1);
    const cursorKey = (doc: number): CursorKey => ({
      score: scoreOf(doc),
      publishedAt: publishedAt[doc] as number,
      catalogId: catalogIds[doc] as string,
    });
    return {
      items: shown.map((doc) => this.listItem(doc)),
      total,
      nextCursor:
        page.length > query.limit && last !== undefined
          ? encodeSearchCursor(cursorKey(last), fingerprint)
          : undefined,
      facets: this.facetCounts(counts, themeCounts, query.filters),
      matchedAllWords: matches?.allWords ?? true,
    };
  }

  private facetCounts(
    counts: Record<SingleFacet, Int32Array>,
    themeCounts: Int32Array,
    filters: CatalogQuery['filters'],
  ): Record<CatalogFacet, FacetCount[]> {
    const labelOf = (facet: CatalogFacet, value: string): string => {
      if (facet === 'region') return this.regionNames.get(value) ?? value;
      if (facet === 'province') return this.provinceNames.get(value) ?? value;
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
          THEME_CODES.map((code, bit) => [code, themeCounts[bit] ?? 0]),
        );
        continue;
      }
      const column = this.columns[facet];
      const entries: [string, number][] = [];
      counts[facet].forEach((count, code) => {
        if (code !== 0 && count > 0) entries.push([column.values[code] as string, count]);
      });
      result[facet] = ordered(facet, entries);
    }
    return result;
  }

  /**
   * Innovations of other regions that share the entry's urusan or a theme, most alike first:
   * same urusan weighs most, then each shared theme, then kind, form and province.
   */
  similar(catalogId: string, limit = 6): CatalogListItem[] {
    const doc = this.docOf.get(catalogId);
    if (doc === undefined) return [];
    const { columns, themeMasks } = this;
    const region = columns.region.codes[doc];
    const urusan = columns.urusan.codes[doc] ?? 0;
    const themes = themeMasks[doc] ?? 0;
    const best: { doc: number; score: number }[] = [];
    for (let other = 0; other < this.catalogIds.length; other++) {
      if (!this.alive[other] || columns.region.codes[other] === region) continue;
      const sameUrusan = urusan !== 0 && columns.urusan.codes[other] === urusan;
      const shared = popcount((themeMasks[other] ?? 0) & themes);
      if (!sameUrusan && shared === 0) continue;
      const score =
        (sameUrusan ? 4 : 0) +
        2 * shared +
        (columns.kind.codes[other] === columns.kind.codes[doc] ? 1 : 0) +
        (columns.form.codes[other] === columns.form.codes[doc] ? 1 : 0) +
        (columns.province.codes[other] === columns.province.codes[doc] ? 0.5 : 0) +
        (this.publishedAt[other] as number) / 1e15;
      if (best.length === limit && score <= (best[limit - 1] as { score: number }).score) continue;
      let position = best.length;
      while (position > 0 && score > (best[position - 1] as { score: number }).score) position--;
      best.splice(position, 0, { doc: other, score });
      if (best.length > limit) best.pop();
    }
    return best.map(({ doc: other }) => this.listItem(other));
  }

  /** A compact snapshot of the live entries (removed ones are dropped and the rest renumbered). */
  serialize(builtAt = new Date().toISOString()): Uint8Array {
    const live: number[] = [];
    const renumber = new Int32Array(this.catalogIds.length).fill(-1);
    for (let doc = 0; doc < this.catalogIds.length; doc++) {
      if (!this.alive[doc]) continue;
      renumber[doc] = live.length;
      live.push(doc);
    }
    const terms = [...new Set([...this.baseTerms, ...this.overlay.keys()])].sort();
    const starts = new Uint32Array(terms.length + 1);
    const docs: number[] = [];
    const weights: number[] = [];
    terms.forEach((term, index) => {
      starts[index] = docs.length;
      this.forEachPosting(term, (doc, weight) => {
        const renumbered = renumber[doc] ?? -1;
        if (renumbered < 0) return;
        docs.push(renumbered);
        weights.push(weight);
      });
    });
    starts[terms.length] = docs.length;
    // Terms whose every document was removed stay in the vocabulary with no postings; harmless.
    const pick = <T>(column: readonly T[]) => live.map((doc) => column[doc] as T);
    const dictionary = (column: Column) => ({ values: column.values, codes: pick(column.codes) });
    const header: SnapshotHeader = {
      format: SNAPSHOT_FORMAT,
      sequence: this.sequence,
      builtAt,
      docCount: live.length,
      termCount: terms.length,
      postingCount: docs.length,
      columns: {
        catalogId: pick(this.catalogIds),
        name: pick(this.names),
        snippet: pick(this.snippets),
        version: pick(this.versions),
        publishedAt: pick(this.publishedAt),
        themes: pick(this.themeMasks),
      },
      dictionaries: {
        urusan: dictionary(this.columns.urusan),
        basicService: dictionary(this.columns.basicService),
        kind: dictionary(this.columns.kind),
        form: dictionary(this.columns.form),
        stage: dictionary(this.columns.stage),
        province: dictionary(this.columns.province),
        region: dictionary(this.columns.region),
        year: dictionary(this.columns.year),
        opd: dictionary(this.columns.opd),
        band: dictionary(this.columns.band),
      },
      labels: {
        region: Object.fromEntries(this.regionNames),
        province: Object.fromEntries(this.provinceNames),
      },
      terms: terms.join('\n'),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const align = (offset: number) => (offset + 3) & ~3;
    const headerEnd = align(12 + headerBytes.length);
    const lengthsAt = headerEnd;
    const startsAt = lengthsAt + live.length * 4;
    const docsAt = startsAt + starts.byteLength;
    const weightsAt = docsAt + docs.length * 4;
    const buffer = new ArrayBuffer(weightsAt + weights.length);
    const view = new DataView(buffer);
    view.setUint32(0, SNAPSHOT_MAGIC, true);
    view.setUint32(4, SNAPSHOT_FORMAT, true);
    view.setUint32(8, headerBytes.length, true);
    new Uint8Array(buffer, 12, headerBytes.length).set(headerBytes);
    new Float32Array(buffer, lengthsAt, live.length).set(pick(this.docLengths));
    new Uint32Array(buffer, startsAt, starts.length).set(starts);
    new Uint32Array(buffer, docsAt, docs.length).set(docs);
    new Uint8Array(buffer, weightsAt, weights.length).set(weights);
    return new Uint8Array(buffer);
  }

  static deserialize(bytes: Uint8Array): CatalogSearchIndex {
    // Typed-array views need aligned offsets; a body from the network may start anywhere.
    const buffer = bytes.byteOffset % 4 === 0 ? bytes.buffer : bytes.slice().buffer;
    const base = bytes.byteOffset % 4 === 0 ? bytes.byteOffset : 0;
    const view = new DataView(buffer, base);
    if (view.getUint32(0, true) !== SNAPSHOT_MAGIC || view.getUint32(4, true) !== SNAPSHOT_FORMAT) {
      throw new Error('not a catalogue search snapshot of a known format');
    }
    const headerLength = view.getUint32(8, true);
    const header = JSON.parse(
      Buffer.from(buffer, base + 12, headerLength).toString('utf8'),
    ) as SnapshotHeader;
    const headerEnd = (12 + headerLength + 3) & ~3;
    const lengths = new Float32Array(buffer, base + headerEnd, header.docCount);
    const startsAt = base + headerEnd + header.docCount * 4;
    const index = new CatalogSearchIndex();
    index.sequence = header.sequence;
    index.baseStart = new Uint32Array(buffer, startsAt, header.termCount + 1);
    const docsAt = startsAt + (header.termCount + 1) * 4;
    index.baseDocs = new Uint32Array(buffer, docsAt, header.postingCount);
    index.baseWeights = new Uint8Array(buffer, docsAt + header.postingCount * 4, header.postingCount);
    index.baseTerms = header.termCount === 0 ? [] : header.terms.split('\n');
    const { columns } = header;
    index.catalogIds = columns.catalogId;
    index.names = columns.name;
    index.snippets = columns.snippet;
    index.versions = columns.version;
    index.publishedAt = columns.publishedAt;
    index.themeMasks = columns.themes;
    index.docLengths = Array.from(lengths);
    index.alive = new Array<boolean>(header.docCount).fill(true);
    for (const name of Object.keys(index.columns) as (keyof typeof index.columns)[]) {
      const stored = header.dictionaries[name];
      index.columns[name] = Column.from(stored.values, stored.codes);
    }
    for (const [code, name] of Object.entries(header.labels.region)) index.regionNames.set(code, name);
    for (const [code, name] of Object.entries(header.labels.province)) index.provinceNames.set(code, name);
    for (let doc = 0; doc < header.docCount; doc++) {
      const catalogId = columns.catalogId[doc] as string;
      index.totalLength += lengths[doc] as number;
      index.docOf.set(catalogId, doc);
      index.knownVersions.set(catalogId, columns.version[doc] as number);
    }
    index.aliveCount = header.docCount;
    return index;
  }
}

const popcount = (value: number): number => {
  let bits = value >>> 0;
  let count = 0;
  while (bits !== 0) {
    bits &= bits - 1;
    count++;
  }
  return count;
};

/** A cursor continues only the query it came from. */
function queryFingerprint(query: CatalogQuery): string {
  const filters = CATALOG_FACETS.map((facet) => [facet, [...(query.filters[facet] ?? [])].sort()]);
  return createHash('sha256')
    .update(JSON.stringify([query.text?.trim() ?? '', query.sort, filters]))
    .digest('base64url')
    .slice(0, 12);
}

function encodeSearchCursor(key: CursorKey, fingerprint: string): string {
  return Buffer.from(
    JSON.stringify({ q: fingerprint, s: key.score, p: key.publishedAt, i: key.catalogId }),
  ).toString('base64url');
}

function decodeSearchCursor(cursor: string, fingerprint: string): CursorKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (
      parsed.q === fingerprint &&
      typeof parsed.s === 'number' &&
      typeof parsed.p === 'number' &&
      typeof parsed.i === 'string'
    ) {
      return { score: parsed.s, publishedAt: parsed.p, catalogId: parsed.i };
    }
  } catch {
    // fall through: a cursor this API did not issue for this query
  }
  throw new InvalidSearchCursorError('cursor does not belong to this search');
}
