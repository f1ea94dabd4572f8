import type { z } from 'zod';
import { checkEligibility } from '../innovation/eligibility.ts';
import {
  CLASSIFICATION_LABELS,
  FORM_LABELS,
  INDONESIAN_MONTHS,
  INITIATOR_LABELS,
  KIND_LABELS,
  PKPN_LABELS,
  STAGE_LABELS,
} from '../innovation/labels.ts';
import { type InnovationProfile, innovationProfileSchema } from '../innovation/profile.ts';
import { URUSAN } from '../innovation/urusan.ts';
import type { Rubric } from '../rubrics/types.ts';
import type { ImportIssue } from './jobs.ts';

/**
 * Reading innovations from a region's spreadsheet: the template's columns, the common names
 * regions give them, and each cell's value turned into the profile's coded value. Pure: the API
 * parses the file into cell values and resolves what needs the database (duplicates, idempotency).
 * Every message is in Bahasa Indonesia, for the operator who fixes the file.
 */

/** What one cell may hold once read from xlsx or CSV. */
export type CellValue = string | number | boolean | Date | null | undefined;

export type ImportColumnKey =
  | 'name'
  | 'opd'
  | 'periodYear'
  | 'stage'
  | 'initiator'
  | 'initiatorName'
  | 'classification'
  | 'kind'
  | 'form'
  | 'urusanMain'
  | 'urusanOthers'
  | 'latitude'
  | 'longitude'
  | 'coordinates'
  | 'astaCita'
  | 'pkpnCluster'
  | 'trialDate'
  | 'implementationDate'
  | 'latestDevelopmentDate'
  | 'rancangBangun'
  | 'tujuan'
  | 'manfaat'
  | 'hasil'
  | 'budget'
  | 'budgetSource';

export interface ImportColumn {
  readonly key: ImportColumnKey;
  /** The template's header. */
  readonly header: string;
  /** Other headers regions use for the same thing (compared after normalising). */
  readonly aliases: readonly string[];
  /** What to write, for the template's instructions sheet. */
  readonly guide: string;
  /** Whether the template lists it (the combined coordinates column is only read, never written). */
  readonly inTemplate: boolean;
}

