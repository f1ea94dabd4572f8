import { describe, expect, it } from 'vitest';
import { contestCallInputSchema, entryInputSchema, scoreSheetProblems } from '../../src/contests/index.ts';

export const SAMPLE_CALL = {
  title: 'Bojonegoro Innovative Award',
  year: 2026,
  categories: [
    { id: 'opd', label: 'ASN/OPD', entrantKinds: ['opd'] },
    {
      id: 'masyarakat',
      label: 'Masyarakat',
      entrantKinds: ['citizen'],
      extraFields: [{ key: 'desa', label: 'Desa', type: 'text', required: true }],
    },
  ],
  stageDates: {
    entriesOpen: '2026-03-01',
    entriesClose: '2026-04-30',
    screeningEnd: '2026-05-10',
    deskEnd: '2026-06-10',
    finalEnd: '2026-07-10',
    announcement: '2026-08-17',
  },
  criteria: {
    desk: [
      { id: 'kebaruan', label: 'Kebaruan', weight: 50 },
      { id: 'manfaat', label: 'Manfaat', weight: 50 },
    ],
    final: [{ id: 'presentasi', label: 'Presentasi', weight: 1, scaleMin: 0, scaleMax: 100 }],
  },
  prizes: [{ rank: 1, label: 'Juara I', amount: 10_000_000 }],
};

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
