import { IID_2026 } from './iid-2026.ts';
import type { Rubric } from './types.ts';

/**
 * IID 2027, provisional: the 2026 catalogue with the prognosis published in S-SIMONDA (divisor
 * MAX(14, n); all 6 of 6 basic-service urusan for the innovation-count score). When BSKDN publishes
 * the real Lampiran, add it as a new rubric with an id of its own (and make it the year's default);
 * do not edit this one, because periods pinned to it were scored with exactly these rules.
 */
export const IID_2027: Rubric = {
  ...IID_2026,
  id: 'iid-2027-provisional',
  year: 2027,
  title: 'Indeks Inovasi Daerah 2027 (sementara)',
  provisional: true,
  sources: [
    ...IID_2026.sources,
    'Prognosis 2027: S-SIMONDA README and models.py (not verified against a Lampiran)',
  ],
  formula: {
    ...IID_2026.formula,
    divisorMinimum: 14,
    basicServiceUrusanRequired: 6,
  },
  eligibility: {
    ...IID_2026.eligibility,
    firstAppliedFrom: '2025-01-01',
    firstAppliedTo: '2026-12-31',
  },
  assumptions: [
    ...IID_2026.assumptions,
    {
      id: 'provisional-2027',
      message_id:
        'Rubrik 2027 bersifat sementara: katalog indikator, bobot dan predikat 2026 dipakai apa adanya ' +
        '(termasuk rujukan tahun dalam teks data dukung); pembagi minimal 14 dan wajib 6 dari 6 urusan ' +
        'pelayanan dasar mengikuti prognosis.',
      message_en:
        'The 2027 rubric is provisional: the 2026 indicators, weights and predicates are reused as they ' +
        'are (including year references in evidence texts); divisor minimum 14 and 6 of 6 basic-service ' +
        'urusan follow the prognosis.',
    },
    {
      id: 'age-window-2027',
      message_id:
        'Rentang usia inovasi 2027 (pertama diterapkan 1 Januari 2025 s.d. 31 Desember 2026) diasumsikan ' +
        'bergeser satu tahun dari aturan 2026.',
      message_en:
        'The 2027 age window (first applied 2025-01-01 to 2026-12-31) is assumed to shift the 2026 rule ' +
        'by one year.',
    },
  ],
};