const column = (
  key: ImportColumnKey,
  header: string,
  aliases: readonly string[],
  guide: string,
  inTemplate = true,
): ImportColumn => ({ key, header, aliases, guide, inTemplate });

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  column(
    'name',
    'Nama Inovasi',
    ['nama', 'judul inovasi', 'inovasi', 'nama inovasi daerah', 'innovation name', 'name'],
    'Wajib. 3–200 karakter.',
  ),
  column(
    'opd',
    'OPD',
    [
      'perangkat daerah',
      'skpd',
      'nama opd',
      'opd pengampu',
      'opd penanggung jawab',
      'unit kerja',
      'instansi',
      'department',
    ],
    'Wajib (kecuali dipilih OPD tujuan saat impor). Tulis nama OPD persis seperti di lembar Nilai Valid.',
  ),
  column(
    'periodYear',
    'Tahun Penilaian',
    ['tahun', 'periode', 'tahun periode', 'tahun iid', 'period year'],
    'Tahun penilaian IID, misalnya 2026. Kosong: tahun yang dipilih saat impor.',
  ),
  column('stage', 'Tahapan Inovasi', ['tahapan', 'tahap', 'stage'], 'Inisiatif, Uji Coba, atau Penerapan.'),
  column(
    'initiator',
    'Inisiator Inovasi',
    ['inisiator'],
    'Kepala Daerah, Anggota DPRD, OPD, ASN, atau Masyarakat.',
  ),
  column('initiatorName', 'Nama Inisiator', ['nama penggagas'], 'Nama orang atau lembaga penggagas.'),
  column(
    'classification',
    'Klasifikasi Inovasi',
    ['klasifikasi'],
    'Inovasi Perangkat Daerah, Inovasi Desa, atau Inovasi Masyarakat.',
  ),
  column('kind', 'Jenis Inovasi', ['jenis'], 'Digital atau Non Digital.'),
  column(
    'form',
    'Bentuk Inovasi',
    ['bentuk'],
    'Inovasi Pelayanan Publik, Inovasi Tata Kelola Pemerintahan Daerah, atau Inovasi Lainnya Sesuai Urusan.',
  ),
  column(
    'urusanMain',
    'Urusan Utama',
    ['urusan', 'urusan pemerintahan', 'urusan pemerintahan utama', 'urusan inovasi'],
    'Nama atau kode urusan pemerintahan (lihat lembar Nilai Valid).',
  ),
  column(
    'urusanOthers',
    'Urusan Lain',
    ['urusan lainnya', 'urusan lain yang beririsan', 'urusan terkait', 'urusan pemerintahan lain'],
    'Boleh lebih dari satu, pisahkan dengan titik koma (;).',
  ),
  column('latitude', 'Lintang', ['latitude', 'lat', 'koordinat lintang'], 'Angka desimal, misalnya -7,1502.'),
  column(
    'longitude',
    'Bujur',
    ['longitude', 'long', 'lng', 'koordinat bujur'],
    'Angka desimal, misalnya 111,8817.',
  ),
  column(
    'coordinates',
    'Koordinat',
    ['titik koordinat', 'lokasi koordinat'],
    'Lintang dan bujur dipisahkan titik koma, misalnya -7.1502; 111.8817.',
    false,
  ),
  column('astaCita', 'Asta Cita', ['asta cita ke', 'nomor asta cita'], 'Angka 1 sampai 8.'),
  column(
    'pkpnCluster',
    'Klaster PKPN',
    ['pkpn', 'program pkpn', 'klaster program pkpn', 'kluster pkpn'],
    'Salah satu klaster PKPN (lihat lembar Nilai Valid).',
  ),
  column(
    'trialDate',
    'Waktu Uji Coba',
    ['tanggal uji coba', 'waktu ujicoba', 'mulai uji coba'],
    'Tanggal, misalnya 2024-03-04 atau 04/03/2024.',
  ),
  column(
    'implementationDate',
    'Waktu Penerapan',
    ['tanggal penerapan', 'mulai diterapkan', 'waktu implementasi', 'tanggal implementasi'],
    'Tanggal, misalnya 2024-03-04 atau 04/03/2024.',
  ),
  column(
    'latestDevelopmentDate',
    'Waktu Pengembangan Terbaru',
    ['pengembangan terbaru', 'tanggal pengembangan terbaru', 'waktu pengembangan'],
    'Wajib bila inovasi pertama diterapkan sebelum jendela usia rubrik.',
  ),
  column(
    'rancangBangun',
    'Rancang Bangun',
    ['rancang bangun dan pokok perubahan', 'rancang bangun inovasi', 'deskripsi', 'deskripsi inovasi'],
    'Minimal 300 kata agar memenuhi syarat dikirim.',
  ),
  column('tujuan', 'Tujuan', ['tujuan inovasi'], 'Teks bebas.'),
  column('manfaat', 'Manfaat', ['manfaat inovasi', 'manfaat yang diperoleh'], 'Teks bebas.'),
  column('hasil', 'Hasil', ['hasil inovasi', 'hasil yang dicapai'], 'Teks bebas.'),
  column(
    'budget',
    'Anggaran',
    ['anggaran rp', 'nilai anggaran', 'anggaran inovasi', 'biaya'],
    'Rupiah tanpa desimal, misalnya 150000000 atau 150.000.000.',
  ),
  column('budgetSource', 'Sumber Anggaran', ['sumber dana'], 'Misalnya APBD, APBN, CSR.'),
];

/** Lower case, no diacritics, no text in parentheses, punctuation as spaces, single spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const HEADER_INDEX: ReadonlyMap<string, ImportColumnKey> = new Map(
  IMPORT_COLUMNS.flatMap((entry) =>
    [entry.header, entry.key, ...entry.aliases].map((name) => [normalizeText(name), entry.key] as const),
  ),
);

/** The column a header stands for, or undefined (a column the importer does not use). */
export const columnForHeader = (header: string): ImportColumnKey | undefined =>
  HEADER_INDEX.get(normalizeText(header));

