import { type CatalogEntry, searchWords, wordForms } from '@inovasi/core';
import { Column, TextColumn } from './columns.ts';
import { COLUMN_NAMES, DocumentTable, popcount } from './documents.ts';
import { PostingStore } from './postings.ts';
import { rank } from './ranking.ts';
import { codesSection, readSnapshot, type Section, writeSnapshot } from './snapshot.ts';
import { MIN_TYPO_LENGTH, oneEditAway, termWeights } from './terms.ts';
import type { CatalogQuery, CatalogSearchResult, TextMatches } from './types.ts';

export { SnapshotFormatError } from './snapshot.ts';
export * from './types.ts';

/**
 * The catalogue's search index: an inverted index with BM25 ranking, facet columns and a binary
 * snapshot, kept in memory by each API instance. Written for this catalogue rather than taken from
 * a library because the targets (200,000 entries, p95 ≤ 50 ms, cold load ≤ 1 s) need a snapshot
 * that loads without rebuilding any tree; Orama and FlexSearch were measured against them in
 * docs/decisions/0038.
 */
const MAX_PREFIX_EXPANSIONS = 40;
const MIN_PREFIX_LENGTH = 3;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/**
 * A word is second-guessed only when it reaches fewer postings than this: `sehat` (in many
 * entries) is what the user meant, and its neighbours (`sehati`) would only add noise to the
 * count; `sehta` (in none, or in one entry that has the same slip) is probably a typo.
 */
const TYPOS_BELOW_REACH = 3;
/** Matched words are bits of an int32 (a query is at most 200 characters anyway). */
const MAX_QUERY_WORDS = 30;

/** A query word's terms: its own forms and prefix expansions, then those one typo away. */
interface WordGroup {
  readonly exact: string[];
  readonly typo: string[];
}

export class CatalogSearchIndex {
  /** The log sequence this index reflects. */
  sequence = 0;
  private documents = new DocumentTable();
  private postings = new PostingStore();

  // Scratch space reused by every query (a request runs synchronously, so nothing interleaves).
  private scores = new Float64Array(0);
  private typos = new Uint8Array(0);
  /** Bit per query word, set when the document matched that word exactly. */
  private exactWords = new Int32Array(0);
  private anyWords = new Int32Array(0);
  private pendingReset: number[] = [];

  get size(): number {
    return this.documents.aliveCount;
  }

  has(catalogId: string): boolean {
    return this.documents.docOf(catalogId) !== undefined;
  }

  /** Adds or replaces an entry, unless this index already knows a newer version of it. */
  upsert(entry: CatalogEntry): boolean {
    const known = this.documents.knownVersion(entry.catalogId);
    if (known !== undefined && known >= entry.version) return false;
    this.documents.noteVersion(entry.catalogId, entry.version);
    this.documents.discard(entry.catalogId);
    const weights = termWeights(entry);
    let length = 0;
    for (const weight of weights.values()) length += weight;
    const doc = this.documents.add(entry, length);
    for (const [term, weight] of weights) this.postings.add(term, doc, weight);
    return true;
  }

  /** Removes an entry (withdrawn at `version`), unless a newer version is already known. */
  remove(catalogId: string, version: number): boolean {
    const known = this.documents.knownVersion(catalogId);
    if (known !== undefined && known >= version) return false;
    this.documents.noteVersion(catalogId, version);
    return this.documents.discard(catalogId);
  }

  search(query: CatalogQuery): CatalogSearchResult {
    const text = query.text?.trim() ? query.text : undefined;
    try {
      return rank(this.documents, query, text ? this.textMatches(text) : undefined);
    } finally {
      this.resetScratch();
    }
  }

  similar(catalogId: string, limit = 6) {
    const doc = this.documents.docOf(catalogId);
    return doc === undefined ? [] : this.documents.similar(doc, limit);
  }

  private ensureScratch(): void {
    const size = this.documents.count;
    if (this.scores.length >= size) return;
    const capacity = Math.max(1024, Math.ceil(size * 1.25));
    this.scores = new Float64Array(capacity);
    this.typos = new Uint8Array(capacity);
    this.exactWords = new Int32Array(capacity);
    this.anyWords = new Int32Array(capacity);
  }

