import { Readable } from 'node:stream';
import type { CellValue } from '@inovasi/core';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { JobInputError } from './job-errors.ts';

// This module also runs inside the preview's worker thread (xlsx-worker.ts), which Node loads
// without a build step: it keeps to erasable TypeScript and imports no runtime value from the
// workspace packages, only `exceljs`, `yauzl` and the equally plain job-errors.ts.

/**
 * An .xlsx is a ZIP of XML parts, and XML of repeated cells compresses a thousandfold: a 693 KB
 * file declared 4 million cells and took 9.5 s and 830 MiB to load (issue 19). These limits are
 * read from the archive's central directory and the sheets' first bytes, before anything parses
 * the file, so a bomb is refused in milliseconds. An import is a list of innovations: at most
 * 2,000 rows (IMPORT_MAX_ROWS) of some 40 columns, a few MB of XML once unpacked.
 */

/** Unpacked size of every part together: 2,000 full rows of long texts stay under 20 MB. */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Parts in the archive: a workbook has 10–30 (sheets, styles, strings, themes, a few images). */
export const XLSX_MAX_ENTRIES = 500;
/**
 * Unpacked bytes per packed byte of one part. Worksheet XML of real data packs 5–20:1 and a sheet
 * of empty formatted cells some 50:1; the bomb's cells pack well above 100:1.
 */
export const XLSX_MAX_COMPRESSION_RATIO = 100;
/** Parts smaller than this are not judged by their ratio: a tiny part of repeated tags may pack far. */
export const XLSX_RATIO_MIN_BYTES = 1024 * 1024;
/** Rows a sheet may declare (`<dimension ref="A1:AN5000"/>`): 2,000 rows, a title block and slack for rows formatted below the table. */
export const SHEET_MAX_ROWS = 5_000;
/** Cells a sheet may declare or hold: 5,000 rows of 40 columns. */
export const SHEET_MAX_CELLS = 200_000;
/** How much of a worksheet part is unpacked to find its `<dimension>`, which comes first. */
const DIMENSION_HEAD_BYTES = 64 * 1024;

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** One sheet of a read file: its rows (index 0 = the spreadsheet's row 1), cells by index. */
export interface ReadSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

const openZip = (bytes: Buffer) =>
  new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });

/** Every entry of the central directory, refusing the archive as soon as it has too many. */
const listEntries = (zip: yauzl.ZipFile) =>
  new Promise<yauzl.Entry[]>((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > XLSX_MAX_ENTRIES) {
        zip.close();
        reject(new JobInputError('import_archive_rejected', `more than ${XLSX_MAX_ENTRIES} parts`));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });

/** The first bytes of a part, unpacked; the rest is never inflated. */
const readHead = (zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number) =>
  new Promise<string>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      let length = 0;
      const finish = () => resolve(Buffer.concat(chunks).toString('utf8', 0, Math.min(length, limit)));
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= limit) {
          stream.destroy();
          finish();
        }
      });
      stream.on('end', finish);
      stream.on('error', reject);
    });
  });

const columnNumber = (letters: string) =>
  [...letters.toUpperCase()].reduce((value, letter) => value * 26 + letter.charCodeAt(0) - 64, 0);

/** The rows and cells a `<dimension ref="B2:AN5000"/>` declares, or undefined when there is none. */
export function declaredDimension(xmlHead: string): { rows: number; cells: number } | undefined {
  const match = /<(?:\w+:)?dimension\s+ref="([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?"/.exec(
    xmlHead,
  );
  if (!match) return undefined;
  const [, fromColumn = 'A', fromRow = '1', toColumn = fromColumn, toRow = fromRow] = match;
  const rows = Math.abs(Number(toRow) - Number(fromRow)) + 1;
  const columns = Math.abs(columnNumber(toColumn) - columnNumber(fromColumn)) + 1;
  return { rows, cells: rows * columns };
}

/**
 * Judges an .xlsx by its archive alone: the central directory (part count, unpacked sizes, each
 * part's compression ratio) and each worksheet's declared dimension, read from the first 64 KiB of
 * the part. Throws a JobInputError the route answers as 400 naming the file; reads no cell.
 */
export async function inspectXlsxArchive(bytes: Buffer): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw new JobInputError('import_file_unreadable');
  }
  try {
    const entries = await listEntries(zip);
    assertUnpackedSizes(entries);
    await assertDeclaredDimensions(zip, entries);
  } catch (error) {
    if (error instanceof JobInputError) throw error;
    throw new JobInputError('import_file_unreadable');
  } finally {
    zip.close();
  }
}

/** The central directory's promise: all parts together, and each part against its packed size. */
function assertUnpackedSizes(entries: readonly yauzl.Entry[]): void {
  let unpacked = 0;
  for (const entry of entries) {
    unpacked += entry.uncompressedSize;
    if (unpacked > XLSX_MAX_UNCOMPRESSED_BYTES) {
      throw new JobInputError(
        'import_archive_rejected',
        `unpacks to more than ${XLSX_MAX_UNCOMPRESSED_BYTES} bytes`,
      );
    }
    if (
      entry.uncompressedSize > XLSX_RATIO_MIN_BYTES &&
      entry.uncompressedSize > XLSX_MAX_COMPRESSION_RATIO * entry.compressedSize
    ) {
      throw new JobInputError(
        'import_archive_rejected',
        `${entry.fileName} packs more than ${XLSX_MAX_COMPRESSION_RATIO}:1`,
      );
    }
  }
}

