import { Readable } from 'node:stream';
import yazl from 'yazl';

/**
 * Hand-made .xlsx files for the intake limits (issue 19, docs/decisions/0021): a minimal but valid
 * workbook (content types, relationships, one sheet) whose sheet XML is generated as a stream, so
 * a file of millions of cells costs the test no memory. Excel and exceljs open them.
 */
export interface BombOptions {
  /** Rows of cells written. */
  readonly rows: number;
  /** Cells per row. */
  readonly columns: number;
  /** The `<dimension ref>` the sheet declares; omitted, it declares what it holds. */
  readonly declaredRef?: string;
  /** A header row of the import template's names first, so the file reads as an import. */
  readonly header?: readonly string[];
  /** Each cell's value; a constant packs a thousandfold, like the bomb of issue 19. */
  readonly value?: (row: number, column: number) => string | number;
  /** Deflate level (yazl's default is 6); 9 packs the bomb smaller still. */
  readonly compressionLevel?: number;
  /**
   * Cells without their `r` address (optional in OOXML: a cell follows the one before it). Every
   * row of the bomb is then the same bytes, which is what packs millions of cells into a few KB.
   */
  readonly omitCellRefs?: boolean;
}

const columnLetters = (column: number): string => {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const cellXml = (row: number, column: number, value: string | number, omitRef = false) => {
  const ref = omitRef ? '' : ` r="${columnLetters(column)}${row}"`;
  return typeof value === 'number'
    ? `<c${ref}><v>${value}</v></c>`
    : `<c${ref} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
};

function* sheetXml(options: BombOptions): Generator<string> {
  const header = options.header ?? [];
  const totalRows = options.rows + (header.length > 0 ? 1 : 0);
  const width = Math.max(options.columns, header.length);
  const ref = options.declaredRef ?? `A1:${columnLetters(width)}${totalRows}`;
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  yield '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  yield `<dimension ref="${ref}"/><sheetData>`;
  let rowNumber = 0;
  if (header.length > 0) {
    rowNumber++;
    yield `<row r="${rowNumber}">${header.map((name, index) => cellXml(rowNumber, index + 1, name)).join('')}</row>`;
  }
  const value = options.value ?? (() => 1);
  for (let row = 0; row < options.rows; row++) {
    rowNumber++;
    let xml = `<row r="${rowNumber}">`;
    for (let column = 1; column <= options.columns; column++) {
      xml += cellXml(rowNumber, column, value(row, column), options.omitCellRefs);
    }
    yield `${xml}</row>`;
  }
  yield '</sheetData></worksheet>';
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Inovasi" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** Builds the workbook; the sheet streams through deflate, so only the packed file is held. */
export async function buildXlsx(options: BombOptions): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const level = { compress: true, compressionLevel: options.compressionLevel ?? 6 };
  zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml', level);
  zip.addBuffer(Buffer.from(ROOT_RELS), '_rels/.rels', level);
  zip.addBuffer(Buffer.from(WORKBOOK), 'xl/workbook.xml', level);
  zip.addBuffer(Buffer.from(WORKBOOK_RELS), 'xl/_rels/workbook.xml.rels', level);
  zip.addReadStream(Readable.from(sheetXml(options)), 'xl/worksheets/sheet1.xml', level);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The bomb of issue 19: 4 million cells of one value, under 1 MB packed. */
export const issue19Bomb = () =>
  buildXlsx({ rows: 40_000, columns: 100, omitCellRefs: true, compressionLevel: 9 });

/**
 * A bomb exceljs can load, every cell with its address: 2 million cells in about 4 MB, under the
 * 5 MB upload limit. Loading it whole is what held the event loop for seconds (issue 19).
 */
export const addressedBomb = () => buildXlsx({ rows: 20_000, columns: 100 });

/** A small file that declares a sheet of a million rows (its dimension), holding a handful. */
export const declaredDimensionBomb = () => buildXlsx({ rows: 3, columns: 3, declaredRef: 'A1:XFD1048576' });
