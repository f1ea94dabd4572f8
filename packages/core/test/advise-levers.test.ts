import { describe, expect, it } from 'vitest';
import {
  adviseWithLevers,
  EFFORT,
  getRubric,
  type IndicatorAnswer,
  type Level,
  type ProjectionInnovation,
  type ProjectionState,
  projectRegion,
} from '../src/scoring/index.ts';
import { FIVE_BASIC_SERVICES, SID_LEVELS_80, SPD_LEVELS_45 } from './fixtures.ts';

const verifiedAnswers = (levels: Readonly<Record<string, Level>>): Record<string, IndicatorAnswer> =>
  Object.fromEntries(Object.entries(levels).map(([code, level]) => [code, { level, verified: true }]));

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

/** Twelve innovations of kematangan 80 (sid.16 at level 1, sid.23 at level 3) over five urusan. */
const fullRegion = (): ProjectionInnovation[] =>
  Array.from({ length: 12 }, (_, position) =>
    innovation(`i${position}`, { urusan: [FIVE_BASIC_SERVICES[position % 5] ?? 'kesehatan'] }),
  );

/** The state with `code` set to `level` (accepted) on the named innovations, built by hand. */
const lifted = (
  state: ProjectionState,
  ids: readonly string[],
  code: string,
  level: Level,
): ProjectionState => ({
  ...state,
  innovations: state.innovations.map((entry) =>
    ids.includes(entry.id)
      ? { ...entry, answers: { ...entry.answers, [code]: { level, verified: true } } }
      : entry,
  ),
});

