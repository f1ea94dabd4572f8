import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { URUSAN_CODES } from '../src/innovation/urusan.ts';
import {
  choosePortfolio,
  getRubric,
  type IndicatorAnswer,
  type Level,
  type ProjectionInnovation,
  type ProjectionState,
  projectedIndex,
  type ScoreBasis,
  SID33_BASES,
} from '../src/scoring/index.ts';
import { variantScorer } from '../src/scoring/projection.ts';
import { SID_LEVELS_80, SPD_LEVELS_45, urusanFor } from './fixtures.ts';

const answersOf = (
  levels: Readonly<Record<string, Level>>,
  verified = true,
): Record<string, IndicatorAnswer> =>
  Object.fromEntries(Object.entries(levels).map(([code, level]) => [code, { level, verified }]));

/** Only the five mandatory indicators at level 1: kematangan 3 + 2 + 2 + 3 + 4 = 14. */
const SID_LEVELS_14: Readonly<Record<string, Level>> = {
  'sid.16': 1,
  'sid.17': 1,
  'sid.32': 1,
  'sid.33': 1,
  'sid.35': 1,
};

const innovation = (id: string, overrides: Partial<ProjectionInnovation> = {}): ProjectionInnovation => ({
  id,
  opdId: 'dinkes',
  status: 'draft',
  eligible: true,
  urusan: ['kesehatan'],
  answers: answersOf(SID_LEVELS_80),
  sid33Basis: 'a',
  ...overrides,
});

const spd45 = answersOf(SPD_LEVELS_45);

