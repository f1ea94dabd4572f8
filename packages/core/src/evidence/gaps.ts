import { z } from 'zod';
import type { Level, Rubric, Sid33Basis } from '../rubrics/types.ts';
import { scoreKematangan } from '../scoring/kematangan.ts';
import type { IndicatorEvidence } from './schemas.ts';

/**
 * Gap analysis (issue 18, docs/decisions/0028-gap-analysis.md): where each innovation's indicators
 * stand on the way from empty to accepted, so Bappeda sees "x% of indicators not filled" before the
 * ministry's verifiers say it. Built from the same checklists the completeness figures come from.
 */
export const GAP_STATES = ['empty', 'no_evidence', 'waiting', 'returned', 'accepted'] as const;
export type GapState = (typeof GAP_STATES)[number];

/**
 * One checklist state as a gap. A returned answer is its own state whatever is attached: the
 * verifier has already said the evidence does not carry the level, which is the strongest signal.
 * Evidence still in intake and evidence awaiting the verifier both wait on someone other than the OPD.
 */
export function gapStateOf(state: IndicatorEvidence['state']): GapState {
  switch (state) {
    case 'not_answered':
      return 'empty';
    case 'missing_evidence':
      return 'no_evidence';
    case 'awaiting_intake':
    case 'awaiting_verification':
      return 'waiting';
    case 'returned':
      return 'returned';
    case 'verified':
      return 'accepted';
  }
}

const countsShape = Object.fromEntries(GAP_STATES.map((state) => [state, z.number().int().min(0)])) as Record<
  GapState,
  z.ZodNumber
>;
export const gapCountsSchema = z.object({
  ...countsShape,
  total: z.number().int().min(0),
  /** Percent of the cells left empty, two decimals (the ministry's "x% indikator tidak diisi"). */
  emptyPercent: z.number(),
  /** Percent answered but without evidence that passed intake. */
  noEvidencePercent: z.number(),
});
export type GapCounts = z.infer<typeof gapCountsSchema>;

export const gapAnalysisSchema = z.object({
  year: z.number().int(),
  rubricId: z.string(),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      mandatory: z.boolean(),
      counts: gapCountsSchema,
    }),
  ),
  innovations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      opdId: z.string(),
      status: z.string(),
      /** One state per indicator, in the order of `indicators`. */
      cells: z.array(z.enum(GAP_STATES)),
      counts: gapCountsSchema,
      /** Our kematangan from the levels the operators chose, and from accepted answers only. */
      kematangan: z.object({ claimed: z.number(), verified: z.number() }),
      /** The kematangan of the national result, when Bappeda recorded it. */
      nationalKematangan: z.number().optional(),
    }),
  ),
  opds: z.array(
    z.object({
      opdId: z.string(),
      name: z.string(),
      innovations: z.number().int().min(0),
      counts: gapCountsSchema,
      /** The OPD × indicator map: the states of its innovations per indicator, in the order of `indicators`. */
      cells: z.array(gapCountsSchema),
    }),
  ),
  region: gapCountsSchema,
});
export type GapAnalysis = z.infer<typeof gapAnalysisSchema>;

export interface GapInnovation {
  readonly id: string;
  readonly name: string;
  readonly opdId: string;
  readonly status: string;
  /** Its SID checklist from `indicatorEvidence`, one entry per rubric indicator. */
  readonly checklist: readonly IndicatorEvidence[];
  readonly sid33Basis?: Sid33Basis | undefined;
  readonly nationalKematangan?: number | undefined;
}

const percent = (count: number, total: number): number =>
  total === 0 ? 0 : Math.round((count / total) * 10_000) / 100;

function countStates(states: readonly GapState[]): GapCounts {
  const counts = Object.fromEntries(GAP_STATES.map((state) => [state, 0])) as Record<GapState, number>;
  for (const state of states) counts[state]++;
  return {
    ...counts,
    total: states.length,
    emptyPercent: percent(counts.empty, states.length),
    noEvidencePercent: percent(counts.no_evidence, states.length),
  };
}

/**
 * The heat map of one period: a state per innovation × indicator of the period's rubric, with
 * totals per indicator, per OPD and for the region. An indicator the checklist lacks counts as
 * empty, so a checklist built under another rubric cannot shrink the divisor of the share.
 */
export function gapAnalysis(
  rubric: Rubric,
  year: number,
  innovations: readonly GapInnovation[],
  opdNames: ReadonlyMap<string, string>,
): GapAnalysis {
  const codes = rubric.sidIndicators.map((indicator) => indicator.code);
  const rows = innovations.map((innovation) => {
    const byCode = new Map(innovation.checklist.map((entry) => [entry.code, entry]));
    const cells = codes.map((code) => {
      const entry = byCode.get(code);
      return entry ? gapStateOf(entry.state) : 'empty';
    });
    const levelOf = (accepted: boolean): Record<string, Level> =>
      Object.fromEntries(
        codes.map((code, index) => {
          const entry = byCode.get(code);
          const counts = entry && (!accepted || cells[index] === 'accepted');
          return [code, counts ? (entry.level as Level) : 0];
        }),
      );
    const kematangan = (accepted: boolean) =>
      scoreKematangan(rubric, { levels: levelOf(accepted), sid33Basis: innovation.sid33Basis }).total;
    return {
      id: innovation.id,
      name: innovation.name,
      opdId: innovation.opdId,
      status: innovation.status,
      cells,
      counts: countStates(cells),
      kematangan: { claimed: kematangan(false), verified: kematangan(true) },
      ...(innovation.nationalKematangan !== undefined
        ? { nationalKematangan: innovation.nationalKematangan }
        : {}),
    };
  });
  const indicators = rubric.sidIndicators.map((indicator, index) => ({
    code: indicator.code,
    name: indicator.name,
    mandatory: indicator.mandatory,
    counts: countStates(rows.map((row) => row.cells[index] as GapState)),
  }));
  const byOpd = new Map<string, GapState[][]>();
  for (const row of rows) byOpd.set(row.opdId, [...(byOpd.get(row.opdId) ?? []), row.cells]);
  const opds = [...byOpd.entries()]
    .map(([opdId, cells]) => ({
      opdId,
      name: opdNames.get(opdId) ?? opdId,
      innovations: cells.length,
      counts: countStates(cells.flat()),
      cells: codes.map((_, index) => countStates(cells.map((row) => row[index] as GapState))),
    }))
    // The OPD with the most to fill comes first: that is who Bappeda calls.
    .sort((a, b) => b.counts.emptyPercent - a.counts.emptyPercent || a.name.localeCompare(b.name, 'id'));
  return {
    year,
    rubricId: rubric.id,
    indicators,
    innovations: rows,
    opds,
    region: countStates(rows.flatMap((row) => row.cells)),
  };
}