export interface HeaderMapping {
  /** Cell index → column. The first of two headers for the same column wins. */
  readonly columns: ReadonlyMap<number, ImportColumnKey>;
  /** How the file names each column it has. */
  readonly headers: ReadonlyMap<ImportColumnKey, string>;
  readonly ignored: readonly string[];
}

export function mapHeaders(cells: readonly CellValue[]): HeaderMapping {
  const columns = new Map<number, ImportColumnKey>();
  const headers = new Map<ImportColumnKey, string>();
  const ignored: string[] = [];
  cells.forEach((cell, index) => {
    const header = cellText(cell);
    if (!header) return;
    const key = columnForHeader(header);
    if (key && !headers.has(key)) {
      columns.set(index, key);
      headers.set(key, header);
    } else ignored.push(header);
  });
  return { columns, headers, ignored };
}

/** A header row names the innovation at least, and one more column the template knows. */
export const isHeaderRow = (mapping: HeaderMapping): boolean =>
  mapping.headers.has('name') && mapping.headers.size >= 2;

/** The header of a column as the template writes it. */
export const templateHeader = (key: ImportColumnKey): string =>
  IMPORT_COLUMNS.find((entry) => entry.key === key)?.header ?? key;

// ---------------------------------------------------------------------------------------------
// Cell values

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** A coded value from its code, its label or a common synonym, case and punctuation aside. */
function choice<K extends string>(
  labels: Readonly<Record<K, string>>,
  synonyms: Readonly<Record<string, K>> = {},
): (text: string) => Parsed<K> {
  const index = new Map<string, K>();
  for (const [code, label] of Object.entries(labels) as [K, string][]) {
    index.set(normalizeText(code), code);
    index.set(normalizeText(label), code);
  }
  for (const [word, code] of Object.entries(synonyms)) index.set(normalizeText(word), code);
  const allowed = Object.values<string>(labels).join(', ');
  return (text) => {
    const code = index.get(normalizeText(text));
    return code ? ok(code) : fail(`"${text}" tidak dikenal. Pilih salah satu: ${allowed}.`);
  };
}

const parseStage = choice(STAGE_LABELS, {
  ujicoba: 'uji_coba',
  'uji-coba': 'uji_coba',
  trial: 'uji_coba',
  implementasi: 'penerapan',
  diterapkan: 'penerapan',
  inisiasi: 'inisiatif',
});
const parseInitiator = choice(INITIATOR_LABELS, {
  bupati: 'kepala_daerah',
  'wali kota': 'kepala_daerah',
  walikota: 'kepala_daerah',
  gubernur: 'kepala_daerah',
  'wakil kepala daerah': 'kepala_daerah',
  dprd: 'anggota_dprd',
  'perangkat daerah': 'opd',
  skpd: 'opd',
  'aparatur sipil negara': 'asn',
  warga: 'masyarakat',
});
const parseClassification = choice(CLASSIFICATION_LABELS, {
  'perangkat daerah': 'perangkat_daerah',
  opd: 'perangkat_daerah',
  desa: 'desa',
  masyarakat: 'masyarakat',
});
const parseKind = choice(KIND_LABELS, {
  nondigital: 'non_digital',
  'non-digital': 'non_digital',
  daring: 'digital',
  online: 'digital',
  luring: 'non_digital',
  offline: 'non_digital',
});
const parseForm = choice(FORM_LABELS, {
  'pelayanan publik': 'pelayanan_publik',
  'tata kelola': 'tata_kelola',
  'tata kelola pemerintahan daerah': 'tata_kelola',
  'inovasi tata kelola': 'tata_kelola',
  'urusan pemerintahan lainnya': 'urusan_lainnya',
  'inovasi lainnya': 'urusan_lainnya',
  'inovasi lainnya sesuai urusan pemerintahan': 'urusan_lainnya',
  lainnya: 'urusan_lainnya',
});
const parsePkpn = choice(PKPN_LABELS, { 'energi air': 'energi_air', 'bukan pkpn': 'non_pkpn' });

