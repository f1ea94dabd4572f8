import type { ProfileField, Rubric } from '../rubrics/types.ts';
import type { InnovationProfile } from './profile.ts';

export type EligibilityReasonCode =
  | 'missing_field'
  | 'rancang_bangun_too_short'
  | 'outside_age_window'
  | 'development_date_required'
  | 'date_in_future';

export interface EligibilityReason {
  readonly code: EligibilityReasonCode;
  /** The profile field to fix. */
  readonly field: ProfileField;
  readonly message_id: string;
  readonly message_en: string;
}

export interface Eligibility {
  readonly eligible: boolean;
  readonly reasons: readonly EligibilityReason[];
}

// Partial on purpose: a field added to the profile later needs no label until a rubric requires it.
const FIELD_LABELS: Readonly<Partial<Record<ProfileField, { id: string; en: string }>>> = {
  name: { id: 'Nama inovasi', en: 'Innovation name' },
  stage: { id: 'Tahapan inovasi', en: 'Stage' },
  initiator: { id: 'Inisiator', en: 'Initiator' },
  initiatorName: { id: 'Nama inisiator', en: 'Initiator name' },
  classification: { id: 'Klasifikasi inovasi', en: 'Classification' },
  kind: { id: 'Jenis inovasi', en: 'Kind' },
  form: { id: 'Bentuk inovasi', en: 'Form' },
  urusanMain: { id: 'Urusan utama', en: 'Main urusan' },
  urusanOthers: { id: 'Urusan lain', en: 'Other urusan' },
  trialDate: { id: 'Waktu uji coba', en: 'Trial date' },
  implementationDate: { id: 'Waktu penerapan', en: 'Implementation date' },
  latestDevelopmentDate: { id: 'Waktu pengembangan terbaru', en: 'Latest development date' },
  rancangBangun: { id: 'Rancang bangun', en: 'Rancang bangun (design narrative)' },
  tujuan: { id: 'Tujuan', en: 'Objective' },
  manfaat: { id: 'Manfaat', en: 'Benefit' },
  hasil: { id: 'Hasil', en: 'Result' },
  budget: { id: 'Anggaran', en: 'Budget' },
  budgetSource: { id: 'Sumber anggaran', en: 'Budget source' },
  latitude: { id: 'Lintang (koordinat)', en: 'Latitude' },
  longitude: { id: 'Bujur (koordinat)', en: 'Longitude' },
  astaCita: { id: 'Asta Cita', en: 'Asta Cita' },
  pkpnCluster: { id: 'Klaster PKPN', en: 'PKPN cluster' },
};

/** Words are whitespace-separated tokens that hold at least one letter or digit, so stray dashes do not count. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

const labelOf = (field: ProfileField): { id: string; en: string } =>
  FIELD_LABELS[field] ?? { id: field, en: field };

const formatDate = (isoDate: string): string => isoDate.split('-').reverse().join('-');

type EligibilityRules = Rubric['eligibility'];

/** The age window in both languages' date styles, for the messages. */
interface WindowText {
  readonly id: string;
  readonly en: string;
}

/**
 * Whether an innovation may be counted under a rubric, and if not, exactly why (decision 6):
 * missing mandatory profile fields, a rancang bangun under the minimum word count, a first
 * application outside the age window (older innovations qualify with a development inside it), and
 * dates after `asOf` when given (ISO date; omitted, no clock is read).
 */
export function checkEligibility(profile: InnovationProfile, rubric: Rubric, asOf?: string): Eligibility {
  const rules = rubric.eligibility;
  const reasons: EligibilityReason[] = [
    ...missingFieldReasons(profile, rules),
    ...rancangBangunReasons(profile, rules),
    ...ageWindowReasons(profile, rules),
    ...(asOf === undefined ? [] : futureDateReasons(profile, asOf)),
  ];
  return { eligible: reasons.length === 0, reasons };
}

function missingFieldReasons(profile: InnovationProfile, rules: EligibilityRules): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  for (const field of rules.mandatoryProfileFields) {
    if (!isMissing(profile[field])) continue;
    const label = labelOf(field);
    reasons.push({
      code: 'missing_field',
      field,
      message_id: `${label.id} wajib diisi.`,
      message_en: `${label.en} is required.`,
    });
  }
  return reasons;
}

