/**
 * Reading innovations from a region's spreadsheet: the template's columns, the common names
 * regions give them, and each cell's value turned into the profile's coded value. Pure: the API
 * parses the file into cell values and resolves what needs the database (duplicates, idempotency).
 * Every message is in Bahasa Indonesia, for the operator who fixes the file. Four modules
 * (docs/decisions/0047): columns, cell readers, OPD matching and the row parser.
 */
export { type CellValue, cellText, normalizeText, parseDate, parseNumber } from './import-cells.ts';
export {
  columnForHeader,
  type HeaderMapping,
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportColumnKey,
  isHeaderRow,
  mapHeaders,
  templateHeader,
} from './import-columns.ts';
export { type ImportOpd, importedOpdId, matchOpd, type OpdMatch, opdKindFromName } from './import-opds.ts';
export {
  type ImportRowContext,
  importRowIdentity,
  type MappedImportRow,
  mapImportRow,
} from './import-rows.ts';