describe('choosePortfolio', () => {
  it('holds back weak innovations that lower the average, with the gain and the break-even', () => {
    // Prepare: 16 innovations of kematangan 80 over five basic-service urusan, four of kematangan 14
    const strong = Array.from({ length: 16 }, (_, position) =>
      innovation(`s${position}`, { urusan: urusanFor(position) }),
    );
    const weak = Array.from({ length: 4 }, (_, position) =>
      innovation(`w${position}`, { answers: answersOf(SID_LEVELS_14) }),
    );
    const state: ProjectionState = { rubricId: 'iid-2026', spd: spd45, innovations: [...strong, ...weak] };
    // Act
    const result = choosePortfolio(state);
    // Assess: all 20: 45 + 1336/20 + 20 × 0.38 = 119.4 → 47.76; the 16: 45 + 80 + 6.08 = 131.08 → 52.43;
    // break-even (80 − 0.38) × 17 − 1280 = 73.54
    expect(result.everything.index).toBe(47.76);
    expect(result.choice.index).toBe(52.43);
    expect(result.gain).toBe(4.67);
    expect(result.breakEvenMaturity).toBeCloseTo(73.54, 9);
    expect(result.entries.filter((entry) => entry.role === 'hold').map((entry) => entry.id)).toEqual([
      'w0',
      'w1',
      'w2',
      'w3',
    ]);
    expect(result.breakEven.message_id).toBe(
      'Inovasi dengan kematangan di bawah sekitar 74 menurunkan indeks Anda tahun ini.',
    );
    expect(result.breakEven.message_en).toBe(
      'An innovation with kematangan under about 74 lowers your index this year.',
    );
    expect(result.difference.message_id).toBe(
      'Mengirim 16 dari 20 inovasi yang memenuhi syarat memberi indeks 52.43 (Inovatif), 4.67 poin di atas 47.76 (Inovatif) bila semuanya dikirim; 4 inovasi ditahan.',
    );
  });

  it('keeps a weak innovation that opens the basic-service gate, and says why', () => {
    // Prepare: 16 innovations of 80 over four urusan, one of 14 in the fifth
    const strong = Array.from({ length: 16 }, (_, position) =>
      innovation(`s${position}`, { urusan: urusanFor(position, 4) }),
    );
    const opener = innovation('gate', { urusan: ['sosial'], answers: answersOf(SID_LEVELS_14) });
    const state: ProjectionState = { rubricId: 'iid-2026', spd: spd45, innovations: [...strong, opener] };
    // Act
    const result = choosePortfolio(state);
    // Assess: without it 45 + 80 + 0 = 125; with it 45 + 1294/17 + 17 × 0.38 = 128.58
    expect(result.entries.find((entry) => entry.id === 'gate')?.role).toBe('send');
    expect(result.choice.basicServiceGateMet).toBe(true);
    expect(result.gain).toBe(0);
    expect(result.breakEven.message_id).toContain(
      'kecuali yang diperlukan untuk menutup urusan pelayanan dasar',
    );
  });

  it('sends everything while seats stay empty', () => {
    // Prepare: eight innovations, one of them weak, under a divisor minimum of 12
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spd45,
      innovations: [
        ...Array.from({ length: 7 }, (_, position) =>
          innovation(`s${position}`, { urusan: urusanFor(position) }),
        ),
        innovation('weak', { answers: answersOf(SID_LEVELS_14) }),
      ],
    };
    // Act
    const result = choosePortfolio(state);
    // Assess
    expect(result.entries.every((entry) => entry.role === 'send')).toBe(true);
    expect(result.breakEvenMaturity).toBe(0);
    expect(result.breakEven.message_id).toContain('4 kursi kosong');
    expect(result.difference.message_en).toBe(
      'Sending all 8 eligible innovations is already the best choice: index 38.35 (Kurang Inovatif).',
    );
  });

  it('leaves sent innovations in and ineligible drafts out, and holds unverified ones on the verified basis', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spd45,
      innovations: [
        ...Array.from({ length: 13 }, (_, position) =>
          innovation(`s${position}`, { urusan: urusanFor(position), status: 'sent' }),
        ),
        innovation('rejected', { status: 'rejected' }),
        innovation('ineligible', { eligible: false }),
        innovation('unverified', { answers: answersOf(SID_LEVELS_80, false) }),
      ],
    };
    // Act
    const verified = choosePortfolio(state, 'verified');
    const claimed = choosePortfolio(state, 'claimed');
    // Assess
    const roleOf = (id: string) => verified.entries.find((entry) => entry.id === id)?.role;
    expect(roleOf('s0')).toBe('locked');
    expect(roleOf('rejected')).toBe('locked');
    expect(roleOf('ineligible')).toBe('ineligible');
    expect(roleOf('unverified')).toBe('hold');
    expect(claimed.entries.find((entry) => entry.id === 'unverified')?.role).toBe('send');
  });
});

// Exhaustive search through the real scoring path: the oracle the optimizer must match.
function exhaustiveBest(state: ProjectionState, basis: ScoreBasis): number {
  const scorer = variantScorer(state.rubricId, basis);
  const free = state.innovations.flatMap((entry, position) =>
    entry.status === 'draft' && entry.eligible ? [position] : [],
  );
  let best = Number.NEGATIVE_INFINITY;
  for (let subset = 0; subset < 1 << free.length; subset += 1) {
    const dropped = new Set(free.filter((_, bit) => (subset & (1 << bit)) === 0));
    const total = scorer({
      ...state,
      innovations: state.innovations.filter((_, position) => !dropped.has(position)),
    }).total;
    best = Math.max(best, total);
  }
  return best;
}