const URUSAN_INDEX: ReadonlyMap<string, string> = new Map(
  URUSAN.flatMap((urusan) => [
    [normalizeText(urusan.code), urusan.code] as const,
    [normalizeText(urusan.name), urusan.code] as const,
    [normalizeText(`urusan ${urusan.name}`), urusan.code] as const,
  ]).concat([
    ['pu', 'pupr'],
    ['pekerjaan umum', 'pupr'],
    ['perumahan', 'perkim'],
    ['kominfo', 'kominfo'],
    ['dukcapil', 'adminduk_capil'],
    ['kb', 'pengendalian_penduduk_kb'],
    ['umkm', 'koperasi_ukm'],
  ]),
);

function parseUrusan(text: string): Parsed<string> {
  const code = URUSAN_INDEX.get(normalizeText(text));
  return code
    ? ok(code)
    : fail(`Urusan "${text}" tidak dikenal. Pakai nama atau kode urusan dari lembar Nilai Valid.`);
}

/** Several urusan: `;`, `|` or line breaks separate them; a comma only where a whole part is no name. */
function parseUrusanList(text: string): Parsed<string[]> {
  const codes: string[] = [];
  for (const part of text
    .split(/[;|\n]+/)
    .map((item) => item.trim())
    .filter(Boolean)) {
    const whole = parseUrusan(part);
    if (whole.ok) {
      codes.push(whole.value);
      continue;
    }
    for (const piece of part
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const single = parseUrusan(piece);
      if (!single.ok) return single;
      codes.push(single.value);
    }
  }
  return ok([...new Set(codes)]);
}

const MONTH_INDEX: ReadonlyMap<string, number> = new Map(
  INDONESIAN_MONTHS.flatMap((month, index) => [
    [normalizeText(month), index + 1] as const,
    [normalizeText(month).slice(0, 3), index + 1] as const,
  ]).concat([
    ['agu', 8],
    ['agt', 8],
    ['okt', 10],
    ['des', 12],
    ['mei', 5],
  ]),
);

const pad = (value: number) => String(value).padStart(2, '0');

function isoFrom(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    year >= 1900 &&
    year <= 2100 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return valid ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** Excel day numbers count from 1899-12-30 (Lotus' leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const DATE_HINT = 'Tulis tanggal seperti 2024-03-04, 04/03/2024, atau 4 Maret 2024.';

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
export function parseDate(value: CellValue): Parsed<string> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail(`Tanggal tidak sah. ${DATE_HINT}`);
    // Spreadsheet dates arrive at midnight UTC; a time zone's offset may push them a few hours.
    const shifted = new Date(value.getTime() + 12 * 3_600_000);
    return ok(shifted.toISOString().slice(0, 10));
  }
  if (typeof value === 'number') {
    if (value > 20_000 && value < 80_000) {
      return ok(new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000).toISOString().slice(0, 10));
    }
    return fail(`"${value}" bukan tanggal. ${DATE_HINT}`);
  }
  const text = cellText(value);
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) {
    const iso = isoFrom(Number(match[1]), Number(match[2]), Number(match[3]));
    if (iso) return ok(iso);
  }
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    // Indonesia writes day first.
    const iso = isoFrom(Number(match[3]), Number(match[2]), Number(match[1]));
    if (iso) return ok(iso);
  }
  match = /^(\d{1,2})\s+([\p{L}.]+)\s+(\d{4})$/u.exec(text);
  if (match) {
    const month = MONTH_INDEX.get(normalizeText(match[2] ?? ''));
    const iso = month ? isoFrom(Number(match[3]), month, Number(match[1])) : undefined;
    if (iso) return ok(iso);
  }
  return fail(`"${text}" bukan tanggal yang sah. ${DATE_HINT}`);
}

