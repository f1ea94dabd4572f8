import { describe, expect, it } from 'vitest';
import type { Innovation } from '../src/api/model.ts';
import {
  countWords,
  emptyFormValues,
  hasChanges,
  rebase,
  toFormValues,
  toProfile,
  toProfilePatch,
  validate,
} from '../src/features/innovations/formValues.ts';

const saved = {
  opdId: 'opd-dinkes',
  profile: {
    name: 'Posyandu Digital',
    stage: 'penerapan',
    urusanOthers: ['kesehatan'],
    budget: 25_000_000,
    tujuan: 'Mempercepat pelayanan',
  },
} as unknown as Innovation;

describe('the innovation form values', () => {
  it('round-trips a saved profile, with unfilled fields as empty strings', () => {
    const values = toFormValues(saved);
    expect(values).toMatchObject({
      opdId: 'opd-dinkes',
      name: 'Posyandu Digital',
      stage: 'penerapan',
      urusanOthers: ['kesehatan'],
      budget: '25000000',
      hasil: '',
    });
    expect(toProfile(values)).toEqual({
      name: 'Posyandu Digital',
      stage: 'penerapan',
      urusanOthers: ['kesehatan'],
      budget: 25_000_000,
      tujuan: 'Mempercepat pelayanan',
    });
  });

  it('patches only what the user changed, a cleared field as null, numbers as numbers', () => {
    const base = toFormValues(saved);
    const edited = { ...base, tujuan: '', budget: '30000000', hasil: '  Antrean turun 40%  ' };
    expect(toProfilePatch(base, edited)).toEqual({
      tujuan: null,
      budget: 30_000_000,
      hasil: 'Antrean turun 40%',
    });
    expect(toProfilePatch(base, { ...base })).toEqual({});
    expect(hasChanges(base, { ...base, urusanOthers: ['kesehatan'] })).toBe(false);
    expect(hasChanges(base, { ...base, urusanOthers: ['kesehatan', 'pendidikan'] })).toBe(true);
  });

  it('keeps the user’s edits over a newer server version, and takes the rest from it', () => {
    const base = toFormValues(saved);
    const mine = { ...base, tujuan: 'Tujuan baru dari operator' };
    const theirs = { ...base, name: 'Posyandu Digital Terpadu', tujuan: 'Tujuan dari verifikator' };
    expect(rebase(base, mine, theirs)).toEqual({
      ...base,
      name: 'Posyandu Digital Terpadu',
      tujuan: 'Tujuan baru dari operator',
    });
  });

  it('checks the OPD and a name of at least three characters before a round trip', () => {
    expect(validate(emptyFormValues())).toEqual({ opdId: 'required', name: 'nameTooShort' });
    expect(validate({ ...emptyFormValues('opd-dinkes'), name: ' ab ' })).toEqual({ name: 'nameTooShort' });
    expect(validate({ ...emptyFormValues('opd-dinkes'), name: 'Abc' })).toEqual({});
  });

  it('counts the words of the rancang bangun however they are spaced', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords(' Inovasi  layanan\n\tkesehatan ibu ')).toBe(4);
  });
});
