/**
 * The unit list reader (with the spreadsheet import mapping it uses), loaded by the first unit
 * import with `import()`: only that route needs it (docs/decisions/0041).
 */
export { readUnitList } from '@inovasi/core';
