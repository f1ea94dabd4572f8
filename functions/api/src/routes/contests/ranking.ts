import { z } from '@hono/zod-openapi';
import {
  AGGREGATION_METHODS,
  type AggregationMethod,
  type ContestCall,
  type JudgedStage,
  rankStage,
} from '@inovasi/core';
import type { ContestAccess } from './shared.ts';

export const rankingSchema = z.object({
  stage: z.string(),
  method: z.enum(AGGREGATION_METHODS),
  deviationThreshold: z.number(),
  entries: z.array(
    z.object({
      entryId: z.string(),
      name: z.string(),
      entrantName: z.string().optional(),
      categoryId: z.string(),
      score: z.number(),
      rank: z.number().int(),
      tied: z.boolean(),
      judgeTotals: z.record(z.string(), z.number()),
    }),
  ),
  unscored: z.array(z.string()),
  judges: z.array(
    z.object({
      judgeId: z.string(),
      name: z.string(),
      compared: z.number().int(),
      meanGap: z.number(),
      meanAbsoluteGap: z.number(),
      flagged: z.boolean(),
    }),
  ),
});
export type RankingView = z.infer<typeof rankingSchema>;

/**
 * A stage's ranking from the stored sheets: only sheets of judges still assigned to the entry
 * count (a judge who declared a conflict after scoring drops out), over the entries judged in the
 * stage (currently in it or moved on from it).
 */
export async function rankingOf(
  access: ContestAccess,
  call: ContestCall,
  stage: JudgedStage,
  method: AggregationMethod,
  categoryId?: string,
): Promise<RankingView> {
  const [entries, sheets, panel] = await Promise.all([
    access.contests.listEntries(call.id),
    access.contests.listScores(call.id, stage),
    access.contests.listJudges(call.id),
  ]);
  const judged = entries.filter(
    (entry) =>
      entry.assignments[stage].length > 0 &&
      entry.stage !== 'eliminated' &&
      (categoryId === undefined || entry.categoryId === categoryId),
  );
  const byId = new Map(judged.map((entry) => [entry.id, entry]));
  const counted = sheets.filter((sheet) =>
    byId.get(sheet.entryId)?.assignments[stage].includes(sheet.judgeId),
  );
  const ranking = rankStage({
    criteria: call.criteria[stage],
    sheets: counted,
    method,
    deviationThreshold: call.deviationThreshold,
    entryIds: judged.map((entry) => entry.id),
  });
  const names = new Map(panel.map((judge) => [judge.userId, judge.name]));
  return {
    stage,
    method,
    deviationThreshold: call.deviationThreshold,
    entries: ranking.entries.map((ranked) => {
      const entry = byId.get(ranked.entryId);
      return {
        ...ranked,
        name: entry?.profile.name ?? ranked.entryId,
        ...(entry?.entrantName ? { entrantName: entry.entrantName } : {}),
        categoryId: entry?.categoryId ?? '',
      };
    }),
    unscored: [...ranking.unscored],
    judges: ranking.judges.map((judge) => ({ ...judge, name: names.get(judge.judgeId) ?? judge.judgeId })),
  };
}
