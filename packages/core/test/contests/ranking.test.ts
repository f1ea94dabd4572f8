import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Criterion, rankStage, type ScoreSheet, weightedTotal } from '../../src/contests/index.ts';

const CRITERIA: Criterion[] = [
  { id: 'kebaruan', label: 'Kebaruan', weight: 40, scaleMin: 1, scaleMax: 10 },
  { id: 'manfaat', label: 'Manfaat', weight: 60, scaleMin: 1, scaleMax: 10 },
];
const sheet = (entryId: string, judgeId: string, kebaruan: number, manfaat: number): ScoreSheet => ({
  entryId,
  judgeId,
  criteria: { kebaruan, manfaat },
});

describe('weightedTotal', () => {
  it('maps each criterion onto its scale and weighs it', () => {
    expect(weightedTotal(CRITERIA, { kebaruan: 10, manfaat: 10 })).toBe(100);
    expect(weightedTotal(CRITERIA, { kebaruan: 1, manfaat: 1 })).toBe(0);
    // 0.4 × 1 + 0.6 × 0 = 40
    expect(weightedTotal(CRITERIA, { kebaruan: 10, manfaat: 1 })).toBeCloseTo(40, 10);
  });

  it('normalises mixed scales (1–5 in halves, 0–100 in fives) before weighing', () => {
    const mixed: Criterion[] = [
      { id: 'a', label: 'A', weight: 1, scaleMin: 1, scaleMax: 5, scaleStep: 0.5 },
      { id: 'b', label: 'B', weight: 1, scaleMin: 0, scaleMax: 100, scaleStep: 5 },
    ];
    // (3 − 1) / 4 = 0.5 and 75 / 100 = 0.75: the mean is 62.5 on 0–100.
    expect(weightedTotal(mixed, { a: 3, b: 75 })).toBeCloseTo(62.5, 10);
    expect(weightedTotal(mixed, { a: 5, b: 100 })).toBe(100);
  });
});

describe('rankStage', () => {
  it('ranks by the mean with shared ranks for ties and skips the next rank', () => {
    const ranking = rankStage({
      criteria: CRITERIA,
      method: 'mean',
      deviationThreshold: 15,
      entryIds: ['a', 'b', 'c', 'd', 'e'],
      sheets: [
        sheet('a', 'j1', 10, 10),
        sheet('a', 'j2', 10, 10),
        sheet('b', 'j1', 10, 1),
        sheet('b', 'j2', 1, 10),
        sheet('c', 'j1', 1, 10),
        sheet('c', 'j2', 10, 1),
        sheet('d', 'j1', 1, 1),
      ],
    });
    expect(ranking.entries.map((entry) => [entry.entryId, entry.rank, entry.tied])).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, false],
    ]);
    expect(ranking.entries[1]?.score).toBe(50);
    expect(ranking.unscored).toEqual(['e']);
  });

  it('drops the highest and lowest total with the trimmed mean, once there are three judges', () => {
    const sheets = [sheet('a', 'j1', 10, 10), sheet('a', 'j2', 1, 1), sheet('a', 'j3', 10, 1)];
    const trimmed = rankStage({ criteria: CRITERIA, sheets, method: 'trimmed_mean', deviationThreshold: 15 });
    const plain = rankStage({ criteria: CRITERIA, sheets, method: 'mean', deviationThreshold: 15 });
    expect(trimmed.entries[0]?.score).toBe(40);
    expect(plain.entries[0]?.score).toBe(46.667);
  });

  it('with z-scores, a lenient judge no longer decides the order alone', () => {
    // j1 is lenient and loves x; j2 and j3 prefer y, but with a narrower spread.
    const sheets = [
      sheet('x', 'j1', 10, 10),
      sheet('y', 'j1', 8, 8),
      sheet('z', 'j1', 8, 8),
      sheet('x', 'j2', 1, 1),
      sheet('y', 'j2', 3, 3),
      sheet('z', 'j2', 1, 1),
      sheet('x', 'j3', 1, 1),
      sheet('y', 'j3', 3, 3),
      sheet('z', 'j3', 1, 1),
    ];
    const byMean = rankStage({ criteria: CRITERIA, sheets, method: 'mean', deviationThreshold: 15 });
    const byZ = rankStage({ criteria: CRITERIA, sheets, method: 'z_score', deviationThreshold: 15 });
    expect(byMean.entries[0]?.entryId).toBe('y');
    expect(byZ.entries[0]?.entryId).toBe('y');
    // Under the mean, j1's generosity puts x far above z; standardised, x and z are close.
    expect(byZ.entries.find((entry) => entry.entryId === 'x')?.score).toBeLessThan(0.5);
  });

  it('flags the judge who scores far from the rest of the panel, and only them', () => {
    const sheets = ['a', 'b', 'c'].flatMap((entryId, index) => [
      sheet(entryId, 'steady1', 5 + index, 5 + index),
      sheet(entryId, 'steady2', 5 + index, 6 + index),
      sheet(entryId, 'outlier', 10, 10),
    ]);
    const ranking = rankStage({ criteria: CRITERIA, sheets, method: 'mean', deviationThreshold: 25 });
    const outlier = ranking.judges.find((judge) => judge.judgeId === 'outlier');
    expect(outlier?.flagged).toBe(true);
    expect(outlier?.meanGap).toBeGreaterThan(25);
    expect(ranking.judges.filter((judge) => judge.flagged).map((judge) => judge.judgeId)).toEqual([
      'outlier',
    ]);
  });

  const sheets = fc.array(
    fc.record({
      entryId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      judgeId: fc.constantFrom('j1', 'j2', 'j3', 'j4'),
      kebaruan: fc.integer({ min: 1, max: 10 }),
      manfaat: fc.integer({ min: 1, max: 10 }),
    }),
    { maxLength: 40 },
  );

  it('always orders scores from best to worst, with ranks consistent with ties (property)', () => {
    fc.assert(
      fc.property(sheets, fc.constantFrom('mean', 'trimmed_mean', 'z_score' as const), (raw, method) => {
        const ranking = rankStage({
          criteria: CRITERIA,
          method,
          deviationThreshold: 15,
          sheets: raw.map((row) => sheet(row.entryId, row.judgeId, row.kebaruan, row.manfaat)),
        });
        ranking.entries.forEach((entry, index) => {
          const previous = ranking.entries[index - 1];
          if (!previous) {
            expect(entry.rank).toBe(1);
            return;
          }
          expect(entry.score).toBeLessThanOrEqual(previous.score);
          expect(entry.rank).toBe(entry.score === previous.score ? previous.rank : index + 1);
        });
        if (method !== 'z_score')
          for (const entry of ranking.entries) expect(entry.score).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('does not depend on the order the sheets arrive in (property)', () => {
    fc.assert(
      fc.property(sheets, (raw) => {
        const all = raw.map((row) => sheet(row.entryId, row.judgeId, row.kebaruan, row.manfaat));
        // Last sheet of a judge for an entry wins; deduplicate so both orders hold the same sheets.
        const unique = [...new Map(all.map((item) => [`${item.entryId}/${item.judgeId}`, item])).values()];
        const forward = rankStage({
          criteria: CRITERIA,
          sheets: unique,
          method: 'z_score',
          deviationThreshold: 15,
        });
        const backward = rankStage({
          criteria: CRITERIA,
          sheets: [...unique].reverse(),
          method: 'z_score',
          deviationThreshold: 15,
        });
        expect(backward.entries).toEqual(forward.entries);
        expect(backward.judges).toEqual(forward.judges);
      }),
    );
  });
});
