import type { AggregationMethod, Criterion } from './schemas.ts';

/** One judge's scores of one entry in one stage. */
export interface ScoreSheet {
  readonly entryId: string;
  readonly judgeId: string;
  readonly criteria: Readonly<Record<string, number>>;
}

export interface RankedEntry {
  readonly entryId: string;
  /** The stage score under the call's method: 0–100 for the means, a mean z-score for `z_score`. */
  readonly score: number;
  /** Standard competition ranking: equal scores share a rank and the next rank is skipped (1, 2, 2, 4). */
  readonly rank: number;
  readonly tied: boolean;
  /** Each judge's weighted total (0–100) of this entry. */
  readonly judgeTotals: Readonly<Record<string, number>>;
}

export interface JudgeDeviation {
  readonly judgeId: string;
  /** Entries this judge scored that at least one other judge scored too. */
  readonly compared: number;
  /** Mean of (this judge's total − the panel's median) in points of 0–100: < 0 strict, > 0 lenient. */
  readonly meanGap: number;
  readonly meanAbsoluteGap: number;
  /** The mean absolute gap exceeds the call's threshold: look before approving the results. */
  readonly flagged: boolean;
}

export interface StageRanking {
  readonly method: AggregationMethod;
  readonly entries: readonly RankedEntry[];
  /** Entries asked about that no judge has scored yet; they are not ranked. */
  readonly unscored: readonly string[];
  readonly judges: readonly JudgeDeviation[];
}

/** Scores are compared at this precision, so float noise never splits a tie. */
const PRECISION = 1000;
/** Rounded to the comparison precision; a tiny negative becomes 0, never -0 (which sorts and compares apart). */
const round = (value: number): number => Math.round(value * PRECISION) / PRECISION || 0;
const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** A judge's sheet as one number: each criterion mapped onto 0–1 of its scale, weighted, times 100. */
export function weightedTotal(
  criteria: readonly Criterion[],
  sheet: Readonly<Record<string, number>>,
): number {
  let weights = 0;
  let sum = 0;
  for (const criterion of criteria) {
    const value = sheet[criterion.id];
    weights += criterion.weight;
    if (value === undefined) continue;
    sum += (criterion.weight * (value - criterion.scaleMin)) / (criterion.scaleMax - criterion.scaleMin);
  }
  return weights === 0 ? 0 : (100 * sum) / weights;
}

/** Mean and population standard deviation of each judge's totals over the stage. */
function judgeMoments(totals: Map<string, Map<string, number>>): Map<string, { mean: number; sd: number }> {
  const byJudge = new Map<string, number[]>();
  for (const perJudge of totals.values())
    for (const [judgeId, total] of perJudge) {
      const own = byJudge.get(judgeId) ?? [];
      own.push(total);
      byJudge.set(judgeId, own);
    }
  const moments = new Map<string, { mean: number; sd: number }>();
  for (const [judgeId, values] of byJudge) {
    const average = mean(values);
    const variance = mean(values.map((value) => (value - average) ** 2));
    moments.set(judgeId, { mean: average, sd: Math.sqrt(variance) });
  }
  return moments;
}

function entryScore(
  method: AggregationMethod,
  perJudge: Map<string, number>,
  moments: Map<string, { mean: number; sd: number }>,
): number {
  const totals = [...perJudge.values()];
  if (method === 'trimmed_mean' && totals.length >= 3) {
    const sorted = [...totals].sort((a, b) => a - b);
    return mean(sorted.slice(1, -1));
  }
  if (method === 'z_score') {
    // A judge who gave every entry the same total says nothing about order: z = 0.
    return mean(
      [...perJudge].map(([judgeId, total]) => {
        const { mean: average, sd } = moments.get(judgeId) ?? { mean: total, sd: 0 };
        return sd === 0 ? 0 : (total - average) / sd;
      }),
    );
  }
  return mean(totals);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * How far each judge's totals lie from the panel on the entries they share: the gap to the
 * median of all the entry's totals, which one far-off judge cannot drag along (a leave-one-out
 * mean would make their neighbours look far off too). With two judges the median is their mean,
 * so both show the same gap: a panel of two cannot say which one is off.
 */
export function judgeDeviations(
  totals: Map<string, Map<string, number>>,
  threshold: number,
): JudgeDeviation[] {
  const gaps = new Map<string, number[]>();
  for (const perJudge of totals.values()) {
    if (perJudge.size < 2) continue;
    const panel = median([...perJudge.values()]);
    for (const [judgeId, total] of perJudge) {
      const own = gaps.get(judgeId) ?? [];
      own.push(total - panel);
      gaps.set(judgeId, own);
    }
  }
  const judges = new Set<string>();
  for (const perJudge of totals.values()) for (const judgeId of perJudge.keys()) judges.add(judgeId);
  return [...judges].sort().map((judgeId) => {
    const own = gaps.get(judgeId) ?? [];
    const meanAbsoluteGap = own.length === 0 ? 0 : round(mean(own.map(Math.abs)));
    return {
      judgeId,
      compared: own.length,
      meanGap: own.length === 0 ? 0 : round(mean(own)),
      meanAbsoluteGap,
      flagged: meanAbsoluteGap > threshold,
    };
  });
}

/**
 * The ranking of one stage: each judge's sheets become weighted totals, the totals of an entry
 * become its score by the call's method, equal scores tie, and each judge's gap to the panel is
 * measured. Linear in the number of sheets (500 entries × 10 judges is 5,000 sheets).
 */
export function rankStage(input: {
  readonly criteria: readonly Criterion[];
  readonly sheets: readonly ScoreSheet[];
  readonly method: AggregationMethod;
  readonly deviationThreshold: number;
  readonly entryIds?: readonly string[];
}): StageRanking {
  const totals = new Map<string, Map<string, number>>();
  for (const sheet of input.sheets) {
    const perJudge = totals.get(sheet.entryId) ?? new Map<string, number>();
    perJudge.set(sheet.judgeId, weightedTotal(input.criteria, sheet.criteria));
    totals.set(sheet.entryId, perJudge);
  }
  const moments = input.method === 'z_score' ? judgeMoments(totals) : new Map();
  const scored = [...totals].map(([entryId, perJudge]) => ({
    entryId,
    score: round(entryScore(input.method, perJudge, moments)),
    judgeTotals: Object.fromEntries([...perJudge].map(([judgeId, total]) => [judgeId, round(total)])),
  }));
  scored.sort((a, b) => b.score - a.score || a.entryId.localeCompare(b.entryId));
  const counts = new Map<number, number>();
  for (const entry of scored) counts.set(entry.score, (counts.get(entry.score) ?? 0) + 1);
  let rank = 0;
  const entries = scored.map((entry, index) => {
    if (index === 0 || entry.score !== scored[index - 1]?.score) rank = index + 1;
    return { ...entry, rank, tied: (counts.get(entry.score) ?? 0) > 1 };
  });
  const unscored = (input.entryIds ?? []).filter((entryId) => !totals.has(entryId));
  return {
    method: input.method,
    entries,
    unscored,
    judges: judgeDeviations(totals, input.deviationThreshold),
  };
}
