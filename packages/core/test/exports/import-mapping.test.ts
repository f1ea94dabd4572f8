import { describe, expect, it } from 'vitest';
import {
  type CellValue,
  type ImportColumnKey,
  type ImportRowContext,
  importRowIdentity,
  isHeaderRow,
  mapHeaders,
  mapImportRow,
  matchOpd,
  opdKindFromName,
  parseDate,
  parseNumber,
} from '../../src/index.ts';
import { getRubric } from '../../src/rubrics/index.ts';

const OPDS = [
  { id: 'opd-dinkes', name: 'Dinas Kesehatan', archived: false },
  { id: 'opd-disdik', name: 'Dinas Pendidikan', archived: false },
  { id: 'opd-pkm', name: 'UPT Puskesmas Kota', archived: false },
  { id: 'opd-pkm2', name: 'UPT Puskesmas Kota Timur', archived: false },
  { id: 'opd-old', name: 'Dinas Lama', archived: true },
];

const context = (overrides: Partial<ImportRowContext> = {}): ImportRowContext => ({
  opds: OPDS,
  createMissingOpds: false,
  defaultYear: 2026,
  knownYear: (year) => year === 2026 || year === 2027,
  ...overrides,
});

const row = (cells: Partial<Record<ImportColumnKey, CellValue>>, ctx = context()) =>
  mapImportRow(2, new Map(Object.entries(cells) as [ImportColumnKey, CellValue][]), new Map(), ctx);

