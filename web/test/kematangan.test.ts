import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRubric } from '../../packages/core/src/rubrics/index.ts';
import { kematanganTotalFrom } from '../../packages/core/src/scoring/kematangan.ts';
import type { Innovation, Rubric } from '../src/api/model.ts';
import { answerProgress, countedLevel, kematangan } from '../src/features/scoring/kematangan.ts';

const coreRubric = getRubric('iid-2026');
const rubric = coreRubric as unknown as Rubric;
type Answers = Innovation['answers'];
const codes = coreRubric.sidIndicators.map((indicator) => indicator.code).filter((code) => code !== 'sid.33');

describe('kematangan as the innovation page shows it', () => {
  it('gives 18 / 111 for sid.16 at level 2 and sid.35 at level 3 (the e2e journey’s figure)', () => {
    const answers = { 'sid.16': { level: 2 }, 'sid.35': { level: 3 } } as unknown as Answers;
    expect(kematangan(rubric, answers, 'claimed')).toBe(18);
    expect(kematangan(rubric, answers, 'verified')).toBe(0);
  });

  it('counts sid.33 only with its basis, and only accepted answers for the verified figure', () => {
    expect(countedLevel('sid.33', { level: 3 } as never, 'claimed')).toBe(0);
    expect(countedLevel('sid.33', { level: 3, basis: 'a' } as never, 'claimed')).toBe(3);
    expect(countedLevel('sid.16', { level: 2, review: { status: 'returned' } } as never, 'verified')).toBe(0);
    expect(countedLevel('sid.16', { level: 2, review: { status: 'accepted' } } as never, 'verified')).toBe(2);
  });

  it('always agrees with the server’s scoring (packages/core)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...codes), fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>),
        (levels) => {
          const answers = Object.fromEntries(
            Object.entries(levels).map(([code, level]) => [code, { level }]),
          ) as unknown as Answers;
          const server = kematanganTotalFrom(coreRubric, (code) => levels[code]);
          expect(kematangan(rubric, answers, 'claimed')).toBeCloseTo(server, 9);
        },
      ),
    );
  });

  it('counts answered, accepted and returned answers', () => {
    const answers = {
      'sid.16': { level: 2, review: { status: 'accepted' } },
      'sid.35': { level: 3, review: { status: 'returned' } },
      'sid.20': { level: 1 },
    } as unknown as Answers;
    expect(answerProgress(rubric, answers)).toEqual({
      answered: 3,
      accepted: 1,
      returned: 1,
      total: coreRubric.sidIndicators.length,
    });
  });
});
