import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUBRIC_ID,
  defaultRubricIdForYear,
  FORMULA_HISTORY,
  getFormulaHistory,
  getRubric,
  InvalidRubricError,
  RUBRIC_IDS,
  type Rubric,
  resolveRubricId,
  UnknownRubricError,
  validateRubric,
} from '../src/scoring/index.ts';

const rubric2026 = getRubric('iid-2026');

describe('rubric registry', () => {
  it('defaults to iid-2026 and lists every shipped version', () => {
    // Assess
    expect(DEFAULT_RUBRIC_ID).toBe('iid-2026');
    expect(RUBRIC_IDS).toEqual(['iid-2026', 'iid-2027-provisional']);
  });

  it('gives the provisional 2027 rubric an id of its own, while the old id still finds it', () => {
    // Act
    const provisional = getRubric('iid-2027-provisional');
    // Assess: the final 2027 rules can arrive under another id without changing what was scored
    expect(provisional.id).toBe('iid-2027-provisional');
    expect(provisional.id).not.toBe('iid-2027');
    expect(getRubric('iid-2027')).toBe(provisional);
    expect(resolveRubricId('iid-2027')).toBe('iid-2027-provisional');
    expect(resolveRubricId('iid-2019')).toBeUndefined();
    expect(defaultRubricIdForYear(2027)).toBe('iid-2027-provisional');
    expect(defaultRubricIdForYear(2026)).toBe('iid-2026');
  });

  it('rejects an unknown rubric id', () => {
    // Act / Assess
    expect(() => getRubric('iid-2019')).toThrow(UnknownRubricError);
  });

  it('validates every shipped rubric', () => {
    for (const id of RUBRIC_IDS) {
      // Act
      const validation = validateRubric(getRubric(id));
      // Assess
      expect(validation).toEqual({ valid: true, problems: [] });
    }
  });
});

