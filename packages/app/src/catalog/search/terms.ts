import { CATALOG_THEMES, type CatalogEntry, searchWords, URUSAN, wordForms } from '@inovasi/core';

/** Field weights: a word in the name says more about an innovation than one in its results. */
const FIELD_WEIGHTS = { name: 6, labels: 4, place: 4, opd: 2, summary: 2, narrative: 1 } as const;
/** Only the head of each narrative field is indexed: it carries the gist and keeps the snapshot small. */
const NARRATIVE_WORDS = 60;
/** A posting's weight is one byte. */
const MAX_WEIGHT = 255;
const URUSAN_NAMES = new Map(URUSAN.map((urusan) => [urusan.code, urusan.name]));
const THEME_LABELS = new Map(CATALOG_THEMES.map((theme) => [theme.code as string, theme.label]));

/** Stemming is the cost of indexing; a catalogue's vocabulary is small, so each word is stemmed once. */
const formsCache = new Map<string, string[]>();
const MAX_CACHED_WORDS = 200_000;
export function cachedForms(word: string): string[] {
  let forms = formsCache.get(word);
  if (!forms) {
    forms = wordForms(word);
    if (formsCache.size >= MAX_CACHED_WORDS) formsCache.clear();
    formsCache.set(word, forms);
  }
  return forms;
}

/** The searchable text of an entry, weighted by field, as term → weight. */
export function termWeights(entry: CatalogEntry): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string | undefined, weight: number, maxWords = Number.POSITIVE_INFINITY) => {
    if (!text) return;
    const words = searchWords(text);
    for (const word of words.slice(0, maxWords)) {
      for (const form of cachedForms(word)) weights.set(form, (weights.get(form) ?? 0) + weight);
    }
  };
  add(entry.name, FIELD_WEIGHTS.name);
  const themeLabels = entry.themes.map((theme) => THEME_LABELS.get(theme) ?? theme);
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
  for (const [term, weight] of weights) weights.set(term, Math.min(MAX_WEIGHT, weight));
  return weights;
}

/**
 * Shorter words are left alone: one letter changes too much of them (`data` → `dana`), and a
 * five-letter word is where a slip of the thumb (`sehta`) starts to cost a search.
 */
export const MIN_TYPO_LENGTH = 5;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Every string one edit away from `word`: a letter deleted, inserted, replaced, or two neighbours
 * swapped (Damerau–Levenshtein distance 1; `sehta` → `sehat` is a swap). The vocabulary decides
 * which of them are words; generating them is cheaper than comparing the word with every term.
 */
export function oneEditAway(word: string): Set<string> {
  const variants = new Set<string>();
  for (let at = 0; at <= word.length; at++) {
    const before = word.slice(0, at);
    const after = word.slice(at);
    if (after.length > 0) variants.add(before + after.slice(1));
    if (after.length > 1) variants.add(before + after[1] + after[0] + after.slice(2));
    for (const letter of LETTERS) {
      variants.add(before + letter + after);
      if (after.length > 0) variants.add(before + letter + after.slice(1));
    }
  }
  variants.delete(word);
  return variants;
}
