import { describe, expect, it } from 'vitest';
import { contestCallInputSchema, entryInputSchema, scoreSheetProblems } from '../../src/contests/index.ts';
import { contestCallFixture } from './fixtures.ts';

const SAMPLE_CALL = contestCallFixture();

describe('contest call schema', () => {
  it('accepts a full call and fills the defaults', () => {
    const call = contestCallInputSchema.parse(SAMPLE_CALL);
    expect(call.aggregation).toBe('mean');
    expect(call.blindMode).toBe(false);
    expect(call.criteria.desk[0]?.scaleMax).toBe(10);
  });

  it('names the stage date that comes before the previous one', () => {
    const result = contestCallInputSchema.safeParse({
      ...SAMPLE_CALL,
      stageDates: { ...SAMPLE_CALL.stageDates, deskEnd: '2026-05-01' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['stageDates', 'deskEnd']);
  });

  it('refuses duplicate criterion ids and an inverted scale', () => {
    const duplicate = {
      ...SAMPLE_CALL,
      criteria: {
        ...SAMPLE_CALL.criteria,
        final: [SAMPLE_CALL.criteria.desk[0], SAMPLE_CALL.criteria.desk[0]],
      },
    };
    expect(contestCallInputSchema.safeParse(duplicate).success).toBe(false);
    const inverted = {
      ...SAMPLE_CALL,
      criteria: {
        ...SAMPLE_CALL.criteria,
        final: [{ id: 'x', label: 'X', weight: 1, scaleMin: 5, scaleMax: 5 }],
      },
    };
    expect(contestCallInputSchema.safeParse(inverted).error?.issues[0]?.path).toEqual([
      'criteria',
      'final',
      0,
      'scaleMax',
    ]);
  });
});

describe('entry input', () => {
  it('takes either an innovation or a new profile, not both and not neither', () => {
    expect(entryInputSchema.safeParse({ categoryId: 'opd', innovationId: 'abc' }).success).toBe(true);
    expect(entryInputSchema.safeParse({ categoryId: 'opd', profile: { name: 'Sipakar' } }).success).toBe(
      true,
    );
    expect(entryInputSchema.safeParse({ categoryId: 'opd' }).success).toBe(false);
    expect(
      entryInputSchema.safeParse({ categoryId: 'opd', innovationId: 'abc', profile: { name: 'Sipakar' } })
        .success,
    ).toBe(false);
  });

  it('refuses a filled honeypot', () => {
    const result = entryInputSchema.safeParse({
      categoryId: 'opd',
      innovationId: 'abc',
      website: 'spam.example',
    });
    expect(result.error?.issues[0]?.path).toEqual(['website']);
  });
});

describe('scoreSheetProblems', () => {
  const criteria = contestCallInputSchema.parse(SAMPLE_CALL).criteria.desk;
  it('names missing, off-scale and unknown criteria', () => {
    expect(scoreSheetProblems(criteria, { kebaruan: 5, manfaat: 7 })).toEqual([]);
    expect(scoreSheetProblems(criteria, { kebaruan: 11, other: 1 })).toEqual([
      'criteria.kebaruan',
      'criteria.manfaat',
      'criteria.other',
    ]);
  });
});

describe('score scales other than 1–10', () => {
  const withScale = (criterion: Record<string, unknown>) =>
    contestCallInputSchema.safeParse({
      ...SAMPLE_CALL,
      criteria: { ...SAMPLE_CALL.criteria, final: [{ id: 'x', label: 'X', weight: 1, ...criterion }] },
    });

  it('takes a step that divides the scale and refuses one that does not', () => {
    expect(withScale({ scaleMin: 0, scaleMax: 100, scaleStep: 5 }).success).toBe(true);
    expect(withScale({ scaleMin: 1, scaleMax: 5, scaleStep: 0.5 }).success).toBe(true);
    expect(withScale({ scaleMin: 0, scaleMax: 10, scaleStep: 3 }).error?.issues[0]?.path).toEqual([
      'criteria',
      'final',
      0,
      'scaleStep',
    ]);
    expect(withScale({ scaleMin: 0, scaleMax: 4, scaleStep: 8 }).success).toBe(false);
  });

  it('refuses a score between the steps, counted from the scale’s minimum', () => {
    const [half] = contestCallInputSchema.parse({
      ...SAMPLE_CALL,
      criteria: {
        ...SAMPLE_CALL.criteria,
        final: [{ id: 'x', label: 'X', weight: 1, scaleMin: 1, scaleMax: 5, scaleStep: 0.5 }],
      },
    }).criteria.final;
    if (!half) throw new Error('no criterion');
    expect(scoreSheetProblems([half], { x: 3.5 })).toEqual([]);
    expect(scoreSheetProblems([half], { x: 1.3 })).toEqual(['criteria.x']);
    expect(scoreSheetProblems([{ ...half, scaleMin: 0, scaleMax: 100, scaleStep: 5 }], { x: 35 })).toEqual(
      [],
    );
    expect(scoreSheetProblems([{ ...half, scaleMin: 0, scaleMax: 100, scaleStep: 5 }], { x: 36 })).toEqual([
      'criteria.x',
    ]);
  });
});
