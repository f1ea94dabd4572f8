import { z } from 'zod';
import { URUSAN_CODES } from '../innovation/urusan.ts';
import {
  getRubric,
  KEMANFAATAN_CODE,
  type Level,
  PREDICATES,
  RUBRIC_IDS,
  resolveRubricId,
  SID33_BASES,
} from '../rubrics/index.ts';
import { compileRubric } from './compiled.ts';
import { kematanganTotal } from './kematangan.ts';
import { computeRegionalIndex } from './regional.ts';
import { spdTotal } from './spd.ts';

// The range check gives a precise issue ("expected number to be <=3"); the cast is then sound.
const levelSchema = z
  .number()
  .int()
  .min(0)
  .max(3)
  .transform((level) => level as Level);

const simulatedInnovationSchema = z.object({
  status: z.enum(['sent', 'rejected']),
  urusan: z.array(z.enum(URUSAN_CODES)).max(10),
  levels: z.record(z.string(), levelSchema),
  sid33Basis: z.enum(SID33_BASES).optional(),
});

/**
 * Body of a what-if simulation. Indicator codes are checked against the chosen rubric, so issues
 * name the offending field: `rubric`, `spd.spd.99`, `innovations.0.levels.sid.99`,
 * `innovations.0.sid33Basis`.
 */
export const simulateInputSchema = z
  .object({
    rubric: z.string(),
    spd: z.record(z.string(), levelSchema),
    innovations: z.array(simulatedInnovationSchema).max(5000),
  })
  .superRefine((input, context) => {
    if (resolveRubricId(input.rubric) === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['rubric'],
        message: `Unknown rubric ${input.rubric}; known: ${RUBRIC_IDS.join(', ')}`,
      });
      return;
    }
    const { spdCodeSet, sidCodeSet } = compileRubric(getRubric(input.rubric));
    for (const code of Object.keys(input.spd)) {
      if (!spdCodeSet.has(code)) {
        context.addIssue({
          code: 'custom',
          path: ['spd', code],
          message: `Unknown SPD indicator ${code} in ${input.rubric}`,
        });
      }
    }
    input.innovations.forEach((innovation, position) => {
      for (const code of Object.keys(innovation.levels)) {
        if (!sidCodeSet.has(code)) {
          context.addIssue({
            code: 'custom',
            path: ['innovations', position, 'levels', code],
            message: `Unknown SID indicator ${code} in ${input.rubric}`,
          });
        }
      }
      if ((innovation.levels[KEMANFAATAN_CODE] ?? 0) > 0 && innovation.sid33Basis === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['innovations', position, 'sid33Basis'],
          message: `${KEMANFAATAN_CODE} has a level, so its basis (a–f) is required`,
        });
      }
    });
  });

export type SimulateInput = z.output<typeof simulateInputSchema>;

export const simulateResultSchema = z.object({
  spd: z.number().min(0),
  averageMaturity: z.number().min(0),
  innovationCountScore: z.number().min(0),
  sid: z.number().min(0),
  total: z.number().min(0),
  index: z.number().min(0).max(100),
  predicate: z.enum(PREDICATES),
  /** Kematangan of each innovation, in input order; 0 for rejected ones. */
  maturities: z.array(z.number().min(0)),
  divisor: z.number().int().min(1),
  /** Codes of the distinct basic-service urusan covered by non-rejected innovations. */
  basicServicesCovered: z.array(z.string()),
});

export type SimulateResult = z.output<typeof simulateResultSchema>;

/**
 * What-if scoring of a region from levels alone. Expects input that passed simulateInputSchema;
 * throws UnknownRubricError or RangeError otherwise.
 */
export function simulate(input: SimulateInput): SimulateResult {
  const rubric = getRubric(input.rubric);
  const maturities = input.innovations.map((innovation) =>
    innovation.status === 'rejected' ? 0 : kematanganTotal(rubric, innovation),
  );
  const regional = computeRegionalIndex(rubric, {
    spd: spdTotal(rubric, input.spd),
    innovations: input.innovations.map((innovation, position) => ({
      status: innovation.status,
      kematangan: maturities[position] ?? 0,
      urusan: innovation.urusan,
    })),
  });
  return {
    spd: regional.spd,
    averageMaturity: regional.averageMaturity,
    innovationCountScore: regional.innovationCountScore,
    sid: regional.sid,
    total: regional.total,
    index: regional.index,
    predicate: regional.predicate,
    maturities,
    divisor: regional.divisor,
    basicServicesCovered: [...regional.basicServicesCovered],
  };
}
