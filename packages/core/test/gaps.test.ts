import { describe, expect, it } from 'vitest';
import {
  type GapInnovation,
  gapAnalysis,
  gapStateOf,
  type IndicatorEvidence,
  indicatorEvidence,
} from '../src/index.ts';
import { getRubric } from '../src/scoring/index.ts';

const rubric = getRubric('iid-2026');
const codes = rubric.sidIndicators.map((indicator) => indicator.code);

/** A checklist whose states are given per code; every other indicator is not answered. */
function checklist(
  states: Readonly<Record<string, [IndicatorEvidence['state'], number]>>,
): IndicatorEvidence[] {
  return rubric.sidIndicators.map((indicator) => {
    const [state, level] = states[indicator.code] ?? ['not_answered', 0];
    return {
      code: indicator.code,
      name: indicator.name,
      mandatory: indicator.mandatory,
      level,
      attached: [],
      missing: [],
      state,
    };
  });
}

const innovation = (
  id: string,
  opdId: string,
  states: Readonly<Record<string, [IndicatorEvidence['state'], number]>>,
  extra: Partial<GapInnovation> = {},
): GapInnovation => ({
  id,
  name: `Inovasi ${id}`,
  opdId,
  status: 'draft',
  checklist: checklist(states),
  ...extra,
});

describe('gapStateOf', () => {
  it('maps every checklist state to one of the five gaps', () => {
    expect(
      (
        [
          'not_answered',
          'missing_evidence',
          'awaiting_intake',
          'awaiting_verification',
          'returned',
          'verified',
        ] as const
      ).map(gapStateOf),
    ).toEqual(['empty', 'no_evidence', 'waiting', 'waiting', 'returned', 'accepted']);
  });

  it('reads a returned answer as returned even with nothing attached', () => {
    // Prepare: an answer the verifier sent back, built by the same checklist code the screens use
    const indicator = rubric.sidIndicators[0];
    if (!indicator) throw new Error('empty rubric');
    const view = indicatorEvidence(
      rubric,
      indicator,
      {
        level: 2,
        review: { status: 'returned', note: 'SK belum ditandatangani', by: 'v1', at: '2026-05-01T00:00:00Z' },
      },
      [],
      2026,
    );
    // Act / Assess
    expect(gapStateOf(view.state)).toBe('returned');
  });
});

describe('gapAnalysis', () => {
  it('counts a state per innovation × indicator, per indicator, per OPD and for the region', () => {
    // Prepare: two innovations of one OPD, one of another; 20 indicators each = 60 cells
    const innovations = [
      innovation('a', 'opd-1', {
        'sid.16': ['verified', 3],
        'sid.17': ['missing_evidence', 1],
        'sid.18': ['returned', 2],
      }),
      innovation('b', 'opd-1', { 'sid.16': ['awaiting_verification', 2] }),
      innovation('c', 'opd-2', Object.fromEntries(codes.map((code) => [code, ['verified', 1] as const]))),
    ];
    // Act
    const gaps = gapAnalysis(
      rubric,
      2026,
      innovations,
      new Map([
        ['opd-1', 'Dinas Kesehatan'],
        ['opd-2', 'Dinas Pendidikan'],
      ]),
    );
    // Assess
    expect(gaps.rubricId).toBe('iid-2026');
    const [a, b] = gaps.innovations;
    expect(a?.cells.slice(0, 4)).toEqual(['accepted', 'no_evidence', 'returned', 'empty']);
    expect(b?.cells[0]).toBe('waiting');
    expect(gaps.indicators[0]).toMatchObject({
      code: 'sid.16',
      counts: { accepted: 2, waiting: 1, empty: 0, total: 3, emptyPercent: 0 },
    });
    // 17 + 19 empty cells of 60: 60%
    expect(gaps.region).toMatchObject({ empty: 36, no_evidence: 1, returned: 1, waiting: 1, accepted: 21 });
    expect(gaps.region.total).toBe(60);
    expect(gaps.region.emptyPercent).toBe(60);
    expect(gaps.region.noEvidencePercent).toBe(1.67);
    // The OPD with the most left to fill first, named
    expect(
      gaps.opds.map((opd) => [opd.name, opd.innovations, opd.counts.empty, opd.counts.emptyPercent]),
    ).toEqual([
      ['Dinas Kesehatan', 2, 36, 90],
      ['Dinas Pendidikan', 1, 0, 0],
    ]);
    // The OPD × indicator map: Dinas Kesehatan's sid.16 is one accepted and one waiting
    expect(gaps.opds[0]?.cells).toHaveLength(20);
    expect(gaps.opds[0]?.cells[0]).toMatchObject({ accepted: 1, waiting: 1, total: 2 });
    expect(gaps.opds[0]?.cells[3]).toMatchObject({ empty: 2, total: 2, emptyPercent: 100 });
  });

  it('gives the ministry’s share with two decimals: 4.26% of 1,880 cells is 80 empty', () => {
    // Prepare: 94 innovations × 20 indicators; 80 cells left empty across them
    let left = 80;
    const innovations = Array.from({ length: 94 }, (_, index) => {
      const empty = Math.min(left, 1);
      left -= empty;
      return innovation(
        `i${index}`,
        'opd-1',
        Object.fromEntries(codes.slice(empty).map((code) => [code, ['verified', 1] as const])),
      );
    });
    // Act
    const { region } = gapAnalysis(rubric, 2026, innovations, new Map());
    // Assess
    expect(region.empty).toBe(80);
    expect(region.emptyPercent).toBe(4.26);
  });

  it('puts our kematangan, claimed and verified, beside the national one when recorded', () => {
    // Prepare: sid.16 (weight 3) accepted at 3, sid.17 claimed at 2 but returned
    const weight = (code: string) =>
      rubric.sidIndicators.find((indicator) => indicator.code === code)?.weight ?? 0;
    const innovations = [
      innovation(
        'a',
        'opd-1',
        { 'sid.16': ['verified', 3], 'sid.17': ['returned', 2] },
        { nationalKematangan: 9 },
      ),
      innovation('b', 'opd-1', {}),
    ];
    // Act
    const [a, b] = gapAnalysis(rubric, 2026, innovations, new Map()).innovations;
    // Assess
    expect(a?.kematangan).toEqual({
      claimed: weight('sid.16') * 3 + weight('sid.17') * 2,
      verified: weight('sid.16') * 3,
    });
    expect(a?.nationalKematangan).toBe(9);
    expect(b?.kematangan).toEqual({ claimed: 0, verified: 0 });
    expect(b && 'nationalKematangan' in b).toBe(false);
  });

  it('counts an indicator the checklist lacks as empty, so the share’s divisor is the rubric’s', () => {
    // Prepare: a checklist with only its first indicator
    const partial: GapInnovation = {
      id: 'p',
      name: 'Sebagian',
      opdId: 'opd-1',
      status: 'draft',
      checklist: checklist({ 'sid.16': ['verified', 1] }).slice(0, 1),
    };
    // Act
    const { region } = gapAnalysis(rubric, 2026, [partial], new Map());
    // Assess
    expect(region).toMatchObject({ total: 20, empty: 19, accepted: 1, emptyPercent: 95 });
  });

  it('reports an empty period as nothing to fill rather than dividing by zero', () => {
    const gaps = gapAnalysis(rubric, 2026, [], new Map());
    expect(gaps.region).toMatchObject({ total: 0, emptyPercent: 0, noEvidencePercent: 0 });
    expect(gaps.indicators).toHaveLength(20);
    expect(gaps.opds).toEqual([]);
  });
});
