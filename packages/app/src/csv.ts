import { stringify } from 'csv-stringify/sync';

/**
 * Excel, LibreOffice and Google Sheets run a cell that begins with `=`, `+`, `-` or `@` as a formula
 * (and a leading tab or carriage return can hide such a start), so a value a user typed, such as an
 * e-mail address beginning with `+` or `-`, could become a formula on a reviewer's machine (CSV
 * injection). Such a cell is prefixed with an apostrophe, which spreadsheets show as a text marker,
 * and quoted.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

const neutralised = (value: string) =>
  FORMULA_START.test(value) ? { value: `'${value}`, quoted: true } : value;

/** A CSV file (RFC 4180, a header row, `\n` between records) that a spreadsheet opens as text. */
export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([[...header], ...rows.map((row) => [...row])], {
    record_delimiter: 'unix',
    cast: { string: neutralised, object: (value) => neutralised(JSON.stringify(value)) },
  });
}
