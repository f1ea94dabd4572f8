import type { Writable } from 'node:stream';
import {
  CLASSIFICATION_LABELS,
  FORM_LABELS,
  IMPORT_COLUMNS,
  type ImportColumnKey,
  INITIATOR_LABELS,
  type InnovationProfile,
  KIND_LABELS,
  opdProgress,
  PKPN_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  sumProgress,
  urusanLabel,
} from '@inovasi/core';
import { writeUnitSheets } from './recap-units.ts';
import type { InnovationFacts, RegionData } from './region-data.ts';
import {
  dateCell,
  keyValueSheet,
  type SheetColumn,
  type SheetValue,
  streamingWorkbook,
  tableSheet,
} from './workbook.ts';

/** The template's columns, in its order: the recap's profile sheet can be imported as it is. */
export const TEMPLATE_COLUMNS = IMPORT_COLUMNS.filter((column) => column.inTemplate);

const TEXT_WIDTH: Partial<Record<ImportColumnKey, number>> = {
  name: 40,
  opd: 32,
  rancangBangun: 60,
  tujuan: 40,
  manfaat: 40,
  hasil: 40,
  urusanMain: 28,
  urusanOthers: 28,
  form: 28,
  classification: 24,
};

/** The template's columns as a sheet definition. */
export const templateSheetColumns: readonly SheetColumn[] = TEMPLATE_COLUMNS.map((column) => ({
  header: column.header,
  width: TEXT_WIDTH[column.key] ?? 16,
  ...(column.key === 'budget' ? { numFmt: '#,##0' } : {}),
  ...(column.key.endsWith('Date') ? { numFmt: 'dd/mm/yyyy' } : {}),
  wrap: ['name', 'rancangBangun', 'tujuan', 'manfaat', 'hasil'].includes(column.key),
}));

/** One innovation in the template's columns, with the labels the importer reads back. */
export function templateRow(profile: InnovationProfile, opdName: string, periodYear: number): SheetValue[] {
  const label = <K extends string>(labels: Readonly<Record<K, string>>, value: K | undefined) =>
    value === undefined ? undefined : labels[value];
  const cells: Record<ImportColumnKey, SheetValue> = {
    name: profile.name,
    opd: opdName,
    periodYear,
    stage: label(STAGE_LABELS, profile.stage),
    initiator: label(INITIATOR_LABELS, profile.initiator),
    initiatorName: profile.initiatorName,
    classification: label(CLASSIFICATION_LABELS, profile.classification),
    kind: label(KIND_LABELS, profile.kind),
    form: label(FORM_LABELS, profile.form),
    urusanMain: profile.urusanMain ? urusanLabel(profile.urusanMain) : undefined,
    urusanOthers: profile.urusanOthers?.length ? profile.urusanOthers.map(urusanLabel).join('; ') : undefined,
    latitude: profile.latitude,
    longitude: profile.longitude,
    coordinates: undefined,
    astaCita: profile.astaCita,
    pkpnCluster: label(PKPN_LABELS, profile.pkpnCluster),
    trialDate: dateCell(profile.trialDate),
    implementationDate: dateCell(profile.implementationDate),
    latestDevelopmentDate: dateCell(profile.latestDevelopmentDate),
    rancangBangun: profile.rancangBangun,
    tujuan: profile.tujuan,
    manfaat: profile.manfaat,
    hasil: profile.hasil,
    budget: profile.budget,
    budgetSource: profile.budgetSource,
  };
  return TEMPLATE_COLUMNS.map((column) => cells[column.key]);
}

const RECAP_COLUMNS: readonly SheetColumn[] = [
  { header: 'No', width: 6 },
  { header: 'Nama Inovasi', width: 42, wrap: true },
  { header: 'OPD', width: 32, wrap: true },
  { header: 'Tahapan', width: 12 },
  { header: 'Urusan Utama', width: 28, wrap: true },
  { header: 'Urusan Lain', width: 28, wrap: true },
  { header: 'Status', width: 16 },
  { header: 'Kematangan Diklaim', width: 12, numFmt: '0.##' },
  { header: 'Kematangan Terverifikasi', width: 13, numFmt: '0.##' },
  { header: 'Selisih (Risiko)', width: 11, numFmt: '0.##' },
  { header: 'Indikator Dijawab', width: 11, numFmt: '0%' },
  { header: 'Indikator Berdata Dukung', width: 12, numFmt: '0%' },
  { header: 'Indikator Terverifikasi', width: 12, numFmt: '0%' },
  { header: 'Memenuhi Syarat Kirim', width: 11 },
  { header: 'Catatan Syarat', width: 40, wrap: true },
  { header: 'Diinput di Aplikasi Nasional', width: 13 },
  { header: 'Nomor Registrasi Nasional', width: 20 },
  { header: 'ID Inovasi', width: 30 },
];

