import { describe, expect, it } from 'vitest';
import {
  advise,
  applyMove,
  EFFORT,
  type IndicatorAnswer,
  type Level,
  type Move,
  type ProjectionInnovation,
  type ProjectionState,
  projectRegion,
} from '../src/scoring/index.ts';
import { FIVE_BASIC_SERVICES, SID_LEVELS_80, SPD_LEVELS_45 } from './fixtures.ts';

const verifiedAnswers = (levels: Readonly<Record<string, Level>>): Record<string, IndicatorAnswer> =>
  Object.fromEntries(Object.entries(levels).map(([code, level]) => [code, { level, verified: true }]));

const spd45 = verifiedAnswers(SPD_LEVELS_45);
const spd63 = Object.fromEntries(
  Object.keys(SPD_LEVELS_45).map((code) => [code, { level: 3 as const, verified: true }]),
);

const innovation = (id: string, overrides: Partial<ProjectionInnovation> = {}): ProjectionInnovation => ({
  id,
  opdId: 'dinkes',
  status: 'draft',
  eligible: true,
  urusan: ['kesehatan'],
  answers: verifiedAnswers(SID_LEVELS_80),
  sid33Basis: 'a',
  ...overrides,
});

/** Twelve innovations of kematangan 80 covering five basic-service urusan: the worked example. */
const fullRegion = (): ProjectionInnovation[] =>
  Array.from({ length: 12 }, (_, position) =>
    innovation(`i${position}`, { urusan: [FIVE_BASIC_SERVICES[position % 5] ?? 'kesehatan'] }),
  );

const recomputedGain = (state: ProjectionState, move: Move): number => {
  const before = projectRegion(state).verified.index;
  const after = projectRegion(applyMove(state, move)).verified.index;
  return Math.round((after - before) * 100) / 100;
};

