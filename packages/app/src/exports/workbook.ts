import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A column of a written sheet: its header, width and how its cells are shown. */
export interface SheetColumn {
  readonly header: string;
  readonly width: number;
  /** Excel number format, e.g. `0%` or `#,##0`. */
  readonly numFmt?: string;
  readonly wrap?: boolean;
}

export type SheetValue = string | number | Date | null | undefined;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFB7C3CF' } };

/** `A`, `B`, … `AA`: the letter of a 1-based column. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`. */
export const sheetName = (name: string): string =>
  name
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim() || 'Lembar';

/**
 * A workbook written as a stream: every row is committed (written out and dropped) as soon as it is
 * added, so a workbook of thousands of rows costs no more memory than one of ten.
 */
export function streamingWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Inovasi Daerah';
  workbook.created = new Date();
  return workbook;
}

/**
 * A table sheet: a bold, filled header row that stays in view, filters on every column, readable
 * widths, and each row committed as it is written.
 */
export function tableSheet(
  workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly SheetColumn[],
  rowCount: number,
): { add(values: readonly SheetValue[]): void; done(): void } {
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: {
      ...(column.numFmt ? { numFmt: column.numFmt } : {}),
      alignment: { vertical: 'top', wrapText: column.wrap ?? false },
    },
  }));
  sheet.autoFilter = { from: 'A1', to: `${columnLetter(columns.length)}${Math.max(1, rowCount + 1)}` };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: THIN, right: THIN };
  });
  const streaming = 'commit' in header;
  if (streaming) header.commit();
  return {
    add(values) {
      const row = sheet.addRow(values.map((value) => (value === undefined ? null : value)));
      if (streaming) row.commit();
    },
    done() {
      if ('commit' in sheet && typeof sheet.commit === 'function') sheet.commit();
    },
  };
}

/** A two-column sheet of labelled values (a summary, a form). */
export function keyValueSheet(
  workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  title: string,
  rows: readonly (readonly [string, SheetValue])[],
): void {
  const sheet = workbook.addWorksheet(sheetName(name));
  sheet.columns = [
    { width: 38, style: { font: { bold: true }, alignment: { vertical: 'top' } } },
    { width: 70, style: { alignment: { vertical: 'top', wrapText: true } } },
  ];
  const heading = sheet.addRow([title]);
  heading.font = { bold: true, size: 14 };
  const commit = (row: ExcelJS.Row) => {
    if ('commit' in row && typeof row.commit === 'function') row.commit();
  };
  commit(heading);
  commit(sheet.addRow([]));
  for (const [label, value] of rows) commit(sheet.addRow([label, value ?? null]));
  if ('commit' in sheet && typeof sheet.commit === 'function') sheet.commit();
}

/** Date cells: Excel shows them in the reader's locale; the value is the calendar day at UTC midnight. */
export const dateCell = (isoDate: string | undefined): Date | undefined =>
  isoDate ? new Date(`${isoDate.slice(0, 10)}T00:00:00.000Z`) : undefined;