function recapRow(facts: InnovationFacts, index: number): SheetValue[] {
  const { innovation, completeness, eligibility } = facts;
  const registration =
    innovation.nationalEntry?.registrationNumber ??
    (innovation as { registrationNumber?: string }).registrationNumber;
  return [
    index + 1,
    innovation.profile.name,
    facts.opdName,
    innovation.profile.stage ? STAGE_LABELS[innovation.profile.stage] : undefined,
    urusanLabel(innovation.profile.urusanMain),
    (innovation.profile.urusanOthers ?? []).map(urusanLabel).join('; '),
    STATUS_LABELS[innovation.status],
    facts.kematanganClaimed,
    facts.kematanganVerified,
    facts.kematanganClaimed - facts.kematanganVerified,
    completeness.shares.answered,
    completeness.shares.evidenced,
    completeness.shares.verified,
    eligibility.eligible ? 'Ya' : 'Belum',
    eligibility.reasons.map((reason) => reason.message_id).join(' '),
    innovation.nationalEntry ? 'Sudah' : 'Belum',
    registration,
    innovation.id,
  ];
}

/**
 * The Excel recap for Bappeda: a summary, one row per innovation (OPD, stage, urusan, state,
 * claimed and verified kematangan, completeness), progress per OPD against its target, and the
 * profiles in the import template's columns. Values only (no formulas), filters on every table.
 */
export async function writeRecap(
  data: RegionData,
  out: Writable,
  onProgress: (share: number) => Promise<void>,
) {
  const workbook = streamingWorkbook(out);
  const { innovations } = data;
  const count = (predicate: (facts: InnovationFacts) => boolean) => innovations.filter(predicate).length;
  const average = (values: readonly number[]) =>
    values.length === 0
      ? 0
      : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
  keyValueSheet(workbook, 'Ringkasan', `Rekap Inovasi Daerah ${data.tenant.name} — IID ${data.year}`, [
    ['Daerah', `${data.tenant.name} (${data.tenant.code})`],
    ['Tahun penilaian', data.year],
    ['Rubrik', data.rubric.title],
    ['Dibuat pada', new Date()],
    ['Jumlah inovasi', innovations.length],
    ...Object.entries(STATUS_LABELS).map(
      ([status, label]) => [`Status ${label}`, count((facts) => facts.innovation.status === status)] as const,
    ),
    ['Sudah diinput di aplikasi nasional', count((facts) => facts.innovation.nationalEntry !== undefined)],
    [
      'Rata-rata kematangan diklaim (maks. 111)',
      average(innovations.map((facts) => facts.kematanganClaimed)),
    ],
    [
      'Rata-rata kematangan terverifikasi (maks. 111)',
      average(innovations.map((facts) => facts.kematanganVerified)),
    ],
  ]);
  await onProgress(0.2);

  const recap = tableSheet(workbook, 'Rekap Inovasi', RECAP_COLUMNS, innovations.length);
  innovations.forEach((facts, index) => {
    recap.add(recapRow(facts, index));
  });
  recap.done();
  await onProgress(0.5);

  const progress = opdProgress(
    data.opds,
    innovations.map((facts) => facts.innovation),
    data.settings.defaultOpdTarget,
  );
  const board = tableSheet(
    workbook,
    'Progres OPD',
    [
      { header: 'OPD', width: 40, wrap: true },
      { header: 'Target', width: 9 },
      { header: 'Jumlah Inovasi', width: 10 },
      { header: 'Diajukan', width: 10 },
      { header: 'Terverifikasi', width: 12 },
      { header: 'Siap Dikirim', width: 10 },
      { header: 'Terkirim', width: 10 },
      { header: 'Kurang dari Target', width: 11 },
      { header: 'Capaian Target', width: 10, numFmt: '0%' },
    ],
    progress.length + 1,
  );
  for (const opd of progress) {
    board.add([
      opd.name,
      opd.target,
      opd.total,
      opd.submitted,
      opd.verified,
      opd.ready,
      opd.sent,
      opd.behind,
      opd.target === 0 ? 1 : Math.min(1, opd.submitted / opd.target),
    ]);
  }
  // The region's total: unit → OPD → region (ADR 0036); a unit's innovations are in its OPD's row.
  const region = sumProgress(progress);
  const target = progress.reduce((total, opd) => total + opd.target, 0);
  board.add([
    'Total Daerah',
    target,
    region.total,
    region.submitted,
    region.verified,
    region.ready,
    region.sent,
    progress.reduce((total, opd) => total + opd.behind, 0),
    target === 0 ? 1 : Math.min(1, region.submitted / target),
  ]);
  board.done();
  writeUnitSheets(workbook, data);
  await onProgress(0.7);

  const profiles = tableSheet(workbook, 'Profil Inovasi', templateSheetColumns, innovations.length);
  for (const facts of innovations) {
    profiles.add(templateRow(facts.innovation.profile, facts.opdName, data.year));
  }
  profiles.done();
  await workbook.commit();
}