describe('numbers and dates as regions write them', () => {
  it.each([
    ['150.000.000', 150_000_000],
    ['Rp 150.000.000', 150_000_000],
    ['Rp150.000.000,50', 150_000_000.5],
    ['1,500,000', 1_500_000],
    ['-7,1502', -7.1502],
    ['111.8817', 111.8817],
    ['2026', 2026],
    [42, 42],
  ])('reads %s as %s', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each(['dua juta', '12a', '-', ''])('refuses %s', (text) => {
    expect(parseNumber(text).ok).toBe(false);
  });

  it.each<[CellValue, string]>([
    ['2024-03-04', '2024-03-04'],
    ['04/03/2024', '2024-03-04'],
    ['4-3-2024', '2024-03-04'],
    ['4 Maret 2024', '2024-03-04'],
    ['17 Agt 2024', '2024-08-17'],
    [new Date(Date.UTC(2024, 2, 4)), '2024-03-04'],
    // A spreadsheet date in a time zone east of UTC arrives as the evening before.
    [new Date(Date.UTC(2024, 2, 3, 17)), '2024-03-04'],
    [45355, '2024-03-04'],
  ])('reads %s as %s', (value, iso) => {
    expect(parseDate(value)).toEqual({ ok: true, value: iso });
  });

  it.each(['31/02/2024', '2024-13-01', 'besok', '12'])('refuses %s with a hint', (text) => {
    const parsed = parseDate(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('2024-03-04');
  });
});

describe('headers', () => {
  it('knows the template and the names regions use', () => {
    const mapping = mapHeaders([
      'No',
      'Nama Inovasi *',
      'Nama OPD',
      'Tahapan',
      'Anggaran (Rp)',
      'Kematangan',
    ]);
    expect([...mapping.columns.entries()]).toEqual([
      [1, 'name'],
      [2, 'opd'],
      [3, 'stage'],
      [4, 'budget'],
    ]);
    expect(mapping.ignored).toEqual(['No', 'Kematangan']);
    expect(isHeaderRow(mapping)).toBe(true);
    expect(isHeaderRow(mapHeaders(['Daftar Inovasi 2026']))).toBe(false);
  });
});

describe('OPDs by name', () => {
  it('matches exactly, by abbreviation or by a unique part, never an archived one', () => {
    expect(matchOpd('dinas  kesehatan', OPDS)).toMatchObject({ kind: 'found', approximate: false });
    expect(matchOpd('Dinkes', OPDS)).toMatchObject({
      kind: 'found',
      opd: { id: 'opd-dinkes' },
      approximate: true,
    });
    expect(matchOpd('Pendidikan', OPDS)).toMatchObject({ kind: 'found', opd: { id: 'opd-disdik' } });
    expect(matchOpd('Puskesmas Kota', OPDS)).toMatchObject({ kind: 'ambiguous' });
    expect(matchOpd('Dinas Lama', OPDS)).toEqual({ kind: 'missing' });
  });

  it('reads a new OPD’s kind from its name', () => {
    expect(opdKindFromName('RSUD dr. Soetomo')).toBe('rsud');
    expect(opdKindFromName('SMP Negeri 1')).toBe('sekolah');
    expect(opdKindFromName('Badan Pendapatan Daerah')).toBe('badan');
    expect(opdKindFromName('Sekretariat DPRD')).toBe('lainnya');
  });
});

describe('rows', () => {
  it('turns a row into a profile with coded values', () => {
    const mapped = row({
      name: '  Sipandu Gizi  ',
      opd: 'Dinas Kesehatan',
      stage: 'uji coba',
      initiator: 'Bupati',
      kind: 'daring',
      form: 'Pelayanan Publik',
      urusanMain: 'Kesehatan',
      urusanOthers: 'Sosial; Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat',
      implementationDate: '04/03/2024',
      budget: 'Rp 1.250.000',
      coordinates: '-7.15; 111.88',
      astaCita: 'Asta Cita 4',
      pkpnCluster: 'Kesehatan',
    });
    expect(mapped.errors).toEqual([]);
    expect(mapped.opdId).toBe('opd-dinkes');
    expect(mapped.profile).toEqual({
      name: 'Sipandu Gizi',
      stage: 'uji_coba',
      initiator: 'kepala_daerah',
      kind: 'digital',
      form: 'pelayanan_publik',
      urusanMain: 'kesehatan',
      urusanOthers: ['sosial', 'trantibumlinmas'],
      implementationDate: '2024-03-04',
      budget: 1_250_000,
      latitude: -7.15,
      longitude: 111.88,
      astaCita: 4,
      pkpnCluster: 'kesehatan',
    });
  });

  it('names each problem with its column, in Bahasa Indonesia, and keeps no profile', () => {
    const mapped = mapImportRow(
      7,
      new Map<ImportColumnKey, CellValue>([
        ['name', 'AB'],
        ['opd', 'Dinas Antah'],
        ['stage', 'selesai'],
        ['astaCita', '9'],
        ['periodYear', '2019'],
      ]),
      new Map<ImportColumnKey, string>([
        ['stage', 'Tahap'],
        ['opd', 'Nama OPD'],
      ]),
      context(),
    );
    expect(mapped.profile).toBeUndefined();
    const byColumn = Object.fromEntries(mapped.errors.map((error) => [error.column, error.message]));
    expect(byColumn.Tahap).toContain('"selesai" tidak dikenal');
    expect(byColumn['Nama OPD']).toContain('tidak ditemukan');
    expect(byColumn['Asta Cita']).toContain('1 sampai 8');
    expect(byColumn['Tahun Penilaian']).toContain('Belum ada rubrik penilaian untuk tahun 2019');
    expect(byColumn['Nama Inovasi']).toBe('Terlalu pendek: minimal 3 karakter.');
  });

  it('uses the default OPD and year, or creates a missing OPD when asked', () => {
    const defaulted = row({ name: 'Bank Sampah' }, context({ defaultOpd: OPDS[1] }));
    expect(defaulted).toMatchObject({ opdId: 'opd-disdik', periodYear: 2026, errors: [] });
    const created = row(
      { name: 'Bank Sampah', opd: 'Dinas Lingkungan Hidup' },
      context({ createMissingOpds: true }),
    );
    expect(created).toMatchObject({ opdId: 'imp-dinas-lingkungan-hidup', newOpd: true, errors: [] });
    expect(row({ name: 'Bank Sampah' }).errors[0]?.message).toContain('OPD wajib diisi');
  });

  it('warns, without refusing, what keeps a draft from being eligible', () => {
    const mapped = row(
      { name: 'Bank Sampah', opd: 'Dinkes', stage: 'Penerapan' },
      context({ rubricFor: () => getRubric('iid-2026') }),
    );
    expect(mapped.errors).toEqual([]);
    expect(mapped.warnings.map((warning) => warning.code)).toContain('opd_approximate');
    expect(mapped.warnings.some((warning) => warning.code.startsWith('not_eligible_'))).toBe(true);
  });

  it('identifies a row by year, OPD and normalised name', () => {
    expect(importRowIdentity(2026, 'opd-a', 'Bank  Sampah!')).toBe(
      importRowIdentity(2026, 'opd-a', 'bank sampah'),
    );
    expect(importRowIdentity(2026, 'opd-a', 'Bank Sampah')).not.toBe(
      importRowIdentity(2027, 'opd-a', 'Bank Sampah'),
    );
  });
});
