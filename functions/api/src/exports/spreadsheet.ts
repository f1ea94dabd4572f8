import {
  type CellValue,
  type HeaderMapping,
  IMPORT_MAX_ROWS,
  type ImportFormat,
  isHeaderRow,
  mapHeaders,
} from '@inovasi/core';
import ExcelJS from 'exceljs';
import { JobInputError } from './job-errors.ts';

/** One sheet of a read file: its rows (index 0 = the spreadsheet's row 1), cells by index. */
export interface ReadSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

/** Header rows further down than this are not looked for (a title block above the table is fine). */
const HEADER_SEARCH_ROWS = 10;
/** Rows read per sheet: the limit, the header and a title block. */
const MAX_READ_ROWS = IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS + 1;

function toCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (
    value instanceof Date ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return toCell(value.result as ExcelJS.CellValue);
    if ('error' in value) return null;
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new JobInputError('import_file_unreadable');
  }
  return workbook.worksheets.map((worksheet) => {
    // Rows with values only: a sheet formatted far down (borders, dropdowns) is not a large file.
    if (worksheet.actualRowCount > MAX_READ_ROWS) throw new JobInputError('import_file_too_large');
    const rows: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        cells[columnNumber - 1] = toCell(cell.value);
      });
      rows[rowNumber - 1] = cells;
    });
    return { name: worksheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

/** UTF-8 (with or without a BOM), or Windows-1252 as older Excel versions save "CSV". */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of a CSV: Indonesian Excel writes `;` (the comma is the decimal mark), others `,` or tab. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((mark) => ({ mark, count: outsideQuotes.split(mark).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]?.count ? (counts[0]?.mark ?? ',') : ',';
}

/** RFC 4180: quoted fields may hold separators, line breaks and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else field += char;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      if (rows.length > MAX_READ_ROWS) throw new JobInputError('import_file_too_large');
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export async function readSpreadsheet(bytes: Buffer, format: ImportFormat): Promise<ReadSheet[]> {
  if (format === 'xlsx') return readXlsx(bytes);
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  return [{ name: 'CSV', rows: parseCsv(text) }];
}

export interface LocatedTable {
  readonly sheet: string;
  /** Index of the header row in `rows`. */
  readonly headerIndex: number;
  readonly mapping: HeaderMapping;
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * The table to import: on each sheet, the first of its top rows that reads as a header; of those,
 * the sheet whose header names the most columns the template knows (the recap's "Profil Inovasi"
 * over its "Rekap Inovasi", the template's "Inovasi" over its instructions).
 */
export function locateTable(sheets: readonly ReadSheet[]): LocatedTable | undefined {
  let best: LocatedTable | undefined;
  for (const sheet of sheets) {
    for (let index = 0; index < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); index++) {
      const mapping = mapHeaders(sheet.rows[index] ?? []);
      if (!isHeaderRow(mapping)) continue;
      if (!best || mapping.headers.size > best.mapping.headers.size) {
        best = { sheet: sheet.name, headerIndex: index, mapping, rows: sheet.rows };
      }
      break;
    }
  }
  return best;
}
