import { z } from 'zod';
import { rubricForYear } from '../periods.ts';
import {
  type FactStatus,
  getFormulaHistory,
  getRubric,
  PREDICATES,
  type Predicate,
  type Rubric,
} from '../rubrics/index.ts';
import { historicalPredicate, predicateFor } from '../scoring/predicate.ts';

/**
 * Official IID results of past years, entered by the region's admin from the Kepmendagri (e.g.
 * Magetan 2023: 53, 2024: 43). The predicate is never entered: it is computed from the bands of the
 * result's own year (2022–2025 from the formula history, later years from their rubric), so a 62
 * is Sangat Inovatif in 2023 (> 60) and Inovatif in 2025 (> 65 needed).
 */
export const OFFICIAL_RESULT_FIRST_YEAR = 2022;

export const officialResultInputSchema = z
  .object({
    /** The official index, two decimals at most (as published). */
    index: z
      .number()
      .min(0)
      .max(100)
      .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
        message: 'Paling banyak dua angka desimal. / At most two decimals.',
      }),
    /** Rank among the regions of the same category (kabupaten, kota or provinsi), when published. */
    rank: z.number().int().min(1).max(1000).optional(),
    /** How many regions were ranked in that category. */
    rankOf: z.number().int().min(1).max(1000).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((input) => input.rank === undefined || input.rankOf === undefined || input.rank <= input.rankOf, {
    message: 'Peringkat tidak boleh melebihi jumlah daerah. / The rank cannot exceed the number ranked.',
    path: ['rank'],
  });
export type OfficialResultInput = z.infer<typeof officialResultInputSchema>;

export const officialResultSchema = z.object({
  year: z.number().int(),
  index: z.number(),
  rank: z.number().int().optional(),
  rankOf: z.number().int().optional(),
  note: z.string().optional(),
  enteredBy: z.string(),
  enteredAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type OfficialResult = z.infer<typeof officialResultSchema>;

export const yearBandSchema = z.object({
  predicate: z.enum(PREDICATES),
  min: z.number(),
  max: z.number(),
  /** How sure the band is (the 2025 Inovatif lower bound, for one, is assumed). */
  status: z.enum(['confirmed', 'inferred', 'assumed']),
});
export type YearBand = z.infer<typeof yearBandSchema>;

/** Predicate bands of one assessment year, highest first; undefined for a year nothing is known of. */
export function bandsOfYear(year: number): YearBand[] | undefined {
  const history = getFormulaHistory(year);
  if (history) {
    return history.predicateBands.map(({ predicate, min, max, status }) => ({ predicate, min, max, status }));
  }
  const rubricId = rubricForYear(year);
  return rubricId ? bandsOfRubric(getRubric(rubricId)) : undefined;
}

/** Predicate bands of a rubric, highest first: what a period pinned to it is judged against. */
export function bandsOfRubric(rubric: Rubric): YearBand[] {
  const status: FactStatus = rubric.provisional ? 'assumed' : 'inferred';
  return rubric.predicateBands.map(({ predicate, min, max }) => ({ predicate, min, max, status }));
}

export interface YearPredicate {
  readonly predicate: Predicate;
  readonly status: FactStatus;
}

/** The predicate of an index under the bands of its own year. */
export function predicateOfYear(year: number, index: number): YearPredicate | undefined {
  const historical = historicalPredicate(year, index);
  if (historical) return historical;
  const rubricId = rubricForYear(year);
  if (!rubricId) return undefined;
  const rubric = getRubric(rubricId);
  return {
    predicate: predicateFor(rubric.predicateBands, index),
    status: rubric.provisional ? 'assumed' : 'inferred',
  };
}

/** Whether an official result can be entered for a year: its bands are known and the year has begun. */
export const isResultYear = (year: number, currentYear: number): boolean =>
  year >= OFFICIAL_RESULT_FIRST_YEAR && year <= currentYear && bandsOfYear(year) !== undefined;

export const officialResultViewSchema = officialResultSchema.extend({
  predicate: z.enum(PREDICATES),
  predicateStatus: z.enum(['confirmed', 'inferred', 'assumed']),
  bands: z.array(yearBandSchema),
});
export type OfficialResultView = z.infer<typeof officialResultViewSchema>;

/** A stored result with the predicate and bands of its year, as every screen shows it. */
export function officialResultView(result: OfficialResult): OfficialResultView {
  const predicate = predicateOfYear(result.year, result.index);
  return {
    ...result,
    predicate: predicate?.predicate ?? 'Tidak Dapat Dinilai',
    predicateStatus: predicate?.status ?? 'assumed',
    bands: bandsOfYear(result.year) ?? [],
  };
}

/** Higher is better: Sangat Inovatif 3 … Tidak Dapat Dinilai 0. */
export const predicateRank = (predicate: Predicate): number =>
  PREDICATES.length - 1 - PREDICATES.indexOf(predicate);
