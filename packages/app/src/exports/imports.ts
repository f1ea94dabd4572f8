import { createHash } from 'node:crypto';
import {
  type Actor,
  type CellValue,
  CLASSIFICATION_LABELS,
  defaultAssessmentYear,
  FORM_LABELS,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportColumnKey,
  type ImportJob,
  type ImportOptions,
  type ImportPreviewRow,
  type ImportReportRow,
  type ImportSummary,
  INITIATOR_LABELS,
  importRowIdentity,
  KIND_LABELS,
  mapImportRow,
  type Opd,
  opdKindFromName,
  PKPN_LABELS,
  periodLock,
  rubricIdForPeriod,
  STAGE_LABELS,
  todayInJakarta,
  URUSAN,
} from '@inovasi/core';
import { getRubric } from '@inovasi/core/scoring';
import {
  cancelledConditions,
  type ImportRepository,
  type InnovationRepository,
  type OpdRepository,
  type PeriodRepository,
  repositoriesFor,
  type TenantClients,
} from '@inovasi/data';
import ExcelJS from 'exceljs';
import { JobInputError } from './job-errors.ts';
import { templateSheetColumns } from './recap.ts';
import { locateTable, readSpreadsheet } from './spreadsheet.ts';
import { columnLetter, sheetName } from './workbook.ts';

/**
 * The id an imported row's innovation gets: derived from the tenant and the row's identity (year,
 * OPD, normalised name), never from the file. Importing the same rows again, from the same file or
 * a corrected one, meets the existing item's `attribute_not_exists` condition and creates nothing.
 */
export const importedInnovationId = (tenantCode: string, identity: string): string =>
  `imp-${createHash('sha256').update(`${tenantCode}\u0000${identity}`).digest('hex').slice(0, 32)}`;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const isEmptyRow = (cells: readonly CellValue[]) =>
  cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === '');

/** Rows judged between two hand-backs of the event loop. */
const JUDGE_SLICE_ROWS = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type MappedRow = ReturnType<typeof mapImportRow>;

/**
 * What the region already has in the rows' years: ids (a row imported before), names per OPD (a
 * duplicate), and the years past their national deadline, which take no new innovation.
 */
async function regionRecordsOf(
  periods: PeriodRepository,
  innovations: InnovationRepository,
  years: readonly number[],
  today: string,
): Promise<{ existing: Map<string, string>; existingIds: Set<string>; closedYears: Set<number> }> {
  const existing = new Map<string, string>();
  const existingIds = new Set<string>();
  const closedYears = new Set<number>();
  for (const year of years) {
    const period = await periods.get(year);
    if (period && periodLock(period, today, undefined) === 'read_only') closedYears.add(year);
    for (const innovation of await innovations.listForPeriod(year)) {
      existingIds.add(innovation.id);
      existing.set(importRowIdentity(year, innovation.opdId, innovation.profile.name), innovation.id);
    }
  }
  return { existing, existingIds, closedYears };
}

/** A mapped row's preview fields before its status is known: only what the row has. */
function previewBase(row: MappedRow) {
  return {
    rowNumber: row.rowNumber,
    ...(row.name ? { name: row.name } : {}),
    ...(row.opdName ? { opdName: row.opdName } : {}),
    ...(row.opdId ? { opdId: row.opdId } : {}),
    ...(row.newOpd ? { newOpd: true } : {}),
    periodYear: row.periodYear,
    errors: [...row.errors],
    warnings: row.warnings,
  };
}

/**
 * A mapped row's status: invalid (its own errors, a closed year, or the same as an earlier row of
 * the file, whose row number `firstRowOf` keeps), already imported, a duplicate, or valid.
 */
