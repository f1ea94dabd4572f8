import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { URUSAN_CODES } from '../src/innovation/urusan.ts';
import {
  advise,
  applyMove,
  getRubric,
  type IndicatorAnswer,
  type Level,
  PREDICATES,
  type ProjectionInnovation,
  type ProjectionState,
  projectRegion,
  roundHalfUp,
  type ScoreBasis,
  SID33_BASES,
  type SimulateInput,
  type SpdAnswer,
  simulate,
} from '../src/scoring/index.ts';

const rubric = getRubric('iid-2026');
const spdCodes = rubric.spdRows.map((row) => row.code);
const sidCodes = rubric.sidIndicators.map((indicator) => indicator.code);

const levelArb = fc.constantFrom<Level>(0, 1, 2, 3);
const levelsArb = (codes: readonly string[]) =>
  fc.dictionary(fc.constantFrom(...codes), levelArb, { maxKeys: codes.length, size: '+1' });
const urusanArb = fc.subarray([...URUSAN_CODES.slice(0, 8)], { maxLength: 3 });
const basisArb = fc.option(fc.constantFrom(...SID33_BASES), { nil: undefined });

const simulatedInnovationArb = fc.record({
  status: fc.constantFrom('sent' as const, 'rejected' as const),
  urusan: urusanArb,
  levels: levelsArb(sidCodes),
  sid33Basis: basisArb,
});

/** A handful of distinct innovations plus up to 260 copies of one, so the divisor floor and the cap both get exercised. */
const simulateInputArb: fc.Arbitrary<SimulateInput> = fc
  .tuple(
    levelsArb(spdCodes),
    fc.array(simulatedInnovationArb, { maxLength: 20 }),
    simulatedInnovationArb,
    fc.nat({ max: 260 }),
  )
  .map(([spd, distinct, repeated, copies]) => ({
    rubric: 'iid-2026',
    spd,
    innovations: [...distinct, ...Array.from({ length: copies }, () => repeated)],
  }));

