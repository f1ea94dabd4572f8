import { describe, expect, it } from 'vitest';
import { slug } from '../../src/exports/pack.ts';
import { pdfText } from '../../src/exports/profile-pdf.ts';
import { locateTable, parseCsv, readSpreadsheet } from '../../src/exports/spreadsheet.ts';

describe('file names in the pack', () => {
  it.each([
    ['Jatim Cegah Stunting Terpadu', 'jatim-cegah-stunting-terpadu'],
    ['Sistem Pendampingan Inovasi Kabupaten/Kota (SIPINKA)', 'sistem-pendampingan-inovasi-kabupaten'],
    ['Pelayanan “Jemput Bola” Adminduk – Desa', 'pelayanan-jemput-bola-adminduk-desa'],
    ['Café Inovasi', 'cafe-inovasi'],
    ['!!!', 'inovasi'],
  ])('shortens %s to %s', (name, expected) => {
    expect(slug(name)).toBe(expected);
    expect(slug(name).length).toBeLessThanOrEqual(40);
  });
});

describe('CSV as regions save it', () => {
  it('reads `;`-separated Indonesian Excel CSV with quotes, line breaks and CRLF', () => {
    const rows = parseCsv(
      'Nama;Anggaran;Tujuan\r\n"Bank ""Sampah""";150.000,50;"baris satu\nbaris dua"\r\nB;;\r\n',
    );
    expect(rows).toEqual([
      ['Nama', 'Anggaran', 'Tujuan'],
      ['Bank "Sampah"', '150.000,50', 'baris satu\nbaris dua'],
      ['B', '', ''],
    ]);
  });

  it('reads comma- and tab-separated files', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('decodes a BOM and Windows-1252', async () => {
    const utf8 = await readSpreadsheet(Buffer.from('\uFEFFNama Inovasi;OPD\nCafé;Dinkes', 'utf8'), 'csv');
    expect(utf8[0]?.rows[1]).toEqual(['Café', 'Dinkes']);
    const latin = await readSpreadsheet(Buffer.from('Nama Inovasi;OPD\nCaf\xe9;Dinkes', 'latin1'), 'csv');
    expect(latin[0]?.rows[1]).toEqual(['Café', 'Dinkes']);
  });

  it('finds the table under a title block, on the sheet that names the most known columns', () => {
    const located = locateTable([
      { name: 'Rekap', rows: [['Nama Inovasi', 'OPD', 'Status']] },
      {
        name: 'Profil',
        rows: [['Daftar 2026'], [], ['Nama Inovasi', 'OPD', 'Tahapan Inovasi', 'Jenis Inovasi']],
      },
    ]);
    expect(located).toMatchObject({ sheet: 'Profil', headerIndex: 2 });
    expect(locateTable([{ name: 'X', rows: [['a', 'b']] }])).toBeUndefined();
  });
});

describe('PDF text', () => {
  it('keeps Indonesian and WinAnsi punctuation, spells out what the standard font cannot print', () => {
    expect(pdfText('Kematangan ≥ 70 → “Sangat Inovatif” – café')).toBe(
      'Kematangan >= 70 -> “Sangat Inovatif” – café',
    );
    expect(pdfText('emoji 🎉 dan 漢字')).toBe('emoji ? dan ??');
  });
});
