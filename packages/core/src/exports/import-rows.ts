import type { z } from 'zod';
import { checkEligibility } from '../innovation/eligibility.ts';
import { type InnovationProfile, innovationProfileSchema } from '../innovation/profile.ts';
import type { Rubric } from '../rubrics/types.ts';
import {
  type CellValue,
  cellText,
  normalizeText,
  type Parsed,
  parseClassification,
  parseCoordinates,
  parseDate,
  parseForm,
  parseInitiator,
  parseKind,
  parseNumber,
  parsePkpn,
  parseStage,
  parseUrusan,
  parseUrusanList,
} from './import-cells.ts';
import { type ImportColumnKey, templateHeader } from './import-columns.ts';
import { type ImportOpd, importedOpdId, matchOpd } from './import-opds.ts';
import type { ImportIssue } from './jobs.ts';

/**
 * The row parser (docs/decisions/0047): one spreadsheet row read by a table of field readers, each
 * reading its own cells into the profile draft or saying what is wrong, then the profile schema and
 * the rubric's eligibility have the last word.
 */

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

/** One row as it is read: its cells, what it says so far, and what is wrong with it. */
interface RowReading {
  readonly cells: ReadonlyMap<ImportColumnKey, CellValue>;
  readonly context: ImportRowContext;
  readonly draft: Record<string, unknown>;
  readonly errors: ImportIssue[];
  readonly warnings: ImportIssue[];
  periodYear: number;
  opd?: { readonly id: string; readonly name: string; readonly created: boolean } | undefined;
  text(key: ImportColumnKey): string;
  columnOf(key: ImportColumnKey): string;
  /** An error on a column; `field` names the profile field it concerns (the column's own by default). */
  problem(key: ImportColumnKey, code: string, message: string, field?: string | undefined): void;
}

/** Reads its cells of the row into the draft, or records what is wrong with them. */
type FieldReader = (row: RowReading) => void;

const readName: FieldReader = (row) => {
  const name = row.text('name');
  if (!name) row.problem('name', 'required', 'Nama inovasi wajib diisi.');
  else row.draft.name = name;
};

/** The year: the row's own, or the one chosen for the import. */
const readYear: FieldReader = (row) => {
  const yearText = row.text('periodYear');
  if (!yearText) return;
  const year = parseNumber(row.cells.get('periodYear'));
  if (!year.ok || !Number.isInteger(year.value)) {
    row.problem('periodYear', 'invalid_year', `"${yearText}" bukan tahun. Tulis misalnya 2026.`);
  } else if (!row.context.knownYear(year.value)) {
    row.problem('periodYear', 'unknown_year', `Belum ada rubrik penilaian untuk tahun ${year.value}.`);
  } else row.periodYear = year.value;
};

/** An OPD the row names: one of the region's, a guess worth a warning, or one the import creates. */
function readNamedOpd(row: RowReading, opdText: string): void {
  const match = matchOpd(opdText, row.context.opds);
  if (match.kind === 'found') {
    row.opd = { id: match.opd.id, name: match.opd.name, created: false };
    if (match.approximate) {
      row.warnings.push({
        column: row.columnOf('opd'),
        code: 'opd_approximate',
        message: `OPD "${opdText}" dicocokkan dengan "${match.opd.name}". Periksa bila kurang tepat.`,
      });
    }
  } else if (match.kind === 'ambiguous') {
    const names = match.candidates.map((opd) => opd.name).join(', ');
    row.problem(
      'opd',
      'opd_ambiguous',
      `OPD "${opdText}" cocok dengan lebih dari satu OPD: ${names}. Tulis nama lengkapnya.`,
      undefined,
    );
  } else if (row.context.createMissingOpds) {
    const name = opdText.replace(/\s+/g, ' ');
    row.opd = { id: importedOpdId(opdText), name, created: true };
    if (!/[\p{L}]{2}/u.test(name) || name.length > 200) {
      row.problem('opd', 'opd_name_invalid', `"${opdText}" bukan nama OPD yang dapat dibuat.`, undefined);
    }
  } else {
    row.problem(
      'opd',
      'opd_not_found',
      `OPD "${opdText}" tidak ditemukan. Tambahkan OPD ini terlebih dahulu, perbaiki namanya, atau pilih "buat OPD yang belum ada" saat impor.`,
      undefined,
    );
  }
}

