import { describe, expect, it } from 'vitest';
import {
  type SimulateInput,
  simulate,
  simulateInputSchema,
  simulateResultSchema,
} from '../src/scoring/index.ts';
import { SID_LEVELS_80, SPD_LEVELS_45, urusanFor } from './fixtures.ts';

const workedExample = (count: number): SimulateInput => ({
  rubric: 'iid-2026',
  spd: SPD_LEVELS_45,
  innovations: Array.from({ length: count }, (_, position) => ({
    status: 'sent' as const,
    urusan: urusanFor(position),
    levels: SID_LEVELS_80,
    sid33Basis: 'a' as const,
  })),
});

const issuePaths = (body: unknown): string[] => {
  const result = simulateInputSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('simulate', () => {
  it('scores the worked example from levels: 51.82, Inovatif', () => {
    // Prepare
    const input = simulateInputSchema.parse(workedExample(12));
    // Act
    const result = simulate(input);
    // Assess
    expect(result).toEqual({
      spd: 45,
      averageMaturity: 80,
      innovationCountScore: 4.56,
      sid: 84.56,
      total: 129.56,
      index: 51.82,
      predicate: 'Inovatif',
      maturities: Array.from({ length: 12 }, () => 80),
      divisor: 12,
      basicServicesCovered: ['pendidikan', 'kesehatan', 'pupr', 'perkim', 'sosial'],
    });
    expect(simulateResultSchema.parse(result)).toEqual(result);
  });

  it('scores 200 such innovations at 80.4', () => {
    // Act
    const result = simulate(workedExample(200));
    // Assess
    expect(result.index).toBe(80.4);
    expect(result.predicate).toBe('Sangat Inovatif');
  });

  it('gives a rejected innovation kematangan 0 while keeping it in the divisor', () => {
    // Prepare
    const input = workedExample(12);
    const withRejection: SimulateInput = {
      ...input,
      innovations: [
        ...input.innovations,
        { status: 'rejected', urusan: ['trantibumlinmas'], levels: SID_LEVELS_80 },
      ],
    };
    // Act
    const result = simulate(withRejection);
    // Assess
    expect(result.maturities.at(-1)).toBe(0);
    expect(result.divisor).toBe(13);
    expect(result.averageMaturity).toBe(73.846153846);
    expect(result.innovationCountScore).toBe(4.56);
    expect(result.basicServicesCovered).not.toContain('trantibumlinmas');
  });

  it('reads missing codes as level 0', () => {
    // Act
    const result = simulate({
      rubric: 'iid-2026',
      spd: {},
      innovations: [{ status: 'sent', urusan: [], levels: {} }],
    });
    // Assess
    expect(result).toMatchObject({
      spd: 0,
      total: 0,
      index: 0,
      predicate: 'Tidak Dapat Dinilai',
      maturities: [0],
    });
  });
});

describe('simulateInputSchema', () => {
  it('accepts the documented body', () => {
    // Act / Assess
    expect(issuePaths(workedExample(2))).toEqual([]);
  });

  it('reports an unknown rubric at rubric', () => {
    // Act / Assess
    expect(issuePaths({ ...workedExample(1), rubric: 'iid-1999' })).toEqual(['rubric']);
  });

  it('reports unknown indicator codes at their own path', () => {
    // Prepare
    const body = workedExample(1);
    const first = body.innovations[0];
    // Act
    const paths = issuePaths({
      ...body,
      spd: { ...body.spd, 'spd.99': 1 },
      innovations: [{ ...first, levels: { ...first?.levels, 'sid.99': 2, 'spd.1': 1 } }],
    });
    // Assess
    expect(paths).toEqual(['spd.spd.99', 'innovations.0.levels.sid.99', 'innovations.0.levels.spd.1']);
  });

  it('reports levels outside 0–3 and non-integers', () => {
    // Act
    const paths = issuePaths({
      rubric: 'iid-2026',
      spd: { 'spd.1': 4 },
      innovations: [{ status: 'sent', urusan: [], levels: { 'sid.16': -1, 'sid.17': 1.5 } }],
    });
    // Assess
    expect(paths).toEqual(['spd.spd.1', 'innovations.0.levels.sid.16', 'innovations.0.levels.sid.17']);
  });

  it('requires a basis when sid.33 has a level, and rejects unknown urusan', () => {
    // Act
    const paths = issuePaths({
      rubric: 'iid-2026',
      spd: {},
      innovations: [
        { status: 'sent', urusan: ['kesehatan'], levels: { 'sid.33': 2 } },
        { status: 'sent', urusan: ['bukan_urusan'], levels: {} },
      ],
    });
    // Assess
    expect(paths).toEqual(['innovations.1.urusan.0']);
    const refined = issuePaths({
      rubric: 'iid-2026',
      spd: {},
      innovations: [{ status: 'sent', urusan: ['kesehatan'], levels: { 'sid.33': 2 } }],
    });
    expect(refined).toEqual(['innovations.0.sid33Basis']);
  });
});
