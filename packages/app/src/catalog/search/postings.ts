/**
 * The inverted index: for each term, the documents that have it and a one-byte field-weighted
 * frequency. Postings from the snapshot stay in its bytes, document numbers delta-encoded as
 * variable-length integers (one byte for most: at 200,000 entries this halves the snapshot, and
 * decoding while scoring costs less than reading four bytes did); postings added since are arrays.
 */
export interface StoredPostings {
  /** The vocabulary, sorted. */
  readonly terms: string[];
  /** Index of each term's first posting (one more than there are terms). */
  readonly starts: Uint32Array;
  /** Byte offset of each term's first document number in `docBytes` (one more than there are terms). */
  readonly byteStarts: Uint32Array;
  /** Per term, ascending document numbers as LEB128 gaps from the previous one (the first from -1). */
  readonly docBytes: Uint8Array;
  readonly weights: Uint8Array;
}

interface AddedPostings {
  readonly docs: number[];
  readonly weights: number[];
}

const EMPTY: StoredPostings = {
  terms: [],
  starts: new Uint32Array(1),
  byteStarts: new Uint32Array(1),
  docBytes: new Uint8Array(0),
  weights: new Uint8Array(0),
};

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

/** A byte buffer that grows as variable-length integers are written to it. */
class ByteWriter {
  private bytes = new Uint8Array(1 << 20);
  length = 0;

  writeVarint(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

export class PostingStore {
  private stored: StoredPostings = EMPTY;
  private readonly added = new Map<string, AddedPostings>();
  private addedTerms: string[] | undefined;

  static fromSnapshot(stored: StoredPostings): PostingStore {
    const store = new PostingStore();
    store.stored = stored;
    return store;
  }

  add(term: string, doc: number, weight: number): void {
    let postings = this.added.get(term);
    if (!postings) {
      postings = { docs: [], weights: [] };
      this.added.set(term, postings);
      this.addedTerms = undefined;
    }
    postings.docs.push(doc);
    postings.weights.push(weight);
  }

  private storedIndex(term: string): number | undefined {
    const index = lowerBound(this.stored.terms, term);
    return this.stored.terms[index] === term ? index : undefined;
  }

  /** Postings of the term, removed documents included (the caller skips those). */
  documentFrequency(term: string): number {
    const index = this.storedIndex(term);
    const { starts } = this.stored;
    const storedCount = index === undefined ? 0 : (starts[index + 1] as number) - (starts[index] as number);
    return storedCount + (this.added.get(term)?.docs.length ?? 0);
  }

  /** Calls `visit` for every (doc, weight) of a term, ascending by document. */
  forEach(term: string, visit: (doc: number, weight: number) => void): void {
    const index = this.storedIndex(term);
    if (index !== undefined) {
      const { starts, byteStarts, docBytes, weights } = this.stored;
      const end = starts[index + 1] as number;
      let at = byteStarts[index] as number;
      let doc = -1;
      for (let posting = starts[index] as number; posting < end; posting++) {
        let gap = 0;
        let shift = 0;
        let byte: number;
        do {
          byte = docBytes[at++] as number;
          gap |= (byte & 0x7f) << shift;
          shift += 7;
        } while (byte & 0x80);
        doc += gap;
        visit(doc, weights[posting] as number);
      }
    }
    const added = this.added.get(term);
    if (added) {
      for (let at = 0; at < added.docs.length; at++)
        visit(added.docs[at] as number, added.weights[at] as number);
    }
  }

  /** Vocabulary terms beginning with `prefix`, the most frequent first, at most `max`. */
  withPrefix(prefix: string, max: number): string[] {
    this.addedTerms ??= [...this.added.keys()].sort();
    const found = new Set<string>();
    for (const terms of [this.stored.terms, this.addedTerms]) {
      for (let index = lowerBound(terms, prefix); index < terms.length; index++) {
        const term = terms[index] as string;
        if (!term.startsWith(prefix)) break;
        found.add(term);
      }
    }
    if (found.size <= max) return [...found];
    return [...found]
      .map((term) => ({ term, frequency: this.documentFrequency(term) }))
      .sort((a, b) => b.frequency - a.frequency)
      .slice(0, max)
      .map(({ term }) => term);
  }

  /**
   * The postings of the documents still alive, renumbered (`renumber[doc]` is the new number, or
   * -1 for a removed document). Terms whose every document was removed are dropped.
   */
  encode(renumber: Int32Array): StoredPostings {
    const vocabulary = [...new Set([...this.stored.terms, ...this.added.keys()])].sort();
    const terms: string[] = [];
    const starts: number[] = [0];
    const byteStarts: number[] = [0];
    const writer = new ByteWriter();
    const weights: number[] = [];
    for (const term of vocabulary) {
      let previous = -1;
      this.forEach(term, (doc, weight) => {
        const renumbered = renumber[doc] ?? -1;
        if (renumbered < 0) return;
        writer.writeVarint(renumbered - previous);
        previous = renumbered;
        weights.push(weight);
      });
      if (weights.length === starts.at(-1)) continue;
      terms.push(term);
      starts.push(weights.length);
      byteStarts.push(writer.length);
    }
    return {
      terms,
      starts: Uint32Array.from(starts),
      byteStarts: Uint32Array.from(byteStarts),
      docBytes: writer.result(),
      weights: Uint8Array.from(weights),
    };
  }
}
