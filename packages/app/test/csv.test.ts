import { describe, expect, it } from 'vitest';
import { csvText } from '../src/csv.ts';

const cell = (value: unknown) => csvText(['h'], [[value]]).slice('h\n'.length, -1);

describe('a CSV file a spreadsheet opens as text', () => {
  it('keeps plain values as they are and quotes what RFC 4180 needs', () => {
    expect(csvText(['a', 'b'], [['innovation.update', 2026]])).toBe('a,b\ninnovation.update,2026\n');
    expect(cell(undefined)).toBe('');
    expect(cell('a, "b"')).toBe('"a, ""b"""');
    expect(cell('baris\r\nbaru')).toBe('"baris\r\nbaru"');
    expect(cell({ name: 'x' })).toBe('"{""name"":""x""}"');
  });

  it.each([
    ['=HYPERLINK("http://x","klik")', `"'=HYPERLINK(""http://x"",""klik"")"`],
    ['+62-811-cmd', `"'+62-811-cmd"`],
    ['-2+3@demo.local', `"'-2+3@demo.local"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises a value a spreadsheet would run as a formula: %j', (value, expected) => {
    expect(cell(value)).toBe(expected);
  });
});