describe('scoring properties', () => {
  it('keeps the index within 0–100 with a matching predicate', () => {
    fc.assert(
      fc.property(simulateInputArb, (input) => {
        // Act
        const result = simulate(input);
        // Assess
        expect(result.index).toBeGreaterThanOrEqual(0);
        expect(result.index).toBeLessThanOrEqual(100);
        expect(result.innovationCountScore).toBeLessThanOrEqual(76);
        expect(PREDICATES).toContain(result.predicate);
        expect(result.predicate === 'Tidak Dapat Dinilai').toBe(result.index === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the index when any level is raised', () => {
    fc.assert(
      fc.property(simulateInputArb, fc.nat(), fc.integer({ min: 1, max: 3 }), (input, pick, step) => {
        // Prepare
        const targets = [
          ...spdCodes.map((code) => ({ code, innovation: -1 })),
          ...input.innovations.flatMap((_, innovation) => sidCodes.map((code) => ({ code, innovation }))),
        ];
        const target = targets[pick % targets.length];
        if (target === undefined) return;
        const raise = (level: Level | undefined): Level => Math.min(3, (level ?? 0) + step) as Level;
        const raised: SimulateInput =
          target.innovation < 0
            ? { ...input, spd: { ...input.spd, [target.code]: raise(input.spd[target.code]) } }
            : {
                ...input,
                innovations: input.innovations.map((innovation, position) =>
                  position === target.innovation
                    ? {
                        ...innovation,
                        levels: {
                          ...innovation.levels,
                          [target.code]: raise(innovation.levels[target.code]),
                        },
                      }
                    : innovation,
                ),
              };
        // Act
        const before = simulate(input);
        const after = simulate(raised);
        // Assess
        expect(after.total).toBeGreaterThanOrEqual(before.total);
        expect(after.index).toBeGreaterThanOrEqual(before.index);
      }),
      { numRuns: 300 },
    );
  });
});

const answerArb: fc.Arbitrary<IndicatorAnswer> = fc.record({ level: levelArb, verified: fc.boolean() });
const spdAnswerArb: fc.Arbitrary<SpdAnswer> = fc.record(
  {
    level: levelArb,
    verified: fc.boolean(),
    figures: fc.record(
      {
        t1: fc.integer({ min: -50, max: 500 }),
        t2: fc.integer({ min: 1, max: 500 }),
        count: fc.nat({ max: 9 }),
        grade: fc.constantFrom('WTP', 'WDP', 'TW', 'A', 'B', 'C', 'Baik', 'Unggul'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['verified'] },
);

const projectionInnovationArb = fc.record({
  opdId: fc.constantFrom('dinkes', 'disdik', 'dpupr'),
  status: fc.constantFrom('draft' as const, 'sent' as const, 'rejected' as const),
  eligible: fc.boolean(),
  urusan: urusanArb,
  answers: fc.record(
    Object.fromEntries(sidCodes.map((code) => [code, answerArb])) as Record<
      string,
      fc.Arbitrary<IndicatorAnswer>
    >,
    { requiredKeys: [] },
  ),
  sid33Basis: basisArb,
});

const projectionStateArb: fc.Arbitrary<ProjectionState> = fc
  .tuple(
    fc.record(
      Object.fromEntries(spdCodes.map((code) => [code, spdAnswerArb])) as Record<
        string,
        fc.Arbitrary<SpdAnswer>
      >,
      {
        requiredKeys: [],
      },
    ),
    fc.array(projectionInnovationArb, { maxLength: 14 }),
  )
  .map(([spd, innovations]) => ({
    rubricId: 'iid-2026',
    spd,
    innovations: innovations.map(
      (innovation, position): ProjectionInnovation => ({ ...innovation, id: `i${position}` }),
    ),
  }));

describe('advice properties', () => {
  it('predicts exactly the index difference a projection of the changed state shows', () => {
    fc.assert(
      fc.property(projectionStateArb, fc.constantFrom<ScoreBasis>('verified', 'claimed'), (state, basis) => {
        // Prepare
        const before = projectRegion(state)[basis].index;
        // Act
        const moves = advise(state, { basis, limit: 10_000 });
        // Assess
        for (const move of moves) {
          const after = projectRegion(applyMove(state, move))[basis].index;
          expect(move.indexBefore).toBe(before);
          expect(move.indexAfter).toBe(after);
          expect(move.indexGain).toBe(roundHalfUp(after - before, 2));
          expect(move.exactGain).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with simulate when every answer is verified and every innovation is eligible', () => {
    fc.assert(
      fc.property(simulateInputArb, (input) => {
        // Prepare
        const state: ProjectionState = {
          rubricId: input.rubric,
          spd: Object.fromEntries(
            Object.entries(input.spd).map(([code, level]) => [code, { level, verified: true }]),
          ),
          innovations: input.innovations.map((innovation, position) => ({
            id: `i${position}`,
            opdId: 'opd',
            status: innovation.status,
            eligible: true,
            urusan: innovation.urusan,
            answers: Object.fromEntries(
              Object.entries(innovation.levels).map(([code, level]) => [code, { level, verified: true }]),
            ),
            sid33Basis: innovation.sid33Basis,
          })),
        };
        // Act
        const projection = projectRegion(state);
        const simulated = simulate(input);
        // Assess: the claimed view is simulate's; the verified view agrees where no innovation lacks
        // a mandatory indicator (such an innovation counts 0 there, which simulate does not model)
        expect(projection.claimed.index).toBe(simulated.index);
        expect(projection.claimed.total).toBe(simulated.total);
        expect(projection.innovations.map((innovation) => innovation.kematanganClaimed)).toEqual(
          simulated.maturities,
        );
        if (projection.innovations.every((innovation) => innovation.mandatoryGaps.length === 0)) {
          expect(projection.verified.index).toBe(simulated.index);
        }
      }),
      { numRuns: 100 },
    );
  });
});
