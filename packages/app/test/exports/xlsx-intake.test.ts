import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { buildXlsx, declaredDimensionBomb, issue19Bomb } from '../../../../test/support/xlsx-bomb.ts';
import { parseXlsxOffThread, readSpreadsheet } from '../../src/exports/spreadsheet.ts';
import {
  declaredDimension,
  inspectXlsxArchive,
  readXlsxStreaming,
  SHEET_MAX_CELLS,
  XLSX_MAX_ENTRIES,
} from '../../src/exports/xlsx-intake.ts';

/** The code of the JobInputError a promise rejects with. */
const rejectionCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code ?? String(error),
  );

async function zipOf(entries: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (let index = 0; index < entries; index++) zip.addBuffer(Buffer.from('x'), `xl/media/image${index}.png`);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the archive is judged before anything parses it', () => {
  it('reads the dimension a sheet declares', () => {
    expect(declaredDimension('<worksheet><dimension ref="A1:Z100"/>')).toEqual({ rows: 100, cells: 2600 });
    expect(declaredDimension('<x:dimension ref="B2"/>')).toEqual({ rows: 1, cells: 1 });
    expect(declaredDimension('<dimension ref="A1:XFD1048576"/>')?.rows).toBe(1_048_576);
    expect(declaredDimension('<sheetData/>')).toBeUndefined();
  });

  it('refuses 4 million cells in 250 KB by their unpacked size, in milliseconds', async () => {
    const bomb = await issue19Bomb();
    const started = performance.now();
    expect(await rejectionCode(inspectXlsxArchive(bomb))).toBe('import_archive_rejected');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses a part packed beyond 100:1 even when the whole is small', async () => {
    // 2.25 MB of identical cells without addresses pack into a few KB.
    const packed = await buildXlsx({ rows: 1_000, columns: 150, omitCellRefs: true, declaredRef: 'A1:A1' });
    expect(await rejectionCode(inspectXlsxArchive(packed))).toBe('import_archive_rejected');
  });

  it('refuses an archive of too many parts', async () => {
    expect(await rejectionCode(inspectXlsxArchive(await zipOf(XLSX_MAX_ENTRIES + 1)))).toBe(
      'import_archive_rejected',
    );
  });

  it('refuses a sheet that declares a million rows, reading only its head', async () => {
    expect(await rejectionCode(inspectXlsxArchive(await declaredDimensionBomb()))).toBe(
      'import_sheet_too_large',
    );
  });

  it('refuses what is not a ZIP as unreadable', async () => {
    expect(await rejectionCode(inspectXlsxArchive(Buffer.from('bukan excel')))).toBe(
      'import_file_unreadable',
    );
  });

  it('lets a region’s ordinary workbook through', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inovasi');
    sheet.addRow(['Nama Inovasi', 'OPD']);
    for (let index = 0; index < 300; index++) sheet.addRow([`Inovasi ${index}`, 'Dinas Kesehatan']);
    await inspectXlsxArchive(Buffer.from(await workbook.xlsx.writeBuffer()));
  });
});

describe('the streaming parse', () => {
  it('reads names, dates, numbers, formulas and rich text as the whole-workbook reader did', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Petunjuk').addRow(['Isi kolom sesuai templat']);
    const sheet = workbook.addWorksheet('Inovasi');
    sheet.addRow(['Daftar Inovasi']);
    sheet.addRow([]);
    sheet.addRow(['Nama Inovasi', 'Tanggal', 'Anggaran', 'Jumlah', 'Catatan']);
    sheet.addRow([
      'Sipandu',
      new Date(Date.UTC(2024, 2, 4)),
      150_000_000,
      { formula: '1+1', result: 2 },
      { richText: [{ text: 'tebal ' }, { text: 'biasa' }] },
    ]);
    const [guide, data] = await readSpreadsheet(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(guide?.name).toBe('Petunjuk');
    expect(data?.name).toBe('Inovasi');
    expect(data?.rows[1]).toEqual([]);
    expect(data?.rows[3]).toEqual(['Sipandu', new Date(Date.UTC(2024, 2, 4)), 150_000_000, 2, 'tebal biasa']);
  });

  it('stops at the cell cap when a sheet hides its size behind a false dimension', async () => {
    const lying = await buildXlsx({
      rows: 2_100,
      columns: 100,
      declaredRef: 'A1:A1',
      value: (row, column) => row * 1000 + column,
    });
    // Honest sizes and an ordinary ratio: only the parse itself can count the cells.
    await inspectXlsxArchive(lying);
    expect(2_100 * 100).toBeGreaterThan(SHEET_MAX_CELLS);
    expect(await rejectionCode(readXlsxStreaming(lying, 5_000))).toBe('import_sheet_too_large');
  });

  it('stops at the row cap', async () => {
    const rows = await buildXlsx({ rows: 30, columns: 2, header: ['Nama Inovasi', 'OPD'] });
    expect(await rejectionCode(readXlsxStreaming(rows, 20))).toBe('import_file_too_large');
  });
});

describe('the parse runs in a worker thread with a time and a heap limit', () => {
  const ordinary = () => buildXlsx({ rows: 50, columns: 3, header: ['Nama Inovasi', 'OPD', 'Tahapan'] });

  it('answers the rows from the thread', async () => {
    const [sheet] = await parseXlsxOffThread(await ordinary(), 100);
    expect(sheet?.name).toBe('Inovasi');
    expect(sheet?.rows).toHaveLength(51);
  });

  it('stops a parse that outlives its time limit', async () => {
    expect(
      await rejectionCode(parseXlsxOffThread(await ordinary(), 100, { timeoutMs: 1, heapMb: 256 })),
    ).toBe('import_preview_limit');
  });

  it('stops a parse that outgrows its heap, and the server carries on', async () => {
    const heavy = await buildXlsx({ rows: 1_900, columns: 100, value: (row, column) => `${row}-${column}` });
    expect(await rejectionCode(parseXlsxOffThread(heavy, 5_000, { timeoutMs: 20_000, heapMb: 4 }))).toBe(
      'import_preview_limit',
    );
    const [sheet] = await parseXlsxOffThread(await ordinary(), 100);
    expect(sheet?.rows).toHaveLength(51);
  });
});
