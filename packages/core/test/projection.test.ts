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
      {
        id: 'a',
        opdId: 'dinkes',
        treatment: 'counted',
        kematanganClaimed: 80,
        kematanganVerified: 74,
        mandatoryGaps: [],
        verifiedReason: null,
      },
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

  it('leaves an ineligible draft out of the divisor until it is fixed (decision 6)', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: {},
      innovations: [
        innovation('ok'),
        innovation('old', { eligible: false }),
        innovation('ditolak', { status: 'rejected', opdId: 'disdik' }),
        innovation('terkirim', { eligible: false, status: 'sent' }),
      ],
    };
    // Act
    const projection = projectRegion(state);
    // Assess: the draft is outside n; the rejected one and the ineligible one already sent are in n at 0
    expect(
      projection.innovations.map((entry) => [entry.id, entry.treatment, entry.kematanganClaimed]),
    ).toEqual([
      ['ok', 'counted', 80],
      ['old', 'ineligible', 0],
      ['ditolak', 'rejected', 0],
      ['terkirim', 'ineligible', 0],
    ]);
    expect(projection.claimed.n).toBe(3);
    expect(projection.claimed.countedInnovations).toBe(1);
    expect(projection.innovations[1]?.verifiedReason?.message_id).toContain('Belum memenuhi syarat');
  });

  it('shows beside the projection what sending the ineligible drafts as they are would cost', () => {
    // Prepare: the worked example (12 × 80, SPD 45, five urusan: 51.82) plus one ineligible draft
    const urusan = ['pendidikan', 'kesehatan', 'pupr', 'perkim', 'sosial'];
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spdAnswers,
      innovations: [
        ...Array.from({ length: 12 }, (_, position) =>
          innovation(`i${position}`, { urusan: [urusan[position % 5] ?? 'kesehatan'] }),
        ),
        innovation('lama', { eligible: false }),
      ],
    };
    // Act
    const projection = projectRegion(state);
    // Assess: withheld, the index stays 51.82; sent as it is the draft is rejected and joins n:
    // 45 + 960/13 + 12 × 0.38 = 123.41 → 49.36
    expect(projection.claimed.index).toBe(51.82);
    expect(projection.n).toBe(12);
    expect(projection.ifIneligibleSent).toEqual({
      drafts: 1,
      claimedIndex: 49.36,
      verifiedIndex: 49.36,
      claimedCost: 2.46,
      verifiedCost: 2.46,
    });
  });

  it('holds an innovation at 0 in the verified view until its mandatory indicators are accepted', () => {
    // Prepare: the worked example, where the only sosial innovation's video (sid.35, mandatory)
    // is claimed without accepted evidence and its sid.16 is not answered at all
    const urusan = ['pendidikan', 'kesehatan', 'pupr', 'perkim', 'sosial'];
    const { 'sid.16': _unanswered, ...withoutRegulation } = SID_LEVELS_80;
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: spdAnswers,
      innovations: Array.from({ length: 12 }, (_, position) =>
        innovation(`i${position}`, {
          urusan: [position === 4 ? 'sosial' : (urusan[position % 4] ?? 'kesehatan')],
          ...(position === 4 ? { answers: answers(withoutRegulation, ['sid.35']) } : {}),
        }),
      ),
    };
    // Act
    const projection = projectRegion(state);
    // Assess: claimed 45 + 957/12 + 4.56 = 129.31 → 51.72; verified, the innovation is in n at 0,
    // out of the count score and of the basic-service gate (4 of 5 urusan): 45 + 880/12 → 47.33
    expect(projection.claimed.index).toBe(51.72);
    expect(projection.verified.index).toBe(47.33);
    expect(projection.verified).toMatchObject({
      n: 12,
      countedInnovations: 11,
      rejectedInnovations: 1,
      sumKematangan: 880,
      basicServicesCovered: ['pendidikan', 'kesehatan', 'pupr', 'perkim'],
      basicServiceGateMet: false,
      innovationCountScore: 0,
    });
    const held = projection.innovations[4];
    expect(held).toMatchObject({ treatment: 'counted', kematanganVerified: 0 });
    expect(held?.mandatoryGaps).toEqual([
      { code: 'sid.16', name: expect.any(String), state: 'unanswered' },
      { code: 'sid.35', name: 'Video inovasi daerah', state: 'not_accepted' },
    ]);
    expect(held?.verifiedReason?.message_id).toContain(
      '"Video inovasi daerah" data dukungnya belum diterima',
    );
    expect(held?.verifiedReason?.message_id).not.toContain('sid.');
  });

  it('splits the average-maturity term per OPD in index points', () => {
    // Prepare
    const state: ProjectionState = {
      rubricId: 'iid-2026',
      spd: {},
      innovations: [
        innovation('a'),
        innovation('b', { answers: answers(SID_LEVELS_80, ['sid.34', 'sid.20']) }),
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
        kematanganVerified: 155,
        indexPointsClaimed: 5.333333333,
        indexPointsVerified: 5.166666667,
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