function rancangBangunReasons(profile: InnovationProfile, rules: EligibilityRules): EligibilityReason[] {
  if (typeof profile.rancangBangun !== 'string' || isMissing(profile.rancangBangun)) return [];
  const words = countWords(profile.rancangBangun);
  if (words >= rules.rancangBangunMinWords) return [];
  return [
    {
      code: 'rancang_bangun_too_short',
      field: 'rancangBangun',
      message_id: `Rancang bangun baru ${words} kata; minimal ${rules.rancangBangunMinWords} kata.`,
      message_en: `The rancang bangun has ${words} words; at least ${rules.rancangBangunMinWords} are required.`,
    },
  ];
}

function ageWindowReasons(profile: InnovationProfile, rules: EligibilityRules): EligibilityReason[] {
  const window: WindowText = {
    id: `${formatDate(rules.firstAppliedFrom)} s.d. ${formatDate(rules.firstAppliedTo)}`,
    en: `${rules.firstAppliedFrom} to ${rules.firstAppliedTo}`,
  };
  // First applied = implementation date; an innovation still in trial counts from its trial date.
  const firstAppliedField: ProfileField =
    profile.implementationDate === undefined && profile.trialDate !== undefined
      ? 'trialDate'
      : 'implementationDate';
  const firstApplied = profile.implementationDate ?? profile.trialDate;

  if (firstApplied === undefined) {
    return [
      {
        code: 'missing_field',
        field: 'implementationDate',
        message_id: 'Waktu penerapan (atau waktu uji coba bila belum diterapkan) wajib diisi.',
        message_en: 'The implementation date (or the trial date if not yet implemented) is required.',
      },
    ];
  }
  if (firstApplied > rules.firstAppliedTo) {
    return [
      {
        code: 'outside_age_window',
        field: firstAppliedField,
        message_id: `Inovasi pertama diterapkan ${formatDate(firstApplied)}, setelah rentang penilaian ${window.id}.`,
        message_en: `First applied on ${firstApplied}, after the assessment window ${window.en}.`,
      },
    ];
  }
  if (firstApplied < rules.firstAppliedFrom) {
    return olderInnovationReasons(profile, rules, window, firstApplied, firstAppliedField);
  }
  return [];
}

/** An innovation first applied before the window counts only with a development inside it, where allowed. */
function olderInnovationReasons(
  profile: InnovationProfile,
  rules: EligibilityRules,
  window: WindowText,
  firstApplied: string,
  firstAppliedField: ProfileField,
): EligibilityReason[] {
  const development = profile.latestDevelopmentDate;
  if (!rules.olderWithDevelopmentInWindow) {
    return [
      {
        code: 'outside_age_window',
        field: firstAppliedField,
        message_id: `Inovasi pertama diterapkan ${formatDate(firstApplied)}, sebelum rentang penilaian ${window.id}.`,
        message_en: `First applied on ${firstApplied}, before the assessment window ${window.en}.`,
      },
    ];
  }
  if (development === undefined) {
    return [
      {
        code: 'development_date_required',
        field: 'latestDevelopmentDate',
        message_id: `Inovasi diterapkan sebelum ${formatDate(rules.firstAppliedFrom)}: isi waktu pengembangan terbaru dalam rentang ${window.id}.`,
        message_en: `Applied before ${rules.firstAppliedFrom}: enter the latest development date within ${window.en}.`,
      },
    ];
  }
  const inWindow = development >= rules.firstAppliedFrom && development <= rules.firstAppliedTo;
  if (inWindow) return [];
  return [
    {
      code: 'outside_age_window',
      field: 'latestDevelopmentDate',
      message_id: `Pengembangan terbaru ${formatDate(development)} berada di luar rentang penilaian ${window.id}.`,
      message_en: `The latest development on ${development} is outside the assessment window ${window.en}.`,
    },
  ];
}

function futureDateReasons(profile: InnovationProfile, asOf: string): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  const datedFields = ['trialDate', 'implementationDate', 'latestDevelopmentDate'] as const;
  for (const field of datedFields) {
    const date = profile[field];
    if (date === undefined || date <= asOf) continue;
    reasons.push({
      code: 'date_in_future',
      field,
      message_id: `${labelOf(field).id} (${formatDate(date)}) belum terjadi per ${formatDate(asOf)}.`,
      message_en: `${labelOf(field).en} (${date}) is after ${asOf}.`,
    });
  }
  return reasons;
}
