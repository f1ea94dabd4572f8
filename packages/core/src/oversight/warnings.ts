import { z } from 'zod';
import { URUSAN } from '../innovation/urusan.ts';
import { daysUntil } from '../workflow/periods.ts';
import { predicateRank } from './results.ts';
import { type ProvinceRow, provinceRowSchema, type RegionSummary } from './summary.ts';

/**
 * What the calendar adds to a stored summary when it is read: days left, the risk of "Tidak Dapat
 * Dinilai", change since last year's official result, and the early warnings a province acts on.
 * Pure; `today` is a Jakarta date (YYYY-MM-DD).
 */
export const WARNING_RULES = {
  /** Nothing sent this close to the national deadline: watch, then act. */
  disclaimerWatchDays: 30,
  disclaimerHighDays: 7,
  /** Many returned items: at least this many, or this share of all (with a floor of two). */
  manyReturnedCount: 5,
  manyReturnedShare: 0.2,
  manyReturnedFloor: 2,
} as const;

export const WARNING_CODES = [
  'not_assessable_risk',
  'below_last_year',
  'many_returned',
  'no_period',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const earlyWarningSchema = z.object({
  code: z.enum(WARNING_CODES),
  severity: z.enum(['high', 'medium', 'info']),
  message_id: z.string(),
  message_en: z.string(),
});
export type EarlyWarning = z.infer<typeof earlyWarningSchema>;

export const DISCLAIMER_RISKS = ['none', 'watch', 'high', 'unknown'] as const;
export type DisclaimerRisk = (typeof DISCLAIMER_RISKS)[number];

export const cockpitRowSchema = provinceRowSchema.extend({
  computedAt: z.iso.datetime(),
  /**
   * How current the row is: when the newest change of the region that the summary projector
   * applied was made (docs/decisions/0018); absent until it has applied one.
   */
  changesThrough: z.iso.datetime().optional(),
  daysToInternalDeadline: z.number().int().nullable(),
  daysToNationalDeadline: z.number().int().nullable(),
  /** Risk of "Tidak Dapat Dinilai": nothing sent yet close to (or after) the national deadline. */
  disclaimerRisk: z.enum(DISCLAIMER_RISKS),
  /** Projected index minus last year's official index, in points; null without last year's result. */
  changeSinceLastYear: z.object({ claimed: z.number(), verified: z.number() }).nullable(),
  warnings: z.array(earlyWarningSchema),
});
export type CockpitRow = z.infer<typeof cockpitRowSchema>;

const points = (value: number) => Math.round(value * 100) / 100;
const format = (value: number) => value.toFixed(2).replace('.', ',');

/** What the disclaimer risk looks at; a cockpit row and a region's summary both have it. */
interface SendingState {
  readonly innovations: { readonly sent: number };
  readonly deadlines: { readonly national: string } | null;
}

export function disclaimerRiskOf(row: SendingState, today: string): DisclaimerRisk {
  if (row.innovations.sent > 0) return 'none';
  if (!row.deadlines) return 'unknown';
  const days = daysUntil(today, row.deadlines.national);
  if (days <= WARNING_RULES.disclaimerHighDays) return 'high';
  return days <= WARNING_RULES.disclaimerWatchDays ? 'watch' : 'none';
}

export function earlyWarnings(row: ProvinceRow, today: string): EarlyWarning[] {
  return [
    notAssessableWarning(row, today),
    belowLastYearWarning(row),
    manyReturnedWarning(row),
    noPeriodWarning(row),
  ].filter((warning): warning is EarlyWarning => warning !== undefined);
}

function notAssessableWarning(row: ProvinceRow, today: string): EarlyWarning | undefined {
  const risk = disclaimerRiskOf(row, today);
  if (risk !== 'high' && risk !== 'watch') return undefined;
  const days = row.deadlines ? daysUntil(today, row.deadlines.national) : 0;
  const when =
    days < 0
      ? {
          id: `batas nasional ${row.deadlines?.national} sudah lewat`,
          en: `the national deadline ${row.deadlines?.national} has passed`,
        }
      : { id: `batas nasional tinggal ${days} hari`, en: `${days} day(s) to the national deadline` };
  return {
    code: 'not_assessable_risk',
    severity: risk === 'high' ? 'high' : 'medium',
    message_id: `Belum ada inovasi yang dikirim dan ${when.id}: berisiko "Tidak Dapat Dinilai".`,
    message_en: `Nothing sent yet and ${when.en}: at risk of "Tidak Dapat Dinilai".`,
  };
}

function belowLastYearWarning(row: ProvinceRow): EarlyWarning | undefined {
  const { lastYear } = row;
  if (!lastYear || predicateRank(row.verified.predicate) >= predicateRank(lastYear.predicate))
    return undefined;
  const claimedBelow = predicateRank(row.claimed.predicate) < predicateRank(lastYear.predicate);
  return {
    code: 'below_last_year',
    severity: claimedBelow ? 'high' : 'medium',
    message_id: claimedBelow
      ? `Proyeksi (${row.claimed.predicate}) di bawah predikat resmi ${lastYear.year} (${lastYear.predicate}).`
      : `Proyeksi terverifikasi (${row.verified.predicate}) di bawah predikat resmi ${lastYear.year} (${lastYear.predicate}); klaim masih ${row.claimed.predicate} bila bukti diterima.`,
    message_en: claimedBelow
      ? `The projection (${row.claimed.predicate}) is below the official ${lastYear.year} predicate (${lastYear.predicate}).`
      : `The verified projection (${row.verified.predicate}) is below the official ${lastYear.year} predicate (${lastYear.predicate}); the claim stays ${row.claimed.predicate} once evidence is accepted.`,
  };
}

function manyReturnedWarning(row: ProvinceRow): EarlyWarning | undefined {
  const { returned, total } = row.innovations;
  const many =
    returned >= WARNING_RULES.manyReturnedCount ||
    (returned >= WARNING_RULES.manyReturnedFloor &&
      total > 0 &&
      returned / total >= WARNING_RULES.manyReturnedShare);
  if (!many) return undefined;
  return {
    code: 'many_returned',
    severity: 'medium',
    message_id: `${returned} dari ${total} inovasi dikembalikan verifikator untuk diperbaiki.`,
    message_en: `${returned} of ${total} innovations were returned by the verifier for rework.`,
  };
}

function noPeriodWarning(row: ProvinceRow): EarlyWarning | undefined {
  if (row.deadlines) return undefined;
  return {
    code: 'no_period',
    severity: 'info',
    message_id: `Periode ${row.year} belum dibuka: batas waktu belum diketahui.`,
    message_en: `The ${row.year} period is not opened yet: no deadlines are known.`,
  };
}

export function cockpitRow(
  row: ProvinceRow & { computedAt: string; changesThrough?: string | undefined },
  today: string,
): CockpitRow {
  return {
    ...row,
    daysToInternalDeadline: row.deadlines ? daysUntil(today, row.deadlines.internal) : null,
    daysToNationalDeadline: row.deadlines ? daysUntil(today, row.deadlines.national) : null,
    disclaimerRisk: disclaimerRiskOf(row, today),
    changeSinceLastYear: row.lastYear
      ? {
          claimed: points(row.claimed.index - row.lastYear.index),
          verified: points(row.verified.index - row.lastYear.index),
        }
      : null,
    warnings: earlyWarnings(row, today),
  };
}

export const NEXT_STEP_CODES = [
  'send_before_deadline',
  'fill_empty_seats',
  'cover_basic_services',
  'get_evidence_accepted',
  'fix_returned',
  'fix_ineligible',
  'chase_opds',
] as const;

export const nextStepSchema = z.object({
  code: z.enum(NEXT_STEP_CODES),
  /** The number the step is about: seats, urusan, index points, innovations or OPDs. */
  amount: z.number(),
  message_id: z.string(),
  message_en: z.string(),
});
export type NextStep = z.infer<typeof nextStepSchema>;

const urusanName = (code: string) => URUSAN.find((urusan) => urusan.code === code)?.name ?? code;

/**
 * What the region's leaders should push next, from the summary alone, most urgent first. Coarse on
 * purpose: the advice endpoint computes the exact gain of each concrete move.
 */
export function nextSteps(summary: RegionSummary, today: string): NextStep[] {
  const steps: NextStep[] = [];
  const risk = disclaimerRiskOf(summary, today);
  if ((risk === 'high' || risk === 'watch') && summary.deadlines) {
    steps.push({
      code: 'send_before_deadline',
      amount: daysUntil(today, summary.deadlines.national),
      message_id: `Kirim inovasi ke aplikasi nasional sebelum ${summary.deadlines.national}; sampai kini belum ada yang terkirim.`,
      message_en: `Send innovations to the national application before ${summary.deadlines.national}; none is sent yet.`,
    });
  }
  if (summary.emptySeats > 0) {
    steps.push({
      code: 'fill_empty_seats',
      amount: summary.emptySeats,
      message_id: `${summary.emptySeats} kursi kosong dihitung bernilai 0: setiap inovasi baru yang memenuhi syarat langsung menaikkan rata-rata kematangan.`,
      message_en: `${summary.emptySeats} empty seat(s) count as 0: each new eligible innovation raises the average maturity at once.`,
    });
  }
  if (!summary.basicServices.gateMet) {
    const missing = summary.basicServices.missing;
    const needed = summary.basicServices.required - summary.basicServices.covered.length;
    steps.push({
      code: 'cover_basic_services',
      amount: needed,
      message_id: `Skor jumlah inovasi masih 0: tambahkan inovasi ${needed} urusan pelayanan dasar lagi (belum ada: ${missing.map(urusanName).join('; ')}).`,
      message_en: `The innovation-count score is 0: add innovations in ${needed} more basic-service urusan (missing: ${missing.join('; ')}).`,
    });
  }
  if (summary.riskIndexPoints > 0) {
    steps.push({
      code: 'get_evidence_accepted',
      amount: summary.riskIndexPoints,
      message_id: `${format(summary.riskIndexPoints)} poin indeks masih menunggu data dukung diterima verifikator.`,
      message_en: `${summary.riskIndexPoints.toFixed(2)} index points still wait for evidence the verifier accepts.`,
    });
  }
  const returned = summary.innovations.byStatus.returned;
  if (returned > 0) {
    steps.push({
      code: 'fix_returned',
      amount: returned,
      message_id: `${returned} inovasi dikembalikan verifikator: minta OPD memperbaikinya.`,
      message_en: `${returned} innovation(s) returned by the verifier: ask the OPDs to fix them.`,
    });
  }
  if (summary.innovations.ineligible > 0) {
    steps.push({
      code: 'fix_ineligible',
      amount: summary.innovations.ineligible,
      message_id: `${summary.innovations.ineligible} inovasi belum memenuhi syarat dan akan ditolak bila dikirim: lengkapi atau tarik.`,
      message_en: `${summary.innovations.ineligible} innovation(s) are not eligible and would be rejected if sent: complete or withdraw them.`,
    });
  }
  if (summary.opds.behindTarget > 0) {
    steps.push({
      code: 'chase_opds',
      amount: summary.opds.behindTarget,
      message_id: `${summary.opds.behindTarget} OPD belum memenuhi target inovasinya.`,
      message_en: `${summary.opds.behindTarget} OPD(s) are behind their innovation target.`,
    });
  }
  return steps;
}
