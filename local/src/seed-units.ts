import type { Actor, TargetRule, Unit } from '@inovasi/core';
import { todayInJakarta } from '@inovasi/core';
import { repositoriesFor, type ScopedClientFactory, SYSTEM_AUDIT, tenantScope } from '@inovasi/data';
import { demoInnovation } from './demo-data.ts';
import { once, seedOnce } from './seed-steps.ts';

/**
 * Kota Bengkulu's units and target rule (issue 21, ADR 0036): the Sekda's "every unit two
 * innovations; Satpol PP, Dinas Kesehatan and Dinas Pendidikan two each", with five days left when
 * the demo is first started. Added on every start if missing, so stores seeded before units get them.
 */
const CODE = '17.71';
const YEAR = 2026;
const SEEDED_AT = '2026-01-05T08:00:00.000Z';

export const BENGKULU_RULE: TargetRule = {
  perOpd: 2,
  perUnit: { count: 2, kinds: ['puskesmas', 'sd', 'smp', 'rsud', 'kecamatan', 'kelurahan', 'desa'] },
  perUrusanOpd: { count: 2, urusan: ['kesehatan', 'pendidikan', 'trantibumlinmas'] },
  onlyAtSendThreshold: false,
};

const EXTRA_OPDS = [
  { id: 'opd-satpolpp', name: 'Satuan Polisi Pamong Praja', kind: 'badan', urusan: 'trantibumlinmas' },
  { id: 'opd-setda', name: 'Sekretariat Daerah', kind: 'lainnya' },
] as const;

/** OPDs every demo region has, given their urusan here so the rule's urusan clause finds them. */
const OPD_URUSAN = { 'opd-dinkes': 'kesehatan', 'opd-disdik': 'pendidikan' } as const;

const UNITS: readonly (Pick<Unit, 'id' | 'opdId' | 'kind' | 'name'> & { parentUnitId?: string })[] = [
  { id: 'unit-pkm-jalan-gedang', opdId: 'opd-dinkes', kind: 'puskesmas', name: 'UPT Puskesmas Jalan Gedang' },
  { id: 'unit-pkm-sawah-lebar', opdId: 'opd-dinkes', kind: 'puskesmas', name: 'UPT Puskesmas Sawah Lebar' },
  { id: 'unit-rsud-hd', opdId: 'opd-dinkes', kind: 'rsud', name: 'RSUD Harapan dan Doa' },
  { id: 'unit-sdn-1', opdId: 'opd-disdik', kind: 'sd', name: 'SD Negeri 1 Kota Bengkulu' },
  { id: 'unit-smpn-2', opdId: 'opd-disdik', kind: 'smp', name: 'SMP Negeri 2 Kota Bengkulu' },
  { id: 'unit-kec-gading', opdId: 'opd-setda', kind: 'kecamatan', name: 'Kecamatan Gading Cempaka' },
  {
    id: 'unit-kel-jalan-gedang',
    opdId: 'opd-setda',
    kind: 'kelurahan',
    name: 'Kelurahan Jalan Gedang',
    parentUnitId: 'unit-kec-gading',
  },
  { id: 'unit-kec-ratu-agung', opdId: 'opd-setda', kind: 'kecamatan', name: 'Kecamatan Ratu Agung' },
  {
    id: 'unit-kel-kebun-tebeng',
    opdId: 'opd-setda',
    kind: 'kelurahan',
    name: 'Kelurahan Kebun Tebeng',
    parentUnitId: 'unit-kec-ratu-agung',
  },
];

/** Innovations of the units: the first two submitted, so the board shows a unit that meets its target. */
const UNIT_INNOVATIONS = [
  {
    unitId: 'unit-pkm-jalan-gedang',
    opd: 'dinkes',
    name: 'Posyandu Remaja Jalan Gedang',
    urusan: 'kesehatan',
  },
  { unitId: 'unit-pkm-jalan-gedang', opd: 'dinkes', name: 'Antar Obat Lansia', urusan: 'kesehatan' },
  { unitId: 'unit-sdn-1', opd: 'disdik', name: 'Pojok Baca Pesisir', urusan: 'pendidikan' },
  { unitId: 'unit-kel-jalan-gedang', opd: 'setda', name: 'Lurah Keliling Malam', urusan: 'trantibumlinmas' },
] as const;

// Counted from Jakarta's date, as the standing counts its days: from 17:00 UTC a UTC date is a day behind.
const inDays = (from: Date, days: number) =>
  new Date(Date.parse(`${todayInJakarta(from)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Written last: a restart finds it and leaves Bengkulu's demo as the people using it left it. */
const UNITS_SEED = 'demo-units-1771';

export async function seedDemoUnits(data: ScopedClientFactory, now = new Date()): Promise<void> {
  await seedOnce(data, UNITS_SEED, undefined, () => seedBengkuluUnits(data, now));
}

async function seedBengkuluUnits(data: ScopedClientFactory, now: Date): Promise<void> {
  const { opds, units, periods, innovations } = repositoriesFor(data.forScope(tenantScope(CODE)), {
    audit: SYSTEM_AUDIT,
  });
  for (const { id, ...opd } of EXTRA_OPDS) await once(() => opds.create(opd, SEEDED_AT, id));
  for (const [id, urusan] of Object.entries(OPD_URUSAN)) {
    const current = await opds.get(id);
    if (current && !current.urusan) await opds.update(id, current.version, { urusan });
  }
  const existing = new Set((await units.list()).map((unit) => unit.id));
  const missing = UNITS.filter((unit) => !existing.has(unit.id));
  if (missing.length > 0) await units.createMany(missing, SEEDED_AT);

  await once(() =>
    periods.open(
      {
        year: YEAR,
        rubricId: 'iid-2026',
        internalDeadline: inDays(now, 5),
        nationalDeadline: inDays(now, 30),
      },
      SEEDED_AT,
    ),
  );
  const period = await periods.get(YEAR);
  if (period && !period.targetRule) await periods.update(YEAR, period.version, { targetRule: BENGKULU_RULE });

  const author: Actor = {
    userId: 'u-1771-admin',
    email: 'admin.1771@demo.local',
    tenantCode: CODE,
    roles: ['tenant_admin'],
  };
  for (const [index, entry] of UNIT_INNOVATIONS.entries()) {
    const { profile } = demoInnovation(
      entry.opd,
      entry.name,
      entry.urusan,
      'penerapan',
      'non_digital',
      '2025-03-03',
      entry.name,
    );
    const created = await innovations.create(
      { opdId: `opd-${entry.opd}`, unitId: entry.unitId, periodYear: YEAR, profile },
      author,
      `seed-units-1771-${index}`,
      SEEDED_AT,
    );
    if (!created.replayed && index < 2) {
      await innovations.setStatus(
        created.innovation,
        created.innovation.version,
        author,
        'submitted',
        {},
        'workflow.submit',
      );
    }
  }
}
