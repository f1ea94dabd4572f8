import { isVerified, type StoredIndicatorAnswer } from '../answers.ts';
import { rubricForYear } from '../periods.ts';
import {
  DEFAULT_RUBRIC_ID,
  getRubric,
  KEMANFAATAN_CODE,
  type Level,
  type Sid33Basis,
} from '../rubrics/index.ts';
import { kematanganTotal } from '../scoring/kematangan.ts';
import { isLevel } from '../scoring/levels.ts';

/**
 * The catalogue shows maturity as a band, not a number: the bands are regional practice
 * (S-SIMONDA: 0–65 low, 66–84 medium, 85–111 high), not an official scale, and a band is all a
 * replicating region needs to judge an innovation.
 */
export const KEMATANGAN_BANDS = ['rendah', 'sedang', 'tinggi'] as const;
export type KematanganBand = (typeof KEMATANGAN_BANDS)[number];

export const KEMATANGAN_BAND_LABELS: Readonly<Record<KematanganBand, string>> = {
  rendah: 'Kematangan rendah',
  sedang: 'Kematangan sedang',
  tinggi: 'Kematangan tinggi',
};

export function kematanganBand(total: number): KematanganBand {
  if (total >= 85) return 'tinggi';
  if (total >= 66) return 'sedang';
  return 'rendah';
}

/**
 * The band of an innovation from the answers a verifier accepted. The public sees verified
 * claims only, so an innovation without any accepted answer has no band yet.
 */
export function verifiedKematanganBand(innovation: {
  readonly periodYear?: number | undefined;
  readonly answers?: Readonly<Record<string, StoredIndicatorAnswer>> | undefined;
}): KematanganBand | undefined {
  const verified = Object.entries(innovation.answers ?? {}).filter(([, answer]) => isVerified(answer));
  if (verified.length === 0) return undefined;
  const levels: Record<string, Level> = {};
  let sid33Basis: Sid33Basis | undefined;
  for (const [code, answer] of verified) {
    if (isLevel(answer.level)) levels[code] = answer.level;
    if (code === KEMANFAATAN_CODE && answer.basis) sid33Basis = answer.basis;
  }
  const rubric = getRubric(
    (innovation.periodYear && rubricForYear(innovation.periodYear)) || DEFAULT_RUBRIC_ID,
  );
  return kematanganBand(kematanganTotal(rubric, { levels, sid33Basis }));
}
