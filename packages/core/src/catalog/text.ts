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

/**
 * One round of prefix removal with the usual sound changes (`meny-` → `s`, `mem-` + vowel → `p`, …).
 * `per-`, `ber-` and `ter-` before a vowel are ambiguous (`pe-rumah-an` but `per-izin-an`), so
 * both readings are returned.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
function prefixReadings(word: string): string[] {
  const rest = (length: number) => word.slice(length);
  const at = (index: number) => word[index];
  const readings: string[] = [];
  if (word.startsWith('meng') || word.startsWith('peng')) {
    if (isVowel(at(4)) || at(4) === 'g' || at(4) === 'h') readings.push(rest(4));
  } else if (word.startsWith('meny') || word.startsWith('peny')) {
    if (isVowel(at(4))) readings.push(`s${rest(4)}`);
  } else if (word.startsWith('mem') || word.startsWith('pem')) {
    if ('bpfv'.includes(at(3) ?? '-')) readings.push(rest(3));
    else if (isVowel(at(3))) readings.push(`p${rest(3)}`);
  } else if (word.startsWith('men') || word.startsWith('pen')) {
    if ('cdjzs'.includes(at(3) ?? '-')) readings.push(rest(3));
    else if (isVowel(at(3))) readings.push(`t${rest(3)}`);
  } else if (word.startsWith('per') || word.startsWith('ber') || word.startsWith('ter')) {
    readings.push(rest(3));
    if (isVowel(at(3))) readings.push(rest(2));
  } else if (word.startsWith('me') || word.startsWith('pe')) {
    if ('lrwymn'.includes(at(2) ?? '-')) readings.push(rest(2));
  } else if (word.startsWith('di') || word.startsWith('ke') || word.startsWith('se')) {
    readings.push(rest(2));
  }
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
