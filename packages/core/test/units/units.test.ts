import { describe, expect, it } from 'vitest';
import {
  evaluateTargetRule,
  readUnitList,
  targetRuleSchema,
  type Unit,
  unitKindFromWord,
  unitPlacementProblem,
  unitProgress,
} from '../../src/index.ts';

const at = '2026-01-01T00:00:00.000Z';
const unit = (id: string, opdId: string, kind: Unit['kind'], parentUnitId?: string): Unit => ({
  id,
  opdId,
  kind,
  name: id,
  ...(parentUnitId ? { parentUnitId } : {}),
  archived: false,
  version: 1,
  createdAt: at,
  updatedAt: at,
});

describe('units below the OPD', () => {
  it('puts a kelurahan or desa only under a live kecamatan, and every other kind under no unit', () => {
    expect(unitPlacementProblem('kelurahan', undefined)).toBe('parent_required');
    expect(unitPlacementProblem('desa', { kind: 'puskesmas', archived: false })).toBe('parent_not_kecamatan');
    expect(unitPlacementProblem('desa', { kind: 'kecamatan', archived: true })).toBe('parent_not_kecamatan');
    expect(unitPlacementProblem('puskesmas', { kind: 'kecamatan', archived: false })).toBe(
      'parent_not_allowed',
    );
    expect(unitPlacementProblem('kelurahan', { kind: 'kecamatan', archived: false })).toBeUndefined();
    expect(unitPlacementProblem('sd', undefined)).toBeUndefined();
  });

  it('reads the kinds a spreadsheet names', () => {
    expect(unitKindFromWord('  UPT  Puskesmas ')).toBe('puskesmas');
    expect(unitKindFromWord('Sekolah Dasar')).toBe('sd');
    expect(unitKindFromWord('Lurah')).toBe('kelurahan');
    expect(unitKindFromWord('kantor')).toBeUndefined();
  });

  it('rolls a kelurahan up into its kecamatan and leaves archived units and innovations out', () => {
    const units = [
      unit('kec', 'setda', 'kecamatan'),
      unit('kel', 'setda', 'kelurahan', 'kec'),
      { ...unit('gone', 'setda', 'sd'), archived: true },
    ];
    const innovations = [
      { opdId: 'setda', unitId: 'kel', status: 'verified' as const, archived: false },
      { opdId: 'setda', unitId: 'kec', status: 'draft' as const, archived: false },
      { opdId: 'setda', unitId: 'kec', status: 'sent' as const, archived: true },
      { opdId: 'setda', status: 'submitted' as const, archived: false },
    ];
    const rows = unitProgress(units, innovations);
    expect(rows.map((row) => [row.unitId, row.total, row.submitted, row.verified])).toEqual([
      ['kec', 2, 1, 1],
      ['kel', 1, 1, 1],
    ]);
  });
});