const sidCodes = getRubric('iid-2026').sidIndicators.map((indicator) => indicator.code);
const levelArb = fc.constantFrom<Level>(0, 1, 2, 3);
// Mostly basic-service urusan, so that the gate opens and closes across cases.
const urusanArb = fc.subarray(
  ['pendidikan', 'kesehatan', 'pupr', 'perkim', 'trantibumlinmas', 'sosial', ...URUSAN_CODES.slice(8, 11)],
  { maxLength: 3 },
);
const innovationArb = (id: string): fc.Arbitrary<ProjectionInnovation> =>
  fc.record({
    id: fc.constant(id),
    opdId: fc.constant('opd'),
    status: fc.constantFrom('draft', 'draft', 'draft', 'sent', 'rejected'),
    eligible: fc.constantFrom(true, true, true, true, false),
    urusan: urusanArb,
    answers: fc
      .dictionary(fc.constantFrom(...sidCodes), fc.record({ level: levelArb, verified: fc.boolean() }), {
        maxKeys: sidCodes.length,
      })
      .map((answers) => answers as Record<string, IndicatorAnswer>),
    sid33Basis: fc.option(fc.constantFrom(...SID33_BASES), { nil: undefined }),
  }) as fc.Arbitrary<ProjectionInnovation>;

/** Up to 12 innovations, plus up to 200 sent copies of one so that the count cap is reached too. */
const stateArbWith = (copiesArb: fc.Arbitrary<number>): fc.Arbitrary<ProjectionState> =>
  fc
    .tuple(
      fc.constantFrom('iid-2026', 'iid-2027-provisional'),
      fc.dictionary(fc.constantFrom('spd.1', 'spd.3', 'spd.14'), levelArb),
      fc
        .integer({ min: 0, max: 12 })
        .chain((count) =>
          fc.tuple(...Array.from({ length: count }, (_, position) => innovationArb(`i${position}`))),
        ),
      innovationArb('copy'),
      copiesArb,
    )
    .map(([rubricId, spd, innovations, copy, copies]) => ({
      rubricId,
      spd: Object.fromEntries(Object.entries(spd).map(([code, level]) => [code, { level, verified: true }])),
      innovations: [
        ...innovations,
        ...Array.from({ length: copies }, (_, position) => ({
          ...copy,
          id: `c${position}`,
          status: 'sent' as const,
        })),
      ],
    }));
const stateArb = stateArbWith(fc.constantFrom(0, 0, 3, 11, 195, 200));

describe('choosePortfolio properties', () => {
  it('matches exhaustive search over every subset of up to 12 drafts', () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom<ScoreBasis>('claimed', 'verified'), (state, basis) => {
        // Act
        const result = choosePortfolio(state, basis);
        // Assess: the optimum total, never below sending everything, and the choice scored as chosen
        expect(result.choice.total).toBeCloseTo(exhaustiveBest(state, basis), 6);
        expect(result.choice.index).toBeGreaterThanOrEqual(projectedIndex(state, basis).index);
        expect(result.gain).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('puts the break-even where one more innovation neither raises nor lowers the index', () => {
    fc.assert(
      // Enough innovations already sent that no seat stays empty, where the break-even is not 0.
      fc.property(
        stateArbWith(fc.constantFrom(14, 60, 199)),
        fc.double({ min: -30, max: 30, noNaN: true }),
        (state, offset) => {
          // Prepare: the chosen state, and one more counting innovation with no basic-service urusan
          const result = choosePortfolio(state, 'claimed');
          const rubric = getRubric(state.rubricId);
          fc.pre(result.choice.n + 1 > rubric.formula.divisorMinimum);
          const kematangan = result.breakEvenMaturity + offset;
          fc.pre(kematangan >= 0 && kematangan <= 111 && Math.abs(offset) > 1e-6);
          // Act: the formula's total with that innovation added
          const { choice } = result;
          const n = choice.n + 1;
          const counted = choice.countedInnovations + 1;
          const step =
            choice.basicServiceGateMet && counted <= rubric.formula.countScoreCap
              ? rubric.formula.countScoreFactor
              : 0;
          const after =
            choice.spd + (choice.sumKematangan + kematangan) / n + choice.innovationCountScore + step;
          // Assess: under the break-even the total falls, above it the total rises
          if (result.breakEvenMaturity === 0 && offset < 0) return;
          if (offset < 0) expect(after).toBeLessThan(choice.total + 1e-9);
          else expect(after).toBeGreaterThan(choice.total - 1e-9);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});
