import { evaluateTargetRule, UNIT_KIND_LABELS, type UnitKind, unitProgress } from '@inovasi/core';
import type { RegionData } from './region-data.ts';
import { type streamingWorkbook, tableSheet } from './workbook.ts';

type Workbook = ReturnType<typeof streamingWorkbook>;

const COUNT_COLUMNS = [
  { header: 'Jumlah Inovasi', width: 10 },
  { header: 'Diajukan', width: 10 },
  { header: 'Terverifikasi', width: 12 },
  { header: 'Siap Dikirim', width: 10 },
  { header: 'Terkirim', width: 10 },
] as const;

/**
 * The recap's roll-up (ADR 0036): one row per unit below an OPD (a kecamatan with its kelurahan and
 * desa), each OPD's own innovations apart, and the region's total; then, when the period has a
 * target rule, who meets it and what each OPD and unit still lacks, as the progress board says.
 */
export function writeUnitSheets(workbook: Workbook, data: RegionData): void {
  const innovations = data.innovations.map((facts) => facts.innovation);
  const opdNames = new Map(data.opds.map((opd) => [opd.id, opd.name]));
  const unitNames = new Map(data.units.map((unit) => [unit.id, unit.name]));
  const rows = unitProgress([...data.units], innovations);
  const sheet = tableSheet(
    workbook,
    'Progres Unit',
    [
      { header: 'OPD', width: 36, wrap: true },
      { header: 'Unit', width: 36, wrap: true },
      { header: 'Jenis', width: 14 },
      { header: 'Kecamatan Induk', width: 24 },
      ...COUNT_COLUMNS,
    ],
    rows.length,
  );
  const sorted = [...rows].sort(
    (a, b) =>
      (opdNames.get(a.opdId) ?? '').localeCompare(opdNames.get(b.opdId) ?? '', 'id') ||
      a.name.localeCompare(b.name, 'id'),
  );
  for (const row of sorted) {
    sheet.add([
      opdNames.get(row.opdId) ?? row.opdId,
      row.name,
      UNIT_KIND_LABELS[row.kind],
      row.parentUnitId ? unitNames.get(row.parentUnitId) : undefined,
      row.total,
      row.submitted,
      row.verified,
      row.ready,
      row.sent,
    ]);
  }
  sheet.done();
  if (data.targetRule) writeRuleSheet(workbook, data);
}

function writeRuleSheet(workbook: Workbook, data: RegionData) {
  const rule = data.targetRule;
  if (!rule) return;
  const threshold = rule.onlyAtSendThreshold ? data.settings.minKematanganToSend : null;
  const evaluation = evaluateTargetRule(rule, {
    opds: data.opds,
    units: [...data.units],
    innovations: data.innovations.map((facts) => ({
      ...facts.innovation,
      kematangan: facts.kematanganVerified,
    })),
    sendThreshold: threshold,
  });
  const rows = evaluation.opds.flatMap((opd) => [
    ...(opd.required > 0
      ? [[opd.name, 'OPD', opd.name, opd.required, opd.counted, opd.lacks, opd.meets] as const]
      : []),
    ...opd.units.map(
      (unit) =>
        [
          opd.name,
          UNIT_KIND_LABELS[unit.kind as UnitKind],
          unit.name,
          unit.required,
          unit.counted,
          unit.lacks,
          unit.meets,
        ] as const,
    ),
  ]);
  const sheet = tableSheet(
    workbook,
    'Aturan Target',
    [
      { header: 'OPD', width: 36, wrap: true },
      { header: 'Jenis', width: 14 },
      { header: 'Nama', width: 36, wrap: true },
      { header: 'Wajib', width: 8 },
      { header: 'Terhitung', width: 10 },
      { header: 'Kurang', width: 8 },
      { header: 'Memenuhi', width: 10 },
    ],
    rows.length,
  );
  for (const [opd, kind, name, required, counted, lacks, meets] of rows) {
    sheet.add([opd, kind, name, required, counted, lacks, meets ? 'Ya' : 'Belum']);
  }
  sheet.done();
}
