import {
  CLASSIFICATION_LABELS,
  FORM_LABELS,
  INDONESIAN_MONTHS,
  INITIATOR_LABELS,
  KIND_LABELS,
  PKPN_LABELS,
  STAGE_LABELS,
} from '../innovation/labels.ts';
import { URUSAN } from '../innovation/urusan.ts';

/**
 * Cell readers of a region's spreadsheet (docs/decisions/0047): each cell's value turned into the
 * profile's coded value, a date or a number as Indonesians write them, or a message in Bahasa
 * Indonesia for the operator who fixes the file.
 */

/** What one cell may hold once read from xlsx or CSV. */
export type CellValue = string | number | boolean | Date | null | undefined;

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

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (message: string): Parsed<never> => ({ ok: false, message });

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

export const parseStage = choice(STAGE_LABELS, {
  ujicoba: 'uji_coba',
  'uji-coba': 'uji_coba',
  trial: 'uji_coba',
  implementasi: 'penerapan',
  diterapkan: 'penerapan',
  inisiasi: 'inisiatif',
});
export const parseInitiator = choice(INITIATOR_LABELS, {
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
export const parseClassification = choice(CLASSIFICATION_LABELS, {
  'perangkat daerah': 'perangkat_daerah',
  opd: 'perangkat_daerah',
  desa: 'desa',
  masyarakat: 'masyarakat',
});
export const parseKind = choice(KIND_LABELS, {
  nondigital: 'non_digital',
  'non-digital': 'non_digital',
  daring: 'digital',
  online: 'digital',
  luring: 'non_digital',
  offline: 'non_digital',
});
export const parseForm = choice(FORM_LABELS, {
  'pelayanan publik': 'pelayanan_publik',
  'tata kelola': 'tata_kelola',
  'tata kelola pemerintahan daerah': 'tata_kelola',
  'inovasi tata kelola': 'tata_kelola',
  'urusan pemerintahan lainnya': 'urusan_lainnya',
  'inovasi lainnya': 'urusan_lainnya',
  'inovasi lainnya sesuai urusan pemerintahan': 'urusan_lainnya',
  lainnya: 'urusan_lainnya',
});
export const parsePkpn = choice(PKPN_LABELS, { 'energi air': 'energi_air', 'bukan pkpn': 'non_pkpn' });

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

export function parseUrusan(text: string): Parsed<string> {
  const code = URUSAN_INDEX.get(normalizeText(text));
  return code
    ? ok(code)
    : fail(`Urusan "${text}" tidak dikenal. Pakai nama atau kode urusan dari lembar Nilai Valid.`);
}

/** Several urusan: `;`, `|` or line breaks separate them; a comma only where a whole part is no name. */
export function parseUrusanList(text: string): Parsed<string[]> {
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

export function parseDate(value: CellValue): Parsed<string> {
  if (value instanceof Date) return parseDateObject(value);
  if (typeof value === 'number') return parseExcelDay(value);
  const text = cellText(value);
  const iso = isoFromText(text);
  return iso ? ok(iso) : fail(`"${text}" bukan tanggal yang sah. ${DATE_HINT}`);
}

function parseDateObject(value: Date): Parsed<string> {
  if (Number.isNaN(value.getTime())) return fail(`Tanggal tidak sah. ${DATE_HINT}`);
  // Spreadsheet dates arrive at midnight UTC; a time zone's offset may push them a few hours.
  const shifted = new Date(value.getTime() + 12 * 3_600_000);
  return ok(shifted.toISOString().slice(0, 10));
}

function parseExcelDay(value: number): Parsed<string> {
  if (value > 20_000 && value < 80_000) {
    return ok(new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000).toISOString().slice(0, 10));
  }
  return fail(`"${value}" bukan tanggal. ${DATE_HINT}`);
}

/** Written date forms, tried in order; each gives the ISO date, or undefined when it does not apply. */
const TEXT_DATE_FORMS: readonly ((text: string) => string | undefined)[] = [
  (text) => {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
    return match ? isoFrom(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  },
  (text) => {
    const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    // Indonesia writes day first.
    return match ? isoFrom(Number(match[3]), Number(match[2]), Number(match[1])) : undefined;
  },
  (text) => {
    const match = /^(\d{1,2})\s+([\p{L}.]+)\s+(\d{4})$/u.exec(text);
    if (!match) return undefined;
    const month = MONTH_INDEX.get(normalizeText(match[2] ?? ''));
    return month ? isoFrom(Number(match[3]), month, Number(match[1])) : undefined;
  },
];

function isoFromText(text: string): string | undefined {
  for (const form of TEXT_DATE_FORMS) {
    const iso = form(text);
    if (iso) return iso;
  }
  return undefined;
}

/**
 * A number as Indonesians and spreadsheets write it: `150.000.000`, `150.000.000,50`, `-7,15`,
 * `1,500,000`, `Rp 150.000.000`. The last of `.` / `,` is the decimal mark when both appear; a lone
 * mark followed by groups of exactly three digits groups thousands.
 */
export function parseNumber(value: CellValue): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail('Angka tidak sah.');
  const written = cellText(value)
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s+/g, '');
  if (!/^-?[\d.,]+$/.test(written)) return fail(`"${cellText(value)}" bukan angka.`);
  const text = withDecimalPoint(written);
  const number = Number(text);
  return Number.isFinite(number) && text !== '' && text !== '-'
    ? ok(number)
    : fail(`"${cellText(value)}" bukan angka.`);
}

/** Digits with `.` as the only mark, and only as the decimal point: thousands groupings dropped. */
function withDecimalPoint(text: string): string {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    return text.split(group).join('').replace(decimal, '.');
  }
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
  if (!mark) return text;
  const parts = text.split(mark);
  const grouping = parts.length > 2 || (parts.length === 2 && /^\d{3}$/.test(parts[1] ?? '') && mark === '.');
  return grouping ? parts.join('') : text.replace(mark, '.');
}

/** Latitude and longitude in one cell: `-7.15; 111.88`, `-7.15, 111.88` or `-7,15 111,88`. */
export function parseCoordinates(text: string): Parsed<[number, number]> {
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
