import { describe, expect, it } from 'vitest';
import { csvCell } from '../src/csv.ts';

describe('a CSV cell', () => {
  it('keeps plain values as they are', () => {
    expect(csvCell('innovation.update')).toBe('innovation.update');
    expect(csvCell(2026)).toBe('2026');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('baris\r\nbaru')).toBe('"baris\r\nbaru"');
  });

  it.each([
    ['=HYPERLINK("http://x","klik")', `"'=HYPERLINK(""http://x"",""klik"")"`],
    ['+62-811-cmd', `"'+62-811-cmd"`],
    ['-2+3@demo.local', `"'-2+3@demo.local"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises a value a spreadsheet would run as a formula: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