describe('adviseWithLevers', () => {
  it('marks in the rubric the levels one regional regulation or decree can reach', () => {
    // Prepare
    const rubric = getRubric('iid-2026');
    // Act
    const marked = rubric.sidIndicators.flatMap((indicator) =>
      (indicator.regionWide ?? []).map((document) => `${indicator.code}@${document.level}`),
    );
    // Assess
    expect(marked).toEqual(['sid.16@1', 'sid.16@2', 'sid.16@3', 'sid.23@3']);
    expect(
      getRubric('iid-2027-provisional').sidIndicators.find((i) => i.code === 'sid.16')?.regionWide,
    ).toEqual(rubric.sidIndicators.find((i) => i.code === 'sid.16')?.regionWide);
  });

  it('makes one Perbup/Perwali lifting an indicator for every innovation one move with the re-projected gain', () => {
    // Prepare: all twelve innovations answer "Regulasi Inovasi Daerah" (weight 3) with an SK, level 1
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: verifiedAnswers(SPD_LEVELS_45),
      innovations: fullRegion(),
    };
    const ids = state.innovations.map((entry) => entry.id);
    // Act
    const { levers } = adviseWithLevers(state);
    // Assess: a Perkada lifts each by 3 kematangan points (average +3): 45 + 83 + 4.56 → 53.02;
    // a Perda juncto SK by 6: 45 + 86 + 4.56 → 54.22
    expect(levers.map((lever) => [lever.code, lever.toLevel, lever.innovationIds.length])).toEqual([
      ['sid.16', 3, 12],
      ['sid.16', 2, 12],
    ]);
    const perkada = levers.find((lever) => lever.toLevel === 2);
    expect(perkada).toMatchObject({
      kind: 'region_wide_document',
      indexBefore: 51.82,
      indexAfter: 53.02,
      indexGain: 1.2,
      effort: EFFORT.regionWideDocument,
      levelText: 'Peraturan Kepala Daerah (Perkada)',
    });
    expect(perkada?.document_id).toContain('Perbup/Perwali');
    expect(perkada?.message_id).toContain('12 inovasi sekaligus');
    expect(perkada?.message_id).toContain('Data dukung: Halaman depan Perkada');
    expect(perkada?.action_en).toBe(
      'Issue a regional head’s regulation (Perbup/Perwali) naming each innovation: "Regulasi Inovasi Daerah" rises to level 2 for 12 innovations at once.',
    );
    for (const lever of levers) {
      const withAll = projectRegion(lifted(state, ids, lever.code, lever.toLevel)).verified.index;
      expect(lever.indexAfter).toBe(withAll);
      expect(lever.indexGain).toBe(Math.round((withAll - projectRegion(state).verified.index) * 100) / 100);
    }
  });

  it('lists no innovation’s lift twice: what a lever does leaves the per-innovation moves', () => {
    // Prepare
    const state: ProjectionState = { rubricId: 'iid-2026', spd: {}, innovations: fullRegion() };
    // Act
    const { levers, moves } = adviseWithLevers(state, { limit: 1000 });
    // Assess: sid.16 to 2 and 3 is in the levers for all twelve; other indicators stay per innovation
    expect(levers).toHaveLength(2);
    expect(moves.filter((move) => move.kind === 'lift_indicator' && move.code === 'sid.16')).toEqual([]);
    expect(moves.some((move) => move.kind === 'lift_indicator' && move.code === 'sid.35')).toBe(true);
  });

  it('lifts only the innovations below the level, counts accepted evidence only, and sums a mandatory gate', () => {
    // Prepare: i0 and i1 claim sid.16 without accepted evidence, so the verified view holds them at 0;
    // i2 has it accepted; sid.23 of i3 and i4 is at level 1
    const innovations = fullRegion().map((entry) => {
      if (entry.id === 'i0' || entry.id === 'i1')
        return { ...entry, answers: { ...entry.answers, 'sid.16': { level: 1 as const, verified: false } } };
      if (entry.id === 'i3' || entry.id === 'i4')
        return { ...entry, answers: { ...entry.answers, 'sid.23': { level: 1 as const, verified: true } } };
      return entry;
    });
    const state: ProjectionState = { rubricId: 'iid-2026', spd: {}, innovations };
    // Act
    const { levers, moves } = adviseWithLevers(state, { limit: 1000 });
    // Assess: one SK accepted for i0 and i1 brings both back into the verified score at 80 each
    const sk = levers.find((lever) => lever.code === 'sid.16' && lever.toLevel === 1);
    expect(sk?.innovationIds).toEqual(['i0', 'i1']);
    const withBoth = projectRegion(lifted(state, ['i0', 'i1'], 'sid.16', 1)).verified.index;
    expect(sk?.indexAfter).toBe(withBoth);
    const alone = (id: string) =>
      moves.find(
        (move) => move.kind === 'lift_indicator' && move.innovationId === id && move.code === 'sid.16',
      );
    expect(alone('i0')).toBeUndefined();
    const team = levers.find((lever) => lever.code === 'sid.23');
    expect(team).toMatchObject({ toLevel: 3, innovationIds: ['i3', 'i4'] });
    expect(team?.indexAfter).toBe(projectRegion(lifted(state, ['i3', 'i4'], 'sid.23', 3)).verified.index);
    // sid.23 to level 2 is a Kepala Perangkat Daerah's letter, one per OPD: still per innovation
    expect(
      moves
        .filter((move) => move.kind === 'lift_indicator' && move.code === 'sid.23')
        .map((move) => move.kind === 'lift_indicator' && move.toLevel),
    ).toEqual([2, 2]);
  });

  it('needs two innovations for a lever and leaves ineligible drafts out', () => {
    // Prepare: only i0 lacks sid.23 level 3 among those counted; the ineligible draft lacks it too
    const [first, ...rest] = fullRegion();
    if (first === undefined) throw new Error('no innovation');
    const low = { ...first.answers, 'sid.23': { level: 1 as const, verified: true } };
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: {},
      innovations: [
        { ...first, answers: low },
        ...rest,
        innovation('draf', { eligible: false, answers: low }),
      ],
    };
    // Act
    const { levers, moves } = adviseWithLevers(state, { limit: 1000 });
    // Assess
    expect(levers.some((lever) => lever.code === 'sid.23')).toBe(false);
    expect(
      moves.some(
        (move) => move.kind === 'lift_indicator' && move.code === 'sid.23' && move.innovationId === 'i0',
      ),
    ).toBe(true);
  });

  it('keeps the evidence text out of each move’s action, so a list can state it once', () => {
    // Prepare
    const state: ProjectionState = { rubricId: 'iid-2026', spd: {}, innovations: fullRegion() };
    // Act
    const { moves } = adviseWithLevers(state, { limit: 1000 });
    const video = moves.find((move) => move.kind === 'lift_indicator' && move.code === 'sid.35');
    // Assess
    expect(video?.message_id).toContain('Video paling lama 5 menit');
    expect(video?.action_id).not.toContain('Data dukung');
    expect(video?.message_id.startsWith(video?.action_id ?? '?')).toBe(true);
  });
});
