import { describe, expect, it } from 'vitest';
import {
  type IndicatorAnswer,
  type Level,
  type ProjectionInnovation,
  type ProjectionState,
  projectRegion,
  type SpdAnswer,
} from '../src/scoring/index.ts';
import { SID_LEVELS_80, SPD_LEVELS_45 } from './fixtures.ts';

const answers = (
  levels: Readonly<Record<string, Level>>,
  unverified: readonly string[] = [],
): Record<string, IndicatorAnswer> =>
  Object.fromEntries(
    Object.entries(levels).map(([code, level]) => [code, { level, verified: !unverified.includes(code) }]),
  );

const innovation = (id: string, overrides: Partial<ProjectionInnovation> = {}): ProjectionInnovation => ({
  id,
  opdId: 'dinkes',
  status: 'draft',
  eligible: true,
  urusan: ['kesehatan'],
  answers: answers(SID_LEVELS_80),
  sid33Basis: 'a',
  ...overrides,
});

const spdAnswers: Record<string, SpdAnswer> = Object.fromEntries(
  Object.entries(SPD_LEVELS_45).map(([code, level]) => [code, { level, verified: true }]),
);

describe('projectRegion', () => {
  it('separates the claimed score from the verified one and shows the difference as risk', () => {
    // Prepare: sid.19 (weight 2 × level 3) awaits verification
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spdAnswers,
      innovations: [innovation('a', { answers: answers(SID_LEVELS_80, ['sid.19']) })],
    };
    // Act
    const projection = projectRegion(state);
    // Assess
    expect(projection.innovations).toEqual([
      { id: 'a', opdId: 'dinkes', treatment: 'counted', kematanganClaimed: 80, kematanganVerified: 74 },
    ]);
    expect(projection.claimed.total).toBe(51.666666667);
    expect(projection.verified.total).toBe(51.166666667);
    expect(projection.claimed.index).toBe(20.67);
    expect(projection.verified.index).toBe(20.47);
    expect(projection.riskIndexPoints).toBe(0.2);
  });

  it('counts 11 empty seats with one innovation and reports the basic-service coverage', () => {
    // Act
    const projection = projectRegion({ rubricId: 'iid-2026', spd: {}, innovations: [innovation('a')] });
    // Assess
    expect(projection.n).toBe(1);
    expect(projection.divisorMinimum).toBe(12);
    expect(projection.emptySeats).toBe(11);
    expect(projection.basicServiceCoverage).toEqual({
      covered: ['kesehatan'],
      missing: ['pendidikan', 'pupr', 'perkim', 'trantibumlinmas', 'sosial'],
      required: 5,
      gateMet: false,
    });
  });

  it('treats an ineligible innovation as a would-be rejection: in n, kematangan 0', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: {},
      innovations: [
        innovation('ok'),
        innovation('old', { eligible: false }),
        innovation('ditolak', { status: 'rejected', opdId: 'disdik' }),
      ],
    };
    // Act
    const projection = projectRegion(state);
    // Assess
    expect(
      projection.innovations.map((entry) => [entry.id, entry.treatment, entry.kematanganClaimed]),
    ).toEqual([
      ['ok', 'counted', 80],
      ['old', 'ineligible', 0],
      ['ditolak', 'rejected', 0],
    ]);
    expect(projection.claimed.n).toBe(3);
    expect(projection.claimed.countedInnovations).toBe(1);
  });

  it('splits the average-maturity term per OPD in index points', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: {},
      innovations: [
        innovation('a'),
        innovation('b', { answers: answers(SID_LEVELS_80, ['sid.35', 'sid.16']) }),
        innovation('c', { opdId: 'disdik', urusan: ['pendidikan'] }),
        innovation('d', { opdId: 'disdik', status: 'rejected' }),
      ],
    };
    // Act
    const projection = projectRegion(state);
    // Assess: 80 / 12 / 250 × 100 = 2.6666… points per innovation of kematangan 80
    expect(projection.opdContributions).toEqual([
      {
        opdId: 'dinkes',
        innovations: 2,
        counted: 2,
        notCounted: 0,
        kematanganClaimed: 160,
        kematanganVerified: 157,
        indexPointsClaimed: 5.333333333,
        indexPointsVerified: 5.233333333,
      },
      {
        opdId: 'disdik',
        innovations: 2,
        counted: 1,
        notCounted: 1,
        kematanganClaimed: 80,
        kematanganVerified: 80,
        indexPointsClaimed: 2.666666667,
        indexPointsVerified: 2.666666667,
      },
    ]);
  });

  it('derives quantitative SPD levels from figures and gates them on verification', () => {
    // Prepare: investment +120% → level 3 × 1.5; BPK WTP → level 3 × 1.5, not yet verified
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: {
        'spd.6': { figures: { t1: 220, t2: 100 }, verified: true },
        'spd.8': { figures: { grade: 'WTP' }, verified: false },
      },
      innovations: [],
    };
    // Act
    const projection = projectRegion(state);
    // Assess
    expect(projection.claimed.spd).toBe(9);
    expect(projection.verified.spd).toBe(4.5);
  });

  it('tells the distance to the next predicate on both bases', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spdAnswers,
      innovations: Array.from({ length: 12 }, (_, position) =>
        innovation(`i${position}`, {
          urusan: [['pendidikan', 'kesehatan', 'pupr', 'perkim', 'sosial'][position % 5] ?? ''],
        }),
      ),
    };
    // Act
    const projection = projectRegion(state);
    // Assess
    expect(projection.verified.index).toBe(51.82);
    expect(projection.verified.distanceToNextBand).toEqual({
      predicate: 'Inovatif',
      nextPredicate: 'Sangat Inovatif',
      pointsNeeded: 13.19,
    });
  });
});
