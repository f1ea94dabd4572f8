import type { PredicateBand } from './types.ts';

/**
 * Formula parameters and predicate bands of past assessment years, kept so that an official result a
 * tenant enters for those years is shown with the right predicate. Indicator weights of these years
 * were never found and are deliberately absent (iid-model.md decision 1). Every value says how sure
 * we are; what the sources do not give is `not_found`, never a guess.
 */

export type FactStatus = 'confirmed' | 'inferred' | 'assumed';

export type Fact<T> =
  | { readonly value: T; readonly status: FactStatus; readonly source: string }
  | { readonly value: null; readonly status: 'not_found'; readonly note?: string };

export interface HistoricalPredicateBand extends PredicateBand {
  readonly status: FactStatus;
  readonly source: string;
}

export interface BasicServiceRule {
  /** Distinct urusan wajib pelayanan dasar required, out of 6. */
  readonly required: number;
  /** What missing the rule costs; `unknown` where the sources do not say. */
  readonly effect: 'count_score_zero' | 'unknown';
}

export interface HistoricalFormula {
  readonly year: number;
  readonly divisorMinimum: Fact<number>;
  /** The Skor Jumlah Inovasi formula, as text, where one is known. */
  readonly countScoreFormula: Fact<string>;
  readonly basicServiceRule: Fact<BasicServiceRule>;
  readonly maxSpd: Fact<number>;
  readonly maxKematangan: Fact<number>;
  readonly maxCountScore: Fact<number>;
  readonly maxTotal: Fact<number>;
  /** Highest band first. */
  readonly predicateBands: readonly HistoricalPredicateBand[];
  readonly zeroIsNotAssessable: Fact<boolean>;
  readonly ageWindow: Fact<string>;
}

const notFound = (note?: string): { value: null; status: 'not_found'; note?: string } =>
  note === undefined ? { value: null, status: 'not_found' } : { value: null, status: 'not_found', note };

const BANDS_60_35: readonly HistoricalPredicateBand[] = [
  { predicate: 'Sangat Inovatif', min: 60.01, max: 100, status: 'confirmed', source: 'P-SLIDE23; R-NGAWI22' },
  { predicate: 'Inovatif', min: 35, max: 60, status: 'confirmed', source: 'P-SLIDE23; R-NGAWI22' },
  {
    predicate: 'Kurang Inovatif',
    min: 0.01,
    max: 34.99,
    status: 'confirmed',
    source: 'P-SLIDE23; R-NGAWI22',
  },
];

export const FORMULA_HISTORY: readonly HistoricalFormula[] = [
  {
    year: 2022,
    divisorMinimum: notFound(),
    countScoreFormula: notFound(),
    basicServiceRule: notFound('No yandas rule is reported for 2022.'),
    maxSpd: notFound(),
    maxKematangan: { value: 111, status: 'confirmed', source: 'R-NGAWI22; N-GATRA23' },
    maxCountScore: notFound(),
    maxTotal: notFound(),
    predicateBands: BANDS_60_35.map((band) => ({ ...band, source: 'R-NGAWI22' })),
    zeroIsNotAssessable: { value: true, status: 'confirmed', source: 'R-NGAWI22' },
    ageWindow: { value: 'Diterapkan dalam 2 tahun terakhir', status: 'confirmed', source: 'N-2022' },
  },
  {
    year: 2023,
    divisorMinimum: { value: 10, status: 'confirmed', source: 'P-SLIDE23' },
    countScoreFormula: notFound(
      'The Skor Jumlah Inovasi term exists (P-SLIDE23); its formula was not found.',
    ),
    basicServiceRule: notFound(),
    maxSpd: { value: 63, status: 'inferred', source: 'P-SLIDE23 share 25.2% of 250' },
    maxKematangan: { value: 111, status: 'inferred', source: 'N-GATRA23 (Feb 2023)' },
    maxCountScore: { value: 76, status: 'inferred', source: 'P-SLIDE23 shares 25.2% / 74.8%' },
    maxTotal: { value: 250, status: 'inferred', source: '63 + 111 + 76 reproduces the P-SLIDE23 shares' },
    predicateBands: BANDS_60_35,
    zeroIsNotAssessable: { value: true, status: 'confirmed', source: 'P-SLIDE23' },
    ageWindow: notFound(),
  },
  {
    year: 2024,
    divisorMinimum: notFound(),
    countScoreFormula: notFound(),
    basicServiceRule: {
      value: { required: 2, effect: 'unknown' },
      status: 'confirmed',
      source: 'R-MKS24 (whether it gates the count score or the whole SID was not found)',
    },
    maxSpd: notFound(),
    maxKematangan: notFound(),
    maxCountScore: notFound(),
    maxTotal: notFound(),
    predicateBands: [
      {
        predicate: 'Sangat Inovatif',
        min: 60.01,
        max: 100,
        status: 'confirmed',
        source: 'R-TEGAL24; R-PADANG25',
      },
      { predicate: 'Inovatif', min: 35, max: 60, status: 'confirmed', source: 'R-TEGAL24' },
      { predicate: 'Kurang Inovatif', min: 0.01, max: 34.99, status: 'confirmed', source: 'R-TEGAL24' },
    ],
    zeroIsNotAssessable: { value: true, status: 'confirmed', source: 'iid-model.md §1 summary table' },
    ageWindow: {
      value: 'Diterapkan pada 2022 dan 2023 (Papua juga 2024)',
      status: 'confirmed',
      source: 'N-2024 Papua',
    },
  },
  {
    year: 2025,
    divisorMinimum: notFound(),
    countScoreFormula: notFound(),
    basicServiceRule: notFound(),
    maxSpd: notFound(),
    maxKematangan: notFound(),
    maxCountScore: notFound(),
    maxTotal: notFound(),
    predicateBands: [
      {
        predicate: 'Sangat Inovatif',
        min: 65.01,
        max: 100,
        status: 'confirmed',
        source: 'R-PADANG25; R-TNG25',
      },
      { predicate: 'Inovatif', min: 40.01, max: 65, status: 'assumed', source: 'lower bound not found' },
      { predicate: 'Kurang Inovatif', min: 0.01, max: 40, status: 'assumed', source: 'not found' },
    ],
    zeroIsNotAssessable: {
      value: true,
      status: 'assumed',
      source: 'not found for 2025; true in every known year',
    },
    ageWindow: notFound(),
  },
];

export function getFormulaHistory(year: number): HistoricalFormula | undefined {
  return FORMULA_HISTORY.find((formula) => formula.year === year);
}
