import { describe, expect, it } from 'vitest';
import { checkEligibility, countWords } from '../src/innovation/eligibility.ts';
import type { InnovationProfile } from '../src/innovation/profile.ts';
import { getRubric } from '../src/rubrics/index.ts';

const rubric2026 = getRubric('iid-2026');
const words = (count: number): string =>
  Array.from({ length: count }, (_, position) => `kata${position}`).join(' ');

const completeProfile: InnovationProfile = {
  name: 'Si Cepat Puskesmas',
  stage: 'penerapan',
  initiator: 'opd',
  classification: 'perangkat_daerah',
  kind: 'digital',
  form: 'pelayanan_publik',
  urusanMain: 'kesehatan',
  implementationDate: '2024-03-01',
  rancangBangun: words(300),
  tujuan: 'Mempercepat layanan',
  manfaat: 'Antrean lebih pendek',
  hasil: 'Waktu tunggu turun',
};

const codesAndFields = (profile: InnovationProfile, asOf?: string) =>
  checkEligibility(profile, rubric2026, asOf).reasons.map((reason) => [reason.code, reason.field]);

describe('checkEligibility (iid-2026)', () => {
  it('accepts a complete profile first applied inside the window', () => {
    // Act / Assess
    expect(checkEligibility(completeProfile, rubric2026)).toEqual({ eligible: true, reasons: [] });
  });

  it('counts words in the rancang bangun and asks for 300', () => {
    // Act
    const result = checkEligibility({ ...completeProfile, rancangBangun: `${words(299)} — ` }, rubric2026);
    // Assess
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      {
        code: 'rancang_bangun_too_short',
        field: 'rancangBangun',
        message_id: 'Rancang bangun baru 299 kata; minimal 300 kata.',
        message_en: 'The rancang bangun has 299 words; at least 300 are required.',
      },
    ]);
  });

  it('lists every missing mandatory field', () => {
    // Act
    const reasons = checkEligibility({ name: 'Draf', rancangBangun: '   ' }, rubric2026).reasons;
    // Assess
    expect(reasons.map((reason) => reason.field)).toEqual([
      'stage',
      'initiator',
      'classification',
      'kind',
      'form',
      'urusanMain',
      'rancangBangun',
      'tujuan',
      'manfaat',
      'hasil',
      'implementationDate',
    ]);
    expect(reasons[0]).toEqual({
      code: 'missing_field',
      field: 'stage',
      message_id: 'Tahapan inovasi wajib diisi.',
      message_en: 'Stage is required.',
    });
  });

  it('rejects an innovation first applied after the window', () => {
    // Act
    const result = checkEligibility({ ...completeProfile, implementationDate: '2026-01-02' }, rubric2026);
    // Assess
    expect(result.reasons).toEqual([
      {
        code: 'outside_age_window',
        field: 'implementationDate',
        message_id:
          'Inovasi pertama diterapkan 02-01-2026, setelah rentang penilaian 01-01-2024 s.d. 31-12-2025.',
        message_en: 'First applied on 2026-01-02, after the assessment window 2024-01-01 to 2025-12-31.',
      },
    ]);
  });

  it('accepts the window edges', () => {
    // Act / Assess
    expect(codesAndFields({ ...completeProfile, implementationDate: '2024-01-01' })).toEqual([]);
    expect(codesAndFields({ ...completeProfile, implementationDate: '2025-12-31' })).toEqual([]);
  });

  it('accepts an older innovation only with a development inside the window', () => {
    // Prepare
    const older: InnovationProfile = { ...completeProfile, implementationDate: '2021-06-01' };
    // Act / Assess
    expect(codesAndFields(older)).toEqual([['development_date_required', 'latestDevelopmentDate']]);
    expect(codesAndFields({ ...older, latestDevelopmentDate: '2023-12-31' })).toEqual([
      ['outside_age_window', 'latestDevelopmentDate'],
    ]);
    expect(codesAndFields({ ...older, latestDevelopmentDate: '2025-02-10' })).toEqual([]);
  });

  it('uses the trial date when an innovation is not yet implemented', () => {
    // Prepare
    const { implementationDate: _unused, ...rest } = completeProfile;
    // Act / Assess
    expect(codesAndFields({ ...rest, stage: 'uji_coba', trialDate: '2025-05-05' })).toEqual([]);
    expect(codesAndFields({ ...rest, stage: 'uji_coba', trialDate: '2023-05-05' })).toEqual([
      ['development_date_required', 'latestDevelopmentDate'],
    ]);
  });

  it('flags dates after asOf, and reads no clock without it', () => {
    // Prepare
    const profile: InnovationProfile = { ...completeProfile, implementationDate: '2025-11-01' };
    // Act / Assess
    expect(codesAndFields(profile, '2025-10-01')).toEqual([['date_in_future', 'implementationDate']]);
    expect(codesAndFields(profile)).toEqual([]);
  });

  it('applies the provisional 2027 window from the 2027 rubric data', () => {
    // Act
    const result = checkEligibility(completeProfile, getRubric('iid-2027'));
    // Assess
    expect(result.reasons.map((reason) => reason.code)).toEqual(['development_date_required']);
  });
});

describe('countWords', () => {
  it('counts tokens with a letter or digit across any whitespace', () => {
    // Act / Assess
    expect(countWords('  Inovasi\tlayanan\n\nkesehatan - 24 jam  ')).toBe(5);
    expect(countWords('')).toBe(0);
  });
});