function judgeRow(
  row: MappedRow,
  region: Awaited<ReturnType<typeof regionRecordsOf>>,
  firstRowOf: Map<string, number>,
  tenantCode: string,
): ImportPreviewRow {
  const base = previewBase(row);
  if (!row.profile || !row.opdId || row.errors.length > 0) return { ...base, status: 'invalid' as const };
  if (region.closedYears.has(row.periodYear)) {
    base.errors.push({
      column: 'Tahun Penilaian',
      field: 'periodYear',
      code: 'period_read_only',
      message: `Batas waktu nasional periode ${row.periodYear} sudah lewat; inovasi tidak dapat ditambahkan lagi.`,
    });
    return { ...base, status: 'invalid' as const };
  }
  const identity = importRowIdentity(row.periodYear, row.opdId, row.profile.name);
  const earlier = firstRowOf.get(identity);
  if (earlier !== undefined) {
    base.errors.push({
      column: 'Nama Inovasi',
      field: 'name',
      code: 'duplicate_row',
      message: `Baris ini sama dengan baris ${earlier} (nama inovasi, OPD dan tahun sama).`,
    });
    return { ...base, status: 'invalid' as const };
  }
  firstRowOf.set(identity, row.rowNumber);
  const innovationId = importedInnovationId(tenantCode, identity);
  if (region.existingIds.has(innovationId)) {
    return { ...base, status: 'already_imported' as const, innovationId, profile: row.profile };
  }
  const same = region.existing.get(identity);
  if (same) {
    base.warnings.push({
      column: 'Nama Inovasi',
      field: 'name',
      code: 'duplicate_existing',
      message: 'OPD ini sudah memiliki inovasi dengan nama yang sama pada tahun ini; baris ini dilewati.',
    });
    return { ...base, status: 'duplicate' as const, innovationId: same, profile: row.profile };
  }
  return { ...base, status: 'valid' as const, profile: row.profile };
}

export interface PreviewResult {
  readonly job: ImportJob;
  readonly rows: ImportPreviewRow[];
}

/**
 * Reads the uploaded file and judges every row, writing nothing but the preview (a run of the
 * preview job holding `run.runId`, docs/decisions/0032): each row is
 * valid, invalid (with its reasons, per column, in Bahasa Indonesia), already imported, or a
 * duplicate of an innovation the region already has.
 */
export async function previewImport(
  clients: TenantClients,
  imports: ImportRepository,
  job: ImportJob,
  options: ImportOptions,
  run: { readonly runId: string; report(progress: number, stage: string): Promise<void> },
): Promise<PreviewResult> {
  const { tenantCode } = clients;
  const bytes = await imports.readSource(job, IMPORT_MAX_BYTES);
  await run.report(15, 'Membaca lembar kerja');
  const table = locateTable(await readSpreadsheet(bytes, job.format));
  if (!table) throw new JobInputError('import_file_unreadable');
  await run.report(60, 'Memeriksa baris');
  const body = table.rows
    .map((cells, index) => ({ cells, rowNumber: index + 1 }))
    .slice(table.headerIndex + 1)
    .filter(({ cells }) => !isEmptyRow(cells));
  if (body.length > IMPORT_MAX_ROWS) throw new JobInputError('import_file_too_large');

  const { opds: opdRepository, periods, innovations } = repositoriesFor(clients);
  const opds = await opdRepository.list();
  const defaultOpd = options.defaultOpdId ? opds.find((opd) => opd.id === options.defaultOpdId) : undefined;
  if (options.defaultOpdId && (!defaultOpd || defaultOpd.archived)) throw new JobInputError('opd_not_found');
  const defaultYear = options.periodYear ?? defaultAssessmentYear();
  const today = todayInJakarta();
  // A row is judged by its period's pinned rubric, as the answers of that period will be.
  const openedPeriods = new Map((await periods.list()).map((period) => [period.year, period]));
  const rubricIdOf = (year: number) => rubricIdForPeriod(year, openedPeriods.get(year));

  const mapped: ReturnType<typeof mapImportRow>[] = [];
  for (const { cells, rowNumber } of body) {
    // Judging a row takes a fraction of a millisecond, 2,000 of them a second on a busy host: the
    // event loop is handed back between slices, so another region's requests are not held for it.
    if (mapped.length % JUDGE_SLICE_ROWS === JUDGE_SLICE_ROWS - 1) await yieldToEventLoop();
    const values = new Map<ImportColumnKey, CellValue>();
    for (const [index, key] of table.mapping.columns) values.set(key, cells[index]);
    mapped.push(
      mapImportRow(rowNumber, values, table.mapping.headers, {
        opds,
        defaultOpd,
        createMissingOpds: options.createMissingOpds ?? false,
        defaultYear,
        knownYear: (year) => rubricIdOf(year) !== undefined,
        rubricFor: (year) => {
          const id = rubricIdOf(year);
          return id ? getRubric(id) : undefined;
        },
      }),
    );
  }

  const years = [...new Set(mapped.map((row) => row.periodYear))];
  const region = await regionRecordsOf(periods, innovations, years, today);
  const firstRowOf = new Map<string, number>();
  const rows: ImportPreviewRow[] = mapped.map((row) => judgeRow(row, region, firstRowOf, tenantCode));

  const count = (status: ImportPreviewRow['status']) => rows.filter((row) => row.status === status).length;
  const summary: ImportSummary = {
    rows: rows.length,
    valid: count('valid'),
    invalid: count('invalid'),
    alreadyImported: count('already_imported'),
    duplicates: count('duplicate'),
    newOpds: [
      ...new Set(rows.filter((row) => row.status === 'valid' && row.newOpd).map((row) => row.opdName ?? '')),
    ],
    ignoredColumns: [...table.mapping.ignored],
    sheet: table.sheet,
  };
  const saved = await imports.savePreview(job.id, run.runId, {
    fileSha256: sha256(bytes),
    options,
    summary,
    rows,
  });
  return { job: saved, rows };
}