describe('iid-2026 catalogue', () => {
  it('has the 20 SPD score rows, spd.1 … spd.15 with a/b splits', () => {
    // Act
    const codes = rubric2026.spdRows.map((row) => row.code);
    // Assess
    expect(codes).toEqual([
      'spd.1',
      'spd.2a',
      'spd.2b',
      'spd.3',
      'spd.4',
      'spd.5a',
      'spd.5b',
      'spd.6',
      'spd.7',
      'spd.8',
      'spd.9',
      'spd.10a',
      'spd.10b',
      'spd.11a',
      'spd.11b',
      'spd.12',
      'spd.13a',
      'spd.13b',
      'spd.14',
      'spd.15',
    ]);
  });

  it('weights SPD to 21 (max 63) and SID to 37 (max 111), total max 250', () => {
    // Act
    const spdWeights = rubric2026.spdRows.reduce((sum, row) => sum + row.weight, 0);
    const sidWeights = rubric2026.sidIndicators.reduce((sum, indicator) => sum + indicator.weight, 0);
    // Assess
    expect(spdWeights).toBe(21);
    expect(sidWeights).toBe(37);
    expect(rubric2026.formula).toEqual({
      divisorMinimum: 12,
      countScoreFactor: 0.38,
      countScoreCap: 200,
      basicServiceUrusanRequired: 5,
      maxSpd: 63,
      maxKematangan: 111,
      maxCountScore: 76,
      maxTotal: 250,
    });
  });

  it('has SID indicators sid.16 … sid.35 with the catalogue weights and mandatory flags', () => {
    // Act
    const table = rubric2026.sidIndicators.map((indicator) => [
      indicator.code,
      indicator.weight,
      indicator.mandatory,
    ]);
    // Assess
    expect(table).toEqual([
      ['sid.16', 3, true],
      ['sid.17', 2, true],
      ['sid.18', 2, false],
      ['sid.19', 2, false],
      ['sid.20', 1, false],
      ['sid.21', 2, false],
      ['sid.22', 1, false],
      ['sid.23', 1, false],
      ['sid.24', 1, false],
      ['sid.25', 1, false],
      ['sid.26', 1, false],
      ['sid.27', 1, false],
      ['sid.28', 2, false],
      ['sid.29', 1, false],
      ['sid.30', 2, false],
      ['sid.31', 3, false],
      ['sid.32', 2, true],
      ['sid.33', 3, true],
      ['sid.34', 2, false],
      ['sid.35', 4, true],
    ]);
  });

  it('gives every level a text and evidence with accepted file kinds', () => {
    // Act
    const levels = [...rubric2026.spdRows, ...rubric2026.sidIndicators].flatMap(
      (indicator) => indicator.levels,
    );
    // Assess
    expect(levels).toHaveLength(120);
    for (const level of levels) {
      expect(level.text.length).toBeGreaterThan(3);
      expect(level.evidence.fileKinds.length).toBeGreaterThan(0);
    }
    const video = rubric2026.sidIndicators.find((indicator) => indicator.code === 'sid.35');
    expect(video?.levels[2].evidence.fileKinds).toEqual(['mp4', 'video_link', 'jpg', 'png']);
  });

  it('gives sid.33 its six kemanfaatan bases a–f with level ranges', () => {
    // Act
    const kemanfaatan = rubric2026.sidIndicators.find((indicator) => indicator.code === 'sid.33');
    // Assess
    expect(kemanfaatan?.bases?.map((basis) => basis.basis)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(kemanfaatan?.bases?.[0]?.ranges).toEqual([
      { level: 1, min: 1, max: 200 },
      { level: 2, min: 201, max: 500 },
      { level: 3, min: 501 },
    ]);
  });

  it('keeps the age window, the 300-word rule and predicate bands as data', () => {
    // Assess
    expect(rubric2026.eligibility.firstAppliedFrom).toBe('2024-01-01');
    expect(rubric2026.eligibility.firstAppliedTo).toBe('2025-12-31');
    expect(rubric2026.eligibility.rancangBangunMinWords).toBe(300);
    expect(rubric2026.predicateBands.map((band) => [band.predicate, band.min, band.max])).toEqual([
      ['Sangat Inovatif', 65.01, 100],
      ['Inovatif', 40.01, 65],
      ['Kurang Inovatif', 0.01, 40],
    ]);
  });

  it('marks the SPD boundary overlap as an assumption referenced by the overlapping rows', () => {
    // Act
    const permits = rubric2026.spdRows.find((row) => row.code === 'spd.3');
    // Assess
    expect(permits?.derivation?.kind === 'numeric' && permits.derivation.assumptionIds).toContain(
      'spd-boundary-overlap',
    );
    expect(rubric2026.assumptions.map((assumption) => assumption.id)).toContain('spd-boundary-overlap');
  });
});

describe('iid-2027 (provisional)', () => {
  it('reuses the 2026 catalogue with divisor 14 and 6 of 6 basic-service urusan', () => {
    // Act
    const rubric2027 = getRubric('iid-2027');
    // Assess
    expect(rubric2027.provisional).toBe(true);
    expect(rubric2027.formula.divisorMinimum).toBe(14);
    expect(rubric2027.formula.basicServiceUrusanRequired).toBe(6);
    expect(rubric2027.sidIndicators).toBe(rubric2026.sidIndicators);
    expect(rubric2027.spdRows).toBe(rubric2026.spdRows);
    expect(rubric2027.formula.maxTotal).toBe(250);
  });
});

describe('validateRubric on a broken rubric', () => {
  const broken = (change: (rubric: Rubric) => Rubric): readonly string[] =>
    validateRubric(change(rubric2026)).problems;

  it('reports kemanfaatan ranges that leave a gap at the stated precision', () => {
    // Act: basis b's level 2 starting at 20.02 leaves 20.01 without a level
    const problems = broken((rubric) => ({
      ...rubric,
      sidIndicators: rubric.sidIndicators.map((indicator) =>
        indicator.code === 'sid.33'
          ? {
              ...indicator,
              bases: (indicator.bases ?? []).map((basis) =>
                basis.basis === 'b'
                  ? {
                      ...basis,
                      ranges: basis.ranges.map((band) => (band.level === 2 ? { ...band, min: 20.02 } : band)),
                    }
                  : basis,
              ),
            }
          : indicator,
      ),
    }));
    // Assess
    expect(problems).toEqual(['sid.33 basis b: levels 1 and 2 leave a gap or overlap at 2 decimals']);
  });

  it('states the kemanfaatan rounding in the rubric notes and assumptions', () => {
    // Act
    const kemanfaatan = rubric2026.sidIndicators.find((indicator) => indicator.code === 'sid.33');
    // Assess
    expect(kemanfaatan?.notes?.some((note) => note.includes('dibulatkan'))).toBe(true);
    expect(kemanfaatan?.bases?.map((basis) => basis.decimals)).toEqual([0, 2, 2, 2, 0, 0]);
    expect(rubric2026.assumptions.map((assumption) => assumption.id)).toContain('sid33-rounding');
  });

  it('reports a weight that no longer adds up to the stated SPD maximum', () => {
    // Act
    const problems = broken((rubric) => ({
      ...rubric,
      spdRows: rubric.spdRows.map((row) => (row.code === 'spd.12' ? { ...row, weight: 3 } : row)),
    }));
    // Assess
    expect(problems).toEqual(['SPD maximum (Σ weight × 3) is 66, but the rubric states 63']);
  });

  it('reports a stated total that is not SPD + kematangan + count score', () => {
    // Act
    const problems = broken((rubric) => ({ ...rubric, formula: { ...rubric.formula, maxTotal: 260 } }));
    // Assess
    expect(problems).toEqual([
      'total maximum (SPD + kematangan + count score) is 250, but the rubric states 260',
    ]);
  });

  it('reports a level without text and a duplicated code', () => {
    // Prepare
    const [first, second] = rubric2026.sidIndicators;
    if (first === undefined || second === undefined) throw new Error('catalogue is empty');
    const [level1, level2, level3] = first.levels;
    // Act
    const problems = broken((rubric) => ({
      ...rubric,
      sidIndicators: [
        { ...first, levels: [level1, { ...level2, text: ' ' }, level3] },
        { ...second, code: first.code },
        ...rubric.sidIndicators.slice(2),
      ],
    }));
    // Assess
    expect(problems).toContain('sid.16: level 2 has no text');
    expect(problems).toContain('code sid.16 is used twice');
  });

  it('reports predicate bands with a gap', () => {
    // Act
    const problems = broken((rubric) => ({
      ...rubric,
      predicateBands: [
        { predicate: 'Sangat Inovatif', min: 65.01, max: 100 },
        { predicate: 'Inovatif', min: 40.01, max: 64.99 },
        { predicate: 'Kurang Inovatif', min: 0.01, max: 40 },
      ],
    }));
    // Assess
    expect(problems).toEqual(['predicate bands Inovatif and Sangat Inovatif leave a gap or overlap']);
  });

  it('names every problem in the InvalidRubricError that getRubric throws', () => {
    // Prepare
    const error = new InvalidRubricError('iid-test', ['code sid.16 is used twice']);
    // Assess
    expect(error.message).toBe('Rubric iid-test is invalid: code sid.16 is used twice');
  });
});

describe('formula history 2022–2025', () => {
  it('keeps 2023 divisor MAX(10, n) and 60.01 / 35.00 bands, and no weights', () => {
    // Act
    const formula2023 = getFormulaHistory(2023);
    // Assess
    expect(formula2023?.divisorMinimum).toEqual({ value: 10, status: 'confirmed', source: 'P-SLIDE23' });
    expect(formula2023?.predicateBands.map((band) => band.min)).toEqual([60.01, 35, 0.01]);
    expect(formula2023).not.toHaveProperty('spdRows');
  });

  it('leaves what the sources do not give as not_found', () => {
    // Act
    const formula2025 = getFormulaHistory(2025);
    // Assess
    expect(FORMULA_HISTORY.map((formula) => formula.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(formula2025?.divisorMinimum).toEqual({ value: null, status: 'not_found' });
    expect(getFormulaHistory(2024)?.divisorMinimum.status).toBe('not_found');
    expect(formula2025?.predicateBands[1]).toMatchObject({
      predicate: 'Inovatif',
      min: 40.01,
      status: 'assumed',
    });
  });
});
