/**
 * One CSV cell (RFC 4180) that a spreadsheet opens as text. Excel, LibreOffice and Google Sheets
 * run a cell that begins with `=`, `+`, `-` or `@` as a formula (and a leading tab or carriage
 * return can hide such a start), so a value a user typed, such as an e-mail address beginning
 * with `+` or `-`, could become a formula on a reviewer's machine (CSV injection). Such a cell is
 * prefixed with an apostrophe, which spreadsheets show as a text marker, and then quoted.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: unknown): string {
  const raw =
    value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return NEEDS_QUOTES.test(text) || text !== raw ? `"${text.replaceAll('"', '""')}"` : text;
}
