import { normalizeText } from './import-cells.ts';

/** OPD matching: the unit a row names, found among the region's OPDs, guessed, or to be created. */

export interface ImportOpd {
  readonly id: string;
  readonly name: string;
  readonly archived: boolean;
}

/** Short names regions use for their OPDs, expanded before matching. */
const OPD_ABBREVIATIONS: Readonly<Record<string, string>> = {
  dinkes: 'dinas kesehatan',
  disdik: 'dinas pendidikan',
  dindik: 'dinas pendidikan',
  dispendik: 'dinas pendidikan',
  bappeda: 'badan perencanaan pembangunan daerah',
  disdukcapil: 'dinas kependudukan dan pencatatan sipil',
  dispendukcapil: 'dinas kependudukan dan pencatatan sipil',
  dinsos: 'dinas sosial',
  dishub: 'dinas perhubungan',
  diskominfo: 'dinas komunikasi dan informatika',
  dlh: 'dinas lingkungan hidup',
  dpmptsp: 'dinas penanaman modal dan pelayanan terpadu satu pintu',
  bkpsdm: 'badan kepegawaian dan pengembangan sumber daya manusia',
  bpbd: 'badan penanggulangan bencana daerah',
};

export type OpdMatch =
  | { readonly kind: 'found'; readonly opd: ImportOpd; readonly approximate: boolean }
  | { readonly kind: 'missing' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly ImportOpd[] };

/** The id an OPD created by an import gets: derived from its name, so a re-run creates it once. */
export const importedOpdId = (name: string): string =>
  `imp-${normalizeText(name).replace(/ /g, '-').slice(0, 56)}`;

export function matchOpd(name: string, opds: readonly ImportOpd[]): OpdMatch {
  const live = opds.filter((opd) => !opd.archived);
  const wanted = normalizeText(name);
  const expanded = OPD_ABBREVIATIONS[wanted] ?? wanted;
  const exact = live.find((opd) => normalizeText(opd.name) === wanted);
  if (exact) return { kind: 'found', opd: exact, approximate: false };
  // An abbreviation ("Dinkes") is a guess worth showing the operator.
  const abbreviated = live.find((opd) => normalizeText(opd.name) === expanded);
  if (abbreviated) return { kind: 'found', opd: abbreviated, approximate: true };
  if (expanded.length < 4) return { kind: 'missing' };
  // "Kesehatan" for "Dinas Kesehatan": accepted only when exactly one OPD contains the words.
  const containing = live.filter((opd) => ` ${normalizeText(opd.name)} `.includes(` ${expanded} `));
  if (containing.length === 1 && containing[0])
    return { kind: 'found', opd: containing[0], approximate: true };
  if (containing.length > 1) return { kind: 'ambiguous', candidates: containing };
  return { kind: 'missing' };
}

/** The kind of a new OPD, read from its name. */
export function opdKindFromName(
  name: string,
): 'dinas' | 'badan' | 'kecamatan' | 'kelurahan' | 'puskesmas' | 'sekolah' | 'rsud' | 'lainnya' {
  const words = normalizeText(name);
  if (/\b(rsud|rumah sakit)\b/.test(words)) return 'rsud';
  if (/\bpuskesmas\b/.test(words)) return 'puskesmas';
  if (/\b(sd|smp|sma|smk|sekolah|tk)\b/.test(words)) return 'sekolah';
  if (/\bkecamatan\b/.test(words)) return 'kecamatan';
  if (/\bkelurahan\b/.test(words)) return 'kelurahan';
  if (/\bbadan\b/.test(words)) return 'badan';
  if (/\bdinas\b/.test(words)) return 'dinas';
  return 'lainnya';
}
