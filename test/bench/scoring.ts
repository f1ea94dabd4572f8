/**
 * Scoring benchmark: how long scoring every region takes compared with merely parsing its JSON.
 * Run from the repository root: `npx tsx test/bench/scoring.ts`. Exits non-zero when scoring is
 * slower than parsing (target: score/parse ≤ 1.0).
 */
import { BASIC_SERVICE_URUSAN, URUSAN_CODES } from '@inovasi/core';
import { getRubric, SID33_BASES, type SimulateInput, simulate } from '@inovasi/core/scoring';
import { seededRandom } from '../support/random.ts';

const REGIONS = 514;
const INNOVATIONS_PER_REGION = 100;
const REPETITIONS = 9;
const TARGET_RATIO = 1.0;
const SEED = 20_260_429;

function generateRegions(): SimulateInput[] {
  const random = seededRandom(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const level = () => pick([0, 1, 2, 3] as const);
  const rubric = getRubric('iid-2026');
  return Array.from({ length: REGIONS }, () => ({
    rubric: rubric.id,
    spd: Object.fromEntries(rubric.spdRows.map((row) => [row.code, level()])),
    innovations: Array.from({ length: INNOVATIONS_PER_REGION }, () => ({
      status: random() < 0.03 ? ('rejected' as const) : ('sent' as const),
      urusan:
        random() < 0.5 ? [pick(BASIC_SERVICE_URUSAN)] : [pick(URUSAN_CODES), pick(BASIC_SERVICE_URUSAN)],
      levels: Object.fromEntries(rubric.sidIndicators.map((indicator) => [indicator.code, level()])),
      sid33Basis: pick(SID33_BASES),
    })),
  }));
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const milliseconds = (value: number): string => `${value.toFixed(1).padStart(7)} ms`;

const json = JSON.stringify(generateRegions());
const parseTimes: number[] = [];
const scoreTimes: number[] = [];
let checksum = 0;

for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
  const parseStart = performance.now();
  const regions = JSON.parse(json) as SimulateInput[];
  parseTimes.push(performance.now() - parseStart);

  const scoreStart = performance.now();
  for (const region of regions) checksum += simulate(region).index;
  scoreTimes.push(performance.now() - scoreStart);
}

const parseMedian = median(parseTimes);
const scoreMedian = median(scoreTimes);
const ratio = scoreMedian / parseMedian;
const innovations = REGIONS * INNOVATIONS_PER_REGION;

console.log(
  `Scoring benchmark: ${REGIONS} regions × ${INNOVATIONS_PER_REGION} innovations = ${innovations.toLocaleString('en')} ` +
    `innovations, 20 SID indicators each; input JSON ${(json.length / 1_000_000).toFixed(1)} MB; ` +
    `median of ${REPETITIONS} runs; Node ${process.version}`,
);
console.log(
  `  JSON.parse of the input     ${milliseconds(parseMedian)}   runs: ${parseTimes.map((time) => time.toFixed(0)).join(', ')}`,
);
console.log(
  `  scoring all ${REGIONS} regions    ${milliseconds(scoreMedian)}   runs: ${scoreTimes.map((time) => time.toFixed(0)).join(', ')}`,
);
console.log(
  `  ratio score / parse         ${ratio.toFixed(2).padStart(7)}      target ≤ ${TARGET_RATIO.toFixed(1)}: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`,
);
console.log(`  (checksum: mean index ${(checksum / (REGIONS * REPETITIONS)).toFixed(2)})`);

if (ratio > TARGET_RATIO) process.exitCode = 1;
