/**
 * Contest ranking benchmark: a call with 500 entries and 10 judges, every judge scoring every
 * entry on 6 criteria (5,000 score sheets), ranked by each aggregation method with ties and judge
 * deviations, plus the conflict-aware assignment of 3 judges per entry. Run from the repository
 * root: `npx tsx test/bench/contest-ranking.ts`. Exits non-zero when ranking (median of 9) takes
 * 1 s or more (issue 22's target).
 */
import { AGGREGATION_METHODS, assignJudges, type Criterion, rankStage, type ScoreSheet } from '@inovasi/core';
import { seededRandom } from '../support/random.ts';
import { timeSync } from './timing.ts';

const ENTRIES = 500;
const JUDGES = 10;
const REPETITIONS = 9;
const TARGET_MS = 1000;

const random = seededRandom(20_261_206);
const criteria: Criterion[] = Array.from({ length: 6 }, (_, index) => ({
  id: `c${index}`,
  label: `Kriteria ${index + 1}`,
  weight: 10 + index * 5,
  scaleMin: 1,
  scaleMax: 10,
}));
const entryIds = Array.from({ length: ENTRIES }, (_, index) => `entry-${String(index).padStart(4, '0')}`);
const judgeIds = Array.from({ length: JUDGES }, (_, index) => `judge-${index}`);
const sheets: ScoreSheet[] = entryIds.flatMap((entryId) =>
  judgeIds.map((judgeId) => ({
    entryId,
    judgeId,
    criteria: Object.fromEntries(criteria.map((criterion) => [criterion.id, 1 + Math.floor(random() * 10)])),
  })),
);
const panel = judgeIds.map((userId, index) => ({
  userId,
  opdId: index < 5 ? `opd-${index}` : undefined,
  conflicts: entryIds.filter(() => random() < 0.02).map((entryId) => ({ entryId })),
}));
const entries = entryIds.map((id, index) => ({ id, opdId: `opd-${index % 20}` }));

const time = (name: string, run: () => unknown): number => timeSync(name, run, REPETITIONS).p50;

let slowest = 0;
console.log(
  `${ENTRIES} entries × ${JUDGES} judges = ${sheets.length} score sheets, ${criteria.length} criteria`,
);
for (const method of AGGREGATION_METHODS) {
  const ms = time(method, () => rankStage({ criteria, sheets, method, deviationThreshold: 15, entryIds }));
  slowest = Math.max(slowest, ms);
  console.log(`rank (${method.padEnd(12)}) ${ms.toFixed(1).padStart(7)} ms`);
}
const assignMs = time('assign', () => assignJudges(entries, panel, 3));
console.log(`assign 3 judges/entry   ${assignMs.toFixed(1).padStart(7)} ms`);
console.log(`slowest ranking ${slowest.toFixed(1)} ms (target < ${TARGET_MS} ms)`);
if (slowest >= TARGET_MS) process.exitCode = 1;