describe('target rule', () => {
  const opds = [
    { id: 'dinkes', name: 'Dinas Kesehatan', archived: false, urusan: 'kesehatan' },
    { id: 'satpol', name: 'Satpol PP', archived: false, urusan: 'trantibumlinmas' },
    { id: 'dishub', name: 'Dinas Perhubungan', archived: false, urusan: 'perhubungan' },
  ];
  const units = [unit('pkm', 'dinkes', 'puskesmas'), unit('rs', 'dinkes', 'rsud')];

  it('refuses a rule with no clause and keeps the threshold off unless asked', () => {
    expect(targetRuleSchema.safeParse({}).success).toBe(false);
    expect(targetRuleSchema.parse({ perOpd: 1 }).onlyAtSendThreshold).toBe(false);
    expect(targetRuleSchema.safeParse({ perUrusanOpd: { count: 1, urusan: ['bukan'] } }).success).toBe(false);
  });

  it('says who meets "two per OPD, two per puskesmas, two from each basic-service OPD" and what each lacks', () => {
    const rule = targetRuleSchema.parse({
      perOpd: 1,
      perUnit: { count: 2, kinds: ['puskesmas'] },
      perUrusanOpd: { count: 2, urusan: ['kesehatan', 'trantibumlinmas', 'sosial'] },
    });
    const innovations = [
      { opdId: 'dinkes', status: 'submitted' as const, archived: false },
      { opdId: 'dinkes', unitId: 'pkm', status: 'verified' as const, archived: false },
      { opdId: 'dinkes', unitId: 'pkm', status: 'draft' as const, archived: false },
      { opdId: 'satpol', status: 'sent' as const, archived: false },
      { opdId: 'dishub', status: 'in_review' as const, archived: false },
    ];
    const result = evaluateTargetRule(rule, { opds, units, innovations, sendThreshold: null });
    const byId = Object.fromEntries(result.opds.map((opd) => [opd.opdId, opd]));
    // Dinkes: one own (per OPD met), two with its puskesmas (urusan met); the puskesmas has one of two.
    expect(byId.dinkes).toMatchObject({
      required: 2,
      counted: 1,
      countedWithUnits: 2,
      lacks: 0,
      meets: true,
      unitsLack: 1,
    });
    expect(byId.dinkes?.units).toEqual([
      expect.objectContaining({ unitId: 'pkm', required: 2, counted: 1, lacks: 1, meets: false }),
    ]);
    expect(byId.satpol).toMatchObject({ required: 2, counted: 1, lacks: 1, meets: false });
    expect(byId.dishub).toMatchObject({ required: 1, counted: 1, meets: true });
    expect(result).toMatchObject({
      opdsBound: 3,
      opdsMeeting: 2,
      unitsBound: 1,
      unitsMeeting: 0,
      lacking: 2,
    });
    expect(result.urusanWithoutOpd).toEqual(['sosial']);
    // Laggards first: Dinkes and Satpol owe one each (Dinkes through its puskesmas), Dishub nothing.
    expect(result.opds.at(-1)?.opdId).toBe('dishub');
  });

  it('counts only innovations at or above the send threshold when the rule says so', () => {
    const rule = targetRuleSchema.parse({ perOpd: 2, onlyAtSendThreshold: true });
    const innovations = [
      { opdId: 'dishub', status: 'submitted' as const, archived: false, kematangan: 75 },
      { opdId: 'dishub', status: 'submitted' as const, archived: false, kematangan: 60 },
    ];
    const strict = evaluateTargetRule(rule, { opds, units: [], innovations, sendThreshold: 70 });
    const noThreshold = evaluateTargetRule(rule, { opds, units: [], innovations, sendThreshold: null });
    expect(strict.opds.find((opd) => opd.opdId === 'dishub')?.lacks).toBe(1);
    expect(noThreshold.opds.find((opd) => opd.opdId === 'dishub')?.lacks).toBe(0);
  });
});

describe('unit list import', () => {
  const region = {
    opds: [
      { id: 'setda', name: 'Sekretariat Daerah', archived: false },
      { id: 'dinkes', name: 'Dinas Kesehatan', archived: false },
    ],
    units: [unit('pkm-lama', 'dinkes', 'puskesmas')],
  };
  const idFor = (u: { kind: string; name: string }) => `${u.kind}-${u.name.toLowerCase().replace(/ /g, '-')}`;

  it('reads a list under a title block, finds a kecamatan of the same file, and marks what already exists', () => {
    const sheets = [
      {
        rows: [
          ['Daftar Unit Kota Bengkulu'],
          [],
          ['Nama Unit', 'Jenis', 'OPD', 'Kecamatan'],
          ['Kelurahan Pasar Baru', 'Kelurahan', '', 'Kecamatan Gading Cempaka'],
          ['Kecamatan Gading Cempaka', 'kecamatan', 'Sekretariat Daerah', ''],
          ['pkm-lama', 'UPT Puskesmas', 'dinas kesehatan', null],
          [null, '', '', ''],
        ],
      },
    ];
    const { rows, headerFound } = readUnitList(sheets, region, idFor);
    expect(headerFound).toBe(true);
    expect(rows.map((row) => [row.row, row.status, row.opdId, row.parentUnitId])).toEqual([
      [4, 'new', 'setda', 'kecamatan-kecamatan-gading-cempaka'],
      [5, 'new', 'setda', undefined],
      [6, 'exists', 'dinkes', undefined],
    ]);
  });

  it('marks every bad row with what is wrong, in Bahasa Indonesia', () => {
    const sheets = [
      {
        rows: [
          ['Nama', 'Jenis', 'OPD', 'Kecamatan'],
          ['Desa Tanpa Induk', 'desa', 'Sekretariat Daerah', ''],
          ['SD Negeri 1', 'sekolah dasar', 'Dinas Tidak Ada', ''],
          ['Puskesmas Jalan Gedang', 'puskesmas', 'Dinas Kesehatan', 'Kecamatan X'],
          ['X', 'kantor', 'Dinas Kesehatan', ''],
        ],
      },
    ];
    const { rows } = readUnitList(sheets, region, idFor);
    expect(rows.every((row) => row.status === 'invalid')).toBe(true);
    expect(rows.map((row) => row.errors[0])).toEqual([
      'Kecamatan "" tidak ditemukan.',
      'OPD "Dinas Tidak Ada" tidak ditemukan.',
      'Hanya kelurahan dan desa yang diisi kecamatannya.',
      'Nama unit harus 2–150 karakter.',
    ]);
  });

  it('says when no sheet has a header it knows', () => {
    expect(readUnitList([{ rows: [['a', 'b']] }], region, idFor).headerFound).toBe(false);
  });
});