  private resetScratch(): void {
    for (const doc of this.pendingReset) {
      this.scores[doc] = 0;
      this.typos[doc] = 0;
      this.exactWords[doc] = 0;
      this.anyWords[doc] = 0;
    }
    this.pendingReset = [];
  }

  /**
   * Each query word becomes a group of terms: its forms and, for the word being typed, the
   * vocabulary it prefixes; and for a word of five letters or more that is found in hardly any
   * entry, the vocabulary words one edit away with their forms (`sehta` → `sehat`, `kesehtan` →
   * `kesehatan`).
   */
  private wordGroups(text: string): WordGroup[] {
    const words = searchWords(text).slice(0, MAX_QUERY_WORDS);
    const typing = !/\s$/.test(text);
    return words.map((word, index) => {
      const exact = new Set(wordForms(word));
      if (typing && index === words.length - 1 && word.length >= MIN_PREFIX_LENGTH) {
        for (const term of this.postings.withPrefix(word, MAX_PREFIX_EXPANSIONS)) exact.add(term);
      }
      return { exact: [...exact], typo: this.typoTerms(word, exact) };
    });
  }

  /** The vocabulary words one edit away and their forms, for a long word found in hardly any entry. */
  private typoTerms(word: string, exact: ReadonlySet<string>): string[] {
    const typo = new Set<string>();
    const reach = [...exact].reduce((sum, term) => sum + this.postings.documentFrequency(term), 0);
    if (word.length >= MIN_TYPO_LENGTH && reach < TYPOS_BELOW_REACH) {
      for (const variant of oneEditAway(word)) {
        if (exact.has(variant) || this.postings.documentFrequency(variant) === 0) continue;
        for (const form of wordForms(variant)) if (!exact.has(form)) typo.add(form);
      }
    }
    return [...typo];
  }

