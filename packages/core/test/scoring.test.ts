import { describe, expect, it } from 'vitest';
import {
  computeRegionalIndex,
  distanceToNextBand,
  divisorFor,
  getRubric,
  historicalPredicate,
  innovationCountScore,
  kematanganTotal,
  predicateFor,
  type RegionalInnovation,
  roundHalfUp,
  roundIndex,
  rowScore,
  scoreKematangan,
} from '../src/scoring/index.ts';
import { FIVE_BASIC_SERVICES, SID_LEVELS_80, urusanFor } from './fixtures.ts';

const rubric = getRubric('iid-2026');
const { formula } = rubric;

const sentInnovations = (count: number, kematangan: number, covered = 5): RegionalInnovation[] =>
  Array.from({ length: count }, (_, position) => ({
    status: 'sent',
    kematangan,
    urusan: urusanFor(position, covered),
  }));

describe('row score', () => {
  it('is weight × level', () => {
    // Act / Assess
    expect(rowScore(0.75, 3)).toBe(2.25);
    expect(rowScore(4, 0)).toBe(0);
  });

  it('refuses a level outside 0–3', () => {
    // Act / Assess
    expect(() => rowScore(1, 4 as never)).toThrow(RangeError);
  });
});

describe('kematangan of one innovation', () => {
  it('sums the SID rows, 80 for the fixture and 111 at most', () => {
    // Prepare
    const allThree = Object.fromEntries(
      rubric.sidIndicators.map((indicator) => [indicator.code, 3 as const]),
    );
    // Act
    const fixture = scoreKematangan(rubric, { levels: SID_LEVELS_80, sid33Basis: 'a' });
    const maximum = kematanganTotal(rubric, { levels: allThree, sid33Basis: 'f' });
    // Assess
    expect(fixture.total).toBe(80);
    expect(fixture.sid33Basis).toBe('a');
    expect(maximum).toBe(111);
  });

  it('treats missing codes as level 0', () => {
    // Act / Assess
    expect(kematanganTotal(rubric, { levels: { 'sid.35': 2 } })).toBe(8);
  });

  it('does not count a sid.33 level that has no basis, and says why', () => {
    // Act
    const result = scoreKematangan(rubric, { levels: { 'sid.33': 3, 'sid.16': 1 } });
    // Assess
    expect(result.total).toBe(3);
    expect(result.rows.find((row) => row.code === 'sid.33')).toEqual({
      code: 'sid.33',
      weight: 3,
      level: 0,
      score: 0,
      unscoredReason: 'sid33_basis_missing',
    });
  });
});

describe('regional index, formula 4.2 (worked example of iid-model.md)', () => {
  it('SPD 45 + 12 innovations of kematangan 80 with 5 basic-service urusan → 51.82, Inovatif', () => {
    // Act
    const result = computeRegionalIndex(rubric, { spd: 45, innovations: sentInnovations(12, 80) });
    // Assess
    expect(result).toMatchObject({
      averageMaturity: 80,
      innovationCountScore: 4.56,
      sid: 84.56,
      total: 129.56,
      index: 51.82,
      predicate: 'Inovatif',
      divisor: 12,
      basicServicesCovered: [...FIVE_BASIC_SERVICES],
      basicServiceGateMet: true,
    });
  });

  it('the same region with 200 such innovations → 80.4, Sangat Inovatif', () => {
    // Act
    const result = computeRegionalIndex(rubric, { spd: 45, innovations: sentInnovations(200, 80) });
    // Assess
    expect(result).toMatchObject({ innovationCountScore: 76, sid: 156, total: 201, index: 80.4 });
    expect(result.predicate).toBe('Sangat Inovatif');
  });

  it('with only 4 basic-service urusan the count score is 0', () => {
    // Act
    const result = computeRegionalIndex(rubric, { spd: 45, innovations: sentInnovations(12, 80, 4) });
    // Assess
    expect(result.innovationCountScore).toBe(0);
    expect(result.basicServiceGateMet).toBe(false);
    expect(result.index).toBe(50);
  });

  it('caps the innovation count at 200', () => {
    // Act
    const at200 = computeRegionalIndex(rubric, { spd: 0, innovations: sentInnovations(200, 0) });
    const at260 = computeRegionalIndex(rubric, { spd: 0, innovations: sentInnovations(260, 0) });
    // Assess
    expect(at200.innovationCountScore).toBe(76);
    expect(at260.innovationCountScore).toBe(76);
    expect(innovationCountScore(formula, 201, 5)).toBe(76);
  });

  it('divides by at least 12: five innovations leave seven empty seats', () => {
    // Act
    const result = computeRegionalIndex(rubric, { spd: 0, innovations: sentInnovations(5, 96) });
    // Assess
    expect(result.divisor).toBe(12);
    expect(result.emptySeats).toBe(7);
    expect(result.averageMaturity).toBe(40);
    expect(divisorFor(formula, 30)).toBe(30);
  });

  it('keeps rejected innovations in n with kematangan 0, out of the count and the gate', () => {
    // Prepare
    const innovations: RegionalInnovation[] = [
      ...sentInnovations(10, 90, 4),
      { status: 'rejected', kematangan: 111, urusan: ['trantibumlinmas'] },
      { status: 'rejected', kematangan: 111, urusan: ['trantibumlinmas'] },
      { status: 'rejected', kematangan: 111, urusan: ['trantibumlinmas'] },
    ];
    // Act
    const result = computeRegionalIndex(rubric, { spd: 30, innovations });
    // Assess
    expect(result.n).toBe(13);
    expect(result.divisor).toBe(13);
    expect(result.sumKematangan).toBe(900);
    expect(result.countedInnovations).toBe(10);
    expect(result.rejectedInnovations).toBe(3);
    expect(result.basicServicesCovered).toEqual(['pendidikan', 'kesehatan', 'pupr', 'perkim']);
    expect(result.innovationCountScore).toBe(0);
  });

  it('counts an innovation with several urusan towards each of them', () => {
    // Act
    const result = computeRegionalIndex(rubric, {
      spd: 0,
      innovations: [{ status: 'sent', kematangan: 0, urusan: [...FIVE_BASIC_SERVICES, 'pariwisata'] }],
    });
    // Assess
    expect(result.basicServicesCovered).toEqual([...FIVE_BASIC_SERVICES]);
    expect(result.innovationCountScore).toBe(0.38);
  });

  it('applies the 2027 prognosis: divisor 14 and 6 of 6 urusan', () => {
    // Act
    const result = computeRegionalIndex(getRubric('iid-2027'), {
      spd: 45,
      innovations: sentInnovations(12, 80),
    });
    // Assess
    expect(result.divisor).toBe(14);
    expect(result.innovationCountScore).toBe(0);
    expect(result.averageMaturity).toBe(68.571428571);
    expect(result.index).toBe(45.43);
  });

  it('is 0 and Tidak Dapat Dinilai when nothing is reported', () => {
    // Act
    const result = computeRegionalIndex(rubric, { spd: 0, innovations: [] });
    // Assess
    expect(result.index).toBe(0);
    expect(result.predicate).toBe('Tidak Dapat Dinilai');
  });

  it('is Tidak Dapat Dinilai for a region with SPD answers but no innovation to assess', () => {
    // Act: SPD 45 alone would be 18.00, Kurang Inovatif
    const result = computeRegionalIndex(rubric, { spd: 45, innovations: [] });
    // Assess
    expect(result).toMatchObject({ n: 0, spd: 45, total: 0, index: 0, predicate: 'Tidak Dapat Dinilai' });
  });
});

