/**
 * Text handling for the public catalogue's search: case and diacritics folded, common Indonesian
 * function words dropped, and a light affix stemmer so that `pelayanan`, `layanan` and `melayani`
 * meet. Index and query go through the same functions, so a stem only has to be consistent, not
 * linguistically right.
 */

/** Words too common to tell innovations apart (kept short on purpose: recall matters more). */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'ada',
  'adalah',
  'agar',
  'akan',
  'antara',
  'atas',
  'atau',
  'bagi',
  'bahwa',
  'dalam',
  'dan',
  'dari',
  'dengan',
  'di',
  'hingga',
  'ini',
  'itu',
  'juga',
  'ke',
  'kepada',
  'lebih',
  'melalui',
  'oleh',
  'pada',
  'para',
  'sebagai',
  'secara',
  'serta',
  'setiap',
  'tersebut',
  'untuk',
  'yang',
]);

const MIN_STEM_LENGTH = 4;
const VOWELS = new Set(['a', 'i', 'u', 'e', 'o']);
const isVowel = (char: string | undefined): boolean => char !== undefined && VOWELS.has(char);

/** Lower case, diacritics removed (`é` → `e`), every run of non-letters and non-digits a space. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The searchable words of a text, folded, stop words dropped, in order (duplicates kept). */
export function searchWords(text: string): string[] {
  const folded = foldText(text);
  if (folded === '') return [];
  return folded.split(' ').filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

const PARTICLES = ['lah', 'kah', 'tah', 'pun'] as const;
const POSSESSIVES = ['nya', 'ku', 'mu'] as const;

const stripEnding = (word: string, endings: readonly string[]): string => {
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM_LENGTH) {
      return word.slice(0, -ending.length);
    }
  }
  return word;
};

/**
 * Derivational suffixes. `-kan` is ambiguous without a dictionary (`tingkat-kan` but
 * `pendidik-an`), so both readings are returned; `-i` stays on loanwords ending in `-si`
 * (`inovasi`, `sanitasi`).
 */
function suffixReadings(word: string): string[] {
  const keep = (stem: string) => stem.length >= MIN_STEM_LENGTH;
  if (word.endsWith('kan')) {
    return [word.slice(0, -3), word.slice(0, -2)].filter(keep);
  }
  if (word.endsWith('an') && keep(word.slice(0, -2))) return [word.slice(0, -2)];
  if (word.endsWith('i') && !word.endsWith('si') && keep(word.slice(0, -1))) return [word.slice(0, -1)];
  return [];
}

interface PrefixRule {
  readonly prefixes: readonly string[];
  /** The stems the word may have once the prefix is off; empty when the letter after it rules it out. */
  readonly readings: (word: string) => string[];
}

/** `mem-`/`men-`: dropped before the consonants they assimilate to, the lost consonant restored before a vowel. */
const nasalPrefix =
  (keptBefore: string, restoredBeforeVowel: string) =>
  (word: string): string[] => {
    const next = word[3];
    if (keptBefore.includes(next ?? '-')) return [word.slice(3)];
    return isVowel(next) ? [`${restoredBeforeVowel}${word.slice(3)}`] : [];
  };

/** Longest prefixes first: the first rule whose prefix the word starts with decides, even with no reading. */
const PREFIX_RULES: readonly PrefixRule[] = [
  {
    prefixes: ['meng', 'peng'],
    readings: (word) => (isVowel(word[4]) || word[4] === 'g' || word[4] === 'h' ? [word.slice(4)] : []),
  },
  { prefixes: ['meny', 'peny'], readings: (word) => (isVowel(word[4]) ? [`s${word.slice(4)}`] : []) },
  { prefixes: ['mem', 'pem'], readings: nasalPrefix('bpfv', 'p') },
  { prefixes: ['men', 'pen'], readings: nasalPrefix('cdjzs', 't') },
  {
    prefixes: ['per', 'ber', 'ter'],
    readings: (word) => (isVowel(word[3]) ? [word.slice(3), word.slice(2)] : [word.slice(3)]),
  },
  { prefixes: ['me', 'pe'], readings: (word) => ('lrwymn'.includes(word[2] ?? '-') ? [word.slice(2)] : []) },
  { prefixes: ['di', 'ke', 'se'], readings: (word) => [word.slice(2)] },
];

/**
 * One round of prefix removal with the usual sound changes (`meny-` → `s`, `mem-` + vowel → `p`, …).
 * `per-`, `ber-` and `ter-` before a vowel are ambiguous (`pe-rumah-an` but `per-izin-an`), so
 * both readings are returned.
 */
function prefixReadings(word: string): string[] {
  const rule = PREFIX_RULES.find((candidate) => candidate.prefixes.some((prefix) => word.startsWith(prefix)));
  const readings = rule?.readings(word) ?? [];
  return readings.filter((reading) => reading.length >= MIN_STEM_LENGTH);
}

/** Up to two rounds of prefixes (`pem-ber-daya-an`); a word without a known prefix is its own stem. */
function prefixStems(word: string): string[] {
  const first = prefixReadings(word);
  if (first.length === 0) return [word];
  return first.flatMap((reading) => {
    const second = prefixReadings(reading);
    return second.length === 0 ? [reading] : second;
  });
}

/**
 * Every form a folded word is indexed and searched under: the word itself plus its stems. A
 * document matches a query word when they share any form; the exact word scores higher because it
 * also matches itself.
 */
export function wordForms(word: string): string[] {
  const forms = new Set([word]);
  if (/^\p{N}+$/u.test(word)) return [...forms];
  const base = stripEnding(stripEnding(word, PARTICLES), POSSESSIVES);
  forms.add(base);
  const suffixed = suffixReadings(base);
  for (const reading of suffixed.length > 0 ? suffixed : [base]) {
    for (const stem of prefixStems(reading)) forms.add(stem);
  }
  return [...forms];
}
