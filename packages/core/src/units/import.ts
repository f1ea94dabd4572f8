import { type CellValue, cellText } from '../exports/import-mapping.ts';
import { UNIT_KINDS_UNDER_KECAMATAN, type Unit, type UnitKind, unitKindFromWord } from './units.ts';

/** The unit list's columns, as the screen describes them and a spreadsheet names them. */
export const UNIT_IMPORT_COLUMNS = {
  name: ['nama unit', 'nama', 'unit', 'name'],
  kind: ['jenis', 'jenis unit', 'kind', 'type'],
  opd: ['opd', 'perangkat daerah', 'induk opd', 'department'],
  kecamatan: ['kecamatan', 'kecamatan induk', 'parent'],
} as const;
export const UNIT_IMPORT_MAX_ROWS = 2_000;
/** Rows searched for the header: a title block above the table is fine. */
const HEADER_SEARCH_ROWS = 10;

type Column = keyof typeof UNIT_IMPORT_COLUMNS;

/** What a new unit is, before it has an id. */
export interface NewUnitInput {
  readonly opdId: string;
  readonly kind: UnitKind;
  readonly name: string;
  readonly parentUnitId?: string | undefined;
}

export interface UnitImportRow {
  /** The spreadsheet's row number (1-based), as the person sees it. */
  readonly row: number;
  readonly name: string;
  readonly kind?: UnitKind | undefined;
  readonly opdId?: string | undefined;
  readonly parentUnitId?: string | undefined;
  /** `new` is created, `exists` already is (a re-import creates nothing twice), `invalid` stops the import. */
  readonly status: 'new' | 'exists' | 'invalid';
  readonly errors: readonly string[];
  /** The id the unit gets (or has). */
  readonly unitId?: string | undefined;
}

const normalised = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

function headerColumns(cells: readonly CellValue[]): Map<Column, number> | undefined {
  const found = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const text = normalised(cellText(cell));
    for (const [column, words] of Object.entries(UNIT_IMPORT_COLUMNS) as [Column, readonly string[]][]) {
      if (!found.has(column) && words.includes(text)) found.set(column, index);
    }
  });
  return found.has('name') && found.has('kind') ? found : undefined;
}

/**
 * Reads a unit list (one row per unit: name, kind, OPD, and for a kelurahan/desa its kecamatan)
 * against the region's OPDs and units. Pure: the caller reads the file and writes the result. A
 * kecamatan named by a kelurahan may be an existing unit or a row of the same file. `idFor` gives
 * a new unit its id, derived from what it is, so importing the same list twice creates nothing twice.
 */
export function readUnitList(
  sheets: readonly { rows: readonly (readonly CellValue[])[] }[],
  region: { opds: readonly { id: string; name: string; archived: boolean }[]; units: readonly Unit[] },
  idFor: (unit: NewUnitInput) => string,
): { rows: UnitImportRow[]; headerFound: boolean } {
  for (const sheet of sheets) {
    for (let index = 0; index < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); index++) {
      const columns = headerColumns(sheet.rows[index] ?? []);
      if (columns) return { rows: readRows(sheet.rows, index, columns, region, idFor), headerFound: true };
    }
  }
  return { rows: [], headerFound: false };
}