describe('rounding half-up to two decimals', () => {
  it('rounds ties up despite binary floating point', () => {
    // Act / Assess
    expect(roundIndex(51.815)).toBe(51.82);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundIndex(51.824)).toBe(51.82);
    expect(roundIndex(51.8149)).toBe(51.81);
    expect(roundHalfUp(-2.345, 2)).toBe(-2.35);
  });

  it('rounds an index computed from a total that lands on a half', () => {
    // Prepare: 129.5375 / 250 × 100 = 51.815 exactly in decimals
    const result = computeRegionalIndex(rubric, {
      spd: 49.5375 - 4.56,
      innovations: sentInnovations(12, 80),
    });
    // Assess
    expect(result.index).toBe(51.82);
  });
});

describe('predicate bands of iid-2026, chosen from the rounded index', () => {
  it.each([
    [100, 'Sangat Inovatif'],
    [65.01, 'Sangat Inovatif'],
    [65.005, 'Sangat Inovatif'],
    [65.004, 'Inovatif'],
    [65, 'Inovatif'],
    [40.01, 'Inovatif'],
    [40, 'Kurang Inovatif'],
    [0.01, 'Kurang Inovatif'],
    [0.004, 'Tidak Dapat Dinilai'],
    [0, 'Tidak Dapat Dinilai'],
  ] as const)('%s → %s', (index, predicate) => {
    // Act / Assess
    expect(predicateFor(rubric.predicateBands, index)).toBe(predicate);
  });

  it('puts a region computed at exactly 65.00 in Inovatif and at 65.01 in Sangat Inovatif', () => {
    // Prepare: total 162.5 → 65.00; total 162.525 → 65.01
    const base = sentInnovations(12, 80);
    const otherThanSpd = 84.56;
    // Act
    const at6500 = computeRegionalIndex(rubric, { spd: 162.5 - otherThanSpd, innovations: base });
    const at6501 = computeRegionalIndex(rubric, { spd: 162.525 - otherThanSpd, innovations: base });
    // Assess
    expect([at6500.index, at6500.predicate]).toEqual([65, 'Inovatif']);
    expect([at6501.index, at6501.predicate]).toEqual([65.01, 'Sangat Inovatif']);
  });

  it('tells the distance to the next band', () => {
    // Act / Assess
    expect(distanceToNextBand(rubric.predicateBands, 51.82)).toEqual({
      predicate: 'Inovatif',
      nextPredicate: 'Sangat Inovatif',
      pointsNeeded: 13.19,
    });
    expect(distanceToNextBand(rubric.predicateBands, 40)).toMatchObject({
      nextPredicate: 'Inovatif',
      pointsNeeded: 0.01,
    });
    expect(distanceToNextBand(rubric.predicateBands, 0)).toMatchObject({
      nextPredicate: 'Kurang Inovatif',
      pointsNeeded: 0.01,
    });
    expect(distanceToNextBand(rubric.predicateBands, 80.4)).toEqual({
      predicate: 'Sangat Inovatif',
      nextPredicate: null,
      pointsNeeded: null,
    });
  });
});

describe('historical predicates', () => {
  it('uses the bands of the year, with their confidence', () => {
    // Act / Assess
    expect(historicalPredicate(2023, 60)).toEqual({ predicate: 'Inovatif', status: 'confirmed' });
    expect(historicalPredicate(2023, 60.01)).toEqual({ predicate: 'Sangat Inovatif', status: 'confirmed' });
    expect(historicalPredicate(2023, 34.99)).toEqual({ predicate: 'Kurang Inovatif', status: 'confirmed' });
    expect(historicalPredicate(2025, 50)).toEqual({ predicate: 'Inovatif', status: 'assumed' });
    expect(historicalPredicate(2022, 0)).toEqual({ predicate: 'Tidak Dapat Dinilai', status: 'confirmed' });
    expect(historicalPredicate(2019, 50)).toBeUndefined();
  });
});
