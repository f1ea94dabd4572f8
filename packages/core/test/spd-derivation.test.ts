import { describe, expect, it } from 'vitest';
import {
  deriveKemanfaatanLevel,
  deriveSpdLevel,
  getRubric,
  levelFromBands,
  type SpdRow,
  scoreSpd,
} from '../src/scoring/index.ts';

const rubric = getRubric('iid-2026');
const row = (code: string): SpdRow => {
  const found = rubric.spdRows.find((candidate) => candidate.code === code);
  if (found === undefined) throw new Error(`no row ${code}`);
  return found;
};

describe('quantitative SPD rows derive their level from raw figures', () => {
  it('derives permit growth (spd.3) from T-1 and T-2 as a percentage', () => {
    // Act
    const growing = deriveSpdLevel(row('spd.3'), { t1: 1100, t2: 1000 });
    const flat = deriveSpdLevel(row('spd.3'), { t1: 1000, t2: 1000 });
    const collapsing = deriveSpdLevel(row('spd.3'), { t1: 400, t2: 1000 });
    // Assess
    expect(growing).toEqual({ code: 'spd.3', level: 3, boundaryAssumptionApplied: false, value: 10 });
    expect(flat).toMatchObject({ level: 2, value: 0 });
    expect(collapsing).toMatchObject({ level: 1, value: -60 });
  });

  it('rounds the figure to two decimals, so 8.165% growth reaches the ≥ 8.17% band', () => {
    // Act
    const derivation = deriveSpdLevel(row('spd.3'), { t1: 108.165, t2: 100 });
    // Assess
    expect(derivation).toMatchObject({ level: 3, value: 8.17 });
  });

  it('gives the higher level where transcribed ranges overlap, and says so (spd.4 at 5.23%)', () => {
    // Act
    const atBoundary = deriveSpdLevel(row('spd.4'), { t1: 105.23, t2: 100 });
    const below = deriveSpdLevel(row('spd.4'), { t1: 105.22, t2: 100 });
    // Assess
    expect(atBoundary).toEqual({ code: 'spd.4', level: 3, boundaryAssumptionApplied: true, value: 5.23 });
    expect(below).toEqual({ code: 'spd.4', level: 2, boundaryAssumptionApplied: false, value: 5.22 });
  });

  it('handles rows where lower is better, with overlaps at both ends (spd.5b unemployment)', () => {
    // Act
    const levels = [6.5, 5.92, 5.91, 4, 2.35, 2.34, 1.9].map((t1) => deriveSpdLevel(row('spd.5b'), { t1 }));
    // Assess
    expect(levels.map((derivation) => [derivation.level, derivation.boundaryAssumptionApplied])).toEqual([
      [1, false],
      [2, true],
      [2, true],
      [2, false],
      [3, true],
      [3, true],
      [3, false],
    ]);
  });

  it('measures a fall as T-2 − T-1 (spd.5a), floating-point noise included', () => {
    // Act
    const derivation = deriveSpdLevel(row('spd.5a'), { t1: 5.14, t2: 5.5 });
    // Assess
    expect(derivation).toEqual({ code: 'spd.5a', level: 3, boundaryAssumptionApplied: true, value: 0.36 });
  });

  it('maps grades case-insensitively (BPK opinion, SAKIP, IKK)', () => {
    // Act
    const opinions = ['WTP', 'wdp', 'TW', 'TMP'].map(
      (grade) => deriveSpdLevel(row('spd.8'), { grade }).level,
    );
    const ikk = deriveSpdLevel(row('spd.13b'), { grade: ' sangat  baik ' });
    // Assess
    expect(opinions).toEqual([3, 2, 1, 1]);
    expect(ikk).toMatchObject({ level: 3, value: 'SANGAT BAIK' });
  });

  it('derives count rows and gives 0 below the first band (spd.2b, spd.13a)', () => {
    // Act
    const components = [1, 2, 3, 4].map((count) => deriveSpdLevel(row('spd.2b'), { count }).level);
    const recommendations = [0, 3, 7, 8].map((count) => deriveSpdLevel(row('spd.13a'), { count }).level);
    // Assess
    expect(components).toEqual([0, 1, 2, 3]);
    expect(recommendations).toEqual([0, 1, 2, 3]);
  });

  it('reports figures that cannot be scored instead of guessing', () => {
    // Act
    const missing = deriveSpdLevel(row('spd.6'), { t1: 10 });
    const zeroBase = deriveSpdLevel(row('spd.6'), { t1: 10, t2: 0 });
    const unknownGrade = deriveSpdLevel(row('spd.9'), { grade: 'Z' });
    // Assess
    expect(missing).toMatchObject({ level: 0, problem: 'missing_figures' });
    expect(zeroBase).toMatchObject({ level: 0, problem: 'division_by_zero' });
    expect(unknownGrade).toMatchObject({ level: 0, problem: 'unknown_grade', value: 'Z' });
  });
});