  /**
   * Scores (BM25) the documents matching the words of `text`. A document matches a word when it
   * has any of its terms, and matches it "only through a typo" when all it has are typo terms.
   * Returns the documents matching every word, or, when none does, those matching any of them.
   */
  private textMatches(text: string): TextMatches | undefined {
    const groups = this.wordGroups(text);
    if (groups.length === 0) return undefined;
    this.ensureScratch();
    const { scores, typos, exactWords, anyWords } = this;
    const { lengths, alive } = this.documents;
    const touched: number[] = [];
    const docCount = Math.max(1, this.documents.aliveCount);
    const averageLength = this.documents.totalLength / docCount || 1;
    groups.forEach((group, word) => {
      const bit = 1 << word;
      const visitTerms = (terms: readonly string[], exact: boolean) => {
        for (const term of terms) {
          const frequency = this.postings.documentFrequency(term);
          if (frequency === 0) continue;
          const idf = Math.log(1 + (docCount - frequency + 0.5) / (frequency + 0.5));
          this.postings.forEach(term, (doc, weight) => {
            if (!alive[doc]) return;
            const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (lengths[doc] as number)) / averageLength);
            scores[doc] = (scores[doc] as number) + (idf * weight * (BM25_K1 + 1)) / (weight + norm);
            if (anyWords[doc] === 0) touched.push(doc);
            anyWords[doc] = (anyWords[doc] as number) | bit;
            if (exact) exactWords[doc] = (exactWords[doc] as number) | bit;
          });
        }
      };
      visitTerms(group.exact, true);
      visitTerms(group.typo, false);
    });
    const everyWord = (1 << groups.length) - 1;
    for (const doc of touched)
      typos[doc] = popcount((anyWords[doc] as number) & ~(exactWords[doc] as number));
    let docs = touched.filter((doc) => anyWords[doc] === everyWord);
    const allWords = docs.length > 0 || groups.length === 1;
    if (!allWords) docs = touched;
    // Scores stay until the caller has ranked; `resetScratch` clears exactly what was touched.
    this.pendingReset = touched;
    return { docs, allWords, scores, typos };
  }

  /** A compact snapshot of the live entries (removed ones are dropped and the rest renumbered). */
  serialize(builtAt = new Date().toISOString()): Uint8Array {
    const table = this.documents;
    const live: number[] = [];
    const renumber = new Int32Array(table.count).fill(-1);
    for (let doc = 0; doc < table.count; doc++) {
      if (!table.alive[doc]) continue;
      renumber[doc] = live.length;
      live.push(doc);
    }
    const pick = <T>(column: readonly T[]) => live.map((doc) => column[doc] as T);
    const text = (column: TextColumn) => TextColumn.encode(live.map((doc) => column.at(doc)));
    const ids = text(table.catalogIds);
    const names = text(table.names);
    const snippets = text(table.snippets);
    const idValues = live.map((doc) => table.catalogIds.at(doc));
    const idOrder = Uint32Array.from(idValues.keys()).sort((a, b) =>
      (idValues[a] as string) < (idValues[b] as string) ? -1 : 1,
    );
    const postings = this.postings.encode(renumber);
    const sections = new Map<string, Section>([
      ['idBytes', ids.bytes],
      ['idOffsets', ids.offsets],
      ['nameBytes', names.bytes],
      ['nameOffsets', names.offsets],
      ['snippetBytes', snippets.bytes],
      ['snippetOffsets', snippets.offsets],
      ['idOrder', idOrder],
      ['versions', Uint32Array.from(pick(table.versions))],
      ['publishedAt', Float64Array.from(pick(table.publishedAt))],
      ['themes', Uint32Array.from(pick(table.themeMasks))],
      ['lengths', Float32Array.from(pick(table.lengths))],
      ['terms', Buffer.from(postings.terms.join('\n'), 'utf8')],
      ['postingStarts', postings.starts],
      ['postingByteStarts', postings.byteStarts],
      ['postingDocs', postings.docBytes],
      ['postingWeights', postings.weights],
    ]);
    for (const name of COLUMN_NAMES) {
      const column = table.columns[name];
      sections.set(`codes.${name}`, codesSection(pick(column.codes), column.values.length));
    }
    const dictionaries = Object.fromEntries(COLUMN_NAMES.map((name) => [name, table.columns[name].values]));
    return writeSnapshot(
      {
        sequence: this.sequence,
        builtAt,
        docCount: live.length,
        dictionaries: dictionaries as Record<(typeof COLUMN_NAMES)[number], string[]>,
        labels: {
          region: Object.fromEntries(table.regionNames),
          province: Object.fromEntries(table.provinceNames),
        },
      },
      sections,
    );
  }

  static deserialize(bytes: Uint8Array): CatalogSearchIndex {
    const { header, sections } = readSnapshot(bytes);
    const section = <T>(name: string) => sections.get(name) as T;
    const index = new CatalogSearchIndex();
    index.sequence = header.sequence;
    const table = index.documents;
    table.catalogIds = TextColumn.fromSnapshot(section('idBytes'), section('idOffsets'));
    table.names = TextColumn.fromSnapshot(section('nameBytes'), section('nameOffsets'));
    table.snippets = TextColumn.fromSnapshot(section('snippetBytes'), section('snippetOffsets'));
    table.idOrder = section('idOrder');
    table.versions = Array.from(section<Uint32Array>('versions'));
    table.publishedAt = Array.from(section<Float64Array>('publishedAt'));
    table.themeMasks = Array.from(section<Uint32Array>('themes'));
    table.lengths = Array.from(section<Float32Array>('lengths'));
    table.alive = new Array<boolean>(header.docCount).fill(true);
    for (const name of COLUMN_NAMES) {
      table.columns[name] = Column.from(header.dictionaries[name], section(`codes.${name}`));
    }
    for (const [code, name] of Object.entries(header.labels.region)) table.regionNames.set(code, name);
    for (const [code, name] of Object.entries(header.labels.province)) table.provinceNames.set(code, name);
    table.aliveCount = header.docCount;
    table.totalLength = table.lengths.reduce((sum, length) => sum + length, 0);
    const termBytes = section<Uint8Array>('terms');
    const terms = Buffer.from(termBytes.buffer, termBytes.byteOffset, termBytes.byteLength).toString('utf8');
    index.postings = PostingStore.fromSnapshot({
      terms: terms === '' ? [] : terms.split('\n'),
      starts: section('postingStarts'),
      byteStarts: section('postingByteStarts'),
      docBytes: section('postingDocs'),
      weights: section('postingWeights'),
    });
    return index;
  }
}