async function assertDeclaredDimensions(zip: yauzl.ZipFile, entries: readonly yauzl.Entry[]): Promise<void> {
  for (const entry of entries.filter((part) => WORKSHEET_PART.test(part.fileName))) {
    const dimension = declaredDimension(await readHead(zip, entry, DIMENSION_HEAD_BYTES));
    if (dimension && (dimension.rows > SHEET_MAX_ROWS || dimension.cells > SHEET_MAX_CELLS)) {
      throw new JobInputError(
        'import_sheet_too_large',
        `${entry.fileName} declares ${dimension.rows} rows, ${dimension.cells} cells`,
      );
    }
  }
}

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

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '');

/**
 * Each worksheet part's number (`xl/worksheets/sheet4.xml` → 4) with the name the person gave the
 * sheet, from the workbook and its relationships. The streaming reader knows a sheet's name only
 * when the workbook part comes before the sheet in the archive, which is up to whoever zipped it.
 */
async function sheetNamesByPart(bytes: Buffer): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  const zip = await openZip(bytes);
  try {
    const entries = await listEntries(zip);
    const part = (fileName: string) => entries.find((entry) => entry.fileName === fileName);
    const workbook = part('xl/workbook.xml');
    const relations = part('xl/_rels/workbook.xml.rels');
    if (!workbook || !relations) return names;
    const [workbookXml, relationsXml] = await Promise.all([
      readHead(zip, workbook, XLSX_MAX_UNCOMPRESSED_BYTES),
      readHead(zip, relations, XLSX_MAX_UNCOMPRESSED_BYTES),
    ]);
    const targets = new Map<string, number>();
    for (const [relation] of relationsXml.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(relation)?.[1];
      const sheetNumber = /\bTarget="[^"]*worksheets\/sheet(\d+)\.xml"/.exec(relation)?.[1];
      if (id && sheetNumber) targets.set(id, Number(sheetNumber));
    }
    for (const [sheet] of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(sheet)?.[1];
      const relationId = /\br:id="([^"]+)"/.exec(sheet)?.[1];
      const sheetNumber = relationId ? targets.get(relationId) : undefined;
      if (name !== undefined && sheetNumber !== undefined) names.set(sheetNumber, unescapeXml(name));
    }
  } finally {
    zip.close();
  }
  return names;
}

/**
 * Reads an .xlsx with exceljs's streaming reader, row by row, instead of loading the workbook: it
 * stops at `maxRowsWithValues` rows holding values per sheet, and at SHEET_MAX_ROWS rows or
 * SHEET_MAX_CELLS cells seen in all (the dimension a sheet declares can lie, or be missing).
 */
export async function readXlsxStreaming(bytes: Uint8Array, maxRowsWithValues: number): Promise<ReadSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const names = await sheetNamesByPart(Buffer.from(bytes)).catch(() => new Map<number, string>());
  const sheets: ReadSheet[] = [];
  const seen: SeenInAll = { rows: 0, cells: 0 };
  try {
    for await (const worksheet of reader) {
      const rows = await readRows(worksheet, seen, maxRowsWithValues);
      const { name, id } = worksheet as unknown as { name?: string; id?: string | number };
      sheets.push({
        name: names.get(Number(id)) ?? name ?? `Sheet${id ?? sheets.length + 1}`,
        rows: Array.from(rows, (row) => row ?? []),
      });
    }
  } catch (error) {
    if (error instanceof JobInputError) throw error;
    throw new JobInputError('import_file_unreadable');
  }
  return sheets;
}

/** Rows and cells seen so far in all sheets of a workbook. */
interface SeenInAll {
  rows: number;
  cells: number;
}

/** One sheet's rows holding values, at their row numbers. */
async function readRows(
  worksheet: ExcelJS.stream.xlsx.WorksheetReader,
  seen: SeenInAll,
  maxRowsWithValues: number,
): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  let rowsWithValues = 0;
  for await (const row of worksheet) {
    seen.rows++;
    seen.cells += row.cellCount;
    if (seen.rows > SHEET_MAX_ROWS || seen.cells > SHEET_MAX_CELLS) {
      throw new JobInputError(
        'import_sheet_too_large',
        `more than ${SHEET_MAX_ROWS} rows or ${SHEET_MAX_CELLS} cells`,
      );
    }
    // Rows with values only: a sheet formatted below its table is not a large file.
    if (!row.hasValues) continue;
    if (++rowsWithValues > maxRowsWithValues) throw new JobInputError('import_file_too_large');
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = toCell(cell.value);
    });
    rows[row.number - 1] = cells;
  }
  return rows;
}