describe('levelFromBands and kemanfaatan bases', () => {
  it('honours exclusive bounds', () => {
    // Act
    const match = levelFromBands([{ level: 3, min: 7, minExclusive: true }], 7);
    // Assess
    expect(match).toEqual({ level: 0, boundaryAssumptionApplied: false });
  });

  it('reads a kemanfaatan figure only against its own basis', () => {
    // Prepare
    const bases = rubric.sidIndicators.find((indicator) => indicator.code === 'sid.33')?.bases ?? [];
    const [people, , , revenue] = bases;
    if (people === undefined || revenue === undefined) throw new Error('bases missing');
    // Act / Assess
    expect(deriveKemanfaatanLevel(people, 350).level).toBe(2);
    expect(deriveKemanfaatanLevel(revenue, 350).level).toBe(3);
    expect(deriveKemanfaatanLevel(people, 0).level).toBe(0);
  });

  it('gives every figure between two transcribed ranges a level, rounding to the basis precision', () => {
    // Prepare: basis b is 5.00–20.00 / 20.01–50.00 / above 50 percent; basis d 0.01–9.99 / 10.00–19.99
    const bases = rubric.sidIndicators.find((indicator) => indicator.code === 'sid.33')?.bases ?? [];
    const [people, coverage, , revenue, products] = bases;
    if (!people || !coverage || !revenue || !products) throw new Error('bases missing');
    // Act / Assess: half-up at two decimals for percentages
    expect(deriveKemanfaatanLevel(coverage, 20.004).level).toBe(1);
    expect(deriveKemanfaatanLevel(coverage, 20.005).level).toBe(2);
    expect(deriveKemanfaatanLevel(coverage, 50.001).level).toBe(2);
    expect(deriveKemanfaatanLevel(coverage, 50.005).level).toBe(3);
    expect(deriveKemanfaatanLevel(revenue, 9.995).level).toBe(2);
    expect(deriveKemanfaatanLevel(revenue, 9.994).level).toBe(1);
    // ... and to whole numbers for counts
    expect(deriveKemanfaatanLevel(people, 200.4).level).toBe(1);
    expect(deriveKemanfaatanLevel(people, 200.5).level).toBe(2);
    expect(deriveKemanfaatanLevel(products, 100.5).level).toBe(2);
  });

  it('has no figure above the lowest minimum without a level, on any basis', () => {
    // Prepare
    const bases = rubric.sidIndicators.find((indicator) => indicator.code === 'sid.33')?.bases ?? [];
    for (const basis of bases) {
      const lowest = Math.min(...basis.ranges.map((band) => band.min ?? 0));
      // Act: a sweep in steps finer than any stated precision
      const gaps: number[] = [];
      for (let value = lowest; value <= 600; value += 0.0037) {
        if (deriveKemanfaatanLevel(basis, value).level === 0) gaps.push(value);
      }
      // Assess
      expect(gaps.slice(0, 3), `basis ${basis.basis}`).toEqual([]);
    }
  });
});

describe('scoreSpd', () => {
  it('sums weight × level, preferring derived levels where figures are given', () => {
    // Act
    const score = scoreSpd(
      rubric,
      { 'spd.1': 3, 'spd.6': 1, 'spd.12': 2 },
      { 'spd.6': { t1: 300, t2: 100 } },
    );
    // Assess
    expect(score.total).toBe(3 + 1.5 * 3 + 2 * 2);
    expect(score.rows.find((spdRow) => spdRow.code === 'spd.6')).toMatchObject({
      level: 3,
      score: 4.5,
      source: 'derived',
    });
    expect(score.rows.find((spdRow) => spdRow.code === 'spd.2a')).toMatchObject({
      level: 0,
      source: 'unanswered',
    });
  });

  it('reaches 63 when every row is at level 3', () => {
    // Prepare
    const levels = Object.fromEntries(rubric.spdRows.map((spdRow) => [spdRow.code, 3 as const]));
    // Act / Assess
    expect(scoreSpd(rubric, levels).total).toBe(63);
  });
});