/** The OPD: named in the row, or the import's default. */
const readOpd: FieldReader = (row) => {
  const opdText = row.text('opd');
  const fallback = row.context.defaultOpd;
  if (opdText) readNamedOpd(row, opdText);
  else if (fallback) row.opd = { id: fallback.id, name: fallback.name, created: false };
  else row.problem('opd', 'required', 'OPD wajib diisi (atau pilih OPD tujuan saat impor).', undefined);
};

const textReader =
  (key: ImportColumnKey): FieldReader =>
  (row) => {
    const value = row.text(key);
    if (value) row.draft[key] = value;
  };

const codedReader =
  (key: ImportColumnKey, parse: (text: string) => Parsed<string>): FieldReader =>
  (row) => {
    const value = row.text(key);
    if (!value) return;
    const parsed = parse(value);
    if (parsed.ok) row.draft[key] = parsed.value;
    else row.problem(key, 'unknown_value', parsed.message);
  };

/** Other urusan, without the main one repeated. */
const readUrusanOthers: FieldReader = (row) => {
  const others = row.text('urusanOthers');
  if (!others) return;
  const parsed = parseUrusanList(others);
  if (parsed.ok) {
    const list = parsed.value.filter((code) => code !== row.draft.urusanMain);
    if (list.length > 0) row.draft.urusanOthers = list;
  } else row.problem('urusanOthers', 'unknown_value', parsed.message);
};

const dateReader =
  (key: ImportColumnKey): FieldReader =>
  (row) => {
    if (!row.text(key)) return;
    const parsed = parseDate(row.cells.get(key));
    if (parsed.ok) row.draft[key] = parsed.value;
    else row.problem(key, 'invalid_date', parsed.message);
  };

const readBudget: FieldReader = (row) => {
  if (!row.text('budget')) return;
  const parsed = parseNumber(row.cells.get('budget'));
  if (!parsed.ok) row.problem('budget', 'invalid_number', parsed.message);
  else if (parsed.value < 0) row.problem('budget', 'invalid_number', 'Anggaran tidak boleh negatif.');
  else row.draft.budget = Math.round(parsed.value);
};

const numberReader =
  (key: ImportColumnKey): FieldReader =>
  (row) => {
    if (!row.text(key)) return;
    const parsed = parseNumber(row.cells.get(key));
    if (parsed.ok) row.draft[key] = parsed.value;
    else row.problem(key, 'invalid_number', parsed.message);
  };

/** Both coordinates in one cell, read only when neither has a column of its own. */
const readCoordinates: FieldReader = (row) => {
  const coordinates = row.text('coordinates');
  if (!coordinates || row.draft.latitude !== undefined || row.draft.longitude !== undefined) return;
  const parsed = parseCoordinates(coordinates);
  if (parsed.ok) [row.draft.latitude, row.draft.longitude] = parsed.value;
  else row.problem('coordinates', 'invalid_number', parsed.message, 'latitude');
};

const warnHalfCoordinates: FieldReader = (row) => {
  if ((row.draft.latitude === undefined) === (row.draft.longitude === undefined)) return;
  row.warnings.push({
    column: row.columnOf(row.draft.latitude === undefined ? 'latitude' : 'longitude'),
    code: 'coordinate_incomplete',
    message: 'Koordinat baru lengkap bila lintang dan bujur sama-sama diisi.',
  });
};

const readAstaCita: FieldReader = (row) => {
  const astaCita = row.text('astaCita');
  if (!astaCita) return;
  const digits = /(\d+)/.exec(astaCita)?.[1];
  const value = digits === undefined ? Number.NaN : Number(digits);
  if (Number.isInteger(value) && value >= 1 && value <= 8) row.draft.astaCita = value;
  else row.problem('astaCita', 'unknown_value', `"${astaCita}" bukan Asta Cita. Tulis angka 1 sampai 8.`);
};