/**
 * A number as Indonesians and spreadsheets write it: `150.000.000`, `150.000.000,50`, `-7,15`,
 * `1,500,000`, `Rp 150.000.000`. The last of `.` / `,` is the decimal mark when both appear; a lone
 * mark followed by groups of exactly three digits groups thousands.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
export function parseNumber(value: CellValue): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail('Angka tidak sah.');
  let text = cellText(value)
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s+/g, '');
  if (!/^-?[\d.,]+$/.test(text)) return fail(`"${cellText(value)}" bukan angka.`);
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    text = text.split(group).join('').replace(decimal, '.');
  } else {
    const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
    if (mark) {
      const parts = text.split(mark);
      const grouping =
        parts.length > 2 || (parts.length === 2 && /^\d{3}$/.test(parts[1] ?? '') && mark === '.');
      text = grouping ? parts.join('') : text.replace(mark, '.');
    }
  }
  const number = Number(text);
  return Number.isFinite(number) && text !== '' && text !== '-'
    ? ok(number)
    : fail(`"${cellText(value)}" bukan angka.`);
}

/** Latitude and longitude in one cell: `-7.15; 111.88`, `-7.15, 111.88` or `-7,15 111,88`. */
function parseCoordinates(text: string): Parsed<[number, number]> {
  const parts = text.includes(';')
    ? text.split(';')
    : /^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/.test(text)
      ? text.split(',')
      : text.trim().split(/\s+/);
  const [latitude, longitude] = parts.map((part) => parseNumber(part.trim()));
  if (parts.length !== 2 || !latitude?.ok || !longitude?.ok) {
    return fail(`"${text}" bukan koordinat. Tulis lintang dan bujur, misalnya -7.1502; 111.8817.`);
  }
  return ok([latitude.value, longitude.value]);
}

// ---------------------------------------------------------------------------------------------
// OPDs

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

// ---------------------------------------------------------------------------------------------
// Rows

export interface ImportRowContext {
  readonly opds: readonly ImportOpd[];
  /** Rows without an OPD go here. */
  readonly defaultOpd?: ImportOpd | undefined;
  readonly createMissingOpds: boolean;
  readonly defaultYear: number;
  /** Years the product has a rubric for (a row for another year cannot be scored). */
  readonly knownYear: (year: number) => boolean;
  /** The rubric of a year, for eligibility warnings. */
  readonly rubricFor?: ((year: number) => Rubric | undefined) | undefined;
}

export interface MappedImportRow {
  readonly rowNumber: number;
  readonly name?: string | undefined;
  readonly opdName?: string | undefined;
  readonly opdId?: string | undefined;
  readonly newOpd?: boolean | undefined;
  readonly periodYear: number;
  readonly profile?: InnovationProfile | undefined;
  readonly errors: ImportIssue[];
  readonly warnings: ImportIssue[];
}

type ProfileDraft = Record<string, unknown>;

const TEXT_FIELDS = [
  'initiatorName',
  'rancangBangun',
  'tujuan',
  'manfaat',
  'hasil',
  'budgetSource',
] as const satisfies readonly ImportColumnKey[];

const CODED_FIELDS = {
  stage: parseStage,
  initiator: parseInitiator,
  classification: parseClassification,
  kind: parseKind,
  form: parseForm,
  pkpnCluster: parsePkpn,
  urusanMain: parseUrusan,
} as const;

const DATE_FIELDS = ['trialDate', 'implementationDate', 'latestDevelopmentDate'] as const;

/** Zod's judgement of a profile field, said in plain Indonesian. */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? `Terlalu pendek: minimal ${issue.minimum} karakter.`
        : `Terlalu kecil: minimal ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Terlalu panjang: maksimal ${issue.maximum} karakter.`
        : issue.origin === 'array'
          ? `Terlalu banyak: maksimal ${issue.maximum}.`
          : `Terlalu besar: maksimal ${issue.maximum}.`;
    case 'invalid_format':
      return 'Format tidak sah.';
    default:
      return 'Isian tidak sah.';
  }
}