/** Who an import writes as: the person who confirmed it (their id; the audit names the import). */
export const importActor = (tenantCode: string, userId: string): Actor => ({
  userId,
  email: `import@${tenantCode}`,
  tenantCode,
  roles: ['tenant_admin'],
});

export interface ImportRunSources {
  progress(done: number, total: number): Promise<void>;
}

/** Creates the OPDs the valid rows named that do not exist yet; answers the names of those it created. */
async function createNewOpds(
  opds: OpdRepository,
  rows: readonly ImportPreviewRow[],
  now: () => string,
): Promise<string[]> {
  const opdsCreated: string[] = [];
  const newOpds = new Map<string, string>();
  for (const row of rows) {
    if (row.status === 'valid' && row.newOpd && row.opdId && row.opdName) newOpds.set(row.opdId, row.opdName);
  }
  for (const [id, name] of newOpds) {
    if (await opds.get(id)) continue;
    try {
      await opds.create({ name, kind: opdKindFromName(name) }, now(), id);
      opdsCreated.push(name);
    } catch (error) {
      // Created by an earlier attempt of this run (or a concurrent one) in the meantime.
      if (!cancelledConditions(error).includes(0)) throw error;
    }
  }
  return opdsCreated;
}

/** The report of a row the run does not create: its preview status, and its errors in one line. */
function skippedRowReport(row: ImportPreviewRow, outcome: ImportReportRow['outcome']): ImportReportRow {
  return {
    rowNumber: row.rowNumber,
    ...(row.name ? { name: row.name } : {}),
    outcome,
    ...(row.innovationId ? { innovationId: row.innovationId } : {}),
    ...(row.errors[0]
      ? { message: row.errors.map((error) => `${error.column}: ${error.message}`).join(' ') }
      : {}),
  };
}

/**
 * Creates what the confirmed preview holds: the OPDs it named that did not exist (with ids derived
 * from their names), then one draft innovation per valid row, each in its own transaction with its
 * audit entry. A row's innovation id is derived from the row, so a run that is taken up again after
 * a crash (or a second import of the same rows) finds it there and creates nothing twice; a row
 * that fails writes nothing at all.
 */
export async function runImport(
  clients: TenantClients,
  job: ImportJob,
  rows: readonly ImportPreviewRow[],
  sources: ImportRunSources,
): Promise<{
  summary: {
    created: number;
    alreadyImported: number;
    duplicates: number;
    invalid: number;
    failed: number;
    opdsCreated: string[];
  };
  rows: ImportReportRow[];
}> {
  const { tenantCode } = clients;
  const actor = importActor(tenantCode, job.confirmedBy ?? job.requestedBy);
  const audit = { actor, requestId: `import-${job.id}` };
  const { opds, innovations } = repositoriesFor(clients, { audit });
  const now = () => new Date().toISOString();

  const opdsCreated = await createNewOpds(opds, rows, now);

  const report: ImportReportRow[] = [];
  const valid = rows.filter((row) => row.status === 'valid');
  let processed = 0;
  for (const row of rows) {
    if (row.status !== 'valid') {
      report.push(skippedRowReport(row, row.status));
      continue;
    }
    const profile = row.profile;
    const opdId = row.opdId;
    const year = row.periodYear;
    if (!profile || !opdId || year === undefined) continue;
    const id = importedInnovationId(tenantCode, importRowIdentity(year, opdId, profile.name));
    try {
      await innovations.create({ id, opdId, periodYear: year, profile }, actor, undefined, now());
      report.push({ rowNumber: row.rowNumber, name: profile.name, outcome: 'created', innovationId: id });
    } catch (error) {
      if (!cancelledConditions(error).includes(0)) throw error;
      report.push({
        rowNumber: row.rowNumber,
        name: profile.name,
        outcome: 'already_imported',
        innovationId: id,
      });
    }
    processed++;
    await sources.progress(processed, valid.length);
  }
  const count = (outcome: ImportReportRow['outcome']) =>
    report.filter((row) => row.outcome === outcome).length;
  return {
    summary: {
      created: count('created'),
      alreadyImported: count('already_imported'),
      duplicates: count('duplicate'),
      invalid: count('invalid'),
      failed: count('failed'),
      opdsCreated,
    },
    rows: report,
  };
}

