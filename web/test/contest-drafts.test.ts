import { contestCallInputSchema, entryInputSchema } from '@inovasi/core';
import { describe, expect, it } from 'vitest';
import {
  categoriesFromDrafts,
  categoryFieldProblems,
  categoryFieldValues,
  criteriaFromDrafts,
  draftOf,
  newCategory,
  newCriterion,
  newField,
  prizesFromLines,
  scoreProblem,
  uniqueIds,
} from '../src/features/contests/callDrafts.ts';

const dates = {
  entriesOpen: '2026-03-01',
  entriesClose: '2026-04-30',
  screeningEnd: '2026-05-10',
  deskEnd: '2026-06-10',
  finalEnd: '2026-07-10',
  announcement: '2026-08-17',
};

describe('the call editor’s rows', () => {
  it('derive unique ids from labels, in the alphabet category fields accept', () => {
    expect(uniqueIds(['Kebaruan', 'Kebaruan', '!!', 'Manfaat & Dampak'], 'k')).toEqual([
      'kebaruan',
      'kebaruan-2',
      'k3',
      'manfaat-dampak',
    ]);
  });

  it('become a call the server’s schema accepts, with per-category fields and own score scales', () => {
    const opd = {
      ...newCategory('ASN/OPD', 'opd'),
      fields: [{ ...newField(), label: 'Nomor SK', required: true }],
    };
    const pelajar = {
      ...newCategory('Pelajar', 'both'),
      fields: [{ ...newField(), label: 'Umur peserta', type: 'number' as const }],
    };
    const desk = [
      { ...newCriterion('Kebaruan'), weight: 40, scaleMin: 0, scaleMax: 100 },
      { ...newCriterion('Manfaat'), weight: '60' },
    ];
    const input = {
      title: 'Krenova 2026',
      year: 2026,
      stageDates: dates,
      categories: categoriesFromDrafts([opd, pelajar]),
      criteria: { desk: criteriaFromDrafts(desk), final: criteriaFromDrafts([newCriterion('Presentasi')]) },
    };
    const parsed = contestCallInputSchema.parse(input);
    expect(parsed.categories).toEqual([
      {
        id: 'asn-opd',
        label: 'ASN/OPD',
        entrantKinds: ['opd'],
        extraFields: [{ key: 'nomor-sk', label: 'Nomor SK', type: 'text', required: true }],
      },
      {
        id: 'pelajar',
        label: 'Pelajar',
        entrantKinds: ['opd', 'citizen'],
        extraFields: [{ key: 'umur-peserta', label: 'Umur peserta', type: 'number', required: false }],
      },
    ]);
    expect(parsed.criteria.desk.map((c) => [c.id, c.weight, c.scaleMin, c.scaleMax])).toEqual([
      ['kebaruan', 40, 0, 100],
      ['manfaat', 60, 1, 10],
    ]);
  });

  it('leave an emptied number as NaN, so the server names the field instead of taking a zero', () => {
    const [criterion] = criteriaFromDrafts([{ ...newCriterion('Kebaruan'), scaleMax: '' }]);
    expect(criterion?.scaleMax).toBeNaN();
    const result = contestCallInputSchema.safeParse({
      title: 'Krenova',
      year: 2026,
      stageDates: dates,
      categories: categoriesFromDrafts([newCategory('OPD')]),
      criteria: {
        desk: [JSON.parse(JSON.stringify(criterion))],
        final: criteriaFromDrafts([newCriterion('F')]),
      },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('criteria.desk.0.scaleMax');
  });
});

describe('editing a saved call', () => {
  it('keeps the ids of categories, fields and criteria, so entries and score sheets still point at them', () => {
    const saved = contestCallInputSchema.parse({
      title: 'Krenova 2026',
      year: 2026,
      stageDates: dates,
      categories: [
        {
          id: 'k-lama',
          label: 'Pelajar',
          entrantKinds: ['opd', 'citizen'],
          extraFields: [{ key: 'sekolah', label: 'Asal sekolah', type: 'text', required: true }],
        },
      ],
      criteria: {
        desk: [{ id: 'c1', label: 'Kebaruan', weight: 3, scaleMin: 0, scaleMax: 100 }],
        final: [{ id: 'c2', label: 'Presentasi', weight: 1 }],
      },
      prizes: [{ rank: 1, label: 'Juara I', amount: 5_000_000 }],
    });
    const draft = draftOf(saved);
    expect(draft.categories[0]?.entrants).toBe('both');
    const renamed = draft.categories.map((category) => ({
      ...category,
      label: 'Pelajar dan mahasiswa',
      fields: [...category.fields, { ...newField(), label: 'Asal sekolah' }],
    }));
    expect(categoriesFromDrafts(renamed)).toEqual([
      {
        id: 'k-lama',
        label: 'Pelajar dan mahasiswa',
        entrantKinds: ['opd', 'citizen'],
        extraFields: [
          { key: 'sekolah', label: 'Asal sekolah', type: 'text', required: true },
          { key: 'asal-sekolah', label: 'Asal sekolah', type: 'text', required: false },
        ],
      },
    ]);
    expect(criteriaFromDrafts([...draft.desk, newCriterion('Kebaruan')]).map((c) => c.id)).toEqual([
      'c1',
      'kebaruan',
    ]);
    expect(prizesFromLines(`${draft.prizes}\nJuara II`, saved.prizes)).toEqual([
      { rank: 1, label: 'Juara I', amount: 5_000_000 },
      { rank: 2, label: 'Juara II' },
    ]);
  });
});

describe('an entrant’s answers to a category’s fields', () => {
  const fields = [
    { key: 'nomor-sk', label: 'Nomor SK', type: 'text' as const, required: true },
    { key: 'umur', label: 'Umur', type: 'number' as const, required: false },
  ];

  it('name the required field left empty and the number that is not one', () => {
    expect(categoryFieldProblems(fields, { 'nomor-sk': '  ', umur: 'dua belas' })).toEqual({
      'nomor-sk': 'required',
      umur: 'number',
    });
    expect(categoryFieldProblems(fields, { 'nomor-sk': '188/12/2026' })).toEqual({});
  });

  it('are sent with numbers as numbers and empty optional ones left out, as the server checks them', () => {
    const values = categoryFieldValues(fields, { 'nomor-sk': ' 188/12 ', umur: '', other: 'x' });
    expect(values).toEqual({ 'nomor-sk': '188/12' });
    expect(categoryFieldValues(fields, { 'nomor-sk': 'a', umur: '17' })).toEqual({
      'nomor-sk': 'a',
      umur: 17,
    });
    expect(
      entryInputSchema.safeParse({ categoryId: 'opd', innovationId: 'abc', extraFields: values }).success,
    ).toBe(true);
  });
});

describe('a judge’s score', () => {
  it('is checked against the criterion’s own scale, not 1–10', () => {
    const percent = { scaleMin: 0, scaleMax: 100 };
    expect(scoreProblem(percent, 85)).toBeUndefined();
    expect(scoreProblem(percent, '0')).toBeUndefined();
    expect(scoreProblem(percent, 101)).toBe('range');
    expect(scoreProblem({ scaleMin: 1, scaleMax: 5 }, 7)).toBe('range');
    expect(scoreProblem(percent, '')).toBe('required');
    expect(scoreProblem(percent, undefined)).toBe('required');
  });
});
