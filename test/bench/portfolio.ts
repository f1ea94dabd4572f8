/**
 * Portfolio choice benchmark: how long the exact optimizer takes for a region of 300 innovations not
 * sent yet (and, for scale, 1,000). Run from the repository root: `npx tsx test/bench/portfolio.ts`.
 * Exits non-zero when the 300-innovation median is over its target (200 ms: well inside a request).
 */
import { BASIC_SERVICE_URUSAN, URUSAN_CODES } from '@inovasi/core';
import {
  choosePortfolio,
  getRubric,
  type IndicatorAnswer,
  type ProjectionState,
  SID33_BASES,
} from '@inovasi/core/scoring';
import { seededRandom } from '../support/random.ts';
import { timeSync } from './timing.ts';

const SIZES = [300, 1000] as const;
const REPETITIONS = 15;
const TARGET_MS_300 = 200;
const SEED = 20_261_206;

/** A region as the seeds shape them: most drafts mature, a tail of weak ones, a few already sent. */
function generateRegion(size: number): ProjectionState {
  const random = seededRandom(SEED + size);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const rubric = getRubric('iid-2026');
  return {
    rubricId: rubric.id,
    spd: Object.fromEntries(
      rubric.spdRows.map((row) => [row.code, { level: pick([1, 2, 3] as const), verified: true }]),
    ),
    innovations: Array.from({ length: size }, (_, position) => {
      const strength = random() < 0.6 ? 0.8 : 0.3;
      const answers: Record<string, IndicatorAnswer> = Object.fromEntries(
        rubric.sidIndicators.map((indicator) => [
          indicator.code,
          {
            level: (random() < strength ? 3 : pick([0, 1, 2] as const)) as 0 | 1 | 2 | 3,
            verified: random() < 0.85,
          },
        ]),
      );
      return {
        id: `i${position}`,
        opdId: `opd${position % 40}`,
        status: random() < 0.05 ? ('sent' as const) : ('draft' as const),
        eligible: random() < 0.95,
        urusan:
          random() < 0.5 ? [pick(BASIC_SERVICE_URUSAN)] : [pick(URUSAN_CODES), pick(BASIC_SERVICE_URUSAN)],
        answers,
        sid33Basis: pick(SID33_BASES),
      };
    }),
  };
}

console.log(`Portfolio choice benchmark: median of ${REPETITIONS} runs per size; Node ${process.version}`);
let failed = false;
// The claimed basis is the harder case: every eligible draft counts, so every one enters the search.
for (const [size, basis] of SIZES.flatMap((size) =>
  (['claimed', 'verified'] as const).map((basis) => [size, basis] as const),
)) {
  const state = generateRegion(size);
  // The first call warms up and gives the result the report describes; tinybench times the rest.
  const result = choosePortfolio(state, basis);
  const timing = timeSync(`${size} ${basis}`, () => choosePortfolio(state, basis), REPETITIONS);
  const times = timing.samples;
  const sent = result.entries.filter((entry) => entry.role === 'send').length;
  const held = result.entries.filter((entry) => entry.role === 'hold').length;
  const searched = result.entries.filter(
    (entry) => entry.counts && (entry.role === 'send' || entry.role === 'hold'),
  ).length;
  const time = timing.p50;
  console.log(
    `  ${String(size).padStart(5)} innovations, ${basis.padEnd(8)} (${searched} searched)  ${time.toFixed(1).padStart(7)} ms   ` +
      `send ${sent}, hold ${held}; index ${result.everything.index} → ${result.choice.index} ` +
      `(+${result.gain}); break-even ${result.breakEvenMaturity.toFixed(1)}   runs: ${times.map((value) => value.toFixed(0)).join(', ')}`,
  );
  if (size === 300 && time > TARGET_MS_300) failed = true;
}
console.log(`  target: 300 innovations ≤ ${TARGET_MS_300} ms: ${failed ? 'MISSED' : 'met'}`);
if (failed) process.exitCode = 1;