function readRows(
  rows: readonly (readonly CellValue[])[],
  headerIndex: number,
  columns: Map<Column, number>,
  region: { opds: readonly { id: string; name: string; archived: boolean }[]; units: readonly Unit[] },
  idFor: (unit: NewUnitInput) => string,
): UnitImportRow[] {
  const cell = (row: readonly CellValue[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : cellText(row[index]).replace(/\s+/g, ' ');
  };
  const opdByName = new Map(
    region.opds.filter((opd) => !opd.archived).map((opd) => [normalised(opd.name), opd.id] as const),
  );
  const liveUnits = region.units.filter((unit) => !unit.archived);
  const sameUnit = (a: { opdId: string; kind: UnitKind; name: string }, b: typeof a) =>
    a.opdId === b.opdId && a.kind === b.kind && normalised(a.name) === normalised(b.name);
  // Kecamatan by name: existing ones, then those of this file (read first, so order in the file does not matter).
  const kecamatan = new Map<string, { id: string; opdId: string }>();
  for (const unit of liveUnits.filter((unit) => unit.kind === 'kecamatan')) {
    kecamatan.set(normalised(unit.name), { id: unit.id, opdId: unit.opdId });
  }
  const body = rows
    .slice(headerIndex + 1)
    .map((row, offset) => ({ row, number: headerIndex + offset + 2 }))
    .filter(({ row }) =>
      (['name', 'kind', 'opd', 'kecamatan'] as const).some((column) => cell(row, column) !== ''),
    );
  for (const { row } of body) {
    const opdId = opdByName.get(normalised(cell(row, 'opd')));
    const name = cell(row, 'name');
    if (
      unitKindFromWord(cell(row, 'kind')) === 'kecamatan' &&
      opdId &&
      name &&
      !kecamatan.has(normalised(name))
    ) {
      kecamatan.set(normalised(name), { id: idFor({ opdId, kind: 'kecamatan', name }), opdId });
    }
  }

  const seen: { opdId: string; kind: UnitKind; name: string }[] = [];
  return body.slice(0, UNIT_IMPORT_MAX_ROWS + 1).map(({ row, number }, position): UnitImportRow => {
    const columnText = (column: Column) => cell(row, column);
    const { name, kind, opdId, parentUnitId, errors } = checkRow(columnText, position, opdByName, kecamatan);
    if (errors.length > 0 || !kind || !opdId)
      return { row: number, name, kind, opdId, status: 'invalid', errors };
    const unit = { opdId, kind, name, ...(parentUnitId ? { parentUnitId } : {}) };
    if (seen.some((other) => sameUnit(other, unit))) {
      return { row: number, name, kind, opdId, status: 'invalid', errors: ['Baris ganda dalam berkas.'] };
    }
    seen.push(unit);
    if (region.units.some((other) => other.archived && sameUnit(other, unit))) {
      return { row: number, ...unit, status: 'invalid', errors: ['Unit ini sudah ada dan diarsipkan.'] };
    }
    const existing = liveUnits.find((other) => sameUnit(other, unit));
    if (existing) return { row: number, ...unit, status: 'exists', errors: [], unitId: existing.id };
    return { row: number, ...unit, status: 'new', errors: [], unitId: idFor(unit) };
  });
}

interface CheckedRow {
  readonly name: string;
  readonly kind: UnitKind | undefined;
  readonly opdId: string | undefined;
  readonly parentUnitId: string | undefined;
  readonly errors: string[];
}

type KecamatanByName = ReadonlyMap<string, { id: string; opdId: string }>;

/** One row's own checks, in the order the person reads the columns: row count, name, kind, then placement. */
function checkRow(
  columnText: (column: Column) => string,
  position: number,
  opdByName: ReadonlyMap<string, string>,
  kecamatan: KecamatanByName,
): CheckedRow {
  const errors: string[] = [];
  if (position >= UNIT_IMPORT_MAX_ROWS) errors.push(`Lebih dari ${UNIT_IMPORT_MAX_ROWS} baris.`);
  const name = columnText('name');
  if (name.length < 2 || name.length > 150) errors.push('Nama unit harus 2–150 karakter.');
  const kindText = columnText('kind');
  const kind = unitKindFromWord(kindText);
  if (!kind)
    errors.push(`Jenis "${kindText}" tidak dikenal (puskesmas, sd, smp, rsud, kecamatan, kelurahan, desa).`);
  const opdText = columnText('opd');
  const { opdId, parentUnitId } = placeRow(
    kind,
    opdText,
    columnText('kecamatan'),
    opdByName,
    kecamatan,
    errors,
  );
  if (!opdText && !parentUnitId && !errors.length) errors.push('OPD wajib diisi.');
  return { name, kind, opdId, parentUnitId, errors };
}

/**
 * The row's OPD, and for a kelurahan or desa its kecamatan, which also decides the OPD. Problems are
 * added to `errors`.
 */
function placeRow(
  kind: UnitKind | undefined,
  opdText: string,
  parentText: string,
  opdByName: ReadonlyMap<string, string>,
  kecamatan: KecamatanByName,
  errors: string[],
): { opdId: string | undefined; parentUnitId: string | undefined } {
  const opdId = opdText ? opdByName.get(normalised(opdText)) : undefined;
  if (opdText && !opdId) errors.push(`OPD "${opdText}" tidak ditemukan.`);
  if (kind && UNIT_KINDS_UNDER_KECAMATAN.includes(kind)) {
    const parent = kecamatan.get(normalised(parentText));
    if (!parent) errors.push(`Kecamatan "${parentText}" tidak ditemukan.`);
    else if (opdId && opdId !== parent.opdId) errors.push('OPD berbeda dengan OPD kecamatannya.');
    else return { opdId: parent.opdId, parentUnitId: parent.id };
  } else if (parentText) {
    errors.push('Hanya kelurahan dan desa yang diisi kecamatannya.');
  }
  return { opdId, parentUnitId: undefined };
}