describe('advise', () => {
  it('proposes filling an empty seat with a minimal new innovation, gain recomputed', () => {
    // Prepare: 11 innovations of the worked example leave one seat empty
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spd45,
      innovations: fullRegion().slice(0, 11),
    };
    // Act
    const seat = advise(state, { limit: 1000 }).find((move) => move.kind === 'fill_empty_seat');
    // Assess: 45 + 880/12 + 11 × 0.38 = 122.51 → 49.01; the new innovation has the five mandatory
    // indicators at level 1 (3 + 2 + 2 + 3 + 4 = 14): 45 + 894/12 + 12 × 0.38 = 124.06 → 49.62
    expect(seat).toMatchObject({ kind: 'fill_empty_seat', emptySeats: 1, effort: EFFORT.newInnovation });
    expect(seat?.indexBefore).toBe(49.01);
    expect(seat?.indexAfter).toBe(49.62);
    expect(seat?.indexGain).toBe(0.61);
    expect(seat && recomputedGain(state, seat)).toBe(0.61);
  });

  it('proposes covering the missing basic-service urusan when the gate is closed', () => {
    // Prepare: 12 innovations all in kesehatan; new ones assumed as mature as the existing ones
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spd63,
      innovations: fullRegion().map((entry) => ({ ...entry, urusan: ['kesehatan'] })),
    };
    // Act
    const [best] = advise(state, { newInnovation: { levels: SID_LEVELS_80, sid33Basis: 'a' } });
    // Assess: four more urusan open the count score: 63 + 80 + 16 × 0.38 = 149.08 → 59.63 (from 57.2)
    expect(best).toMatchObject({
      kind: 'cover_basic_service',
      urusan: ['pendidikan', 'pupr', 'perkim', 'trantibumlinmas'],
      effort: 4 * EFFORT.newInnovation,
      indexBefore: 57.2,
      indexAfter: 59.63,
      indexGain: 2.43,
    });
    expect(best?.message_id).toContain('Pendidikan, Pekerjaan Umum dan Penataan Ruang');
    expect(best && recomputedGain(state, best)).toBe(best?.indexGain);
  });

  it('names the evidence the target level asks for, from the rubric', () => {
    // Prepare
    const state: ProjectionState = { rubricId: 'iid-2026', spd: {}, innovations: fullRegion() };
    // Act
    const moves = advise(state, { limit: 1000 });
    const video = moves.find(
      (move) => move.kind === 'lift_indicator' && move.code === 'sid.35' && move.toLevel === 3,
    );
    // Assess: video 1 → 3 adds 8 kematangan to one of 12 innovations: 0.67 of average, 0.27 index points
    expect(video).toMatchObject({
      kind: 'lift_indicator',
      innovationId: 'i0',
      fromLevel: 1,
      toLevel: 3,
      levelText: 'Video memuat kelima unsur substansi',
      effort: 2,
      indexGain: 0.27,
    });
    expect(video?.kind === 'lift_indicator' && video.evidence.fileKinds).toEqual([
      'mp4',
      'video_link',
      'jpg',
      'png',
    ]);
    expect(video?.message_id).toContain('Video paling lama 5 menit');
  });

  it('reads sid.33 evidence from the innovation’s own basis', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: {},
      innovations: [
        innovation('a', { answers: verifiedAnswers({ ...SID_LEVELS_80, 'sid.33': 1 }), sid33Basis: 'e' }),
      ],
    };
    // Act
    const move = advise(state, { limit: 1000 }).find(
      (candidate) =>
        candidate.kind === 'lift_indicator' && candidate.code === 'sid.33' && candidate.toLevel === 3,
    );
    // Assess
    expect(move).toMatchObject({ sid33Basis: 'e', levelText: 'Lebih dari 200 produk' });
  });

  it('proposes fixing an ineligible draft, never withdrawing it, since it is outside n until fixed', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spd45,
      innovations: [...fullRegion(), innovation('lama', { eligible: false })],
    };
    // Act
    const moves = advise(state, { limit: 1000 });
    const fix = moves.find((move) => move.kind === 'fix_ineligible_draft');
    // Assess: the draft is withheld, so the index is the 12 innovations' 51.82 (decision 6);
    // fixing makes it count: 45 + 1040/13 + 13 × 0.38 = 129.94 → 51.98
    expect(moves.some((move) => (move.kind as string) === 'drop_ineligible_draft')).toBe(false);
    expect(fix).toMatchObject({
      innovationId: 'lama',
      effort: EFFORT.fixDraft,
      indexBefore: 51.82,
      indexAfter: 51.98,
    });
  });

  it('offers completing all mandatory indicators at once where no single lift moves the verified index', () => {
    // Prepare: i0 lacks sid.16 and has its video claimed without accepted evidence
    const [first, ...rest] = fullRegion();
    if (first === undefined) throw new Error('no innovation');
    const { 'sid.16': _unanswered, ...answers } = first.answers;
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spd45,
      innovations: [{ ...first, answers: { ...answers, 'sid.35': { level: 1, verified: false } } }, ...rest],
    };
    // Act
    const moves = advise(state, { limit: 1000 });
    const complete = moves.find((move) => move.kind === 'complete_mandatory');
    // Assess: i0 at 0 gives 45 + 880/12 + 11 × 0.38 → 49.01; complete, it counts 80 again → 51.82
    expect(complete).toMatchObject({
      innovationId: 'i0',
      indexBefore: 49.01,
      indexAfter: 51.82,
      mandatory: [
        { code: 'sid.16', toLevel: 1 },
        { code: 'sid.35', toLevel: 1 },
      ],
      effort: EFFORT.perLevelStep + EFFORT.verifyClaim,
    });
    expect(complete && recomputedGain(state, complete)).toBe(complete?.indexGain);
    expect(complete?.message_id).toContain('"Video inovasi daerah"');
  });

  it('offers getting claimed evidence verified as a cheap move', () => {
    // Prepare: innovation i0 claims sid.31 at level 2 without accepted evidence
    const innovations = fullRegion();
    const [first, ...rest] = innovations;
    if (first === undefined) throw new Error('no innovation');
    const pending = {
      ...first,
      answers: { ...first.answers, 'sid.31': { level: 2 as const, verified: false } },
    };
    const state: ProjectionState = { rubricId: 'iid-2026', spd: {}, innovations: [pending, ...rest] };
    // Act
    const moves = advise(state, { limit: 1000 });
    const verify = moves.find(
      (move) =>
        move.kind === 'lift_indicator' &&
        move.innovationId === 'i0' &&
        move.code === 'sid.31' &&
        move.toLevel === 2,
    );
    // Assess
    expect(verify).toMatchObject({ fromLevel: 0, effort: EFFORT.verifyClaim });
    expect(
      moves.some(
        (move) =>
          move.kind === 'lift_indicator' &&
          move.code === 'sid.31' &&
          move.toLevel === 1 &&
          move.innovationId === 'i0',
      ),
    ).toBe(false);
  });

  it('ranks by gain, then by effort, and only lists moves that raise the index', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: { 'spd.12': { level: 1, verified: true } },
      innovations: fullRegion(),
    };
    // Act
    const moves = advise(state, { limit: 1000 });
    // Assess
    expect(moves.length).toBeGreaterThan(100);
    for (const [position, move] of moves.entries()) {
      expect(move.exactGain).toBeGreaterThan(0);
      const next = moves[position + 1];
      if (next === undefined) continue;
      expect(move.exactGain).toBeGreaterThanOrEqual(next.exactGain - 1e-9);
      if (Math.abs(move.exactGain - next.exactGain) <= 1e-9)
        expect(move.effort).toBeLessThanOrEqual(next.effort);
    }
    expect(moves[0]).toMatchObject({
      kind: 'lift_spd_row',
      code: 'spd.12',
      fromLevel: 1,
      toLevel: 3,
      indexGain: 1.6,
    });
    expect(advise(state)).toHaveLength(25);
  });

  it('can advise on the claimed score instead', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: {},
      innovations: [innovation('a', { answers: { 'sid.35': { level: 2, verified: false } } })],
    };
    // Act
    const claimedMoves = advise(state, { basis: 'claimed', limit: 1000 });
    // Assess: on the claimed basis the video already counts at 2, so the next step is 2 → 3
    const video = claimedMoves.filter((move) => move.kind === 'lift_indicator' && move.code === 'sid.35');
    expect(video.map((move) => move.kind === 'lift_indicator' && [move.fromLevel, move.toLevel])).toEqual([
      [2, 3],
    ]);
  });
});