/** The readers in the order their messages are listed to the operator. */
const FIELD_READERS: readonly FieldReader[] = [
  readName,
  readYear,
  readOpd,
  ...(['initiatorName', 'rancangBangun', 'tujuan', 'manfaat', 'hasil', 'budgetSource'] as const).map(
    textReader,
  ),
  codedReader('stage', parseStage),
  codedReader('initiator', parseInitiator),
  codedReader('classification', parseClassification),
  codedReader('kind', parseKind),
  codedReader('form', parseForm),
  codedReader('pkpnCluster', parsePkpn),
  codedReader('urusanMain', parseUrusan),
  readUrusanOthers,
  ...(['trialDate', 'implementationDate', 'latestDevelopmentDate'] as const).map(dateReader),
  readBudget,
  numberReader('latitude'),
  numberReader('longitude'),
  readCoordinates,
  warnHalfCoordinates,
  readAstaCita,
];

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

/** The schema has the last word on every field (lengths, ranges); its verdict is said per column. */
function checkedProfile(row: RowReading): InnovationProfile | undefined {
  if (row.errors.some((error) => error.field === 'name')) return undefined;
  const checked = innovationProfileSchema.safeParse(row.draft);
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues) {
    const field = String(issue.path[0] ?? 'name') as ImportColumnKey;
    if (row.errors.some((error) => error.field === field)) continue;
    row.problem(field, 'invalid_value', issueMessage(issue));
  }
  return undefined;
}

/** Not a reason to refuse a draft, but the operator should know before the deadline. */
function warnIneligible(row: RowReading, profile: InnovationProfile | undefined): void {
  const rubric = row.context.rubricFor?.(row.periodYear);
  if (!profile || !rubric || row.errors.length > 0) return;
  for (const reason of checkEligibility(profile, rubric).reasons) {
    row.warnings.push({
      column: row.columnOf(reason.field as ImportColumnKey),
      code: `not_eligible_${reason.code}`,
      message: `${reason.message_id} Inovasi tetap tersimpan sebagai draf.`,
    });
  }
}

function startReading(
  cells: ReadonlyMap<ImportColumnKey, CellValue>,
  headers: ReadonlyMap<ImportColumnKey, string>,
  context: ImportRowContext,
): RowReading {
  const columnOf = (key: ImportColumnKey) => headers.get(key) ?? templateHeader(key);
  const errors: ImportIssue[] = [];
  return {
    cells,
    context,
    draft: {},
    errors,
    warnings: [],
    periodYear: context.defaultYear,
    text: (key) => cellText(cells.get(key)),
    columnOf,
    problem: (key, code, message, field = key) => {
      errors.push({ column: columnOf(key), ...(field ? { field } : {}), code, message });
    },
  };
}

/**
 * One spreadsheet row as an innovation: the OPD it belongs to, its year and its profile, or the
 * reasons it cannot be imported. `cells` holds the row's values by column; `headers` how the file
 * names each column (for the messages).
 */
export function mapImportRow(
  rowNumber: number,
  cells: ReadonlyMap<ImportColumnKey, CellValue>,
  headers: ReadonlyMap<ImportColumnKey, string>,
  context: ImportRowContext,
): MappedImportRow {
  const row = startReading(cells, headers, context);
  for (const read of FIELD_READERS) read(row);
  const profile = checkedProfile(row);
  warnIneligible(row, profile);
  const name = typeof row.draft.name === 'string' ? row.draft.name : undefined;
  return {
    rowNumber,
    ...(name ? { name } : {}),
    ...(row.opd ? { opdName: row.opd.name, opdId: row.opd.id } : {}),
    ...(row.opd?.created ? { newOpd: true } : {}),
    periodYear: row.periodYear,
    ...(row.errors.length === 0 && profile ? { profile } : {}),
    errors: row.errors,
    warnings: row.warnings,
  };
}

/** The identity of a row for idempotency and duplicate checks: year, OPD and the normalised name. */
export const importRowIdentity = (periodYear: number, opdId: string, name: string): string =>
  `${periodYear}\u0000${opdId}\u0000${normalizeText(name)}`;