/** The lists the template's dropdowns and the "Nilai Valid" sheet offer. */
function validValueLists(opds: readonly Opd[]): { header: string; values: string[] }[] {
  return [
    { header: 'Tahapan Inovasi', values: Object.values(STAGE_LABELS) },
    { header: 'Inisiator Inovasi', values: Object.values(INITIATOR_LABELS) },
    { header: 'Klasifikasi Inovasi', values: Object.values(CLASSIFICATION_LABELS) },
    { header: 'Jenis Inovasi', values: Object.values(KIND_LABELS) },
    { header: 'Bentuk Inovasi', values: Object.values(FORM_LABELS) },
    { header: 'Urusan Utama', values: URUSAN.map((urusan) => urusan.name) },
    { header: 'Kode Urusan', values: URUSAN.map((urusan) => urusan.code) },
    { header: 'Klaster PKPN', values: Object.values(PKPN_LABELS) },
    { header: 'Asta Cita', values: ['1', '2', '3', '4', '5', '6', '7', '8'] },
    {
      header: 'OPD',
      values: opds.filter((opd) => !opd.archived).map((opd) => opd.name),
    },
  ];
}

/** Rows of the template that carry dropdowns: a region's spreadsheet has hundreds, not more. */
const TEMPLATE_ROWS = 1000;

/**
 * The import template of one region: the "Inovasi" sheet (headers, dropdowns for coded columns),
 * "Petunjuk" (what each column takes) and "Nilai Valid" (the valid values, this region's OPDs
 * included). The recap's "Profil Inovasi" sheet has the same columns, so it can be imported as is.
 */
export async function writeTemplate(opds: readonly Opd[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Inovasi Daerah';
  const data = workbook.addWorksheet('Inovasi', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = templateSheetColumns.map((column) => ({
    header: column.header,
    width: column.width,
    style: {
      ...(column.numFmt ? { numFmt: column.numFmt } : {}),
      alignment: { vertical: 'top', wrapText: column.wrap ?? false },
    },
  }));
  const header = data.getRow(1);
  header.font = { bold: true };
  header.height = 30;
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };
  });
  data.autoFilter = { from: 'A1', to: `${columnLetter(templateSheetColumns.length)}1` };

  const guide = workbook.addWorksheet('Petunjuk');
  guide.columns = [
    { header: 'Kolom', width: 28 },
    { header: 'Wajib', width: 8 },
    { header: 'Cara mengisi', width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  guide.getRow(1).font = { bold: true };
  for (const column of IMPORT_COLUMNS.filter((entry) => entry.inTemplate)) {
    guide.addRow([column.header, column.key === 'name' || column.key === 'opd' ? 'Ya' : '', column.guide]);
  }
  guide.addRow([]);
  guide.addRow([
    'Catatan',
    '',
    'Satu baris satu inovasi. Baris judul kolom harus tetap di baris pertama. Nama kolom lain yang umum ' +
      '(mis. "Nama OPD", "Tahapan") juga dikenali. Mengimpor berkas yang sama dua kali tidak membuat inovasi ganda.',
  ]);

  const lists = validValueLists(opds);
  const valid = workbook.addWorksheet(sheetName('Nilai Valid'));
  valid.columns = lists.map((list) => ({
    header: list.header,
    width: Math.min(48, Math.max(14, list.header.length + 4)),
  }));
  valid.getRow(1).font = { bold: true };
  const longest = Math.max(...lists.map((list) => list.values.length));
  for (let index = 0; index < longest; index++) valid.addRow(lists.map((list) => list.values[index] ?? null));

  // Dropdowns on the coded columns, pointing at their list in "Nilai Valid".
  const listColumn = new Map(
    lists.map((list, index) => [list.header, { index: index + 1, size: list.values.length }]),
  );
  templateSheetColumns.forEach((column, index) => {
    const source = listColumn.get(column.header);
    if (!source || source.size === 0 || column.header === 'Urusan Lain') return;
    const letter = columnLetter(source.index);
    const target = columnLetter(index + 1);
    // Present at run time since exceljs 4; its type definitions lag behind.
    (
      data as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${target}2:${target}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [`'Nilai Valid'!$${letter}$2:$${letter}$${source.size + 1}`],
    });
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