/**
 * One spreadsheet row as an innovation: the OPD it belongs to, its year and its profile, or the
 * reasons it cannot be imported. `cells` holds the row's values by column; `headers` how the file
 * names each column (for the messages).
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
export function mapImportRow(
  rowNumber: number,
  cells: ReadonlyMap<ImportColumnKey, CellValue>,
  headers: ReadonlyMap<ImportColumnKey, string>,
  context: ImportRowContext,
): MappedImportRow {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const columnOf = (key: ImportColumnKey) => headers.get(key) ?? templateHeader(key);
  const problem = (key: ImportColumnKey, code: string, message: string, field: string | undefined = key) =>
    errors.push({ column: columnOf(key), ...(field ? { field } : {}), code, message });
  const text = (key: ImportColumnKey) => cellText(cells.get(key));
  const draft: ProfileDraft = {};

  const name = text('name');
  if (!name) problem('name', 'required', 'Nama inovasi wajib diisi.');
  else draft.name = name;

  // The year: the row's own, or the one chosen for the import.
  let periodYear = context.defaultYear;
  const yearText = text('periodYear');
  if (yearText) {
    const year = parseNumber(cells.get('periodYear'));
    if (!year.ok || !Number.isInteger(year.value)) {
      problem('periodYear', 'invalid_year', `"${yearText}" bukan tahun. Tulis misalnya 2026.`);
    } else if (!context.knownYear(year.value)) {
      problem('periodYear', 'unknown_year', `Belum ada rubrik penilaian untuk tahun ${year.value}.`);
    } else periodYear = year.value;
  }

  // The OPD: named in the row, or the import's default.
  const opdText = text('opd');
  let opdId: string | undefined;
  let opdName: string | undefined;
  let newOpd = false;
  if (opdText) {
    const match = matchOpd(opdText, context.opds);
    if (match.kind === 'found') {
      opdId = match.opd.id;
      opdName = match.opd.name;
      if (match.approximate) {
        warnings.push({
          column: columnOf('opd'),
          code: 'opd_approximate',
          message: `OPD "${opdText}" dicocokkan dengan "${match.opd.name}". Periksa bila kurang tepat.`,
        });
      }
    } else if (match.kind === 'ambiguous') {
      problem(
        'opd',
        'opd_ambiguous',
        `OPD "${opdText}" cocok dengan lebih dari satu OPD: ${match.candidates
          .map((opd) => opd.name)
          .join(', ')}. Tulis nama lengkapnya.`,
        undefined,
      );
    } else if (context.createMissingOpds) {
      opdId = importedOpdId(opdText);
      opdName = opdText.replace(/\s+/g, ' ');
      newOpd = true;
      if (!/[\p{L}]{2}/u.test(opdName) || opdName.length > 200) {
        problem('opd', 'opd_name_invalid', `"${opdText}" bukan nama OPD yang dapat dibuat.`, undefined);
      }
    } else {
      problem(
        'opd',
        'opd_not_found',
        `OPD "${opdText}" tidak ditemukan. Tambahkan OPD ini terlebih dahulu, perbaiki namanya, atau pilih "buat OPD yang belum ada" saat impor.`,
        undefined,
      );
    }
  } else if (context.defaultOpd) {
    opdId = context.defaultOpd.id;
    opdName = context.defaultOpd.name;
  } else {
    problem('opd', 'required', 'OPD wajib diisi (atau pilih OPD tujuan saat impor).', undefined);
  }

  for (const key of TEXT_FIELDS) {
    const value = text(key);
    if (value) draft[key] = value;
  }
  for (const [key, parse] of Object.entries(CODED_FIELDS) as [
    keyof typeof CODED_FIELDS,
    (t: string) => Parsed<string>,
  ][]) {
    const value = text(key);
    if (!value) continue;
    const parsed = parse(value);
    if (parsed.ok) draft[key] = parsed.value;
    else problem(key, 'unknown_value', parsed.message);
  }
  const others = text('urusanOthers');
  if (others) {
    const parsed = parseUrusanList(others);
    if (parsed.ok) {
      const list = parsed.value.filter((code) => code !== draft.urusanMain);
      if (list.length > 0) draft.urusanOthers = list;
    } else problem('urusanOthers', 'unknown_value', parsed.message);
  }
  for (const key of DATE_FIELDS) {
    if (!text(key)) continue;
    const parsed = parseDate(cells.get(key));
    if (parsed.ok) draft[key] = parsed.value;
    else problem(key, 'invalid_date', parsed.message);
  }
  if (text('budget')) {
    const parsed = parseNumber(cells.get('budget'));
    if (!parsed.ok) problem('budget', 'invalid_number', parsed.message);
    else if (parsed.value < 0) problem('budget', 'invalid_number', 'Anggaran tidak boleh negatif.');
    else draft.budget = Math.round(parsed.value);
  }
  for (const key of ['latitude', 'longitude'] as const) {
    if (!text(key)) continue;
    const parsed = parseNumber(cells.get(key));
    if (parsed.ok) draft[key] = parsed.value;
    else problem(key, 'invalid_number', parsed.message);
  }
  const coordinates = text('coordinates');
  if (coordinates && draft.latitude === undefined && draft.longitude === undefined) {
    const parsed = parseCoordinates(coordinates);
    if (parsed.ok) [draft.latitude, draft.longitude] = parsed.value;
    else problem('coordinates', 'invalid_number', parsed.message, 'latitude');
  }
  if ((draft.latitude === undefined) !== (draft.longitude === undefined)) {
    warnings.push({
      column: columnOf(draft.latitude === undefined ? 'latitude' : 'longitude'),
      code: 'coordinate_incomplete',
      message: 'Koordinat baru lengkap bila lintang dan bujur sama-sama diisi.',
    });
  }
  const astaCita = text('astaCita');
  if (astaCita) {
    const digits = /(\d+)/.exec(astaCita)?.[1];
    const value = digits === undefined ? Number.NaN : Number(digits);
    if (Number.isInteger(value) && value >= 1 && value <= 8) draft.astaCita = value;
    else problem('astaCita', 'unknown_value', `"${astaCita}" bukan Asta Cita. Tulis angka 1 sampai 8.`);
  }

  // The schema has the last word on every field (lengths, ranges); its verdict is said per column.
  let profile: InnovationProfile | undefined;
  if (errors.every((error) => error.field !== 'name')) {
    const checked = innovationProfileSchema.safeParse(draft);
    if (checked.success) profile = checked.data;
    else {
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? 'name') as ImportColumnKey;
        if (errors.some((error) => error.field === field)) continue;
        problem(field, 'invalid_value', issueMessage(issue));
      }
    }
  }

  // Not a reason to refuse a draft, but the operator should know before the deadline.
  const rubric = context.rubricFor?.(periodYear);
  if (profile && rubric && errors.length === 0) {
    for (const reason of checkEligibility(profile, rubric).reasons) {
      warnings.push({
        column: columnOf(reason.field as ImportColumnKey),
        code: `not_eligible_${reason.code}`,
        message: `${reason.message_id} Inovasi tetap tersimpan sebagai draf.`,
      });
    }
  }

  return {
    rowNumber,
    ...(name ? { name } : {}),
    ...(opdName ? { opdName } : {}),
    ...(opdId ? { opdId } : {}),
    ...(newOpd ? { newOpd } : {}),
    periodYear,
    ...(errors.length === 0 && profile ? { profile } : {}),
    errors,
    warnings,
  };
}

/** The identity of a row for idempotency and duplicate checks: year, OPD and the normalised name. */
export const importRowIdentity = (periodYear: number, opdId: string, name: string): string =>
  `${periodYear}\u0000${opdId}\u0000${normalizeText(name)}`;
